using System.Text;
using AngleSharp.Html.Parser;
using SiteGen.Rendering.Checks;
using SiteGen.Rendering.Pipeline;
using SiteGen.Rendering.Tests.Plain;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// The link check reads pages with its plain tag reader, or with AngleSharp's tokenizer where that declines a page,
/// instead of building a DOM. Its result must be what the DOM gave: every element's href or src (href wins) at the
/// element's start tag, and every id. Both readers are held to the DOM, and the plain reader to the tokenizer.
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

    /// <returns>Whether the plain reader read the page (it may decline it).</returns>
    private static bool AssertSameAsDom(string page, byte[] html)
    {
        var (links, ids) = DomScan(html);
        var text = Encoding.UTF8.GetString(html).AsMemory();
        var plain = LinkChecker.Scan(text, new LinkChecker.StringPool(), LinkChecker.Reader.Plain);
        foreach (var (reader, scanned) in new[]
                 {
                     ("either", LinkChecker.Scan(html, new LinkChecker.StringPool())),
                     ("tokenizer", LinkChecker.Scan(text, new LinkChecker.StringPool(), LinkChecker.Reader.Tokenizer)!),
                     ("plain", plain),
                 })
        {
            if (scanned is null) continue;
            Assert.True(links.SequenceEqual(scanned.Links),
                $"{page} ({reader}): links differ\nDOM:     {string.Join(" ", links)}\nscanner: {string.Join(" ", scanned.Links)}");
            Assert.True(ids.SequenceEqual(scanned.Ids), $"{page} ({reader}): ids differ\nDOM:     {string.Join(" ", ids)}\nscanner: {string.Join(" ", scanned.Ids)}");
        }
        return plain is not null;
    }

    [Fact]
    public void Every_page_of_the_example_and_the_fictional_site_scans_as_its_DOM_does()
    {
        int pages = 0, links = 0;
        foreach (var (_, files) in Sites.Both)
            foreach (var page in Sites.Pages(files))
            {
                // The themes' markup is what the plain reader is for: a page it declines is read at a third of the speed.
                Assert.True(AssertSameAsDom(page, files.All[page]), $"{page}: the plain reader declined it");
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
    [InlineData("<p id=b><p id=a><p id=b><svg><g id=a></svg><p id=c><p id=B><p id=b>")] // ids repeated and out of order: each once, ordinal
    public void Markup_where_the_tree_builder_decides_scans_as_its_DOM_does(string html) =>
        AssertSameAsDom(html, Encoding.UTF8.GetBytes(html));

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html lang=nl><head><title>a <a href=t> b</title><STYLE>p{}</style ></head>\n  <body><A HREF=\"x\" Id=up>1</A>", true)]
    [InlineData("<p>\n\t<a\fhref='y' href=z id=a\nid=b>\n<img src=i.png alt=\"a > b\" / ><a / href=w/>", true)]
    [InlineData("<a href=\"a?x=1&amp;y=2&lt;&gt;&quot;&apos;&#39;&#x27;&#X41; & b &=\" id=\"&#233;t&eacute\">", false)]
    [InlineData("<a href=\"a?x=1&amp;y=2&lt;&gt;&quot;&apos;&#39;&#x27;&#X41; & b &=\" id=\"&#233;t\">", true)]
    [InlineData("<!-- <a href=c> -- -> --><a href=after><!----><a href=after2>", true)]
    [InlineData("<!--><a href=abrupt>--><a href=x>", false)]
    [InlineData("<!---><a href=abrupt>--><a href=x>", false)]
    [InlineData("<!-- a --!><a href=bang>--><a href=x>", false)]
    [InlineData("<script>if (a < b) x = '</scrip'; </script ><a href=s></SCRIPT><a href=after>", true)]
    [InlineData("<script><!-- <script></script> --></script><a href=escaped>", false)]
    [InlineData("<textarea><a href=t></textarea/><a href=after><title></titlex></title><a href=t2>", true)]
    [InlineData("</p class=\"a>b\"><a href=after-end-tag-attribute>", true)]
    [InlineData("< a href=no>2 < 3 <3 <a href=yes>", true)]
    [InlineData("<p>€ m³ 😀 <a href=\"x\">😀</a>\n😀<a href=\"y\" id=\"😀\">", true)]
    [InlineData("<a href=x>\r\n<a href=y>", false)]
    [InlineData("<a href=\"unterminated", false)]
    [InlineData("<?xml version=1?><a href=x>", false)]
    [InlineData("</ a><a href=x>", false)]
    [InlineData("<a href=x\"y>", false)]
    [InlineData("<svg><a href=h id=s1></a><a xlink:href=x2 id=s2/><use xlink:href=#u /></svg><p xlink:href=no>", true)]
    [InlineData("<svg><title><a href=svg-title></title><p><a href=left-svg>", true)]
    [InlineData("<template><a href=tp id=tq><template></template><a href=tp2></template><a href=z id=z>", true)]
    [InlineData("<plaintext><a href=p></plaintext><a href=q>", true)]
    public void The_plain_reader_reads_what_it_takes_as_the_DOM_does_and_declines_the_rest(string html, bool read) =>
        Assert.Equal(read, AssertSameAsDom(html, Encoding.UTF8.GetBytes(html)));

    [Fact]
    public void Generated_markup_that_the_plain_reader_takes_reads_as_the_tokenizer_reads_it()
    {
        // Pieces of markup, tricky ones among them, joined at random: whatever the plain reader takes, it must read as the
        // tokenizer does. (Not held to the DOM here: misnested tags make the tree builder copy elements, which neither
        // reader follows; the sites' pages and the cases above are held to the DOM.)
        string[] pieces =
        [
            "<p>", "</p>", "<a href=x>", "<a href=\"y z\" id=a>", "<A HREF='Q'>", "</a>", "<img src=i id=b>", "text < 3 ", "&amp; ",
            "\n", "\n  ", "<!-- c <a href=in-comment> -->", "<!---->", "<!DOCTYPE html>", "<script>x('<a href=s>')</script>",
            "<style>a{}</style>", "<title><a href=t></title>", "<textarea>x</textarea>", "<svg>", "</svg>", "<math>", "</math>",
            "<foreignObject>", "</foreignObject>", "<desc>", "</desc>", "<a xlink:href=xl>", "<template>", "</template>",
            "<div id=c class=\"a>b\">", "<br/>", "<b>", "</b>", "<span id=\"&quot;q&quot;\">", "<a href=\"&#38;&#x26;\">",
            "<a href=1 href=2 src=3>", "<p/id=d>", "<table>", "</table>", "<a\nhref\n=\n'w'\n>", "<!-->", "<![CDATA[ <a href=cd> ]]>",
            "<a href=\"&nbsp;\">", "<script><!-- x --></script>", "</a b=\"c>\">", "<li id=e>", "\r\n",
            "<a xlink:href=p href=q>", "<a href=r XLINK:HREF=s src=t>", "<image src=u xlink:href=v>",
        ];
        var random = new Random(12);
        int read = 0;
        for (int doc = 0; doc < 1500; doc++)
        {
            var html = new StringBuilder();
            int count = random.Next(1, 25);
            for (int i = 0; i < count; i++) html.Append(pieces[random.Next(pieces.Length)]);
            var text = html.ToString().AsMemory();
            var plain = LinkChecker.Scan(text, null, LinkChecker.Reader.Plain);
            if (plain is null) continue;
            read++;
            var tokenizer = LinkChecker.Scan(text, null, LinkChecker.Reader.Tokenizer)!;
            Assert.True(plain.Links.SequenceEqual(tokenizer.Links) && plain.Ids.SequenceEqual(tokenizer.Ids),
                $"document {doc}: {html}\nplain:     {string.Join(" ", plain.Links)} / {string.Join(" ", plain.Ids)}"
                + $"\ntokenizer: {string.Join(" ", tokenizer.Links)} / {string.Join(" ", tokenizer.Ids)}");
        }
        // Both readers were exercised: the plain reader took some documents and declined others.
        Assert.InRange(read, 300, 1200);
    }

    [Fact]
    public void Repeated_addresses_are_kept_once()
    {
        var pool = new LinkChecker.StringPool();
        var one = LinkChecker.Scan("<a href=\"../index.html\">a</a><p id=top>"u8.ToArray(), pool);
        var two = LinkChecker.Scan("<p id=top><link href=\"../index.html\">"u8.ToArray(), pool);
        Assert.Same(one.Links[0].Url, two.Links[0].Url);
        Assert.Same(one.Ids[0], two.Ids[0]);
    }

    [Fact]
    public void A_threads_pool_starts_afresh_when_asked()
    {
        // A build asks before each neighbourhood it draws: one neighbourhood's anchors are not held while the next is drawn.
        var before = LinkChecker.StringPool.OfThread();
        Assert.Same(before, LinkChecker.StringPool.OfThread());
        before.Intern("#a-zonnedal-centrum".AsSpan());
        LinkChecker.StringPool.Restart();
        var after = LinkChecker.StringPool.OfThread();
        Assert.NotSame(before, after);
        Assert.Equal(0, after.Count);
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
