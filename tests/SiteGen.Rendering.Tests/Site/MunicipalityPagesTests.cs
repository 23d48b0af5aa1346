using System.Text;
using AngleSharp.Html.Parser;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Pages;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// A site of more than one municipality lists the municipalities on its home page and each municipality's neighbourhoods
/// on a page of its own; a site of one municipality keeps every neighbourhood on the home page.
/// </summary>
public sealed class MunicipalityPagesTests : IDisposable
{
    private readonly string _root;

    /// <summary>The fictional fixture with a second municipality next to Zonnedal: Zonnewijk, the same neighbourhoods, no theme or logo of its own.</summary>
    public MunicipalityPagesTests()
    {
        _root = BuiltSite.CopyFictional();
        string content = Path.Combine(_root, "content");
        CopyTree(Path.Combine(content, "zonnedal"), Path.Combine(content, "zonnewijk"));
        string yaml = Path.Combine(content, "zonnewijk", "municipality.yaml");
        File.WriteAllLines(yaml, File.ReadAllLines(yaml)
            .Where(l => !l.StartsWith("logo:", StringComparison.Ordinal))
            .Select(l => l.StartsWith("name:", StringComparison.Ordinal) ? "name: \"Gemeente Zonnewijk (fictief voorbeeld)\"" : l));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
    }

    private string Content => Path.Combine(_root, "content");
    private string Themes => Path.Combine(_root, "themes");

    private static string Text(SiteFiles files, string path) => Encoding.UTF8.GetString(files.All[path]);

    private static List<(string Text, string Href)> Cards(SiteFiles files, string path) =>
        new HtmlParser().ParseDocument(Text(files, path)).QuerySelectorAll("main .card h3 a")
            .Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList();

