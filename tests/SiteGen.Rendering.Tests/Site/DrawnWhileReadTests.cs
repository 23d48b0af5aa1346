using SiteGen.Content.Diagnostics;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// A build that writes draws each neighbourhood as soon as it is read and lets go of it; a sequential build reads all
/// content first. Both must write the same output (manifest included) and report the same findings, also when a
/// neighbourhood fails after others were drawn.
/// </summary>
public sealed class DrawnWhileReadTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-drawn-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _copies = [];

    public void Dispose()
    {
        foreach (var d in _copies.Append(_dir))
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    private string Fictional()
    {
        string root = BuiltSite.CopyFictional();
        _copies.Add(root);
        return root;
    }

    private BuildResult Build(string content, string themes, string output, int workers) =>
        SiteBuilder.Build(new BuildOptions(content, Path.Combine(_dir, output), BuiltSite.BuildDate, ThemesDir: themes, MaxDegreeOfParallelism: workers));

    private static string[] Findings(BuildResult r) => r.Diagnostics.Items.Select(d => d.ToString()).ToArray();

    /// <summary>Every file under a folder, hidden ones too, with its bytes.</summary>
    private static Dictionary<string, byte[]> Tree(string dir) => Directory.Exists(dir)
        ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes)
        : [];

    private static void AssertSameTree(string expected, string actual)
    {
        var a = Tree(expected);
        var b = Tree(actual);
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in a)
            Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs");
    }

    private string[] Leftovers() => Directory.Exists(_dir) ? Directory.GetDirectories(_dir, ".*") : [];

    [Theory]
    [InlineData("example")]
    [InlineData("fictional")]
    public void Drawing_while_reading_writes_the_same_output_as_reading_first(string site)
    {
        string root = site == "example" ? RepoPaths.Root : Fictional();
        string content = Path.Combine(root, "content"), themes = Path.Combine(root, "themes");
        var first = Build(content, themes, "read-first", workers: 1);
        var drawn = Build(content, themes, "drawn", workers: -1);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics.Items));
        Assert.True(drawn.Succeeded, string.Join("\n", drawn.Diagnostics.Items));
        // Not two builds of the same kind: every neighbourhood was drawn while reading in one, none in the other.
        Assert.Equal(0, first.NeighbourhoodsDrawnWhileRead);
        Assert.True(drawn.NeighbourhoodsDrawnWhileRead > 0);
        Assert.Equal(first.NeighbourhoodsRendered, drawn.NeighbourhoodsDrawnWhileRead);
        Assert.Equal(first.NeighbourhoodsRendered, drawn.NeighbourhoodsRendered);
        Assert.Equal(Findings(first), Findings(drawn));
        Assert.Equal(first.LinksChecked, drawn.LinksChecked);
        AssertSameTree(Path.Combine(_dir, "read-first"), Path.Combine(_dir, "drawn"));
        Assert.Empty(Leftovers());
        // The links among a neighbourhood's own pages were checked as soon as it was drawn; only the others were kept.
        string dwelling = drawn.Files!.All.Keys.First(p => p.Contains("/woningen/", StringComparison.Ordinal));
        var kept = drawn.Files.LinksOf(dwelling)!;
        Assert.True(kept.Settled > 0, $"no link of {dwelling} was settled");
        Assert.Equal(first.Files!.LinksOf(dwelling)!.Links.Length, kept.Settled + kept.Links.Length);

        // The next build after one drawn while reading is incremental as usual: nothing to draw, the same output.
        var again = Build(content, themes, "drawn", workers: -1);
        Assert.True(again.Succeeded);
        Assert.Equal(0, again.NeighbourhoodsRendered);
        AssertSameTree(Path.Combine(_dir, "read-first"), Path.Combine(_dir, "drawn"));
    }

    [Fact]
    public void A_neighbourhood_the_core_refuses_after_another_was_drawn_fails_the_build_with_the_same_findings_and_leaves_the_output()
    {
        string root = Fictional();
        string content = Path.Combine(root, "content"), themes = Path.Combine(root, "themes");
        Assert.True(Build(content, themes, "drawn", workers: -1).Succeeded);
        var before = Tree(Path.Combine(_dir, "drawn"));
        // Without the saving from label F to D the core cannot compute Molenkwartier; De Akkers does not need it.
        string savings = Path.Combine(content, "assumptions", "label_savings.yaml");
        File.WriteAllLines(savings, File.ReadAllLines(savings).Where(l => !l.StartsWith("f_to_d:", StringComparison.Ordinal)));

        var first = Build(content, themes, "read-first", workers: 1);
        var drawn = Build(content, themes, "drawn", workers: -1);
        Assert.False(first.Succeeded);
        Assert.False(drawn.Succeeded);
        Assert.Contains(drawn.Diagnostics.Items, d => d.Code == Codes.Calculation && d.Path.Contains("molenkwartier", StringComparison.Ordinal));
        Assert.Equal(Findings(first), Findings(drawn));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Tree(Path.Combine(_dir, "drawn")).Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in before)
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_dir, "drawn", path))), $"{path} changed by a failed build");
        Assert.False(Directory.Exists(Path.Combine(_dir, "read-first")));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_broken_link_between_a_neighbourhoods_own_pages_is_reported_as_a_build_that_reads_first_reports_it()
    {
        string root = Fictional();
        string content = Path.Combine(root, "content"), themes = Path.Combine(root, "themes");
        // A place De Akkers' own overview does not have (content may link only to its files and to places on the page).
        File.AppendAllText(Path.Combine(content, "zonnedal", "de-akkers", "index.md"), "\nZie ook [deze plek](#bestaat-niet).\n");
        var first = Build(content, themes, "read-first", workers: 1);
        var drawn = Build(content, themes, "drawn", workers: -1);
        Assert.False(drawn.Succeeded);
        Assert.True(1 == drawn.Diagnostics.Items.Count(d => d.Code == Codes.BrokenLink && d.Message.Contains("#bestaat-niet", StringComparison.Ordinal)),
            string.Join("\n", drawn.Diagnostics.Items));
        Assert.Equal(Findings(first), Findings(drawn));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_broken_link_from_a_neighbourhood_to_a_site_wide_page_is_found_in_the_links_set_aside_on_disk()
    {
        string root = Fictional();
        string content = Path.Combine(root, "content"), themes = Path.Combine(root, "themes");
        // On every Zonnedal dwelling and overview page: a place the home page does not have. Such a link leaves the
        // neighbourhood, so a build that draws while reading sets it aside until the site-wide check.
        string facts = Path.Combine(themes, "zonnedal", "partials", "facts.sbn");
        string own = File.ReadAllText(facts);
        // The same link to the page itself passes, and those pages are drawn while read.
        File.WriteAllText(facts, own + "<p><a href=\"/index.html\">start</a></p>\n");
        var fine = Build(content, themes, "fine", workers: -1);
        Assert.True(fine.Succeeded, string.Join("\n", fine.Diagnostics.Items));
        Assert.True(fine.NeighbourhoodsDrawnWhileRead > 0);
        File.WriteAllText(facts, own + "<p><a href=\"/index.html#bestaat-niet\">start</a></p>\n");
        var first = Build(content, themes, "read-first", workers: 1);
        var drawn = Build(content, themes, "drawn", workers: -1);
        Assert.False(drawn.Succeeded);
        var broken = drawn.Diagnostics.Items.Where(d => d.Code == Codes.BrokenLink).ToList();
        // One finding for the link on every such page, at the first, naming the others (the partial draws it on each).
        var single = Assert.Single(broken);
        Assert.Contains("#bestaat-niet", single.Message, StringComparison.Ordinal);
        Assert.Contains("(dezelfde link staat ook op ", single.Message, StringComparison.Ordinal);
        Assert.Equal(Findings(first), Findings(drawn));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_template_mistake_met_while_drawing_during_the_read_is_reported_as_a_build_that_reads_first_reports_it()
    {
        string root = Fictional();
        string content = Path.Combine(root, "content"), themes = Path.Combine(root, "themes");
        // Parses (so the themes load before the content), but names a value the page does not have.
        File.WriteAllText(Path.Combine(themes, "zonnedal", "partials", "facts.sbn"),
            "<dl>{{ for fact in items }}<dt>{{ fact.term }}</dt>{{ end }}</dl>\n<p>{{ assets_href }}</p>\n");
        var first = Build(content, themes, "read-first", workers: 1);
        var drawn = Build(content, themes, "drawn", workers: -1);
        Assert.False(drawn.Succeeded);
        var finding = Assert.Single(drawn.Diagnostics.Items, d => d.Code == Codes.Template);
        Assert.Contains("assets_href", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Findings(first), Findings(drawn));
        Assert.False(Directory.Exists(Path.Combine(_dir, "drawn")));
        Assert.Empty(Leftovers());
    }
}
