using System.Text.RegularExpressions;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Loading;

/// <summary>Reads Markdown narrative: YAML front matter between '---' lines, then the body with its shortcodes.</summary>
public static partial class NarrativeReader
{
    /// <summary>The shortcodes narrative may use and the arguments each takes (all required).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Known = new Dictionary<string, string[]>
    {
        ["tco-table"] = ["dwelling"],
        ["monthly-chart"] = ["dwelling"],
        ["business-case"] = ["variant"],
        ["value"] = ["dwelling", "variant", "field"],
        ["assumption"] = ["id"],
    };

    public static readonly string[] ValueFields = ["tco", "monthly", "investment", "subsidy", "co2"];

    /// <param name="local">Where the file lies in its neighbourhood and the files of bestanden/ it may link; null: no local files.</param>
    public static Narrative? Read(string path, string displayPath, DiagnosticBag diag, bool variantKeys, LocalLinkScope? local = null)
    {
        string? text = YamlFile.ReadText(path, displayPath, diag);
        if (text is null) return null;
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            diag.Error(displayPath, 1, 1, Codes.Syntax, "een tekstbestand begint met een kopje tussen twee regels '---': eerst een regel '---', dan 'title: ...', dan weer een regel '---'");
            return null;
        }
        int close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (close < 0 && text.EndsWith("\n---", StringComparison.Ordinal)) close = text.Length - 4;
        if (close < 0)
        {
            diag.Error(displayPath, 1, 1, Codes.Syntax, "het kopje bovenaan is niet afgesloten: zet er een regel '---' onder");
            return null;
        }
        string front = text[4..(close + 1)];
        string body = close + 5 <= text.Length ? text[(close + 5)..] : "";
        int bodyLine = 1 + text[..Math.Min(close + 5, text.Length)].Count(c => c == '\n');

