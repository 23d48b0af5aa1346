using SiteGen.Content.Diagnostics;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// An incremental build does not read a neighbourhood whose output is unchanged (<see cref="UnchangedNeighbourhoods"/>):
/// its name, summary, findings and part of the site-wide data files come from the build cache in the output's manifest.
/// Whatever changed, the output (manifest included) and the findings must be those of a full build.
/// Uses the fictional municipality (two neighbourhoods, De Akkers and Molenkwartier).
/// </summary>
public sealed class UnchangedNeighbourhoodsTests : IDisposable
{
    private readonly string _root = BuiltSite.CopyFictional();
    private static readonly DateOnly Day = BuiltSite.BuildDate;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Content => Path.Combine(_root, "content");
    private string Output => Path.Combine(_root, "out");

    private BuildResult Build(DateOnly? day = null, bool strict = false) =>
        SiteBuilder.Build(new BuildOptions(Content, Output, day ?? Day, Strict: strict, ThemesDir: Path.Combine(_root, "themes")));

    private void Edit(string relative, string from, string to)
    {
        string path = Path.Combine(Content, relative);
        string text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    /// <summary>Changes the build cache in the output's manifest, as a person (or an older SiteGen) might have.</summary>
    private void EditCache(Action<BuildCache> edit)
    {
        var manifest = OutputManifest.Load(Output)!;
        edit(manifest.Cache);
        File.WriteAllBytes(OutputManifest.PathIn(Output), manifest.ToBytes());
    }

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes);

