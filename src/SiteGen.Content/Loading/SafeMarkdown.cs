using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content.Diagnostics;

namespace SiteGen.Content.Loading;

/// <summary>
/// The one Markdown dialect of SiteGen, for checking and rendering alike. Content is untrusted: raw HTML is
/// escaped (DisableHtml), and the extensions are listed one by one so that GenericAttributes (which lets
/// "# T {onclick=...}" emit attributes) and MediaLinks (iframes) stay off. Links may only use http, https,
/// mailto, tel or a relative path; Markdig passes javascript: through, so that is checked here.
/// </summary>
public static class SafeMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>Reports every link or image whose address is not allowed, at its line and column in the file.</summary>
    /// <param name="firstLine">The 1-based file line the Markdown text starts on (front matter counted).</param>
    public static void CheckLinks(string markdown, string path, int firstLine, DiagnosticBag diag)
    {
        var doc = Markdown.Parse(markdown, Pipeline);
        // Reference-style links ("[x]: address") keep their address in a definition block.
        foreach (var def in doc.Descendants<LinkReferenceDefinition>())
        {
            if (def.Url is null || IsAllowed(def.Url)) continue;
            diag.Error(path, firstLine + def.Line, def.Column + 1, Codes.UnsafeLink,
                $"link address '{Shorten(def.Url)}' is not allowed; use an http:// or https:// address, mailto:, tel: or a relative path");
        }
        foreach (var inline in doc.Descendants<Inline>())
        {
            string? url = inline switch
            {
                LinkInline link => link.Url,
                AutolinkInline auto => auto.Url,
                _ => null,
            };
            if (url is null || IsAllowed(url)) continue;
            // Markdig counts lines and columns from 0.
            diag.Error(path, firstLine + inline.Line, inline.Column + 1, Codes.UnsafeLink,
                $"link address '{Shorten(url)}' is not allowed; use an http:// or https:// address, mailto:, tel: or a relative path");
        }
    }

    public static bool IsAllowed(string url)
    {
        string u = url.Trim();
        int colon = u.IndexOf(':');
        if (colon < 0) return true;
        int slash = u.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // the colon is in a path, not a scheme
        string scheme = u[..colon].ToLowerInvariant();
        return AllowedSchemes.Contains(scheme);
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "..." : s;
}
