using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Pipeline;
using SiteGen.Rendering.Tests.Site;

namespace SiteGen.Rendering.Tests.Plain;

/// <summary>The Putten example and the fictional Zonnedal site, each built once in memory, and text helpers.</summary>
public static class Sites
{
    public static string Fictional => Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional");

    private static readonly Lazy<SiteFiles> FictionalLazy = new(() =>
    {
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        string own = Path.Combine(Fictional, "themes");
        foreach (var file in Directory.GetFiles(own, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(themes, Path.GetRelativePath(own, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
        return BuiltSite.Build(Path.Combine(Fictional, "content"), themes);
    });

    public static SiteFiles Putten => BuiltSite.Files;
    public static SiteFiles Zonnedal => FictionalLazy.Value;

    public static IEnumerable<(string Site, SiteFiles Files)> Both => [("putten", Putten), ("zonnedal", Zonnedal)];

    public static IEnumerable<string> Pages(SiteFiles files) => files.All.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public static IHtmlDocument Page(SiteFiles files, string path) => new HtmlParser().ParseDocument(Encoding.UTF8.GetString(files.All[path]));

    /// <summary>What a reader sees: the text of the page (without scripts and styles), its title and the tooltips and alternative texts.</summary>
    public static string VisibleText(IHtmlDocument doc)
    {
        foreach (var e in doc.QuerySelectorAll("script, style").ToList()) e.Remove();
        var sb = new StringBuilder(doc.Title).Append('\n').Append(doc.Body!.TextContent);
        foreach (var e in doc.QuerySelectorAll("[title], [alt], [aria-label]"))
            foreach (var a in new[] { "title", "alt", "aria-label" })
                if (e.GetAttribute(a) is { } v) sb.Append('\n').Append(v);
        return sb.ToString();
    }

    public static string Normalise(string text) => Regex.Replace(text.Replace('\u00a0', ' '), @"\s+", " ");

    /// <summary>The text of every paragraph and list item in the page's main content, one string each.</summary>
    public static List<string> Blocks(IHtmlDocument doc, string selector = "main p, main li, main dd") =>
        doc.QuerySelectorAll(selector).Where(e => e.QuerySelector("p, li, dd") is null)
            .Select(e => Normalise(e.TextContent).Trim()).Where(t => t.Length > 0).ToList();

    public static bool InsideAny(IElement e, params string[] tags)
    {
        for (var p = e.ParentElement; p is not null; p = p.ParentElement)
            if (tags.Contains(p.LocalName)) return true;
        return false;
    }
}
