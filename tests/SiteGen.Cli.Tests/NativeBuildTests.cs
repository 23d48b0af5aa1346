using System.Diagnostics;
using System.Net.Http;
using System.Runtime.InteropServices;
using SiteGen.Content.Tests;

namespace SiteGen.Cli.Tests;

/// <summary>
/// The native build (<c>dotnet publish src/SiteGen.Cli -r linux-x64 -p:PublishAot=true</c>, README "Installing") compiles
/// SiteGen and its libraries ahead of time. YamlDotNet, Scriban and NJsonSchema read types by reflection, which a native
/// program only has where the build kept it: these tests publish it once and check that it makes the same site as the
/// JIT build, byte for byte, and that every verb works. They need a C toolchain, as the publish does (<c>.ci/run</c>
/// installs gcc); without one they fail rather than pass unseen.
/// </summary>
public sealed class NativeBuildTests(NativeBuildTests.Published native) : IClassFixture<NativeBuildTests.Published>
{
    /// <summary>The native program, published once from a copy of the sources (its own obj/ and bin/, apart from the test build's).</summary>
    public sealed class Published : IDisposable
    {
        public string Work { get; } = Path.Combine(Path.GetTempPath(), "sitegen-native-" + Guid.NewGuid().ToString("N"));
        public string Program { get; }

        public Published()
        {
            string sources = Path.Combine(Work, "repo");
            // What the projects take in: their sources, the default theme, the JSON schemas, the shared build settings.
            foreach (var item in new[] { "src", "themes", "content/schema", "Directory.Build.props", "Directory.Packages.props" })
            {
                string from = Path.Combine(RepoPaths.Root, item);
                if (File.Exists(from)) File.Copy(from, Path.Combine(Directory.CreateDirectory(sources).FullName, item));
                else CopyTree(from, Path.Combine(sources, item));
            }
            string rid = RuntimeInformation.RuntimeIdentifier.StartsWith("linux-arm64", StringComparison.Ordinal) ? "linux-arm64" : "linux-x64";
            string bin = Path.Combine(Work, "bin");
            var (code, output) = Run("dotnet", sources, 1_200_000, "publish", "src/SiteGen.Cli", "-c", "Release", "-r", rid,
                "-p:PublishAot=true", "-o", bin, "-nologo");
            Assert.True(code == 0, "the native publish failed (a C toolchain, gcc or clang, is needed):\n" + output);
            Program = Path.Combine(bin, "sitegen");
        }

        private static void CopyTree(string from, string to)
        {
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(from, file);
                // The test build's own output is not part of the sources.
                if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
                string dest = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                File.Copy(file, dest);
            }
        }

