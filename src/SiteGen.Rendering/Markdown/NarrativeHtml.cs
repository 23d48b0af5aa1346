using System.Text;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content.Model;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Markdown;

/// <summary>
/// Renders narrative Markdown safely: raw HTML is escaped, no generic attributes, no media embeds.
/// Shortcodes are cut out before Markdig sees the text and their HTML is put back afterwards, so a
/// communicator's Markdown can never produce markup of its own.
/// </summary>
public static class NarrativeHtml
{
    private static readonly MarkdownPipeline Pipeline = Content.Loading.SafeMarkdown.Pipeline;

    private const string Token = "SGSHORTCODE";

    // A token's number has a fixed width, so no token is the start of another: a narrative is at most
    // YamlFile.MaxBytes (2 MB) long, and so holds fewer than ten million shortcodes.
    private const int Digits = 7;
    private const string NumberFormat = "D7";

    /// <param name="expand">Renders one shortcode to HTML; block shortcodes return block HTML.</param>
    /// <param name="localHref">The address, from the page being drawn, of a file given relative to the neighbourhood
    /// folder ("bestanden/kaart.png"): the Markdown folders differ from the page addresses, so links to files are
    /// rewritten in the syntax tree before rendering.</param>
    public static SafeHtml Render(Narrative doc, Func<Shortcode, string> expand, Func<string, string>? localHref = null)
    {
        var text = new StringBuilder(doc.Body.Length);
        var replacements = new List<string>();
        int at = 0;
        foreach (var sc in doc.Shortcodes)
        {
            text.Append(doc.Body, at, sc.Index - at);
            text.Append(Token).Append(replacements.Count.ToString(NumberFormat, System.Globalization.CultureInfo.InvariantCulture));
            replacements.Add(expand(sc));
            at = sc.Index + sc.Length;
        }
        text.Append(doc.Body, at, doc.Body.Length - at);
        var parsed = Markdig.Markdown.Parse(text.ToString(), Pipeline);
        foreach (var link in parsed.Descendants<LinkInline>())
        {
            if (link.IsImage) link.GetAttributes().AddPropertyIfNotExist("loading", "lazy");
            if (localHref is null || link.Url is not { } url || !doc.LocalLinks.TryGetValue(url, out var target)) continue;
            int fragment = url.IndexOfAny(['#', '?']);
            link.Url = localHref(target) + (fragment >= 0 ? url[fragment..] : "");
        }
        return new SafeHtml(Restore(Markdig.Markdown.ToHtml(parsed, Pipeline), replacements));
    }

    /// <summary>Renders a short Markdown text (a step's text) without paragraphs around it.</summary>
    public static SafeHtml Inline(string markdown)
    {
        string html = Markdig.Markdown.ToHtml(markdown, Pipeline).Trim();
        // Markdig wraps a single paragraph in <p>; the theme places the text inside its own element.
        return new SafeHtml(html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
               && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html);
    }

    /// <summary>Puts each shortcode's HTML where its token is, in one pass over the page's HTML.</summary>
    /// <remarks>Replacing token by token copied a narrative's whole HTML twice per shortcode.</remarks>
    private static string Restore(string html, List<string> replacements)
    {
        if (replacements.Count == 0) return html;
        // Where each piece comes from (a run of the HTML, or a shortcode's HTML: Replacement >= 0), then one string of
        // the exact length: a builder copied the whole narrative once more.
        var pieces = new List<(int Start, int Length, int Replacement)>(2 * replacements.Count + 1);
        int at = 0, length = 0;
        void Add(int start, int count, int replacement)
        {
            pieces.Add((start, count, replacement));
            length += replacement < 0 ? count : replacements[replacement].Length;
        }
        for (int k; (k = html.IndexOf(Token, at, StringComparison.Ordinal)) >= 0;)
        {
            int end = k + Token.Length + Digits;
            if (end > html.Length || !int.TryParse(html.AsSpan(k + Token.Length, Digits), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out int i) || i >= replacements.Count)
            {
                Add(at, k + Token.Length - at, -1);
                at = k + Token.Length;
                continue;
            }
            // A block shortcode alone on its line became a paragraph of its own: replace the paragraph.
            int start = k;
            if (k - at >= 3 && html.AsSpan(k - 3, 3) is "<p>" && html.AsSpan(end).StartsWith("</p>", StringComparison.Ordinal))
                (start, end) = (k - 3, end + 4);
            Add(at, start - at, -1);
            Add(0, 0, i);
            at = end;
        }
        Add(at, html.Length - at, -1);
        return string.Create(length, (html, replacements, pieces), static (into, s) =>
        {
            foreach (var (start, count, replacement) in s.pieces)
            {
                var piece = replacement < 0 ? s.html.AsSpan(start, count) : s.replacements[replacement].AsSpan();
                piece.CopyTo(into);
                into = into[piece.Length..];
            }
        });
    }
}
