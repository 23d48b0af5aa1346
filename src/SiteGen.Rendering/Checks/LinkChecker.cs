using AngleSharp.Html.Parser;
using SiteGen.Content.Diagnostics;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Checks;

/// <summary>
/// Checks every link and anchor of the built site before it is written: a relative link must reach a file
/// the build produces, a fragment an id on that page; only http(s), mailto and tel leave the site.
/// </summary>
public static class LinkChecker
{

    public static int Check(SiteFiles files, DiagnosticBag diag)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        // Only pages rendered by this build are checked; pages carried over were checked when they were made.
        var pages = files.All.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => parser.ParseDocument(System.Text.Encoding.UTF8.GetString(f.Value)));
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> IdsOf(string target)
        {
            if (!ids.TryGetValue(target, out var set))
            {
                var doc = pages.TryGetValue(target, out var d) ? d : parser.ParseDocument(System.Text.Encoding.UTF8.GetString(files.Read(target)));
                ids[target] = set = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
            }
            return set;
        }
        int checkedLinks = 0;
        foreach (var (page, doc) in pages)
        {
            foreach (var element in doc.QuerySelectorAll("[href], [src]"))
            {
                string url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                int line = element.SourceReference?.Position.Line ?? 1, column = element.SourceReference?.Position.Column ?? 1;
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
