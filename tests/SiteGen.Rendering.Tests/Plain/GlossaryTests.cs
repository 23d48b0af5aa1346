using AngleSharp.Dom;
using System.Text.RegularExpressions;
using SiteGen.Calculation;
using SiteGen.Content.Model;
using SiteGen.Rendering.Pages;

namespace SiteGen.Rendering.Tests.Plain;

/// <summary>The glossary page ("Begrippen") and the marking of each term's first use on every page.</summary>
public class GlossaryTests
{
    private const string Putten = "putten/bijsteren-husselerveld/";

    public static readonly string[] Required =
    [
        "warmtenet", "afleverset", "lagetemperatuurafgifte", "WEQ", "GJ", "kWh", "SCOP", "ISDE", "WIS", "SDE++", "Wcw", "ACM", "BAK",
        "onrendabele top", "TCO", "energielabel",
    ];

    [Fact]
    public void Every_required_term_is_defined_once_with_its_source_on_the_glossary_page()
    {
        var doc = Sites.Page(Sites.Putten, Putten + "begrippen/index.html");
        Assert.Equal("Begrippen", doc.QuerySelector("h1")!.TextContent);
        var entries = doc.QuerySelectorAll("dl.glossary > div").ToList();
        var terms = entries.Select(e => e.QuerySelector("dt dfn")!.TextContent).ToList();
        foreach (var term in Required) Assert.Single(terms, t => t == term);
        Assert.Equal(terms.Count, terms.Distinct().Count());
        foreach (var e in entries)
        {
            Assert.StartsWith("begrip-", e.Id);
            string definition = e.QuerySelector("dd p")!.TextContent;
            int sentences = Regex.Matches(definition, @"[.!?](\s|$)").Count;
            Assert.InRange(sentences, 1, 3);
            Assert.StartsWith("Bron: ", e.QuerySelector("dd p.source")!.TextContent);
        }
        Assert.Contains(entries, e => e.Id == "begrip-weq" && e.QuerySelector("dt")!.TextContent.Contains("(woningequivalent)"));
    }

    [Fact]
    public void Every_neighbourhood_page_links_to_the_glossary_in_its_navigation()
    {
        foreach (var (_, files) in Sites.Both)
            foreach (var page in Sites.Pages(files).Where(p => p.Count(c => c == '/') >= 3))
            {
                var link = Sites.Page(files, page).QuerySelectorAll("nav a").FirstOrDefault(a => a.TextContent == "Begrippen");
                Assert.True(link is not null, $"{page} has no link 'Begrippen' in its navigation");
            }
    }

    [Fact]
    public void The_first_use_of_a_term_on_a_page_links_to_its_definition_and_later_uses_do_not()
    {
        foreach (var page in Sites.Pages(Sites.Putten).Where(p => p.StartsWith(Putten, StringComparison.Ordinal) && !p.Contains("begrippen")))
        {
            var doc = Sites.Page(Sites.Putten, page);
            var marked = doc.QuerySelectorAll("main a.term").ToList();
            var targets = marked.Select(a => a.GetAttribute("href")!).ToList();
            Assert.True(targets.Count == targets.Distinct().Count(), $"{page}: a term is marked more than once");
            foreach (var a in marked)
            {
                Assert.False(Sites.InsideAny(a, "h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "dfn", "summary", "button", "label", "svg"),
                    $"{page}: the term '{a.TextContent}' is marked inside a heading, link or control");
                Assert.Matches(@"begrippen/#begrip-[a-z0-9-]+$", a.GetAttribute("href")!);
            }
        }
        // On the overview page the first 'warmtenet' in running text (outside headings and links) is the marked one.
        var overview = Sites.Page(Sites.Putten, Putten + "index.html");
        var first = overview.QuerySelector("main")!.Descendants().OfType<AngleSharp.Dom.IText>()
            .First(t => Regex.IsMatch(t.Data, @"(?<![\p{L}-])[wW]armtenet(?![\p{L}-])") && !Outside(t));
        Assert.Equal("term", first.ParentElement!.ClassName);
    }

    /// <summary>Text the marker leaves alone: in a heading, a link other than a marked term, a form, a summary or a chart.</summary>
    private static bool Outside(IText t)
    {
        var parent = t.ParentElement!;
        if (parent.LocalName == "a" && parent.ClassList.Contains("term")) return false;
        string[] skipped = ["h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "dfn", "summary", "button", "label", "form", "svg"];
        return skipped.Contains(parent.LocalName) || Sites.InsideAny(parent, skipped);
    }

    [Fact]
    public void An_abbreviation_is_marked_with_its_full_form()
    {
        var doc = Sites.Page(Sites.Putten, Putten + "varianten/mini-collectief/index.html");
        var bak = doc.QuerySelector("main a.term[href$='#begrip-bak'] abbr");
        Assert.NotNull(bak);
        Assert.Equal("bijdrage aansluitkosten", bak!.GetAttribute("title"));
    }

    [Fact]
    public void A_municipality_adds_its_own_terms_and_replaces_a_shared_one()
    {
        var doc = Sites.Page(Sites.Zonnedal, "zonnedal/de-akkers/begrippen/index.html");
        Assert.NotNull(doc.GetElementById("begrip-buurtwarmtenet"));
        Assert.Contains("Zonnedal", doc.GetElementById("begrip-warmtenet")!.TextContent);
        Assert.NotNull(doc.GetElementById("begrip-isde")); // shared
    }

    private static GlossaryTerm Term(string id, string term, string? full = null, params string[] also) =>
        new(id, term, full, also, "Uitleg.", new Reference(new SourceDocument("s", "S", "T", "P", new DateOnly(2025, 1, 1), null, null), "§1", Basis.Stated, null, null));

    [Fact]
    public void The_marker_skips_headings_links_and_compounds_and_keeps_every_other_byte()
    {
        string html = "<h2>Warmtenet</h2>\n<p class=\"x\">Een <a href=\"#\">warmtenet</a>, een mini-warmtenet, Warmtenetten en een warmtenet.</p><p>ISDE-subsidie en ISDE &amp; WIS</p><svg><text>WIS</text></svg>";
        string marked = GlossaryMarker.Mark(html, [Term("warmtenet", "warmtenet", null, "warmtenetten"), Term("isde", "ISDE", "Investeringssubsidie"), Term("wis", "WIS")],
            (t, text) => $"[{t.Id}:{text}]");
        Assert.Equal("<h2>Warmtenet</h2>\n<p class=\"x\">Een <a href=\"#\">warmtenet</a>, een mini-warmtenet, [warmtenet:Warmtenetten] en een warmtenet.</p><p>[isde:ISDE]-subsidie en ISDE &amp; [wis:WIS]</p><svg><text>WIS</text></svg>", marked);
    }
}