        public void Dispose() => Directory.Delete(Work, recursive: true);
    }

    private static (int Code, string Output) Run(string file, string workingDir, int timeoutMs, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(timeoutMs), $"{file} {string.Join(' ', args)} timed out");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    // From this process's working folder, as CliRun runs the JIT build: findings show paths relative to it.
    private (int Code, string Output) Native(params string[] args) => Run(native.Program, Environment.CurrentDirectory, 120_000, args);

    private static Dictionary<string, byte[]> Read(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes);

    [Fact]
    public void The_native_program_builds_the_same_site_as_the_jit_build()
    {
        using var ws = new Workspace();
        string jit = Path.Combine(native.Work, "site-jit"), own = Path.Combine(native.Work, "site-native");
        var themes = Path.Combine(RepoPaths.Root, "themes");
        Assert.Equal(0, CliRun.Of("build", "--content", ws.Content, "--themes", themes, "--out", jit).ExitCode);
        var built = Native("build", "--content", ws.Content, "--themes", themes, "--out", own);
        Assert.True(built.Code == 0, built.Output);
        var expected = Read(jit);
        var actual = Read(own);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.True(expected.Count >= 19);
        foreach (var (path, bytes) in expected)
        {
            // The manifest's digests include the identity of the SiteGen build, which differs between the two programs.
            if (path == Rendering.Pipeline.OutputManifest.FileName) continue;
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs between the native and the JIT build");
        }
        Assert.Equal(Rendering.Pipeline.OutputManifest.Load(jit)!.Files, Rendering.Pipeline.OutputManifest.Load(own)!.Files);

        // Incremental: one edit, and the native program's rebuild equals the JIT build of the edited content.
        ws.Edit("putten/bijsteren-husselerveld/neighbourhood.yaml", "amount: 1900", "amount: 1950");
        Assert.Equal(0, CliRun.Of("build", "--content", ws.Content, "--themes", themes, "--out", jit).ExitCode);
        built = Native("build", "--content", ws.Content, "--themes", themes, "--out", own);
        Assert.True(built.Code == 0, built.Output);
        foreach (var (path, bytes) in Read(jit).Where(f => f.Key != Rendering.Pipeline.OutputManifest.FileName))
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(own, path))), $"{path} differs after an edit");
    }

    [Fact]
    public void The_native_program_collects_with_the_gen0_budget_and_regions_it_was_built_with()
    {
        // SiteGen.Cli.csproj compiles in a 16 MB gen-0 budget (the runtime's own is 6 MB): a large build is a fifth faster.
        // On x64 it also compiles in 1 MB heap regions (the runtime's own are 4 MB): a lower peak, growing less with the
        // site. The settings are not read from runtimeconfig.json, so only the native program has them, and only if the
        // publish passed them on; --verbose reports what the GC runs with.
        using var ws = new Workspace();
        var built = Native("build", "--content", ws.Content, "--themes", Path.Combine(RepoPaths.Root, "themes"),
            "--out", Path.Combine(native.Work, "site-budget"), "--verbose");
        Assert.True(built.Code == 0, built.Output);
        Assert.Contains("gen-0-budget 16 MB,", built.Output);
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64) Assert.Contains("regio's 1024 KB,", built.Output);
    }

    [Fact]
    public void Check_explain_new_and_broken_content_work_as_in_the_jit_build()
    {
        string[] explain = ["explain", "--content", RepoPaths.Content, "--neighbourhood", "putten/bijsteren-husselerveld",
            "--dwelling", "vrijstaand-voor-1980", "--variant", "lucht-water-warmtepomp", "--gas-m3", "1800", "--loan"];
        var expected = CliRun.Of(explain);
        var actual = Native(explain);
        Assert.Equal(0, expected.ExitCode);
        Assert.True(actual.Code == 0, actual.Output);
        Assert.Equal(expected.Out + expected.Err, actual.Output);

        using var ws = new Workspace();
        var check = Native("check", "--content", ws.Content, "--themes", Path.Combine(RepoPaths.Root, "themes"));
        Assert.True(check.Code == 0, check.Output);

        // A new neighbourhood from the scaffold (embedded resources), then a schema error in it: the JSON-schema check runs.
        var created = Native("new", "neighbourhood", "putten/nieuwe-wijk", "--content", ws.Content);
        Assert.True(created.Code == 0, created.Output);
        ws.Edit("putten/nieuwe-wijk/neighbourhood.yaml", "name:", "naam:");
        var broken = Native("check", "--content", ws.Content, "--themes", Path.Combine(RepoPaths.Root, "themes"));
        var jitBroken = CliRun.Of("check", "--content", ws.Content, "--themes", Path.Combine(RepoPaths.Root, "themes"));
        Assert.Equal(1, jitBroken.ExitCode);
        Assert.Equal(jitBroken.ExitCode, broken.Code);
        Assert.Equal(jitBroken.Out + jitBroken.Err, broken.Output);
    }

    [Fact]
    public async Task Serve_shows_the_site_on_loopback()
    {
        using var ws = new Workspace();
        var psi = new ProcessStartInfo(native.Program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var a in new[] { "serve", "--content", ws.Content, "--themes", Path.Combine(RepoPaths.Root, "themes"), "--port", "0" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        try
        {
            string? url = null;
            var started = Stopwatch.StartNew();
            while (url is null && started.Elapsed < TimeSpan.FromSeconds(60) && await p.StandardOutput.ReadLineAsync() is { } line)
                if (line.Contains(" op http://127.0.0.1:", StringComparison.Ordinal))
                    url = line[(line.IndexOf("http://", StringComparison.Ordinal))..].Split(' ')[0];
            if (url is null)
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail("serve did not say where it listens: " + await p.StandardError.ReadToEndAsync());
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            string home = await http.GetStringAsync(url!.TrimEnd('/') + "/putten/bijsteren-husselerveld/");
            Assert.Contains("Bijsteren-Husselerveld", home);
            Assert.Contains("/_sitegen/events", home); // the reload script serve adds
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }
}
