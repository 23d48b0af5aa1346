using System.Diagnostics;
using SiteGen.Content.Tests;

namespace SiteGen.Cli.Tests;

/// <summary>The same content gives the same site, byte for byte, whatever the machine's culture, time zone or file order.</summary>
public class DeterminismTests
{
    private static Dictionary<string, byte[]> Read(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes);

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual, string what)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{what}: {path} differs");
    }

    /// <summary>Runs the built CLI as its own process, so culture and time zone come from the environment as on a real machine.</summary>
    private static string BuildInProcess(string content, IDictionary<string, string> env)
    {
        string output = Path.Combine(Path.GetTempPath(), "sitegen-det-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sitegen.dll"));
        foreach (var a in new[] { "build", "--content", content, "--out", output, "--themes", Path.Combine(RepoPaths.Root, "themes") }) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(60_000), "build timed out");
        Assert.True(p.ExitCode == 0, $"{string.Join(' ', env)}: exit {p.ExitCode}\n{err}");
        return output;
    }

    [Fact]
    public void Two_builds_of_the_same_content_are_identical()
    {
        using var a = new Workspace();
        var first = CliRun.Of("build", "--content", RepoPaths.Content, "--out", a.Output);
        Assert.Equal(0, first.ExitCode);
        var one = Read(a.Output);
        Assert.Equal(0, CliRun.Of("build", "--content", RepoPaths.Content, "--out", a.Output).ExitCode);
        AssertSameFiles(one, Read(a.Output), "second build");
        Assert.True(one.Count >= 19);
    }

    public static IEnumerable<object[]> Environments() =>
    [
        ["nl_NL", new Dictionary<string, string> { ["LANG"] = "nl_NL.UTF-8", ["LC_ALL"] = "nl_NL.UTF-8", ["TZ"] = "Europe/Amsterdam" }],
        ["en_US", new Dictionary<string, string> { ["LANG"] = "en_US.UTF-8", ["LC_ALL"] = "en_US.UTF-8", ["TZ"] = "America/New_York" }],
        ["tr_TR", new Dictionary<string, string> { ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8", ["TZ"] = "Europe/Istanbul" }],
        ["C", new Dictionary<string, string> { ["LANG"] = "C", ["LC_ALL"] = "C", ["TZ"] = "Pacific/Kiritimati" }],
        ["invariant", new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1", ["TZ"] = "UTC" }],
    ];

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_site_is_the_same_under_any_culture_and_time_zone(string name, Dictionary<string, string> env)
    {
        using var ws = new Workspace();
        Assert.Equal(0, CliRun.Of("build", "--content", RepoPaths.Content, "--out", ws.Output).ExitCode);
        string other = BuildInProcess(RepoPaths.Content, env);
        try { AssertSameFiles(Read(ws.Output), Read(other), name); }
        finally { Directory.Delete(other, recursive: true); }
    }

    [Fact]
    public void The_site_does_not_depend_on_the_order_the_file_system_lists_files_in()
    {
        // Recreate the content with every file and folder written in reverse order, so a directory listing
        // in creation order differs from the original.
        string copy = Path.Combine(Path.GetTempPath(), "sitegen-order-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(RepoPaths.Content, "*", SearchOption.AllDirectories).OrderDescending(StringComparer.Ordinal))
        {
            string dest = Path.Combine(copy, Path.GetRelativePath(RepoPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        using var a = new Workspace();
        using var b = new Workspace();
        Assert.Equal(0, CliRun.Of("build", "--content", RepoPaths.Content, "--out", a.Output, "--themes", Path.Combine(RepoPaths.Root, "themes")).ExitCode);
        Assert.Equal(0, CliRun.Of("build", "--content", copy, "--out", b.Output, "--themes", Path.Combine(RepoPaths.Root, "themes")).ExitCode);
        AssertSameFiles(Read(a.Output), Read(b.Output), "reversed file order");
        Directory.Delete(copy, recursive: true);
    }
}
