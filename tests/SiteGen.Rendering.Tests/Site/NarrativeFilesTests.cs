using System.Text;
using AngleSharp.Html.Parser;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Checks;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>Issue 8: images and documents of bestanden/ reach the output and their links work from every page kind.</summary>
public class NarrativeFilesTests
{
    private static readonly string Content = Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content");
    private static readonly Lazy<Pipeline.SiteFiles> Site = new(() => BuiltSite.Build(Content, ThemesWithZonnedal()));

    /// <summary>The default theme with the fictional municipality's overrides (its logo), as a communicator would have it.</summary>
    private static string ThemesWithZonnedal()
    {
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        string own = Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "themes");
        foreach (var file in Directory.GetFiles(own, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(themes, Path.GetRelativePath(own, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return themes;
    }
    private const string N = "zonnedal/de-akkers";

    [Theory]
    [InlineData("kaart-de-akkers.svg")]
    [InlineData("rapport-de-akkers.pdf")]
    public void A_file_of_bestanden_is_copied_next_to_the_neighbourhood_pages_byte_for_byte(string name) =>
        Assert.Equal(File.ReadAllBytes(Path.Combine(Content, "zonnedal", "de-akkers", "bestanden", name)), Site.Value.All[$"{N}/bestanden/{name}"]);

    [Theory]
    [InlineData(N + "/index.html", "img", "bestanden/kaart-de-akkers.svg")]
    [InlineData(N + "/index.html", "a", "bestanden/rapport-de-akkers.pdf")]
    [InlineData(N + "/woningen/rijwoning-1965/index.html", "a", "../../bestanden/kaart-de-akkers.svg")]
    [InlineData(N + "/varianten/buurtwarmtenet/index.html", "a", "../../bestanden/rapport-de-akkers.pdf#page=1")]
    [InlineData(N + "/varianten/buurtwarmtenet/index.html", "img", "../../bestanden/kaart-de-akkers.svg")]
    public void A_link_written_relative_to_the_Markdown_file_works_from_the_page_it_appears_on(string page, string element, string expected)
    {
        var doc = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(Site.Value.All[page]));
        var urls = doc.QuerySelectorAll(element).Select(e => e.GetAttribute(element == "img" ? "src" : "href")).Where(u => u!.Contains("bestanden/")).ToList();
        Assert.Equal(expected, Assert.Single(urls));
        var (target, _) = LinkChecker.Resolve(page, expected);
        Assert.StartsWith($"{N}/bestanden/", target);
        Assert.True(Site.Value.Contains(target!), target);
    }

    [Fact]
    public void An_image_keeps_its_alt_text_loads_lazily_and_an_SVG_is_never_inlined()
    {
        string html = Encoding.UTF8.GetString(Site.Value.All[N + "/index.html"]);
        var img = new HtmlParser().ParseDocument(html).QuerySelectorAll("main img, img[src^='bestanden/']").Single(e => e.GetAttribute("src")!.StartsWith("bestanden/", StringComparison.Ordinal));
        Assert.StartsWith("Kaart van De Akkers", img.GetAttribute("alt"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.DoesNotContain("Warmtepomp buurt", html); // a text inside the SVG file
    }
}
