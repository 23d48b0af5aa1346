using AngleSharp.Html.Parser;
using SiteGen.Content.Diagnostics;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Checks;

/// <summary>
/// Checks every link and anchor of the built site before it is written: a relative link must reach a file
/// the build produces, a fragment an id on that page; only http(s), mailto and tel leave the site.
/// </summary>
/// <remarks>
/// Each page is parsed once and reduced to its links (with their source positions) and its ids; the document is
/// dropped straight away. Keeping every page's DOM until the end made the check allocation-bound and its memory grow
/// with the site. Pages are scanned in parallel (each scan is independent); findings are reported in page order.
/// </remarks>
public static class LinkChecker
{
    /// <summary>One link of a page: its address and where its element starts in the page's source.</summary>
    public readonly record struct Link(string Url, int Line, int Column);

    /// <summary>What the check needs of a page: its links in document order and the ids it defines.</summary>
    public sealed record PageLinks(Link[] Links, HashSet<string> Ids);

    [ThreadStatic] private static HtmlParser? t_parser;

    /// <summary>Parses one page and keeps only its links and ids.</summary>
    public static PageLinks Scan(byte[] html)
    {
        var parser = t_parser ??= new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var doc = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(html));
        var links = new List<Link>();
        foreach (var element in doc.QuerySelectorAll("[href], [src]"))
        {
            string url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
            links.Add(new Link(url, element.SourceReference?.Position.Line ?? 1, element.SourceReference?.Position.Column ?? 1));
        }
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        return new PageLinks([.. links], ids);
    }

    public static int Check(SiteFiles files, DiagnosticBag diag)
    {
        // Only pages rendered by this build are checked; pages carried over were checked when they were made.
        var names = files.All.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        var scanned = new PageLinks[names.Length];
        Parallel.For(0, names.Length, i => scanned[i] = Scan(files.All[names[i]]));
        var pages = new Dictionary<string, PageLinks>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) pages[names[i]] = scanned[i];
        return Check(files, pages, diag);
    }

    /// <summary>Resolves the links of the scanned pages, in ordinal page order; targets not scanned are read and scanned on demand.</summary>
    public static int Check(SiteFiles files, IReadOnlyDictionary<string, PageLinks> pages, DiagnosticBag diag)
    {
        var other = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> IdsOf(string target)
        {
            if (pages.TryGetValue(target, out var p)) return p.Ids;
            if (!other.TryGetValue(target, out var set)) other[target] = set = Scan(files.Read(target)).Ids;
            return set;
        }
        int checkedLinks = 0;
        foreach (var page in pages.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var (url, line, column) in pages[page].Links)
            {
                checkedLinks++;
                // An address with a scheme leaves the site: allowed ones are not checked further, others are refused.
                if (Content.Loading.SafeMarkdown.SchemeOf(url) is not null)
                {
                    if (!Content.Loading.SafeMarkdown.IsAllowed(url))
                        diag.Error(page, line, column, Codes.UnsafeLink, $"link '{url}' begint niet met http, https, mailto of tel; zulke links zijn niet toegestaan");
                    continue;
                }
                var (target, fragment) = Resolve(page, url);
                if (target is null || !files.Contains(target))
                {
                    diag.Error(page, line, column, Codes.BrokenLink, $"link '{url}' wijst naar '{target}', maar die pagina of dat bestand maakt de build niet");
                    continue;
                }
                // A fragment of a document ("rapport.pdf#page=3") is the viewer's business; only pages have ids.
                if (fragment.Length > 0 && target.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(target).Contains(fragment))
                    diag.Error(page, line, column, Codes.BrokenLink, $"link '{url}' wijst naar de plek '#{fragment}', maar die staat niet op '{target}'");
            }
        }
        return checkedLinks;
    }

    /// <summary>Resolves a relative link from an output file; "dir/" means "dir/index.html". Null when it climbs out of the site.</summary>
    public static (string? Target, string Fragment) Resolve(string page, string url)
    {
        string fragment = "";
        int hash = url.IndexOf('#');
        if (hash >= 0) (url, fragment) = (url[..hash], Uri.UnescapeDataString(url[(hash + 1)..]));
        int query = url.IndexOf('?');
        if (query >= 0) url = url[..query];
        if (url.Length == 0) return (page, fragment);
        var parts = url.StartsWith('/') ? new List<string>() : page.Split('/')[..^1].ToList();
        foreach (var segment in url.TrimStart('/').Split('/'))
        {
            if (segment is "." or "") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return (null, fragment);
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(Uri.UnescapeDataString(segment));
        }
        if (url.EndsWith('/') || parts.Count == 0) parts.Add("index.html");
        return (string.Join('/', parts), fragment);
    }
}
