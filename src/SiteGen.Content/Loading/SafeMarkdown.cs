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
public static partial class SafeMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>Reports every link or image whose address is not allowed, at its line and column in the file.</summary>
    /// <param name="firstLine">The 1-based file line the Markdown text starts on (front matter counted).</param>
    /// <param name="locate">For Markdown embedded in YAML: finds a text (an address) in the file; without it, Markdig's own positions are used.</param>
    /// <param name="local">For a narrative file: its relative addresses must name a file of the neighbourhood's bestanden/ folder;
    /// each one found is recorded in <see cref="LocalLinkScope.Found"/>.</param>
    public static void CheckLinks(string markdown, string path, int firstLine, DiagnosticBag diag, Func<string, (int Line, int Column)>? locate = null,
        LocalLinkScope? local = null)
    {
        MarkdownDocument doc;
        try
        {
            doc = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig gives no position; the first line with a long run of '>' or '[' is where the nesting is.
            var lines = markdown.Split('\n');
            int deep = Array.FindIndex(lines, l => l.Count(c => c is '>' or '[') > 100);
            (int, int) position = (firstLine, 1);
            if (deep >= 0)
            {
                string start = lines[deep].TrimStart();
                position = locate is null ? (firstLine + deep, 1) : locate(start[..Math.Min(20, start.Length)]);
            }
            var (line, column) = position;
            diag.Error(path, line, column, Codes.Syntax, "de Markdown is hier te diep genest (honderden citaten of haken in elkaar)");
            return;
        }
        // Raw HTML is escaped, so it would stand on the page as text: a communicator's <!-- note --> included.
        foreach (var block in doc.Descendants<LeafBlock>())
        {
            // Most blocks have no '<' at all: no text is joined for them (every narrative of every build passes here).
            if (block.Inline is null || !block.Inline.Descendants<LiteralInline>().Any(l => l.Content.IndexOf('<') >= 0)) continue;
            string text = string.Concat(block.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            if (!RawHtml().IsMatch(text)) continue;
            var (hl, hc) = (firstLine + block.Line, block.Column + 1);
            diag.Warning(path, hl, hc, Codes.RawHtml,
                "hier staat HTML (of een <!-- opmerking -->); die komt als gewone tekst op de pagina, voor bewoners te lezen. Haal het weg of schrijf het in Markdown");
        }
        // Reference-style links ("[x]: address") keep their address in a definition block.
        foreach (var def in doc.Descendants<LinkReferenceDefinition>())
        {
            if (def.Url is null) continue;
            if (IsAllowed(def.Url))
            {
                if (local is not null) CheckLocal(def.Url, path, firstLine + def.Line, def.Column + 1, local, diag);
                continue;
            }
            var (dl, dc) = locate?.Invoke(def.Url) ?? (firstLine + def.Line, def.Column + 1);
            diag.Error(path, dl, dc, Codes.UnsafeLink,
                $"linkadres '{Shorten(def.Url)}' is niet toegestaan; gebruik een adres met http:// of https://, mailto:, tel: of een pad binnen de site");
        }
        foreach (var inline in doc.Descendants<Inline>())
        {
            string? url = inline switch
            {
                LinkInline link => link.Url,
                AutolinkInline auto => auto.Url,
                _ => null,
            };
            if (url is null) continue;
            // Markdig counts lines and columns from 0.
            if (inline is LinkInline { IsImage: true } image && string.IsNullOrWhiteSpace(AltText(image)))
            {
                var (al, ac) = (firstLine + inline.Line, inline.Column + 1);
                diag.Error(path, al, ac, Codes.MissingAlt,
                    "deze afbeelding heeft geen alt-tekst; beschrijf haar tussen de haken voor lezers die haar niet kunnen zien: ![Kaart van de wijk met het warmtenet](...)");
            }
            if (IsAllowed(url) && IsSiteRelative(url))
            {
                var (sl, sc) = locate?.Invoke(url) ?? (firstLine + inline.Line, inline.Column + 1);
                diag.Error(path, sl, sc, Codes.BrokenLink,
                    $"'{Shorten(url)}' is een adres op een andere site (zoals die van de gemeente), niet op deze; " +
                    $"schrijf het volledige adres met https://, bijvoorbeeld https://www.gemeente.nl{Shorten(url)}");
                continue;
            }
            if (IsAllowed(url))
            {
                // A link written with a reference ("[x][kaart]") was checked at its definition.
                if (local is not null && inline is not LinkInline { Reference: not null })
                    CheckLocal(url, path, firstLine + inline.Line, inline.Column + 1, local, diag);
                continue;
            }
            var (il, ic) = locate?.Invoke(url) ?? (firstLine + inline.Line, inline.Column + 1);
            diag.Error(path, il, ic, Codes.UnsafeLink,
                $"linkadres '{Shorten(url)}' is niet toegestaan; gebruik een adres met http:// of https://, mailto:, tel: of een pad binnen de site");
        }
    }

    /// <summary>A relative address in a narrative (not a fragment, not site-relative) must name a file of bestanden/.</summary>
    private static void CheckLocal(string url, string path, int line, int column, LocalLinkScope local, DiagnosticBag diag)
    {
        if (SchemeOf(url) is not null || IsSiteRelative(url) || url.Length == 0 || url.StartsWith('#')) return;
        var (target, error) = ContentFiles.Resolve(url, local.MarkdownFolder, local.Files);
        if (target is not null) local.Found[url] = target;
        else diag.Error(path, line, column, Codes.BrokenLink, error!);
    }

    /// <summary>"/documenten/x.pdf": a path from the root of a site; in content it means the municipality's own site.</summary>
    public static bool IsSiteRelative(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);

    private static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    /// <summary>The one link policy of SiteGen (content checks and the output's link check): relative, or an allowed scheme.</summary>
    public static bool IsAllowed(string url) => SchemeOf(url) is not { } scheme || AllowedSchemes.Contains(scheme);

    /// <summary>The address's scheme in lower case (RFC 3986 syntax), or null for a relative address.</summary>
    public static string? SchemeOf(string url)
    {
        string u = url.Trim();
        int colon = u.IndexOf(':');
        if (colon <= 0) return null;
        int slash = u.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return null; // the colon is in a path, not a scheme
        string scheme = u[..colon];
        bool valid = char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-');
        return valid ? scheme.ToLowerInvariant() : null;
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "..." : s;

    [System.Text.RegularExpressions.GeneratedRegex(@"<!--|</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")]
    private static partial System.Text.RegularExpressions.Regex RawHtml();
}

/// <summary>Where a narrative file lies in its neighbourhood ("", "dwellings", "variants") and the files it may link.</summary>
public sealed record LocalLinkScope(string MarkdownFolder, IReadOnlyCollection<Model.ContentFile> Files)
{
    /// <summary>The relative addresses found, as written, to their target relative to the neighbourhood folder.</summary>
    public Dictionary<string, string> Found { get; } = new(StringComparer.Ordinal);
}
