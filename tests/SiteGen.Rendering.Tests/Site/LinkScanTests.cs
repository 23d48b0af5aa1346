using System.Text;
using AngleSharp.Html.Parser;
using SiteGen.Rendering.Checks;
using SiteGen.Rendering.Pipeline;
using SiteGen.Rendering.Tests.Plain;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// The link check reads pages with AngleSharp's tokenizer instead of building a DOM. Its result must be what the DOM
/// gave: every element's href or src (href wins) at the element's start tag, and every id.
/// </summary>
public class LinkScanTests
{
    /// <summary>The scan as it was: a full DOM with source references, queried with selectors.</summary>
    private static (List<LinkChecker.Link> Links, string[] Ids) DomScan(byte[] html)
    {
        var doc = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(Encoding.UTF8.GetString(html));
        var links = doc.QuerySelectorAll("[href], [src]")
            .Select(e => new LinkChecker.Link(e.GetAttribute("href") ?? e.GetAttribute("src")!, e.SourceReference?.Position.Line ?? 1, e.SourceReference?.Position.Column ?? 1))
            .ToList();
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return (links, ids);
    }

    private static void AssertSameAsDom(string page, byte[] html)
    {
        var (links, ids) = DomScan(html);
        var scanned = LinkChecker.Scan(html, new LinkChecker.StringPool());
        Assert.True(links.SequenceEqual(scanned.Links),
            $"{page}: links differ\nDOM:     {string.Join(" ", links)}\nscanner: {string.Join(" ", scanned.Links)}");
        Assert.True(ids.SequenceEqual(scanned.Ids), $"{page}: ids differ\nDOM:     {string.Join(" ", ids)}\nscanner: {string.Join(" ", scanned.Ids)}");
    }

    [Fact]
    public void Every_page_of_the_example_and_the_fictional_site_scans_as_its_DOM_does()
    {
        int pages = 0, links = 0;
        foreach (var (_, files) in Sites.Both)
            foreach (var page in Sites.Pages(files))
            {
                AssertSameAsDom(page, files.All[page]);
                pages++;
                links += LinkChecker.Scan(files.All[page]).Links.Length;
            }
        Assert.True(pages > 30 && links > 1000, $"only {pages} pages with {links} links were compared");
    }

    [Theory]
    [InlineData("<p id=a><script>var x = '<a href=\"no\">';</script><a href=x id=b>1</a><style>a{}</style><textarea><a href=t></textarea><title><a href=tt></title>")]
    [InlineData("<a href=1 href=2 src=3><img src=4 id=c id=d><a href='&amp;x&#47;'>")]
    [InlineData("<!-- <a href=c> -->\n<a\nhref=\"multi\"\n>x</a>\r\n<img\r\nsrc=y>")]
    [InlineData("<svg><a xlink:href=\"#z\" href=q/><style><a href=svg-style></style><title><a href=svg-title></title></svg><a xlink:href=html>")]
    [InlineData("<svg><foreignObject><style><a href=fo></style></foreignObject><desc><textarea><a href=d></textarea></desc></svg><script><a href=s></script>")]
    [InlineData("<svg><p><script><a href=s></script><a href=after></svg><template><a href=tp id=tq></template><a href=z>")]
    [InlineData("<svg><![CDATA[ x > <a href=cdata> ]]></svg><math><mi><style><a href=m></style></mi></math><math><style><a href=m2></style></math>")]
    [InlineData("<noscript><a href=ns id=ns></noscript><iframe><a href=if></iframe><xmp><a href=x></xmp><a href=\"\" id=\"\"><plaintext><a href=p>")]
    public void Markup_where_the_tree_builder_decides_scans_as_its_DOM_does(string html) =>
        AssertSameAsDom(html, Encoding.UTF8.GetBytes(html));

    [Fact]
    public void Repeated_addresses_are_kept_once()
    {
        var pool = new LinkChecker.StringPool();
        var one = LinkChecker.Scan("<a href=\"../index.html\">a</a><p id=top>"u8.ToArray(), pool);
        var two = LinkChecker.Scan("<p id=top><link href=\"../index.html\">"u8.ToArray(), pool);
        Assert.Same(one.Links[0].Url, two.Links[0].Url);
        Assert.Same(one.Ids[0], two.Ids[0]);
    }

    [Theory]
    [InlineData("a/b/index.html", "../c/", "a/c/index.html", "")]
    [InlineData("a/b/index.html", "../../index.html#top", "index.html", "top")]
    [InlineData("a/b/index.html", "../../../index.html", null, "")]
    [InlineData("a/b/index.html", "/assets/site.css?v=2", "assets/site.css", "")]
    [InlineData("a/b/index.html", "./", "a/b/index.html", "")]
    [InlineData("a/b/index.html", "#a-gas%20prijs", "a/b/index.html", "a-gas prijs")]
    [InlineData("a/b/index.html", "?q=1", "a/b/index.html", "")]
    [InlineData("index.html", "wijk/", "wijk/index.html", "")]
    [InlineData("index.html", "..", null, "")]
    [InlineData("index.html", "/", "index.html", "")]
    [InlineData("a/index.html", "x%2Fy/../z.html", "a/z.html", "")] // an escaped slash is part of a name: ".." leaves it whole
    [InlineData("a/index.html", "een%20map//b.html", "a/een map/b.html", "")]
    public void A_link_resolves_to_the_file_it_names(string page, string url, string? target, string fragment)
    {
        Assert.Equal((target, fragment), LinkChecker.Resolve(page, url));
        // The buffer it is built in is reused: a second call gives the same.
        Assert.Equal((target, fragment), LinkChecker.Resolve(page, url));
    }
}
