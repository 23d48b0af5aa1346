using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.EndToEnd.Tests;

/// <summary>
/// Checks on the generated HTML files themselves, parsed from disk (what a browser gets without scripts). In the
/// fixture's collection although they need no browser: the fixture deletes the built files when the collection ends.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HtmlStructureTests
{
    public static TheoryData<string> Pages => BuiltSite.PageUrls();

    private static IDocument Parse(string url)
    {
        var page = BuiltSite.Instance.Page(url);
        return new HtmlParser().ParseDocument(File.ReadAllText(page.File));
    }

    private static string Describe(IElement e) =>
        $"<{e.LocalName}{(e.ClassName is { Length: > 0 } c ? $" class=\"{c}\"" : "")}> \"{Text(e, 60)}\"";

    private static string Text(IElement e, int max)
    {
        string t = string.Join(' ', (e.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.Length <= max ? t : t[..max] + "…";
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Headings_are_in_order(string url)
    {
        var doc = Parse(url);
        var headings = doc.QuerySelectorAll("h1, h2, h3, h4, h5, h6").ToList();
        var problems = new List<string>();
        int h1s = headings.Count(h => h.LocalName == "h1");
        if (h1s != 1)
            problems.Add($"expected exactly one h1, found {h1s}: {string.Join(", ", headings.Where(h => h.LocalName == "h1").Select(Describe))}");
        int previous = 1;  // the page starts at h1 level: a first h2 is fine, a first h3 skips a level
        foreach (var h in headings)
        {
            int level = h.LocalName[1] - '0';
            if (level > previous + 1)
                problems.Add($"h{previous} -> h{level} skips a level at {Describe(h)}");
            previous = level;
        }
        Assert.True(problems.Count == 0, $"{url}:\n  " + string.Join("\n  ", problems)
            + "\nOutline: " + string.Join(" / ", headings.Select(h => $"{h.LocalName} {Text(h, 40)}")));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Tables_have_captions_and_header_scopes(string url)
    {
        var doc = Parse(url);
        var problems = new List<string>();
        int index = 0;
        foreach (var table in doc.QuerySelectorAll("table"))
        {
            index++;
            var caption = table.Children.FirstOrDefault(c => c.LocalName == "caption");
            string name = caption is null ? $"table #{index} (first header \"{Text(table.QuerySelector("th") ?? table, 40)}\")" : $"table #{index} \"{Text(caption, 50)}\"";
            if (caption is null) problems.Add($"{name} has no <caption>");
            else if (string.IsNullOrWhiteSpace(caption.TextContent)) problems.Add($"{name} has an empty <caption>");
            foreach (var th in table.QuerySelectorAll("th"))
            {
                string? scope = th.GetAttribute("scope");
                if (scope is null) problems.Add($"{name}: <th> \"{Text(th, 40)}\" has no scope");
                else if (scope is not ("row" or "col" or "rowgroup" or "colgroup")) problems.Add($"{name}: <th> \"{Text(th, 40)}\" has scope=\"{scope}\"");
            }
        }
        Assert.True(problems.Count == 0, $"{url}:\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void No_page_needs_javascript(string url)
    {
        var doc = Parse(url);
        var problems = new List<string>();
        // The one exception is progressive enhancement: the personal calculator of a dwelling page, an external script
        // that un-hides a section rendered with `hidden`. Everything else works without it.
        bool calculatorHidden = doc.QuerySelector("section.calculator[data-calculator]") is { } calc && calc.HasAttribute("hidden");
        foreach (var s in doc.QuerySelectorAll("script"))
            if (!(calculatorHidden && s.HasAttribute("defer") && s.GetAttribute("src") is { } js && js.EndsWith("/js/calculator.js", StringComparison.Ordinal)
                  && string.IsNullOrWhiteSpace(s.TextContent)))
                problems.Add($"<script{(s.GetAttribute("src") is { } src ? $" src=\"{src}\"" : "")}{(s.GetAttribute("type") is { } type ? $" type=\"{type}\"" : "")}> {Text(s, 60)}");
        foreach (var e in doc.All)
        {
            foreach (var a in e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
                problems.Add($"<{e.LocalName} {a.Name}=\"{a.Value}\"> (inline event handler)");
            foreach (var a in e.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction"
                         && a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
                problems.Add($"<{e.LocalName} {a.Name}=\"{a.Value}\"> (javascript: URL)");
        }
        Assert.True(problems.Count == 0, $"{url} uses JavaScript:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void Pages_are_Dutch()
    {
        BuiltSite.Instance.RequirePages();
        var wrong = BuiltSite.Instance.Pages
            .Select(p => (p.Url, Lang: new HtmlParser().ParseDocument(File.ReadAllText(p.File)).DocumentElement.GetAttribute("lang")))
            .Where(x => x.Lang != "nl").Select(x => $"{x.Url}: lang=\"{x.Lang}\"").ToList();
        Assert.True(wrong.Count == 0, "pages without <html lang=\"nl\">:\n  " + string.Join("\n  ", wrong));
    }

    [Fact]
    public void The_contracted_urls_are_built()
    {
        BuiltSite.Instance.RequirePages();
        const string n = "/putten/bijsteren-husselerveld/";
        string[] expected =
        [
            "/", n, n + "stappenplannen/", n + "uitgangspunten/", "/open-data/",
            .. new[] { "vrijstaand-voor-1980", "tussenwoning-1980-2000", "tussenwoning-na-2000" }.Select(d => $"{n}woningen/{d}/"),
            .. new[] { "gasketel", "hybride-warmtepomp", "lucht-water-warmtepomp", "mini-collectief", "klein-collectief", "groot-collectief" }.Select(v => $"{n}varianten/{v}/"),
        ];
        var built = BuiltSite.Instance.Pages.Select(p => p.Url).ToHashSet();
        var missing = expected.Where(u => !built.Contains(u)).ToList();
        Assert.True(missing.Count == 0, "pages of the URL scheme that were not built:\n  " + string.Join("\n  ", missing)
            + "\nBuilt: " + string.Join(", ", built.Order()));
        Assert.True(BuiltSite.Instance.Files().Any(f => f.StartsWith("assets/", StringComparison.Ordinal) && f.Contains("/css/") && f.EndsWith(".css")),
            "no stylesheet under /assets/<theme>/css/ was built");
    }
}
