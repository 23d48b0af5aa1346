using SiteGen.Content.Tests;

namespace SiteGen.Cli.Tests;

/// <summary>
/// A rebuild re-renders only what an edit affects and rewrites only files whose bytes changed; the rest keep
/// their modification time. Uses the fictional municipality (two neighbourhoods) in tests/fixtures/fictional.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private readonly string _root = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional"));
    private string Content => Path.Combine(_root, "content");
    private string Output => Path.Combine(_root, "out");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CliRun Build(params string[] extra) => CliRun.Of(["build", "--content", Content, "--out", Output, .. extra]);

    private Dictionary<string, DateTime> Times() =>
        Directory.GetFiles(Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Output, f).Replace('\\', '/'), File.GetLastWriteTimeUtc);

    private List<string> Rewritten(Dictionary<string, DateTime> before) =>
        Times().Where(kv => !before.TryGetValue(kv.Key, out var t) || t != kv.Value).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();

    private void Edit(string relative, string from, string to)
    {
        string path = Path.Combine(Content, relative);
        string text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    [Fact]
    public void A_rebuild_without_changes_rewrites_nothing()
    {
        Assert.Equal(0, Build().ExitCode);
        var before = Times();
        Thread.Sleep(20);
        var run = Build();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 wijk(en) opnieuw opgemaakt, 2 ongewijzigd", run.Out);
        Assert.Empty(Rewritten(before));
    }

    [Fact]
    public void Changing_one_neighbourhoods_scenario_rewrites_only_its_pages_and_the_data()
    {
        Assert.Equal(0, Build().ExitCode);
        var before = Times();
        Thread.Sleep(20);
        Edit("zonnedal/de-akkers/neighbourhood.yaml", "amount: 2100", "amount: 2600");
        var run = Build();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 wijk(en) opnieuw opgemaakt, 1 ongewijzigd", run.Out);
        var rewritten = Rewritten(before);
        Assert.NotEmpty(rewritten);
        // The manifest holds the build cache, so it changes with the neighbourhood's digest; it is not a page.
        Assert.Contains(".sitegen-manifest.json", rewritten);
        Assert.All(rewritten.Where(f => f != ".sitegen-manifest.json"),
            f => Assert.True(f.StartsWith("zonnedal/de-akkers/", StringComparison.Ordinal) || f.StartsWith("data/", StringComparison.Ordinal), f));
        Assert.Contains("zonnedal/de-akkers/woningen/rijwoning-1965/index.html", rewritten);
        // The other neighbourhood was not even rendered, and the pages listing neighbourhoods did not change.
        Assert.DoesNotContain(rewritten, f => f.StartsWith("zonnedal/molenkwartier/", StringComparison.Ordinal));
        Assert.DoesNotContain("index.html", rewritten);
    }

    [Fact]
    public void A_new_gas_price_rewrites_exactly_the_pages_that_show_gas_dependent_figures()
    {
        Assert.Equal(0, Build().ExitCode);
        var before = Times();
        Thread.Sleep(20);
        Edit("assumptions/energy.yaml", "value: 1.14", "value: 1.50");
        Assert.Equal(0, Build().ExitCode);
        var rewritten = Rewritten(before);
        // Figures that use the gas price: every dwelling page (its gas boiler row), the overviews, the gas boiler's
        // page, the hybrid's page in De Akkers (its energy cost is computed there, not published), the assumptions pages.
        Assert.Contains("zonnedal/de-akkers/woningen/rijwoning-1965/index.html", rewritten);
        Assert.Contains("zonnedal/molenkwartier/woningen/appartement-1970/index.html", rewritten);
        Assert.Contains("zonnedal/de-akkers/index.html", rewritten);
        Assert.Contains("zonnedal/de-akkers/varianten/gasketel/index.html", rewritten);
        Assert.Contains("zonnedal/de-akkers/varianten/hybride-warmtepomp/index.html", rewritten);
        Assert.Contains("zonnedal/molenkwartier/uitgangspunten/index.html", rewritten);
        Assert.Contains("data/results.json", rewritten);
        // Pages without gas-dependent figures keep their files.
        Assert.DoesNotContain("zonnedal/de-akkers/varianten/lucht-water-warmtepomp/index.html", rewritten);
        Assert.DoesNotContain("zonnedal/molenkwartier/varianten/warmtenet/index.html", rewritten);
        Assert.DoesNotContain("zonnedal/de-akkers/stappenplannen/index.html", rewritten);
        Assert.DoesNotContain("index.html", rewritten);
        Assert.DoesNotContain("assets/zonnedal/css/site.css", rewritten);
    }

    [Fact]
    public void A_theme_change_re_renders_that_municipalitys_pages_and_a_full_build_matches_the_incremental_one()
    {
        Assert.Equal(0, Build().ExitCode);
        string partial = Path.Combine(_root, "themes", "zonnedal", "partials", "facts.sbn");
        File.WriteAllText(partial, File.ReadAllText(partial).Replace("zonnedal-facts", "zonnedal-facts-v2"));
        var run = Build();
        Assert.Contains("2 wijk(en) opnieuw opgemaakt", run.Out);
        Assert.Contains("zonnedal-facts-v2", File.ReadAllText(Path.Combine(Output, "zonnedal", "de-akkers", "index.html")));
        var incremental = Directory.GetFiles(Output, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Output, f), File.ReadAllBytes);
        Assert.Equal(0, Build("--full").ExitCode);
        foreach (var f in Directory.GetFiles(Output, "*", SearchOption.AllDirectories))
            Assert.True(File.ReadAllBytes(f).AsSpan().SequenceEqual(incremental[Path.GetRelativePath(Output, f)]), f);
    }
}
