using System.Diagnostics;
using System.Security.Cryptography;
using SiteGen.Content.Tests;

namespace SiteGen.Cli.Tests;

/// <summary>A project folder as a user has it: content/, themes/ and a README side by side (the fictional fixture).</summary>
public sealed class Project : IDisposable
{
    public string Root { get; } = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional"));
    public string Content => Path.Combine(Root, "content");
    public string Themes => Path.Combine(Root, "themes");

    public Project() => File.WriteAllText(Path.Combine(Root, "README.md"), "my notes");

    public CliRun Build(string outDir, params string[] extra) => CliRun.Of(["build", "--content", Content, "--out", outDir, .. extra]);

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

/// <summary>Every entry of a folder with its bytes, time and mode (links by their target, never followed), to prove nothing changed.</summary>
public static class Tree
{
    public static SortedDictionary<string, string> Snapshot(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0 };
        void Walk(DirectoryInfo d)
        {
            foreach (var e in d.EnumerateFileSystemInfos("*", options))
            {
                string rel = Path.GetRelativePath(dir, e.FullName);
                if (e.LinkTarget is { } target) result[rel] = "link " + target;
                else if (e is DirectoryInfo sub)
                {
                    result[rel] = "dir " + sub.UnixFileMode;
                    Walk(sub);
                }
                else
                    result[rel] = $"file {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(e.FullName)))} {e.LastWriteTimeUtc.Ticks} {e.UnixFileMode}";
            }
        }
        if (Directory.Exists(dir)) Walk(new DirectoryInfo(dir));
        return result;
    }

    public static void AssertSame(SortedDictionary<string, string> before, string dir)
    {
        var after = Snapshot(dir);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (k, v) in before) Assert.True(v == after[k], $"{k} changed: {v} -> {after[k]}");
    }
}

/// <summary>Runs the built sitegen as its own process, for what needs a real working folder, environment or signals.</summary>
public static class CliProcess
{
    public static ProcessStartInfo StartInfo(string workingDirectory, IDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sitegen.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        return psi;
    }

    public static CliRun Run(string workingDirectory, IDictionary<string, string>? env, params string[] args)
    {
        using var p = Process.Start(StartInfo(workingDirectory, env, args))!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(60_000), "sitegen timed out");
        return new CliRun(p.ExitCode, output, err.Result);
    }
}