        // Front matter starts on line 2 of the file.
        var ctx = new YamlContext(displayPath, diag, lineOffset: 1);
        var root = YamlFile.Parse(front, displayPath, diag, lineOffset: 1);
        Schema.SchemaCheck.Validate(root, Schema.SchemaCheck.Narrative, ctx);
        var map = MapReader.From(root, ctx, "het kopje bovenaan (front matter)");
        if (map is null) return null;
        var title = map.String("title");
        var summary = map.String("summary", required: false);
        List<string> pros = [], cons = [];
        if (variantKeys)
        {
            pros = map.StringList("pros", required: false) ?? [];
            cons = map.StringList("cons", required: false) ?? [];
        }
        map.Done();
        var shortcodes = ParseShortcodes(body, bodyLine, displayPath, diag);
        SafeMarkdown.CheckLinks(body, displayPath, bodyLine, diag, local: local);
        if (title is null) return null;
        return new Narrative(displayPath, title, summary, pros, cons, body, bodyLine, shortcodes)
        {
            LocalLinks = local?.Found ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>Finds every '{{&lt;' in the body; anything that is not a well-formed shortcode is an error, not literal text.</summary>
    /// <summary>After this many malformed shortcodes in one file the rest are counted, not listed.</summary>
    private const int MaxMalformed = 20;

    public static List<Shortcode> ParseShortcodes(string body, int bodyLine, string displayPath, DiagnosticBag diag)
    {
        var list = new List<Shortcode>();
        int at = 0, malformed = 0;
        // Line and column are tracked forward as the scan moves, so a file full of '{{' stays linear.
        int line = bodyLine, lineStart = 0, counted = 0;
        while ((at = body.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            for (; counted < at; counted++)
                if (body[counted] == '\n') { line++; lineStart = counted + 1; }
            int col = at - lineStart + 1;
            var m = ShortcodePattern().Match(body, at);
            if (!m.Success)
            {
                if (++malformed <= MaxMalformed)
                {
                    int end = body.IndexOf('\n', at, Math.Min(body.Length - at, 80));
                    string snippet = body[at..(end < 0 ? Math.Min(body.Length, at + 80) : end)];
                    diag.Error(displayPath, line, col, Codes.Shortcode, Malformed(snippet));
                }
                at += 2;
                continue;
            }
            string name = m.Groups["name"].Value;
            var args = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match a in ArgPattern().Matches(m.Groups["args"].Value))
            {
                if (!args.TryAdd(a.Groups["k"].Value, a.Groups["v"].Value))
                    diag.Error(displayPath, line, col, Codes.Shortcode, $"shortcode '{name}' noemt '{a.Groups["k"].Value}' twee keer; houd er één over");
            }
            if (!Known.TryGetValue(name, out var expected))
                diag.Error(displayPath, line, col, Codes.Shortcode,
                    $"onbekende shortcode '{name}'; mogelijk zijn: {string.Join(", ", Known.Keys)}");
            else
            {
                foreach (var k in args.Keys.Where(k => !expected.Contains(k)))
                    diag.Error(displayPath, line, col, Codes.Shortcode, $"shortcode '{name}' kent geen '{k}'; wel: {string.Join(", ", expected)}");
                foreach (var k in expected.Where(k => !args.ContainsKey(k)))
                    diag.Error(displayPath, line, col, Codes.Shortcode, $"shortcode '{name}' heeft {k}=\"...\" nodig");
                list.Add(new Shortcode(name, args, line, col, m.Index, m.Length));
            }
            at = m.Index + m.Length;
        }
        if (malformed > MaxMalformed)
            diag.Error(displayPath, bodyLine, 1, Codes.Shortcode, $"nog {malformed - MaxMalformed} onvolledige shortcodes in dit bestand staan niet in deze lijst");
        return list;
    }

    private static string Shorten(string s) => s.Length > 50 ? s[..50] + "..." : s;

    /// <summary>What is wrong with a shortcode that does not parse, for the mistakes communicators make most.</summary>
    private static string Malformed(string snippet)
    {
        string what = $"onvolledige shortcode '{Shorten(snippet)}'";
        // The example names a parameter every site has, not a dwelling of the example's neighbourhood.
        const string Example = "{{< assumption id=\"energy.gas_price\" >}}";
        int close = snippet.IndexOf("}}", StringComparison.Ordinal);
        string code = close < 0 ? snippet : snippet[..(close + 2)];
        if (code.IndexOfAny(['\u201C', '\u201D', '\u201E', '\u2018', '\u2019']) >= 0)
            return $"{what}: de aanhalingstekens zijn gekruld (“ ”), zoals een tekstverwerker ze zet; typ gewone rechte aanhalingstekens (\"), bijvoorbeeld {Example}";
        if (code.StartsWith("{{%", StringComparison.Ordinal))
            return $"{what}: een shortcode staat tussen {{{{< en >}}}}, niet tussen {{{{% en %}}}}; bijvoorbeeld {Example}";
        if (NamePattern().Match(code) is { Success: true } name && !Known.ContainsKey(name.Groups[1].Value))
            return $"{what}: een shortcode met de naam '{name.Groups[1].Value}' bestaat niet; mogelijk zijn: {string.Join(", ", Known.Keys)}";
        return $"{what}; schrijf bijvoorbeeld {Example}";
    }

    // The name as a communicator may have written it (capitals, an underscore), to say it is not one of the known ones.
    [GeneratedRegex(@"^\{\{<\s*([A-Za-z][\w-]*)")]
    private static partial Regex NamePattern();

    // \G anchors the match where the scan stands: an unanchored pattern would search the rest of the file every time.
    [GeneratedRegex(@"\G\{\{<\s*(?<name>[a-z][a-z-]*)(?<args>(?:\s+[a-z]+=""[^""<>{}\n]*"")*)\s*>\}\}")]
    private static partial Regex ShortcodePattern();

    [GeneratedRegex(@"(?<k>[a-z]+)=""(?<v>[^""]*)""")]
    private static partial Regex ArgPattern();
}
