using AngleSharp.Html.Parser;

namespace SiteGen.Rendering.Checks;

public static partial class LinkChecker
{
    /// <summary>
    /// Reads the start and end tags of a page written in the plain HTML that themes write, with the attributes the check
    /// needs, as AngleSharp's tokenizer reads them, at a fraction of its cost: text is skipped with a vectorised search for
    /// the next '&lt;', and no character reference outside a needed attribute is decoded. The tokenizer was a tenth of a
    /// build's time. Any page that holds markup outside that subset is declined and read by the tokenizer instead: a
    /// carriage return or NUL, a bogus or abruptly closed comment, CDATA, a processing instruction, script text with
    /// "&lt;!--", an attribute name or unquoted value with a quote, '&lt;', '=' or '`' in it, a needed value with a
    /// character reference other than the five basic ones or a plain number, or a tag cut off by the end of the page.
    /// <c>LinkScanTests</c> hold it to the DOM and to the tokenizer.
    /// </summary>
    internal static class PlainTags
    {
        /// <returns>False: the page was declined; <paramref name="tree"/> holds a partial result then.</returns>
        public static bool TryRead(ReadOnlySpan<char> html, ref TreeRules tree)
        {
            if (html.IndexOfAny('\r', '\0') >= 0) return false;
            var at = new Cursor(html);
            Span<char> lowered = stackalloc char[32], decoded = stackalloc char[256];
            while (true)
            {
                int lt = html[at.Pos..].IndexOf('<');
                if (lt < 0) return true;
                at.Pos += lt;
                var rest = html[at.Pos..];
                if (rest.Length < 2) return true; // a '<' at the very end is text
                char next = rest[1];
                if (next == '!')
                {
                    if (!SkipDeclaration(html, ref at.Pos)) return false;
                }
                else if (next == '?') return false;
                else if (next == '/')
                {
                    if (rest.Length < 3 || !char.IsAsciiLetter(rest[2])) return false; // "</>" and bogus comments
                    at.Pos += 2;
                    var name = Lower(Name(html, ref at.Pos), lowered);
                    var end = default(Attributes);
                    if (!ReadAttributes(html, ref at.Pos, ref end)) return false;
                    tree.End(name);
                }
                else if (char.IsAsciiLetter(next))
                {
                    int tag = at.Pos;
                    at.Pos += 1;
                    var name = Lower(Name(html, ref at.Pos), lowered);
                    var attributes = default(Attributes);
                    if (!ReadAttributes(html, ref at.Pos, ref attributes)) return false;
                    bool foreign = tree.Start(name);
                    if (tree.Keeps)
                    {
                        if (attributes.Url(foreign) is { Found: true } url)
                        {
                            if (!Decoded(html, url, decoded, out var value)) return false;
                            var (line, column) = at.LineAndColumn(tag);
                            tree.Link(value, line, column);
                        }
                        if (attributes.Id.Found)
                        {
                            if (!Decoded(html, attributes.Id, decoded, out var value)) return false;
                            tree.Id(value);
                        }
                    }
                    if (tree.Started(name, foreign, attributes.SelfClosing) is { } state && !SkipText(html, ref at.Pos, name, state)) return false;
                }
                else at.Pos += 1; // '<' before anything else is text
            }
        }

        /// <summary>Where the reader stands; a tag's line and column are found by counting forward from the last ones asked for.</summary>
        private ref struct Cursor(ReadOnlySpan<char> html)
        {
            private readonly ReadOnlySpan<char> _html = html;
            public int Pos;
            private int _counted, _line = 1, _lineStart;

            /// <summary>The line and column of <paramref name="at"/>, a position at or after the last one asked for.</summary>
            public (int Line, int Column) LineAndColumn(int at)
            {
                var between = _html[_counted..at];
                int newlines = between.Count('\n');
                if (newlines > 0)
                {
                    _line += newlines;
                    _lineStart = _counted + between.LastIndexOf('\n') + 1;
                }
                _counted = at;
                return (_line, at - _lineStart + 1);
            }
        }

        /// <summary>A needed attribute's value: where it stands, and its place among the tag's attributes.</summary>
        private record struct Value(bool Found, int Start, int Length, int Order);

        private ref struct Attributes
        {
            public Value Href, XlinkHref, Src, Id;
            public bool SelfClosing;

            /// <summary>The address: the first href (in SVG and MathML the first of href and xlink:href), else src.</summary>
            public readonly Value Url(bool foreign) =>
                !foreign || !XlinkHref.Found ? (Href.Found ? Href : Src)
                : Href.Found && Href.Order < XlinkHref.Order ? Href : XlinkHref;
        }

