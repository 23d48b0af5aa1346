using System.Diagnostics;
using SiteGen.Content.Tests;

namespace SiteGen.Cli.Tests;

public class ScaffoldAndToolTests
{
    [Fact]
    public void New_municipality_and_neighbourhood_build_at_once_without_warnings()
    {
        using var ws = new Workspace();
        var m = CliRun.Of("new", "municipality", "zonnedal", "--content", ws.Content);
        Assert.True(m.ExitCode == 0, m.Err);
        var n = CliRun.Of("new", "neighbourhood", "zonnedal/de-akkers", "--content", ws.Content);
        Assert.True(n.ExitCode == 0, n.Err);
        Assert.Contains("# yaml-language-server: $schema=", File.ReadAllText(Path.Combine(ws.Content, "zonnedal", "de-akkers", "neighbourhood.yaml")));
        // The scaffolded files add no warnings; the shipped content's only warnings are its marked example loan values (SG020).
        var build = CliRun.Of("build", "--content", ws.Content, "--out", ws.Output, "--themes", Path.Combine(RepoPaths.Root, "themes"));
        Assert.True(build.ExitCode == 0, build.Err);
        Assert.All(build.Err.Split('\n').Where(l => l.Contains(" warning ")), l => Assert.Contains("assumptions/loan.yaml", l));
        Assert.All(build.Err.Split('\n').Where(l => l.Contains(" warning ")), l => Assert.Contains("SG020", l));
        Assert.True(File.Exists(Path.Combine(ws.Output, "zonnedal", "de-akkers", "woningen", "rijwoning", "index.html")));
        // A neighbourhood in a municipality that does not exist yet creates the municipality too.
        Assert.Equal(0, CliRun.Of("new", "neighbourhood", "nieuwdorp/centrum", "--content", ws.Content).ExitCode);
        Assert.True(File.Exists(Path.Combine(ws.Content, "nieuwdorp", "municipality.yaml")));
        Assert.Equal(0, CliRun.Of("check", "--content", ws.Content, "--themes", Path.Combine(RepoPaths.Root, "themes")).ExitCode);
    }

    [Fact]
    public void New_refuses_bad_ids_and_existing_folders()
    {
        using var ws = new Workspace();
        Assert.Equal(2, CliRun.Of("new", "neighbourhood", "Zonnedal/De Akkers", "--content", ws.Content).ExitCode);
        Assert.Equal(2, CliRun.Of("new", "neighbourhood", "putten/bijsteren-husselerveld", "--content", ws.Content).ExitCode);
        Assert.Equal(2, CliRun.Of("new", "village", "x", "--content", ws.Content).ExitCode);
    }

    private static (int Code, string Output) Run(string file, string workingDir, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(300_000), $"{file} {string.Join(' ', args)} timed out");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void The_tool_package_installs_offline_from_a_local_folder_and_builds_content_outside_the_repository()
    {
        string work = Path.Combine(Path.GetTempPath(), "sitegen-tool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string nupkg = Path.Combine(work, "nupkg"), tools = Path.Combine(work, "tools");
            var pack = Run("dotnet", RepoPaths.Root, "pack", "src/SiteGen.Cli", "-c", "Release", "-o", nupkg, "-nologo");
            Assert.True(pack.Code == 0, pack.Output);
            // Only the local folder as source: the install must not need a registry.
            var install = Run("dotnet", work, "tool", "install", "--tool-path", tools, "--add-source", nupkg, "--ignore-failed-sources", "SiteGen", "--version", "0.1.0");
            Assert.True(install.Code == 0, install.Output);
            // A content folder with no themes/ next to it: the default theme comes with the tool.
            string content = RepoPaths.CopyToTemp(RepoPaths.Content);
            var build = Run(Path.Combine(tools, "sitegen"), work, "build", "--content", content, "--out", Path.Combine(work, "site"));
            Assert.True(build.Code == 0, build.Output);
            Assert.True(File.Exists(Path.Combine(work, "site", "assets", "default", "css", "site.css")));
            Assert.Contains("64.980", File.ReadAllText(Path.Combine(work, "site", "putten", "bijsteren-husselerveld", "woningen", "vrijstaand-voor-1980", "index.html")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
