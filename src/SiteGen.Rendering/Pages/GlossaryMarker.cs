using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Content.Model;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// Marks the first use of each glossary term on a page: a pass over the page's main content (the rendered layout,
/// before base.sbn adds header, navigation and footer) that wraps the first occurrence of every term in markup
/// from the theme's partial <c>term.sbn</c> (by default a link to the term on the glossary page, with
/// <c>&lt;abbr title&gt;</c> for an abbreviation).
/// </summary>
/// <remarks>
/// Why a pass over the output and not marks in the content: communicators write plain Markdown and YAML and need
/// not remember which use comes first on which page; a page that is reordered stays right. The pass only inserts
/// markup into text and leaves every other byte as it was, so it reads the HTML with a small scanner instead of
/// re-serialising a DOM: the input is SiteGen's own well-formed output. It never marks inside headings, links,
/// <c>abbr</c>/<c>dfn</c>, forms, buttons, <c>summary</c>, code, SVG charts, scripts or styles.
/// A lower-case term matches with a capital first letter too ("Warmtenet" at the start of a sentence), but not
/// inside a longer word or a hyphenated compound ("mini-warmtenet"); an abbreviation ("ISDE") matches in
/// case only and may be part of a compound ("ISDE-subsidie").
/// </remarks>
public static class GlossaryMarker
{
    private static readonly HashSet<string> Excluded = new(StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "dfn", "button", "label", "select", "option", "textarea",
        "form", "summary", "code", "pre", "svg", "title", "kbd", "samp",
    };

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>The regular expression that finds a use of one term (any of its forms).</summary>
    public static Regex Pattern(GlossaryTerm term)
    {
        var forms = new[] { term.Term }.Concat(term.Also).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length);
        var alternatives = forms.Select(f =>
        {
            bool abbreviation = f.Any(char.IsUpper) && !(char.IsUpper(f[0]) && f.Skip(1).All(c => !char.IsUpper(c)));
            string body = Regex.Escape(f);
            if (!abbreviation && char.IsLetter(f[0]))
                body = $"[{char.ToLowerInvariant(f[0])}{char.ToUpperInvariant(f[0])}]" + Regex.Escape(f[1..]);
            return abbreviation
                ? $@"(?<![\p{{L}}\p{{N}}]){body}(?![\p{{L}}\p{{N}}+])"
                : $@"(?<![\p{{L}}\p{{N}}-]){body}(?![\p{{L}}\p{{N}}-])";
        });
        return new Regex(string.Join("|", alternatives), RegexOptions.CultureInvariant);
    }

    /// <param name="html">The page's main content, as rendered by its layout.</param>
    /// <param name="markup">The markup for one use: the term and the text as found on the page (plain text).</param>
    public static string Mark(string html, IReadOnlyList<GlossaryTerm> terms, Func<GlossaryTerm, string, string> markup)
    {
        if (terms.Count == 0) return html;
        var patterns = terms.Select(t => (Term: t, Regex: Pattern(t))).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var output = new StringBuilder(html.Length + 1024);
        var open = new List<string>(); // excluded elements we are inside of
        int i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            int textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i)
            {
                string text = html[i..textEnd];
                output.Append(open.Count == 0 && used.Count < patterns.Count ? MarkText(text, patterns, used, markup) : text);
            }
            if (lt < 0) break;
            int end = TagEnd(html, lt);
            string tag = html[lt..end];
            output.Append(tag);
            i = end;
            if (tag.StartsWith("<!--", StringComparison.Ordinal) || tag.StartsWith("<!", StringComparison.Ordinal)) continue;
            bool closing = tag.StartsWith("</", StringComparison.Ordinal);
            string name = TagName(tag, closing ? 2 : 1);
            if (!closing && name is "script" or "style")
            {
                // Raw text: copy up to the closing tag unchanged.
                int close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (close < 0) close = html.Length;
                output.Append(html, i, close - i);
                i = close;
                continue;
            }
            if (!Excluded.Contains(name) || Void.Contains(name)) continue;
            if (closing)
            {
                int at = open.FindLastIndex(x => string.Equals(x, name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0) open.RemoveRange(at, open.Count - at);
            }
            else if (!tag.EndsWith("/>", StringComparison.Ordinal)) open.Add(name);
        }
        return output.ToString();
    }

    private static string MarkText(string text, List<(GlossaryTerm Term, Regex Regex)> patterns, HashSet<string> used,
        Func<GlossaryTerm, string, string> markup)
    {
        var sb = new StringBuilder();
        int from = 0;
        while (true)
        {
            Match? best = null;
            GlossaryTerm? bestTerm = null;
            foreach (var (term, regex) in patterns)
            {
                if (used.Contains(term.Id)) continue;
                var m = regex.Match(text, from);
                if (!m.Success) continue;
                if (best is null || m.Index < best.Index || (m.Index == best.Index && m.Length > best.Length)) (best, bestTerm) = (m, term);
            }
            if (best is null) break;
            sb.Append(text, from, best.Index - from);
            sb.Append(markup(bestTerm!, WebUtility.HtmlDecode(best.Value)));
            used.Add(bestTerm!.Id);
            from = best.Index + best.Length;
        }
        sb.Append(text, from, text.Length - from);
        return sb.ToString();
    }

    /// <summary>The index just past the tag that starts at <paramref name="lt"/> (quoted attribute values may hold '&gt;').</summary>
    private static int TagEnd(string html, int lt)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            int c = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return c < 0 ? html.Length : c + 3;
        }
        char quote = '\0';
        for (int j = lt + 1; j < html.Length; j++)
        {
            char ch = html[j];
            if (quote != '\0') { if (ch == quote) quote = '\0'; }
            else if (ch is '"' or '\'') quote = ch;
            else if (ch == '>') return j + 1;
        }
        return html.Length;
    }

    private static string TagName(string tag, int start)
    {
        int j = start;
        while (j < tag.Length && (char.IsLetterOrDigit(tag[j]) || tag[j] == '-')) j++;
        return tag[start..j].ToLowerInvariant();
    }
}