        // Inlined: called for every character of a tag, it was a call of its own in the native program (0.6% of a large build).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsSpace(char c) => c is ' ' or '\n' or '\t' or '\f';

        /// <summary>A tag name as the tokenizer reads it: up to a space, '/' or '&gt;'.</summary>
        private static ReadOnlySpan<char> Name(ReadOnlySpan<char> html, ref int pos)
        {
            int start = pos;
            while (pos < html.Length && !IsSpace(html[pos]) && html[pos] is not ('/' or '>')) pos++;
            return html[start..pos];
        }

        /// <summary>The name lower-cased as the tokenizer does (ASCII letters only), in <paramref name="buffer"/> where it has a capital.</summary>
        private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> name, Span<char> buffer)
        {
            if (!name.ContainsAnyInRange('A', 'Z')) return name;
            if (name.Length > buffer.Length) buffer = new char[name.Length];
            for (int i = 0; i < name.Length; i++) buffer[i] = char.IsAsciiLetterUpper(name[i]) ? (char)(name[i] | 0x20) : name[i];
            return buffer[..name.Length];
        }

        /// <summary>
        /// The attributes of a tag up to its '&gt;', keeping the first href, xlink:href, src and id; false where the
        /// tokenizer would read the markup otherwise than this reads it, or the page ends inside the tag.
        /// </summary>
        private static bool ReadAttributes(ReadOnlySpan<char> html, ref int pos, ref Attributes found)
        {
            int order = 0;
            while (true)
            {
                while (pos < html.Length && IsSpace(html[pos])) pos++;
                if (pos >= html.Length) return false;
                char c = html[pos];
                if (c == '>')
                {
                    pos++;
                    return true;
                }
                if (c == '/')
                {
                    pos++;
                    if (pos < html.Length && html[pos] == '>')
                    {
                        found.SelfClosing = true;
                        pos++;
                        return true;
                    }
                    continue; // a stray '/' is ignored
                }
                if (c == '=') return false;
                int nameStart = pos;
                while (pos < html.Length && !IsSpace(html[pos]) && html[pos] is not ('/' or '>' or '='))
                {
                    if (html[pos] is '"' or '\'' or '<') return false;
                    pos++;
                }
                var name = html[nameStart..pos];
                while (pos < html.Length && IsSpace(html[pos])) pos++;
                if (pos >= html.Length) return false;
                int valueStart = pos, valueLength = 0;
                if (html[pos] == '=')
                {
                    pos++;
                    while (pos < html.Length && IsSpace(html[pos])) pos++;
                    if (pos >= html.Length) return false;
                    char q = html[pos];
                    if (q is '"' or '\'')
                    {
                        int close = html[(pos + 1)..].IndexOf(q);
                        if (close < 0) return false;
                        (valueStart, valueLength) = (pos + 1, close);
                        pos += close + 2;
                    }
                    else if (q != '>')
                    {
                        valueStart = pos;
                        while (pos < html.Length && !IsSpace(html[pos]) && html[pos] != '>')
                        {
                            if (html[pos] is '"' or '\'' or '<' or '=' or '`') return false;
                            pos++;
                        }
                        valueLength = pos - valueStart;
                    }
                }
                var value = new Value(true, valueStart, valueLength, order++);
                switch (name.Length)
                {
                    case 4 when Is(name, "href"): if (!found.Href.Found) found.Href = value; break;
                    case 10 when Is(name, "xlink:href"): if (!found.XlinkHref.Found) found.XlinkHref = value; break;
                    case 3 when Is(name, "src"): if (!found.Src.Found) found.Src = value; break;
                    case 2 when Is(name, "id"): if (!found.Id.Found) found.Id = value; break;
                }
            }
        }

        /// <summary>A name as the tokenizer lower-cases it (ASCII letters only) equals <paramref name="lower"/>.</summary>
        private static bool Is(ReadOnlySpan<char> name, ReadOnlySpan<char> lower)
        {
            if (name.Length != lower.Length) return false;
            for (int i = 0; i < name.Length; i++)
                if ((char.IsAsciiLetterUpper(name[i]) ? (char)(name[i] | 0x20) : name[i]) != lower[i]) return false;
            return true;
        }

        /// <summary>A needed attribute's value with its character references decoded (into <paramref name="buffer"/>, or a larger array).</summary>
        /// <returns>False for a reference this reader leaves to the tokenizer.</returns>
        private static bool Decoded(ReadOnlySpan<char> html, Value v, Span<char> buffer, out ReadOnlySpan<char> value)
        {
            value = html.Slice(v.Start, v.Length);
            if (!value.Contains('&')) return true;
            if (value.Length > buffer.Length) buffer = new char[value.Length];
            if (Decode(value, buffer) is not { } length) return false;
            value = buffer[..length];
            return true;
        }

