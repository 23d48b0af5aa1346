using SiteGen.Rendering.Pipeline;

namespace SiteGen.Cli.Tests;

/// <summary>
/// The build only ever touches what it wrote itself (issue 8): an --out that would hit the user's files is a usage
/// error (exit 2, one line, nothing touched), and a rebuild keeps everything the previous build did not write.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly Project _p = new();

    public void Dispose() => _p.Dispose();

    private static void AssertOneLine(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.Out}\n{run.Err}");
        Assert.Equal(expected + "\n", run.Err.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("content", "is de map content; de build zou die vervangen, kies een andere map, bijvoorbeeld --out output")]
    [InlineData("content/site", "ligt in de map content ('{content}'); kies een map ernaast, bijvoorbeeld --out output")]
    [InlineData("content/zonnedal", "ligt in de map content ('{content}'); kies een map ernaast, bijvoorbeeld --out output")]
    [InlineData("", "bevat de map content ('{content}'); kies een map ernaast, bijvoorbeeld --out output")]
    [InlineData("themes", "is de map themes; de build zou die vervangen, kies een andere map, bijvoorbeeld --out output")]
    [InlineData("themes/zonnedal", "ligt in de map themes ('{themes}'); kies een map ernaast, bijvoorbeeld --out output")]
    public void An_out_folder_that_is_in_or_around_content_or_themes_is_refused_and_nothing_is_touched(string relative, string why)
    {
        string outDir = Path.Combine(_p.Root, relative);
        var before = Tree.Snapshot(_p.Root);
        var run = _p.Build(outDir);
        AssertOneLine(run, $"sitegen: --out '{outDir}' {why.Replace("{content}", _p.Content).Replace("{themes}", _p.Themes)}");
        Tree.AssertSame(before, _p.Root);
    }

    [Fact]
    public void An_out_folder_that_is_a_symbolic_link_to_the_content_folder_is_refused()
    {
        string link = Path.Combine(_p.Root, "site");
        Directory.CreateSymbolicLink(link, _p.Content);
        var before = Tree.Snapshot(_p.Root);
        AssertOneLine(_p.Build(link), $"sitegen: --out '{link}' is de map content; de build zou die vervangen, kies een andere map, bijvoorbeeld --out output");
        Tree.AssertSame(before, _p.Root);
    }

    [Fact]
    public void Out_dot_is_the_current_folder_and_is_refused()
    {
        var before = Tree.Snapshot(_p.Root);
        var run = CliProcess.Run(_p.Root, null, "build", "--content", "content", "--out", ".");
        AssertOneLine(run, "sitegen: --out '.' is de huidige map; de build zou die vervangen, kies een submap, bijvoorbeeld --out output");
        Tree.AssertSame(before, _p.Root);
    }

    [Fact]
    public void Out_slash_is_refused()
    {
        var rootBefore = Directory.GetFileSystemEntries("/").Order(StringComparer.Ordinal).ToList();
        var before = Tree.Snapshot(_p.Root);
        AssertOneLine(_p.Build("/"), "sitegen: --out '/' is de hoofdmap van het bestandssysteem; kies een eigen map, bijvoorbeeld --out output");
        Assert.Equal(rootBefore, Directory.GetFileSystemEntries("/").Order(StringComparer.Ordinal));
        Tree.AssertSame(before, _p.Root);
    }

    [Fact]
    public void The_home_folder_is_refused()
    {
        // A home folder of its own (HOME), holding the project, so the test can prove nothing in it changed.
        string home = Path.Combine(_p.Root, "home");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, ".bashrc"), "# mine");
        var before = Tree.Snapshot(_p.Root);
        var run = CliProcess.Run(_p.Root, new Dictionary<string, string> { ["HOME"] = home }, "build", "--content", _p.Content, "--out", home);
        AssertOneLine(run, $"sitegen: --out '{home}' is uw persoonlijke map; kies een eigen map, bijvoorbeeld --out output");
        Tree.AssertSame(before, _p.Root);
    }

    [Fact]
    public void A_non_empty_folder_without_a_manifest_is_refused_and_left_exactly_as_it_was()
    {
        string notes = Path.Combine(_p.Root, "notes");
        Directory.CreateDirectory(Path.Combine(notes, ".git", "refs"));
        File.WriteAllText(Path.Combine(notes, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(notes, "ideas.md"), "# ideas");
        var before = Tree.Snapshot(_p.Root);
        AssertOneLine(_p.Build(notes), $"sitegen: '{notes}' is niet leeg en niet door SiteGen gemaakt (er staat geen .sitegen-manifest.json in); kies een lege of nieuwe map");
        Tree.AssertSame(before, _p.Root);
    }

    [Fact]
    public void An_output_of_the_previous_version_without_a_manifest_is_refused_with_how_to_continue()
    {
        string outDir = Path.Combine(_p.Root, "output");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "index.html"), "<html></html>");
        string legacy = Path.Combine(_p.Root, ".output.sitegen-cache.json");
        File.WriteAllText(legacy, "{}");
        var before = Tree.Snapshot(_p.Root);
        AssertOneLine(_p.Build(outDir), $"sitegen: '{outDir}' is gemaakt door een eerdere SiteGen die geen lijst van zijn bestanden bijhield; verwijder de map en '{legacy}' één keer en bouw dan opnieuw");
        Tree.AssertSame(before, _p.Root);
    }

    [Fact]
    public void A_missing_or_empty_folder_is_built_into_and_no_cache_lands_beside_it()
    {
        string outDir = Path.Combine(_p.Root, "output");
        Directory.CreateDirectory(outDir);
        var run = _p.Build(outDir);
        Assert.True(run.ExitCode == 0, run.Err);
        // Only the output itself was added to the project folder: no cache, no staging folder beside it.
        Assert.Equal(["README.md", "content", "output", "themes"], Directory.GetFileSystemEntries(_p.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var manifest = OutputManifest.Load(outDir)!;
        Assert.Contains("index.html", manifest.Files);
        Assert.Equal(2, manifest.Cache.Neighbourhoods.Count);
        // The manifest is SiteGen's bookkeeping, not part of the site: no page or data file names it.
        Assert.DoesNotContain(OutputManifest.FileName, manifest.Files);
        foreach (var f in Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(OutputManifest.FileName, StringComparison.Ordinal)))
            Assert.DoesNotContain(".sitegen", File.ReadAllText(f));

        string fresh = Path.Combine(_p.Root, "new", "site");
        Assert.Equal(0, _p.Build(fresh).ExitCode);
        Assert.True(File.Exists(OutputManifest.PathIn(fresh)));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(Path.Combine(_p.Root, "new")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_rebuild_keeps_the_users_files_and_removes_only_its_own_stale_ones()
    {
        string outDir = Path.Combine(_p.Root, "output");
        Assert.Equal(0, _p.Build(outDir).ExitCode);
        // What a deploy repository and a web host put next to the site.
        Directory.CreateDirectory(Path.Combine(outDir, ".git", "objects", "ab"));
        Directory.CreateDirectory(Path.Combine(outDir, ".git", "refs", "tags")); // empty, and still the user's
        File.WriteAllText(Path.Combine(outDir, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllBytes(Path.Combine(outDir, ".git", "objects", "ab", "cdef"), [1, 2, 3]);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(outDir, ".git", "objects", "ab", "cdef"), UnixFileMode.UserRead | UnixFileMode.GroupRead);
        File.WriteAllText(Path.Combine(outDir, "CNAME"), "warmte.zonnedal.nl\n");
        Directory.CreateDirectory(Path.Combine(outDir, ".well-known"));
        File.WriteAllText(Path.Combine(outDir, ".well-known", "x"), "proof");
        File.WriteAllText(Path.Combine(outDir, "robots.txt"), "User-agent: *\n");
        File.WriteAllText(Path.Combine(outDir, "zonnedal", "molenkwartier", "notes.txt"), "in a folder SiteGen writes to");
        File.CreateSymbolicLink(Path.Combine(outDir, "home.html"), "index.html");
        var users = new[] { ".git", "CNAME", ".well-known", "robots.txt", "zonnedal/molenkwartier/notes.txt", "home.html" };
        var before = Tree.Snapshot(outDir);
        var mine = before.Where(kv => users.Any(u => kv.Key == u || kv.Key.StartsWith(u + "/", StringComparison.Ordinal))).ToList();
        Assert.Equal(13, mine.Count);

        // A neighbourhood is removed: its pages are stale and go; a neighbourhood is edited: its pages are rewritten.
        Directory.Delete(Path.Combine(_p.Content, "zonnedal", "molenkwartier"), recursive: true);
        string scenario = Path.Combine(_p.Content, "zonnedal", "de-akkers", "neighbourhood.yaml");
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("amount: 2100", "amount: 2600"));
        Thread.Sleep(20);
        var run = _p.Build(outDir);
        Assert.True(run.ExitCode == 0, run.Err);

        var after = Tree.Snapshot(outDir);
        foreach (var (path, what) in mine) Assert.True(after.TryGetValue(path, out var now) && now == what, $"{path}: {what} -> {now}");
        Assert.Empty(Directory.GetFiles(Path.Combine(outDir, "zonnedal", "molenkwartier"), "*.html", SearchOption.AllDirectories));
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(Path.Combine(outDir, "zonnedal", "molenkwartier")).Select(Path.GetFileName));
        Assert.DoesNotContain(OutputManifest.Load(outDir)!.Files, f => f.StartsWith("zonnedal/molenkwartier/", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, "zonnedal", "de-akkers", "index.html")));
        Assert.Empty(Directory.GetDirectories(_p.Root, ".output.*"));
    }

    [Fact]
    public void A_file_of_the_users_where_the_build_would_write_is_refused_and_nothing_is_touched()
    {
        string outDir = Path.Combine(_p.Root, "output");
        string molenkwartier = Path.Combine(_p.Root, "molenkwartier");
        Directory.Move(Path.Combine(_p.Content, "zonnedal", "molenkwartier"), molenkwartier);
        Assert.Equal(0, _p.Build(outDir).ExitCode);
        // The user puts a page where the next build, with the neighbourhood back, writes one.
        Directory.CreateDirectory(Path.Combine(outDir, "zonnedal", "molenkwartier"));
        File.WriteAllText(Path.Combine(outDir, "zonnedal", "molenkwartier", "index.html"), "mine");
        Directory.Move(molenkwartier, Path.Combine(_p.Content, "zonnedal", "molenkwartier"));
        var before = Tree.Snapshot(_p.Root);
        AssertOneLine(_p.Build(outDir),
            $"sitegen: '{Path.Combine(outDir, "zonnedal/molenkwartier/index.html")}' is niet door SiteGen geschreven en de build zou het vervangen; zet het eerst ergens anders neer");
        Tree.AssertSame(before, _p.Root);
    }

    [Theory]
    [InlineData("<a href=\"nergens.html\">x</a>", "error SG016: link 'nergens.html'")]
    [InlineData("{{ fact.no_such_value }}", "no_such_value")]
    public void A_build_that_fails_after_pages_were_staged_leaves_the_output_and_the_users_files_as_they_were(string insert, string expected)
    {
        string outDir = Path.Combine(_p.Root, "output");
        Assert.Equal(0, _p.Build(outDir).ExitCode);
        File.WriteAllText(Path.Combine(outDir, "CNAME"), "zonnedal.example");
        // A theme that breaks pages while they are drawn: found only after the first pages went to the staging folder.
        string facts = Path.Combine(_p.Themes, "zonnedal", "partials", "facts.sbn");
        File.WriteAllText(facts, File.ReadAllText(facts).Replace("<dt>{{ fact.term }}</dt>", "<dt>{{ fact.term }}" + insert + "</dt>"));
        var before = Tree.Snapshot(_p.Root);
        var run = _p.Build(outDir);
        Assert.True(run.ExitCode == 1, run.Err);
        Assert.Contains(expected, run.Err);
        Assert.Contains($"'{outDir}' is niet veranderd", run.Err);
        // Also no staging folder is left beside the output.
        Tree.AssertSame(before, _p.Root);
    }

    [Fact]
    public void A_damaged_manifest_is_refused_rather_than_guessed()
    {
        string outDir = Path.Combine(_p.Root, "output");
        Assert.Equal(0, _p.Build(outDir).ExitCode);
        File.WriteAllText(OutputManifest.PathIn(outDir), "{ not json");
        var before = Tree.Snapshot(_p.Root);
        var run = _p.Build(outDir);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"sitegen: '{OutputManifest.PathIn(outDir)}' is beschadigd", run.Err);
        Assert.Single(run.Err.TrimEnd().Split('\n'));
        Tree.AssertSame(before, _p.Root);
    }
}
