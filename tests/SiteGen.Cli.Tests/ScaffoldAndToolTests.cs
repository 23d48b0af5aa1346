using System.Diagnostics;
using SiteGen.Content.Tests;

namespace SiteGen.Cli.Tests;

public class ScaffoldAndToolTests
{
    [Fact]
    public void New_municipality_and_neighbourhood_build_at_once_with_every_placeholder_marked()
    {
        using var ws = new Workspace();
        var m = CliRun.Of("new", "municipality", "zonnedal", "--content", ws.Content);
        Assert.True(m.ExitCode == 0, m.Err);
        var n = CliRun.Of("new", "neighbourhood", "zonnedal/de-akkers", "--content", ws.Content);
        Assert.True(n.ExitCode == 0, n.Err);
        string scenario = Path.Combine(ws.Content, "zonnedal", "de-akkers", "neighbourhood.yaml");
        Assert.Contains("# yaml-language-server: $schema=", File.ReadAllText(scenario));
        string themes = Path.Combine(RepoPaths.Root, "themes");
        var build = CliRun.Of("build", "--content", ws.Content, "--out", ws.Output, "--themes", themes);
        Assert.True(build.ExitCode == 0, build.Err);
        // Besides the scaffold's placeholders, the only warnings are the shipped content's marked example loan values.
        Assert.All(build.Err.Split('\n').Where(l => l.Contains(" warning ") && !l.Contains(" warning SG017: ")),
            l => Assert.Contains("assumptions/loan.yaml", l));
        Assert.True(File.Exists(Path.Combine(ws.Output, "zonnedal", "de-akkers", "woningen", "rijwoning", "index.html")));

        // A warning at each placeholder: every 'nog invullen' in the scenario, the sample text, the source's date.
        int expected = 0;
        foreach (var (file, marker) in new[] { ("zonnedal/de-akkers/neighbourhood.yaml", "nog invullen"), ("zonnedal/de-akkers/neighbourhood.yaml", "(voorbeeld)"),
                     ("zonnedal/de-akkers/index.md", "Voorbeeldtekst"), ("sources.yaml", "2000-01-01"), ("sources.yaml", "nog invullen") })
        {
            var lines = File.ReadAllLines(Path.Combine(ws.Content, file));
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith('#')) continue;
                for (int at = lines[i].IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = lines[i].IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    expected++;
                    Assert.Contains($"{file}:{i + 1}:{at + 1}: warning SG017: voorbeeldtekst", build.Err);
                }
            }
        }
        Assert.True(expected >= 12, $"{expected} placeholders found in the scaffold");
        Assert.Equal(expected, build.Err.Split('\n').Count(l => l.Contains(": warning SG017: ", StringComparison.Ordinal)));

        // The new neighbourhood's pages (and the home page that lists it) say "concept"; Putten's pages do not.
        Assert.Contains("concept-banner", File.ReadAllText(Path.Combine(ws.Output, "zonnedal", "de-akkers", "woningen", "rijwoning", "index.html")));
        Assert.Contains("concept-banner", File.ReadAllText(Path.Combine(ws.Output, "zonnedal", "de-akkers", "index.html")));
        Assert.Contains("concept-banner", File.ReadAllText(Path.Combine(ws.Output, "index.html")));
        Assert.DoesNotContain("concept-banner", File.ReadAllText(Path.Combine(ws.Output, "putten", "bijsteren-husselerveld", "index.html")));

        // --strict: the placeholders are errors and nothing is written.
        var before = Directory.GetFiles(ws.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        var strict = CliRun.Of("build", "--content", ws.Content, "--out", ws.Output, "--strict", "--themes", themes);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("zonnedal/de-akkers/index.md:", strict.Err);
        Assert.Contains(": error SG017: voorbeeldtekst", strict.Err);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(ws.Output, "*", SearchOption.AllDirectories).Order());
        foreach (var (f, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(f));

        // publish refuses to record placeholder figures: exit 1, the locations listed, history.json not written.
        var publish = CliRun.Of("publish", "--content", ws.Content, "--neighbourhood", "zonnedal/de-akkers");
        Assert.Equal(1, publish.ExitCode);
        Assert.Contains("zonnedal/de-akkers/neighbourhood.yaml:", publish.Err);
        Assert.Contains("niets gepubliceerd", publish.Err);
        Assert.False(File.Exists(Path.Combine(ws.Content, "zonnedal", "de-akkers", "history.json")));
        // Without --neighbourhood: nothing either, and the way to record Putten alone is named.
        var all = CliRun.Of("publish", "--content", ws.Content);
        Assert.Equal(1, all.ExitCode);
        Assert.Contains("of leg een andere wijk apart vast met --neighbourhood <gemeente>/<wijk>", all.Err);
        Assert.False(File.Exists(Path.Combine(ws.Content, "zonnedal", "de-akkers", "history.json")));
        // diff records nothing: it shows every neighbourhood, the draft marked as such (it refused, with publish's message).
        var diff = CliRun.Of("diff", "--content", ws.Content);
        Assert.True(diff.ExitCode == 0, diff.Err);
        Assert.Contains("putten/bijsteren-husselerveld", diff.Out);
        Assert.Contains("concept: hier staat nog voorbeeldtekst van 'sitegen new'", diff.Out);
        Assert.DoesNotContain("niets gepubliceerd", diff.Err);

        // A neighbourhood in a municipality that does not exist yet creates the municipality too.
        Assert.Equal(0, CliRun.Of("new", "neighbourhood", "nieuwdorp/centrum", "--content", ws.Content).ExitCode);
        Assert.True(File.Exists(Path.Combine(ws.Content, "nieuwdorp", "municipality.yaml")));
        Assert.Equal(0, CliRun.Of("check", "--content", ws.Content, "--themes", themes).ExitCode);
    }

    [Fact]
    public void New_refuses_a_content_folder_that_is_a_file_or_does_not_exist_and_says_what_a_new_one_needs()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sitegen-new-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // A typo in --content made a whole new content tree; a file there was an internal error (exit 70).
            string file = Path.Combine(dir, "content.txt");
            File.WriteAllText(file, "x");
            var onFile = CliRun.Of("new", "municipality", "zonnedal", "--content", file);
            Assert.Equal(2, onFile.ExitCode);
            Assert.Contains("is een bestand; geef met --content de inhoudsmap op", onFile.Err);
            var typo = CliRun.Of("new", "municipality", "zonnedal", "--content", Path.Combine(dir, "conten"));
            Assert.Equal(2, typo.ExitCode);
            Assert.Contains("bestaat niet; geef de juiste map op met --content", typo.Err);
            Assert.Equal([file], Directory.GetFileSystemEntries(dir));
            // An empty folder is scaffolded, with a word on the shared files it still needs to build.
            string empty = Path.Combine(dir, "leeg");
            Directory.CreateDirectory(empty);
            var fresh = CliRun.Of("new", "municipality", "zonnedal", "--content", empty);
            Assert.Equal(0, fresh.ExitCode);
            Assert.Contains("heeft nog geen assumptions/ met de gedeelde parameters; kopieer assumptions/, step-plans/ en sources.yaml", fresh.Out);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void New_refuses_bad_ids_and_existing_folders()
    {
        using var ws = new Workspace();
        Assert.Equal(2, CliRun.Of("new", "neighbourhood", "Zonnedal/De Akkers", "--content", ws.Content).ExitCode);
        Assert.Equal(2, CliRun.Of("new", "neighbourhood", "putten/bijsteren-husselerveld", "--content", ws.Content).ExitCode);
        Assert.Equal(2, CliRun.Of("new", "village", "x", "--content", ws.Content).ExitCode);
        // Names the content or the site uses for itself: nothing is written into those folders.
        foreach (var name in new[] { "assumptions", "open-data" })
        {
            var refused = CliRun.Of("new", "municipality", name, "--content", ws.Content);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("kan geen gemeente zijn", refused.Err + refused.Out, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(ws.Content, name, "municipality.yaml")));
        }
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