        /// <summary>
        /// Decodes the character references the themes' encoder writes (&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;apos; and
        /// numbers with ';'); null for any other reference, which the tokenizer is left to read.
        /// </summary>
        private static int? Decode(ReadOnlySpan<char> raw, Span<char> into)
        {
            int n = 0;
            for (int i = 0; i < raw.Length; i++)
            {
                if (raw[i] != '&')
                {
                    into[n++] = raw[i];
                    continue;
                }
                var rest = raw[(i + 1)..];
                if (rest.IsEmpty || !(char.IsAsciiLetterOrDigit(rest[0]) || rest[0] == '#'))
                {
                    into[n++] = '&'; // an ampersand before anything else stays as it is
                    continue;
                }
                int semicolon = rest.IndexOf(';');
                if (semicolon < 1) return null;
                var entity = rest[..semicolon];
                char ch;
                if (entity is "amp") ch = '&';
                else if (entity is "lt") ch = '<';
                else if (entity is "gt") ch = '>';
                else if (entity is "quot") ch = '"';
                else if (entity is "apos") ch = '\'';
                else if (entity[0] == '#' && Number(entity[1..]) is { } code) ch = code;
                else return null;
                into[n++] = ch;
                i += semicolon + 1;
            }
            return n;
        }

        /// <summary>A numeric reference's character, for printable characters of the Basic Multilingual Plane only.</summary>
        private static char? Number(ReadOnlySpan<char> digits)
        {
            bool hex = digits.Length > 0 && digits[0] is 'x' or 'X';
            if (hex) digits = digits[1..];
            if (digits.IsEmpty || digits.Length > 4) return null;
            int code = 0;
            foreach (char d in digits)
            {
                int v = char.IsAsciiDigit(d) ? d - '0' : hex && char.IsAsciiHexDigit(d) ? (d | 0x20) - 'a' + 10 : -1;
                if (v < 0) return null;
                code = code * (hex ? 16 : 10) + v;
            }
            // Controls (and the range the tokenizer maps to Windows-1252) and surrogates are left to the tokenizer.
            return code is < 0x20 or (>= 0x7F and < 0xA0) or (>= 0xD800 and < 0xE000) ? null : (char)code;
        }

        /// <summary>A comment or a doctype, skipped; false for anything else that starts with "&lt;!".</summary>
        private static bool SkipDeclaration(ReadOnlySpan<char> html, ref int pos)
        {
            var rest = html[pos..];
            if (rest.StartsWith("<!--"))
            {
                var body = rest[4..];
                // "<!-->" and "<!--->" close at once, "--!>" closes too: left to the tokenizer.
                if (body.StartsWith(">") || body.StartsWith("->")) return false;
                int close = body.IndexOf("-->");
                if (close < 0 || body[..close].Contains("--!", StringComparison.Ordinal)) return false;
                pos += 4 + close + 3;
                return true;
            }
            if (rest.Length >= 9 && Is(rest[2..9], "doctype"))
            {
                int close = rest.IndexOf('>');
                if (close < 0) return false;
                pos += close + 1;
                return true;
            }
            return false; // CDATA, bogus comments
        }

        /// <summary>
        /// The text after a &lt;script&gt;, &lt;style&gt;, &lt;title&gt; and the like, skipped up to the end tag that closes
        /// it (the same name, then a space, '/' or '&gt;'); false for script text holding "&lt;!--".
        /// </summary>
        private static bool SkipText(ReadOnlySpan<char> html, ref int pos, ReadOnlySpan<char> name, HtmlParseMode state)
        {
            if (state == HtmlParseMode.Plaintext)
            {
                pos = html.Length;
                return true;
            }
            int from = pos;
            while (true)
            {
                int close = html[pos..].IndexOf("</", StringComparison.Ordinal);
                if (close < 0)
                {
                    pos = html.Length; // text to the end of the page
                    break;
                }
                pos += close;
                int after = pos + 2 + name.Length;
                if (after < html.Length && Is(html.Slice(pos + 2, name.Length), name)
                    && (IsSpace(html[after]) || html[after] is '/' or '>'))
                    break;
                pos += 2;
            }
            return state != HtmlParseMode.Script || !html[from..pos].Contains("<!--", StringComparison.Ordinal);
        }
    }
}
