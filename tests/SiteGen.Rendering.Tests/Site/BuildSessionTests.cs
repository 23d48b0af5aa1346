using SiteGen.Content.Tests;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// 'sitegen serve' keeps a <see cref="BuildSession"/>: after an edit it reads, computes and draws only what the edit
/// touches. Whatever was edited, the site it serves must be byte for byte the site a fresh build makes, with the same
/// findings.
/// </summary>
public sealed class BuildSessionTests : IDisposable
{
    private readonly string _root = BuiltSite.CopyFictional();
    private readonly BuildSession _session = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Content => Path.Combine(_root, "content");

    private BuildResult Build(BuildSession? session) =>
        SiteBuilder.Build(new BuildOptions(Content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: Path.Combine(_root, "themes"), Session: session));

    private void Edit(string relative, string from, string to)
    {
        string path = Path.Combine(_root, relative);
        string text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    /// <summary>The session's build against a fresh one: same files, same bytes, same findings.</summary>
    private static void AssertSameSite(BuildResult fresh, BuildResult session)
    {
        Assert.True(fresh.Succeeded, string.Join("\n", fresh.Diagnostics.Items));
        Assert.True(session.Succeeded, string.Join("\n", session.Diagnostics.Items));
        Assert.Equal(fresh.Diagnostics.Sorted().Select(d => d.ToString()), session.Diagnostics.Sorted().Select(d => d.ToString()));
        Assert.Equal(fresh.Files!.Paths, session.Files!.Paths);
        foreach (var path in fresh.Files.Paths)
            Assert.True(fresh.Files.Read(path).AsSpan().SequenceEqual(session.Files.Read(path)), $"{path} differs from a fresh build");
    }

    [Fact]
    public void An_edit_in_one_neighbourhood_reads_computes_and_draws_only_that_neighbourhood()
    {
        var first = Build(_session);
        AssertSameSite(Build(null), first);
        Assert.Equal(2, first.NeighbourhoodsRendered);

        // The gas boiler's fixed cost of De Akkers: its pages and the site-wide data change, Molenkwartier's do not.
        Edit("content/zonnedal/de-akkers/neighbourhood.yaml", "ketel, value: 560,", "ketel, value: 610,");
        var second = Build(_session);
        Assert.Equal(1, _session.Content.Reused);
        Assert.Equal((1, 1), (second.NeighbourhoodsRendered, second.NeighbourhoodsReused));
        Assert.Contains("zonnedal/molenkwartier/index.html", second.Files!.KeptOver);
        Assert.Contains("zonnedal/de-akkers/index.html", second.Files.All.Keys);
        AssertSameSite(Build(null), second);
        Assert.NotEqual(first.Files!.Read("data/results.json"), second.Files.Read("data/results.json"));

        // Nothing changed: nothing is read or drawn again, and the site is the same.
        var third = Build(_session);
        Assert.Equal(2, _session.Content.Reused);
        Assert.Equal((0, 2), (third.NeighbourhoodsRendered, third.NeighbourhoodsReused));
        AssertSameSite(second, third);
    }

    [Fact]
    public void A_shared_assumption_edit_reads_and_draws_every_neighbourhood_again()
    {
        Build(_session);
        Edit("content/assumptions/energy.yaml", "value: 1.14", "value: 1.50");
        var after = Build(_session);
        Assert.Equal(0, _session.Content.Reused);
        Assert.Equal((2, 0), (after.NeighbourhoodsRendered, after.NeighbourhoodsReused));
        AssertSameSite(Build(null), after);
    }

    [Fact]
    public void A_theme_edit_draws_the_neighbourhoods_of_that_theme_again_without_reading_them()
    {
        Build(_session);
        Edit("themes/zonnedal/partials/facts.sbn", "<", "<!-- eigen huisstijl -->\n<");
        var after = Build(_session);
        Assert.Equal(2, _session.Content.Reused);
        Assert.Equal((2, 0), (after.NeighbourhoodsRendered, after.NeighbourhoodsReused));
        AssertSameSite(Build(null), after);
        Assert.Contains("eigen huisstijl", System.Text.Encoding.UTF8.GetString(after.Files!.Read("zonnedal/de-akkers/index.html")));
    }

    [Fact]
    public void Findings_of_a_neighbourhood_taken_from_memory_are_reported_again_and_an_error_is_never_cached_away()
    {
        // A placeholder in Molenkwartier: a warning on every build, also when the neighbourhood is not read again.
        File.AppendAllText(Path.Combine(Content, "zonnedal", "molenkwartier", "index.md"), "\nNog invullen.\n");
        var first = Build(_session);
        Assert.Contains(first.Diagnostics.Items, d => d.Code == SiteGen.Content.Diagnostics.Codes.Placeholder && d.Path.EndsWith("molenkwartier/index.md", StringComparison.Ordinal));
        Edit("content/zonnedal/de-akkers/neighbourhood.yaml", "ketel, value: 560,", "ketel, value: 610,");
        var second = Build(_session);
        Assert.Equal(1, _session.Content.Reused);
        AssertSameSite(Build(null), second);

        // A typing error in De Akkers fails the build; fixed, the site comes back, equal to a fresh build.
        Edit("content/zonnedal/de-akkers/neighbourhood.yaml", "ketel, value: 610,", "ketel, value: '6,10',");
        var broken = Build(_session);
        Assert.False(broken.Succeeded);
        Assert.Equal(Build(null).Diagnostics.Sorted().Select(d => d.ToString()), broken.Diagnostics.Sorted().Select(d => d.ToString()));
        Assert.False(Build(_session).Succeeded);
        Edit("content/zonnedal/de-akkers/neighbourhood.yaml", "ketel, value: '6,10',", "ketel, value: 620,");
        AssertSameSite(Build(null), Build(_session));
    }

    [Fact]
    public void A_neighbourhood_removed_or_added_is_removed_or_added()
    {
        Build(_session);
        string moved = Path.Combine(_root, "molenkwartier-elders");
        Directory.Move(Path.Combine(Content, "zonnedal", "molenkwartier"), moved);
        var without = Build(_session);
        AssertSameSite(Build(null), without);
        Assert.DoesNotContain(without.Files!.Paths, p => p.StartsWith("zonnedal/molenkwartier/", StringComparison.Ordinal));

        Directory.Move(moved, Path.Combine(Content, "zonnedal", "molenkwartier"));
        var with = Build(_session);
        AssertSameSite(Build(null), with);
        Assert.Contains("zonnedal/molenkwartier/index.html", with.Files!.Paths);
    }
}
