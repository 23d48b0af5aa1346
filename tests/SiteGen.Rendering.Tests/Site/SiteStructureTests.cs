using SiteGen.Content.Diagnostics;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Checks;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

public class SiteStructureTests
{
    [Fact]
    public void The_example_site_has_every_page_the_guide_needs()
    {
        string n = "putten/bijsteren-husselerveld";
        string[] expected =
        [
            "index.html", $"{n}/index.html", $"{n}/stappenplannen/index.html", $"{n}/uitgangspunten/index.html", $"{n}/wat-is-er-veranderd/index.html", $"{n}/begrippen/index.html", "open-data/index.html",
            $"{n}/woningen/vrijstaand-voor-1980/index.html", $"{n}/woningen/tussenwoning-1980-2000/index.html", $"{n}/woningen/tussenwoning-na-2000/index.html",
            $"{n}/varianten/gasketel/index.html", $"{n}/varianten/hybride-warmtepomp/index.html", $"{n}/varianten/lucht-water-warmtepomp/index.html",
            $"{n}/varianten/mini-collectief/index.html", $"{n}/varianten/klein-collectief/index.html", $"{n}/varianten/groot-collectief/index.html",
            "data/results.json", "data/results.csv", "data/business-cases.json", "data/participation.json", "data/break-even.json", $"data/{n}/calculator.json",
            "assets/default/css/tokens.css", "assets/default/css/site.css", "assets/default/css/print.css", "assets/default/favicon.svg", "assets/default/js/calculator.js",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), BuiltSite.Files.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_internal_link_and_anchor_resolves()
    {
        var diag = new DiagnosticBag();
        int links = LinkChecker.Check(BuiltSite.Files, diag);
        Assert.Empty(diag.Items);
        Assert.True(links > 300, $"only {links} links were checked");
    }

    [Fact]
    public void A_broken_link_or_anchor_or_script_url_is_reported_with_its_page_and_line()
    {
        var files = new SiteFiles();
        files.Add("index.html", "<html><body>\n<a href=\"a/\">ok</a>\n<a href=\"missing/\">x</a>\n<a href=\"a/#nope\">y</a>\n<a href=\"javascript:alert(1)\">z</a>\n<a href=\"https://example.org/\">e</a>"
            + "\n<a href=\"a/#caf%C3%A9\">escaped</a>\n<a href=\"a/#caf%C3%A8\">other</a>\n<a href=\"../../boven/\">out</a></body></html>");
        files.Add("a/index.html", "<html><body><h1 id=\"top\">A</h1><p id=\"café\">B</p><a href=\"../#\">back</a></body></html>");
        var diag = new DiagnosticBag();
        LinkChecker.Check(files, diag);
        Assert.Equal(5, diag.Items.Count);
        Assert.Contains(diag.Items, d => d is { Path: "index.html", Line: 3, Code: Codes.BrokenLink } && d.Message.Contains("naar 'missing/index.html'"));
        Assert.Contains(diag.Items, d => d is { Path: "index.html", Line: 4, Code: Codes.BrokenLink } && d.Message.Contains("'#nope'") && d.Message.Contains("niet op 'a/index.html'"));
        Assert.Contains(diag.Items, d => d is { Path: "index.html", Line: 5, Code: Codes.UnsafeLink });
        // An escaped fragment is compared unescaped; a link that climbs out of the site has no target.
        Assert.Contains(diag.Items, d => d is { Path: "index.html", Line: 8, Code: Codes.BrokenLink } && d.Message.Contains("'#cafè'"));
        Assert.Contains(diag.Items, d => d is { Path: "index.html", Line: 9, Code: Codes.BrokenLink } && d.Message.Contains("naar ''"));
    }

    [Fact]
    public void Findings_of_a_site_checked_in_batches_on_all_cores_come_in_page_order_and_every_link_is_counted()
    {
        // More pages than one batch of the site-wide check holds, each with a broken link, a missing anchor on a page
        // linked to from everywhere, and two good links.
        var files = new SiteFiles();
        files.Add("index.html", "<html><body><h1 id=\"top\">Start</h1></body></html>");
        var pages = Enumerable.Range(0, 700).Select(i => $"p{i:D4}/index.html").ToList();
        foreach (var (page, i) in pages.Select((p, i) => (p, i)))
            files.Add(page, $"<html><body>\n<a href=\"../\">start</a>\n<a href=\"../p{(i + 1) % 700:D4}/\">next</a>\n"
                + $"<a href=\"../weg-{i}/\">broken</a>\n<a href=\"../#plek-{i}\">no place</a></body></html>");
        var diag = new DiagnosticBag();
        int links = LinkChecker.Check(files, diag);
        Assert.Equal(700 * 4, links);
        var expected = pages.SelectMany((p, i) => new[]
        {
            (p, 4, $"naar 'weg-{i}/index.html'"),
            (p, 5, $"'#plek-{i}'"),
        }).ToList();
        Assert.Equal(expected.Count, diag.Items.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            var (page, line, text) = expected[k];
            var found = diag.Items[k];
            Assert.True(found.Path == page && found.Line == line && found.Message.Contains(text, StringComparison.Ordinal), $"{k}: {found}");
        }
    }

    [Fact]
    public void Pages_stay_light_and_need_no_javascript()
    {
        foreach (var page in BuiltSite.Pages)
        {
            Assert.True(BuiltSite.Files.All[page].Length < 100 * 1024, $"{page} is {BuiltSite.Files.All[page].Length} bytes");
            // The one script is the dwelling page's calculator: an external file that un-hides a section rendered hidden.
            var doc = BuiltSite.Page(page);
            foreach (var script in doc.QuerySelectorAll("script"))
            {
                Assert.EndsWith("/js/calculator.js", script.GetAttribute("src") ?? "(inline script)");
                Assert.True(doc.QuerySelector("section.calculator[data-calculator]")?.HasAttribute("hidden"), $"{page}: the calculator must be hidden without JavaScript");
            }
            // Everything a page loads (stylesheets, images...) is local: no fonts, scripts or trackers from elsewhere.
            foreach (var e in BuiltSite.Page(page).QuerySelectorAll("link[href], [src]"))
                Assert.DoesNotMatch("^[a-z]+:|^//", e.GetAttribute("href") ?? e.GetAttribute("src")!);
        }
        long css = BuiltSite.Files.All.Where(f => f.Key.EndsWith(".css", StringComparison.Ordinal)).Sum(f => f.Value.LongLength);
        Assert.True(css < 40 * 1024, $"CSS is {css} bytes");
    }

    [Fact]
    public void A_dwelling_page_lists_its_parts_on_top_each_link_named_as_the_heading_it_leads_to()
    {
        // The page is some twenty screens on a phone. Its list "Op deze pagina" has every section with an id, in order,
        // each link's text the heading's own (a heading changed in the layout and not in the list would fail here).
        var pages = BuiltSite.Pages.Where(p => p.Contains("/woningen/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pages.Count);
        foreach (var page in pages)
        {
            var doc = BuiltSite.Page(page);
            var toc = doc.QuerySelector("main nav.toc");
            Assert.NotNull(toc);
            Assert.Equal("Op deze pagina", toc!.QuerySelector("h2")!.TextContent);
            var links = toc.QuerySelectorAll("li a").Select(a => (Href: a.GetAttribute("href")!, Text: a.TextContent)).ToList();
            var headings = doc.QuerySelectorAll("main h2[id]").Where(h => h.Closest("nav") is null && h.Id != "in-het-kort")
                .Select(h => (Href: "#" + h.Id, Text: h.TextContent)).ToList();
            Assert.Equal(headings, links);
            Assert.Contains(links, l => l.Href == "#kiezen");
            Assert.Contains(links, l => l.Href == "#stappen");
            // The calculator's section is hidden without JavaScript, and so is its link (calculator.js shows both).
            var calculator = toc.QuerySelector("a[href='#eigen-situatie']")!.ParentElement!;
            Assert.True(calculator.HasAttribute("hidden") && calculator.HasAttribute("data-calculator-link"), page);
        }
        Assert.Contains("querySelectorAll('[data-calculator-link]')", System.Text.Encoding.UTF8.GetString(BuiltSite.Files.All["assets/default/js/calculator.js"]));
    }

    [Fact]
    public void Every_page_is_Dutch_and_has_one_h1_and_captioned_tables_with_scoped_headers()
    {
        foreach (var page in BuiltSite.Pages)
        {
            var doc = BuiltSite.Page(page);
            Assert.Equal("nl", doc.DocumentElement.GetAttribute("lang"));
            Assert.Single(doc.QuerySelectorAll("h1"));
            foreach (var table in doc.QuerySelectorAll("table"))
            {
                Assert.NotNull(table.QuerySelector("caption"));
                Assert.All(table.QuerySelectorAll("th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "row" }));
            }
        }
    }

    [Fact]
    public void A_municipality_theme_overrides_a_default_file_of_the_same_name()
    {
        string themes = RepoPaths.TempFolder("sitegen-themes-");
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "themes", "default"), "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(themes, "default", Path.GetRelativePath(Path.Combine(RepoPaths.Root, "themes", "default"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        Directory.CreateDirectory(Path.Combine(themes, "putten", "assets", "css"));
        File.WriteAllText(Path.Combine(themes, "putten", "assets", "css", "site.css"), ":root{--sg-color-primary:#00594f}");
        Directory.CreateDirectory(Path.Combine(themes, "putten", "partials"));
        File.WriteAllText(Path.Combine(themes, "putten", "partials", "facts.sbn"), "<dl class=\"putten-facts\">{{ for f in items }}<dt>{{ f.term }}</dt><dd>{{ f.value }}</dd>{{ end }}</dl>");

        var files = BuiltSite.Build(RepoPaths.Content, themes);
        string dwelling = System.Text.Encoding.UTF8.GetString(files.All["putten/bijsteren-husselerveld/woningen/vrijstaand-voor-1980/index.html"]);
        Assert.Contains("../../../../assets/putten/css/site.css", dwelling);
        Assert.Contains("class=\"putten-facts\"", dwelling);
        Assert.Equal(":root{--sg-color-primary:#00594f}", System.Text.Encoding.UTF8.GetString(files.All["assets/putten/css/site.css"]));
        // Files the municipality does not override come from the default theme.
        Assert.True(files.All.ContainsKey("assets/putten/css/print.css"));
        // On a site of one municipality its home page is in its theme too.
        Assert.Contains("\"assets/putten/css/site.css\"", System.Text.Encoding.UTF8.GetString(files.All["index.html"]));
    }
}