    /// <summary>The incremental build's output and findings against a full build of the same content into a fresh folder.</summary>
    private void AssertSameAsFullBuild(BuildResult incremental, DateOnly? day = null)
    {
        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics.Items));
        string fresh = Path.Combine(_root, "fresh-" + Guid.NewGuid().ToString("N"));
        var full = SiteBuilder.Build(new BuildOptions(Content, fresh, day ?? Day, Incremental: false, ThemesDir: Path.Combine(_root, "themes")));
        Assert.True(full.Succeeded, string.Join("\n", full.Diagnostics.Items));
        Assert.Equal(full.Diagnostics.Sorted().Select(d => d.ToString()), incremental.Diagnostics.Sorted().Select(d => d.ToString()));
        var expected = Files(fresh);
        var actual = Files(Output);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from a full build");
    }

    [Fact]
    public void An_edit_in_one_neighbourhood_leaves_the_other_unread_and_the_output_is_a_full_builds()
    {
        Assert.Equal(0, Build().NeighbourhoodsNotRead);
        Edit("zonnedal/de-akkers/neighbourhood.yaml", "amount: 2100", "amount: 2600");
        var second = Build();
        Assert.Equal((1, 1, 1), (second.NeighbourhoodsRendered, second.NeighbourhoodsReused, second.NeighbourhoodsNotRead));
        // The home page lists the unread neighbourhood with its summary, the data files hold its rows.
        string home = File.ReadAllText(Path.Combine(Output, "index.html"));
        Assert.Contains("in het verzonnen Molenkwartier vergelijkt u", home);
        Assert.Contains("zonnedal/molenkwartier", File.ReadAllText(Path.Combine(Output, "data", "results.csv")));
        AssertSameAsFullBuild(second);
        // And again, now that the manifest was written by a build that did not read Molenkwartier.
        Edit("zonnedal/de-akkers/neighbourhood.yaml", "amount: 2600", "amount: 2700");
        var third = Build();
        Assert.Equal(1, third.NeighbourhoodsNotRead);
        AssertSameAsFullBuild(third);
    }

    [Fact]
    public void An_unread_neighbourhood_reports_its_findings_again_and_strict_still_fails_on_them()
    {
        Edit("zonnedal/molenkwartier/index.md", "## Waar gaat dit over?", "## Waar gaat dit over?\n\nnog invullen");
        var first = Build();
        var warning = Assert.Single(first.Diagnostics.Items, d => d.Code == Codes.Placeholder && d.Path.Contains("molenkwartier"));
        Edit("zonnedal/de-akkers/neighbourhood.yaml", "amount: 2100", "amount: 2600");
        var second = Build();
        Assert.Equal(1, second.NeighbourhoodsNotRead);
        Assert.Contains(second.Diagnostics.Items, d => d.ToString() == warning.ToString());
        AssertSameAsFullBuild(second);
        Edit("zonnedal/de-akkers/neighbourhood.yaml", "amount: 2600", "amount: 2700");
        var strict = Build(strict: true);
        Assert.False(strict.Succeeded);
        Assert.Contains(strict.Diagnostics.Items, d => d.Severity == Severity.Error && d.Code == Codes.Placeholder && d.Path.Contains("molenkwartier"));
    }

    [Fact]
    public void A_build_after_a_valid_until_date_reads_that_neighbourhood_again_so_the_expiry_is_reported()
    {
        Edit("zonnedal/molenkwartier/neighbourhood.yaml", "    share_of_cost: subsidies.isde_heat_pump_share\n",
            "    share_of_cost: subsidies.isde_heat_pump_share\n    valid_until: 2026-01-01\n");
        var first = Build();
        Assert.DoesNotContain(first.Diagnostics.Items, d => d.Code == Codes.Expired);
        var later = new DateOnly(2026, 2, 1);
        var second = Build(later);
        // Molenkwartier is read again; De Akkers compares no date with the day of the build, so it still is not.
        Assert.Equal(1, second.NeighbourhoodsNotRead);
        Assert.Contains(second.Diagnostics.Items, d => d.Code == Codes.Expired && d.Path.Contains("molenkwartier"));
        AssertSameAsFullBuild(second, later);
        // A day on which no date passed since: nothing is read.
        var third = Build(later.AddDays(1));
        Assert.Equal(2, third.NeighbourhoodsNotRead);
        AssertSameAsFullBuild(third, later.AddDays(1));
    }

    [Fact]
    public void A_shared_assumption_or_a_theme_change_reads_every_neighbourhood()
    {
        Build();
        Edit("assumptions/energy.yaml", "value: 1.14", "value: 1.50");
        var shared = Build();
        Assert.Equal((2, 0), (shared.NeighbourhoodsRendered, shared.NeighbourhoodsNotRead));
        AssertSameAsFullBuild(shared);
        string partial = Path.Combine(_root, "themes", "zonnedal", "partials", "facts.sbn");
        File.WriteAllText(partial, File.ReadAllText(partial).Replace("zonnedal-facts", "zonnedal-facts-v2"));
        var theme = Build();
        Assert.Equal((2, 0), (theme.NeighbourhoodsRendered, theme.NeighbourhoodsNotRead));
        AssertSameAsFullBuild(theme);
    }

    /// <summary>Dates every content file back, as files not touched since long before the build.</summary>
    private void AgeContent()
    {
        var old = DateTime.UtcNow - TimeSpan.FromHours(1);
        foreach (var f in Directory.GetFiles(Content, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, old);
    }

    private BuildCache.Entry Cached(string id) => OutputManifest.Load(Output)!.Cache.Neighbourhoods[id];

    [Fact]
    public void A_folder_untouched_since_the_last_build_is_not_hashed_again_and_full_hashes_it()
    {
        AgeContent();
        Build();
        Assert.NotNull(Cached("zonnedal/de-akkers").Stamp);
        Assert.NotNull(Cached("zonnedal/de-akkers").FolderDigest);
        // A file changed with its size and time put back (as a copy that keeps times could): the stamp still holds, so
        // the build trusts it and does not read the file again. This is what the stamp saves, and its known limit.
        string file = Path.Combine(Content, "zonnedal", "de-akkers", "neighbourhood.yaml");
        var written = File.GetLastWriteTimeUtc(file);
        Edit("zonnedal/de-akkers/neighbourhood.yaml", "amount: 2100", "amount: 2600");
        File.SetLastWriteTimeUtc(file, written);
        var trusted = Build();
        Assert.Equal((0, 2), (trusted.NeighbourhoodsRendered, trusted.NeighbourhoodsNotRead));
        // --full hashes every folder whatever the manifest says.
        var full = SiteBuilder.Build(new BuildOptions(Content, Output, Day, Incremental: false, ThemesDir: Path.Combine(_root, "themes")));
        Assert.Equal(2, full.NeighbourhoodsRendered);
        AssertSameAsFullBuild(full);
    }

    [Fact]
    public void A_file_written_again_with_the_same_size_is_hashed_and_read_again()
    {
        AgeContent();
        Build();
        Assert.NotNull(Cached("zonnedal/de-akkers").Stamp);
        // Same length: only its time tells the stamp it changed.
        Edit("zonnedal/de-akkers/neighbourhood.yaml", "amount: 2100", "amount: 2600");
        var second = Build();
        Assert.Equal((1, 1), (second.NeighbourhoodsRendered, second.NeighbourhoodsNotRead));
        AssertSameAsFullBuild(second);
        // Written just now, within the file system's time resolution of this build: not trusted, hashed next time too.
        Assert.Null(Cached("zonnedal/de-akkers").Stamp);
        Assert.NotNull(Cached("zonnedal/molenkwartier").Stamp);
    }

    [Fact]
    public void A_folder_holding_a_symbolic_link_is_always_hashed()
    {
        string folder = Path.Combine(Content, "zonnedal", "de-akkers", "bestanden");
        // Allowed (it points inside the content), but its own time does not change when its target does.
        File.CreateSymbolicLink(Path.Combine(folder, "kaart.svg"), Path.Combine(folder, "kaart-de-akkers.svg"));
        AgeContent();
        var first = Build();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics.Items));
        Assert.Null(Cached("zonnedal/de-akkers").Stamp);
        Assert.NotNull(Cached("zonnedal/molenkwartier").Stamp);
    }

    [Fact]
    public void A_data_file_changed_by_hand_makes_the_build_read_everything_and_restores_it()
    {
        Build();
        string results = Path.Combine(Output, "data", "results.json");
        // Same length, so only the recorded digest can tell.
        File.WriteAllText(results, File.ReadAllText(results).Replace("zonnedal/molenkwartier", "zonnedal/molenkwartiex"));
        Edit("zonnedal/de-akkers/neighbourhood.yaml", "amount: 2100", "amount: 2600");
        var second = Build();
        Assert.Equal(0, second.NeighbourhoodsNotRead);
        AssertSameAsFullBuild(second);
    }

    [Fact]
    public void A_manifest_without_listings_or_with_a_broken_one_makes_the_build_read_those_neighbourhoods()
    {
        Build();
        // As an older SiteGen wrote it (no listings), and one a person broke (no findings list, a part out of bounds).
        EditCache(cache =>
        {
            cache.Neighbourhoods["zonnedal/de-akkers"].Kept = null;
            cache.Neighbourhoods["zonnedal/molenkwartier"].Kept!.Data[0] = [0, 1 << 30];
        });
        var second = Build();
        Assert.Equal((0, 2), (second.NeighbourhoodsNotRead, second.NeighbourhoodsReused));
        AssertSameAsFullBuild(second);
        EditCache(cache => cache.Neighbourhoods["zonnedal/molenkwartier"].Kept!.Findings = null!);
        var third = Build();
        Assert.Equal(1, third.NeighbourhoodsNotRead);
        AssertSameAsFullBuild(third);
    }

    [Fact]
    public void A_neighbourhood_removed_or_added_shows_on_the_home_page_and_in_the_data()
    {
        Build();
        string molenkwartier = Path.Combine(Content, "zonnedal", "molenkwartier");
        string aside = Path.Combine(_root, "molenkwartier");
        Directory.Move(molenkwartier, aside);
        var removed = Build();
        Assert.Equal(1, removed.NeighbourhoodsNotRead);
        Assert.DoesNotContain("molenkwartier", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(Output, "zonnedal", "molenkwartier")));
        AssertSameAsFullBuild(removed);
        Directory.Move(aside, molenkwartier);
        var back = Build();
        Assert.Equal((1, 1), (back.NeighbourhoodsRendered, back.NeighbourhoodsNotRead));
        AssertSameAsFullBuild(back);
    }
}