    [Fact]
    public void The_home_page_of_two_municipalities_lists_them_and_each_lists_its_own_neighbourhoods()
    {
        var files = BuiltSite.Build(Content, Themes);

        Assert.Equal([("Gemeente Zonnedal (fictief voorbeeld)", "zonnedal/"), ("Gemeente Zonnewijk (fictief voorbeeld)", "zonnewijk/")],
            Cards(files, "index.html"));
        string home = Text(files, "index.html");
        Assert.Contains("2 wijken: De Akkers (fictief) en Molenkwartier (fictief).", home, StringComparison.Ordinal);
        // The home page of several municipalities is no one's: the site's name once as its title, no municipality's logo.
        var homeDoc = new HtmlParser().ParseDocument(home);
        Assert.Equal("Van het gas af", homeDoc.Title);
        Assert.Null(homeDoc.QuerySelector("header img"));
        Assert.DoesNotContain("de-akkers/", home, StringComparison.Ordinal);

        foreach (var (municipality, name) in new[] { ("zonnedal", "Gemeente Zonnedal (fictief voorbeeld)"), ("zonnewijk", "Gemeente Zonnewijk (fictief voorbeeld)") })
        {
            string page = $"{municipality}/index.html";
            var cards = Cards(files, page);
            Assert.Equal(["de-akkers/", "molenkwartier/"], cards.Select(c => c.Href));
            Assert.All(cards, c => Assert.True(files.Contains($"{municipality}/{c.Href}index.html"), c.Href));
            var doc = new HtmlParser().ParseDocument(Text(files, page));
            Assert.Equal(name, doc.QuerySelector("h1")!.TextContent);
            Assert.Equal(["Home", name], doc.QuerySelectorAll(".breadcrumbs li").Select(li => li.TextContent));
            Assert.Equal("../", doc.QuerySelector(".breadcrumbs a")!.GetAttribute("href"));
        }
        // Each wears its own house style, as its neighbourhoods' pages do: its colours, and Zonnedal its logo (Zonnewijk has none).
        Assert.Contains("\"../assets/zonnedal/css/house-style.css\"", Text(files, "zonnedal/index.html"), StringComparison.Ordinal);
        Assert.Contains("\"../assets/zonnewijk/css/house-style.css\"", Text(files, "zonnewijk/index.html"), StringComparison.Ordinal);
        Assert.Contains("\"../assets/zonnedal/logo.svg\"", Text(files, "zonnedal/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("logo.svg", Text(files, "zonnewijk/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("house-style.css", home, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_of_one_municipality_has_no_page_for_it_and_lists_its_neighbourhoods_on_the_home_page()
    {
        var files = BuiltSite.Build(OneMunicipality(), Themes);
        Assert.False(files.Contains("zonnedal/index.html"));
        Assert.Equal(["zonnedal/de-akkers/", "zonnedal/molenkwartier/"], Cards(files, "index.html").Select(x => x.Href));
        Assert.Equal([("Home", "../../"), ("De Akkers (fictief)", null)], Crumbs(Text(files, "zonnedal/de-akkers/index.html")));
        // A page's title is "page | site", the site being the municipality's, on the home page too.
        string Title(string path) => new HtmlParser().ParseDocument(Text(files, path)).Title!;
        Assert.Equal("Van het gas af | Gemeente Zonnedal (fictief voorbeeld)", Title("index.html"));
        Assert.Equal("De Akkers (fictief) | Gemeente Zonnedal (fictief voorbeeld)", Title("zonnedal/de-akkers/index.html"));
        // The home page and the open-data page are the municipality's, as its other pages are: its theme, logo and
        // contact. They were in the default look, and the logo on every other page led to a page without it.
        foreach (var path in new[] { "index.html", "open-data/index.html", "zonnedal/de-akkers/index.html" })
        {
            var doc = new HtmlParser().ParseDocument(Text(files, path));
            Assert.All(doc.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Where(h => h.Contains("site.css")),
                href => Assert.EndsWith("assets/zonnedal/css/site.css", href));
            Assert.NotNull(doc.QuerySelector("header img[src$='assets/zonnedal/logo.svg']"));
            Assert.Contains("Vragen? Neem contact op met", doc.QuerySelector("footer")!.TextContent);
        }
    }

    /// <summary>A page's breadcrumbs: text and link (null for the page itself).</summary>
    private static List<(string Text, string? Href)> Crumbs(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll(".breadcrumbs li")
            .Select(li => (li.TextContent, li.QuerySelector("a")?.GetAttribute("href"))).ToList();

    [Fact]
    public void On_a_site_of_several_municipalities_a_neighbourhood_s_pages_lead_back_through_its_municipality()
    {
        var files = BuiltSite.Build(Content, Themes);
        const string zonnewijk = "Gemeente Zonnewijk (fictief voorbeeld)";
        Assert.Equal([("Home", "../../"), (zonnewijk, "../"), ("De Akkers (fictief)", null)], Crumbs(Text(files, "zonnewijk/de-akkers/index.html")));
        var below = files.All.Keys.Where(p => p.StartsWith("zonnewijk/de-akkers/", StringComparison.Ordinal) && p.EndsWith("/index.html", StringComparison.Ordinal)
            && p != "zonnewijk/de-akkers/index.html").ToList();
        Assert.True(below.Count >= 5, string.Join(", ", below));
        foreach (var page in below)
        {
            var crumbs = Crumbs(Text(files, page));
            Assert.Equal(4, crumbs.Count);
            Assert.Equal(zonnewijk, crumbs[1].Text);
            // The link from the page's folder to the municipality's: the build's link check says it is there, this that it is the right one.
            string depth = string.Concat(Enumerable.Repeat("../", page.Count(c => c == '/') - 1));
            Assert.Equal(depth, crumbs[1].Href);
            // So does the municipality's name at the top of the page (it led to the list of every municipality).
            Assert.Equal(depth, Header(Text(files, page)));
        }
        Assert.Equal("../", Header(Text(files, "zonnewijk/de-akkers/index.html")));
        Assert.Equal("./", Header(Text(files, "zonnewijk/index.html")));
    }

    private static string? Header(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("a.site-header__name")!.GetAttribute("href");

    [Fact]
    public void When_a_second_municipality_arrives_an_incremental_build_and_serve_draw_the_first_one_s_pages_again_with_its_breadcrumb()
    {
        string aside = Path.Combine(_root, "zonnewijk");
        Directory.Move(Path.Combine(Content, "zonnewijk"), aside);
        string output = Path.Combine(_root, "out");
        var written = new BuildOptions(Content, output, BuiltSite.BuildDate, ThemesDir: Themes);
        var served = written with { OutDir = "", WriteOutput = false, Session = new BuildSession() };
        Assert.True(SiteBuilder.Build(written).Succeeded);
        Assert.True(SiteBuilder.Build(served).Succeeded);
        Directory.Move(aside, Path.Combine(Content, "zonnewijk"));

        var expected = new[] { ("Home", "../../"), ("Gemeente Zonnedal (fictief voorbeeld)", "../"), ("Molenkwartier (fictief)", (string?)null) };
        var incremental = SiteBuilder.Build(written);
        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics.Items));
        Assert.Equal(expected, Crumbs(File.ReadAllText(Path.Combine(output, "zonnedal", "molenkwartier", "index.html"))));
        var rebuilt = SiteBuilder.Build(served);
        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics.Items));
        Assert.Equal(expected, Crumbs(Text(rebuilt.Files!, "zonnedal/molenkwartier/index.html")));
    }

    private string OneMunicipality()
    {
        Directory.Delete(Path.Combine(Content, "zonnewijk"), recursive: true);
        return Content;
    }

    [Fact]
    public void A_municipality_folder_named_like_a_folder_of_the_site_itself_is_refused_with_a_finding_not_a_crash()
    {
        // Its page would be open-data/index.html, the address of the page of open-data files.
        Directory.Move(Path.Combine(Content, "zonnewijk"), Path.Combine(Content, "open-data"));
        var result = SiteBuilder.Build(new BuildOptions(Content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: Themes));
        Assert.False(result.Succeeded);
        var finding = Assert.Single(result.Diagnostics.Items, d => d.Severity == SiteGen.Content.Diagnostics.Severity.Error);
        Assert.EndsWith("open-data/municipality.yaml", finding.Path.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains("kan geen gemeente zijn: de site gebruikt de naam 'open-data' zelf", finding.Message, StringComparison.Ordinal);
        // Every folder the site writes at its top is one a municipality cannot have.
        foreach (var top in SiteGen.Rendering.OpenData.SiteWideData.Paths.Append(SitePaths.OpenData).Append(SiteRenderer.HouseStyleCss("x")))
            Assert.Contains(top[..top.IndexOf('/')], SiteGen.Content.Loading.ContentLoader.SiteFolders);
    }

    [Fact]
    public void A_municipality_without_neighbourhoods_yet_says_so_on_its_page_and_the_build_warns()
    {
        // Its page asked residents to choose from an empty list ("Kies uw wijk", then nothing), and the build said nothing.
        foreach (var dir in Directory.GetDirectories(Path.Combine(Content, "zonnewijk"))) Directory.Delete(dir, recursive: true);
        var result = SiteBuilder.Build(new BuildOptions(Content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: Themes));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        var warning = Assert.Single(result.Diagnostics.Items, d => d.Path.Replace('\\', '/').EndsWith("zonnewijk/municipality.yaml", StringComparison.Ordinal));
        Assert.Equal((SiteGen.Content.Diagnostics.Codes.FileSystem, SiteGen.Content.Diagnostics.Severity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("de gemeente heeft nog geen wijk", warning.Message, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(Text(result.Files!, "zonnewijk/index.html"));
        Assert.Equal("Er staan nog geen wijken van Gemeente Zonnewijk (fictief voorbeeld) op deze site. Wilt u weten wanneer uw wijk volgt? Vraag het de gemeente.",
            page.QuerySelector("main .lead")!.TextContent);
        Assert.DoesNotContain("Kies uw wijk", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main h2"));
        Assert.Contains("Nog geen wijken.", Text(result.Files!, "index.html"), StringComparison.Ordinal);
        // A municipality with neighbourhoods is not warned about.
        Assert.DoesNotContain(result.Diagnostics.Items, d => d.Path.Replace('\\', '/').EndsWith("zonnedal/municipality.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void An_incremental_build_that_reads_no_neighbourhood_lists_them_all_as_before()
    {
        string output = Path.Combine(_root, "out");
        var options = new BuildOptions(Content, output, BuiltSite.BuildDate, ThemesDir: Themes);
        var first = SiteBuilder.Build(options);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics.Items));
        var before = Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

        var again = SiteBuilder.Build(options);
        Assert.True(again.Succeeded);
        Assert.Equal(0, again.NeighbourhoodsRendered);
        foreach (var (path, text) in before) Assert.Equal(text, File.ReadAllText(path));
        Assert.Contains("molenkwartier/", File.ReadAllText(Path.Combine(output, "zonnewijk", "index.html")), StringComparison.Ordinal);
    }
}
