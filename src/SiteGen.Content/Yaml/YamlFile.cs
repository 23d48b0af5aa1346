using System.Text;
using SiteGen.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Yaml;

/// <summary>Parses a YAML file (or a front-matter block) into YamlDotNet's representation model, reporting instead of throwing.</summary>
public static class YamlFile
{
    /// <summary>Files larger than this are refused before parsing: content files are small, a huge one is a mistake.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    public static YamlNode? Load(string path, string displayPath, DiagnosticBag diag)
    {
        string? text = ReadText(path, displayPath, diag);
        return text is null ? null : Parse(text, displayPath, diag, lineOffset: 0);
    }

    /// <summary>Reads a content file as strict UTF-8, reporting missing files, directories, huge files and bad bytes.</summary>
    public static string? ReadText(string path, string displayPath, DiagnosticBag diag)
    {
        // Read already by this neighbourhood's placeholder scan (which reads no file over MaxBytes).
        if (Loading.FileBytes.TryGetKept(path, out var kept) && kept.Length <= MaxBytes) return Decode(kept, displayPath, diag);
        if (Directory.Exists(path))
        {
            diag.Error(displayPath, 1, 1, Codes.FileSystem, "hier staat een map waar een bestand verwacht wordt");
            return null;
        }
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            diag.Error(displayPath, 1, 1, Codes.FileSystem, "bestand niet gevonden");
            return null;
        }
        if (info.Length > MaxBytes)
        {
            diag.Error(displayPath, 1, 1, Codes.FileSystem,
                $"het bestand is {info.Length / 1024} KB; een inhoudsbestand mag hoogstens {MaxBytes / 1024} KB zijn");
            return null;
        }
        return Decode(Loading.FileBytes.Read(path), displayPath, diag);
    }

    /// <summary>A duplicate key named, so a communicator finds it among the dates of a long block (two 2026-01-01 values).</summary>
    private static string Duplicate(string? key) =>
        $"{(key is { Length: > 0 } ? $"de sleutel '{key}'" : "een sleutel")} staat twee keer in hetzelfde blok; houd er één over";

    /// <summary>The key written at a 1-based line and column (a block key, or a list item's first key); null when there is none.</summary>
    private static string? KeyAt(string text, int line, int column)
    {
        var lines = text.Split('\n');
        if (line < 1 || line > lines.Length) return null;
        string rest = lines[line - 1][Math.Clamp(column - 1, 0, lines[line - 1].Length)..];
        var m = System.Text.RegularExpressions.Regex.Match(rest, @"^\s*(?:-\s+)?(?:""(?<k>[^""]*)""|'(?<k>[^']*)'|(?<k>[^:#\s{}\[\],][^:#{}\[\],]*?))\s*:");
        return m.Success ? m.Groups["k"].Value : null;
    }

    private static string? Decode(byte[] bytes, string displayPath, DiagnosticBag diag)
    {
        try
        {
            string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            int index = e.Index < 0 ? 0 : e.Index;
            var (line, col) = Position(bytes, index);
            diag.Error(displayPath, line, col, Codes.Syntax, "het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8");
            return null;
        }
    }

    /// <summary>Deeper nesting than this is refused before parsing: the parser recurses and would overflow its stack.</summary>
    public const int MaxDepth = 200;

    public static YamlNode? Parse(string text, string displayPath, DiagnosticBag diag, int lineOffset)
    {
        var (tabLine, tabColumn) = FindTabIndent(text);
        if (tabLine >= 0)
        {
            diag.Error(displayPath, tabLine + 1 + lineOffset, tabColumn, Codes.Syntax,
                "hier wordt met een tab ingesprongen; YAML springt alleen met spaties in");
            return null;
        }
        var deep = FindDeepNesting(text);
        if (deep is { } d)
        {
            diag.Error(displayPath, d.Line + lineOffset, d.Column, Codes.Syntax,
                $"de YAML is hier meer dan {MaxDepth} niveaus diep genest; een inhoudsbestand heeft er maar een paar nodig");
            return null;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0) return new YamlMappingNode();
            if (stream.Documents.Count > 1)
            {
                var start = stream.Documents[1].RootNode.Start;
                int line = SecondDocumentMarker(text) ?? (int)start.Line;
                diag.Error(displayPath, line + lineOffset, 1, Codes.Syntax,
                    "hier begint een tweede YAML-document ('---'); een inhoudsbestand bevat er één");
                return null;
            }
            var root = stream.Documents[0].RootNode;
            if (root is YamlScalarNode { Value: null or "" } && root.Tag.IsEmpty) return new YamlMappingNode();
            // Only a text with a digit, a comma and a digit can have one; each node once (aliases share nodes: a file of
            // nested aliases would be walked billions of times).
            if (System.Text.RegularExpressions.Regex.IsMatch(text, @"\d,\d"))
                CommaInFlow(root, text, displayPath, diag, lineOffset, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
            return root;
        }
        catch (YamlException e)
        {
            string message = e.InnerException?.Message ?? e.Message;
            // At the end of the file YamlDotNet reports a position after the last line: point at the bracket left open.
            int lines = text.Count(c => c == '\n') + 1;
            if (e.Start.Line > lines || message.Contains("end of stream", StringComparison.OrdinalIgnoreCase))
            {
                if (UnclosedBracket(text) is { } open)
                {
                    diag.Error(displayPath, open.Line + lineOffset, open.Column, Codes.Syntax,
                        $"'{open.Bracket}' wordt hier geopend maar nergens gesloten; misschien is het bestand afgebroken");
                    return null;
                }
            }
            // An alias to an anchor that does not exist comes without a position: point at the alias.
            if (System.Text.RegularExpressions.Regex.Match(message, "anchor '([^']+)'", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } anchor
                && Position(text, "*" + anchor.Groups[1].Value) is { } alias)
            {
                diag.Error(displayPath, alias.Line + lineOffset, alias.Column, Codes.Syntax,
                    $"'*{anchor.Groups[1].Value}' verwijst naar een anker dat niet bestaat; maak het eerst met '&{anchor.Groups[1].Value}' of controleer de spelling");
                return null;
            }
            // YamlDotNet reports duplicate keys this way; give the rule its own code.
            bool duplicate = message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                             || message.Contains("same key", StringComparison.OrdinalIgnoreCase);
            diag.Error(displayPath, (int)e.Start.Line + lineOffset, (int)e.Start.Column,
                duplicate ? Codes.DuplicateKey : Codes.Syntax,
                duplicate ? Duplicate(KeyAt(text, (int)e.Start.Line, (int)e.Start.Column)) : $"de YAML klopt hier niet (de YAML-lezer meldt: {Clean(message)}); kijk naar inspringing, dubbele punten en aanhalingstekens");
            return null;
        }
        catch (ArgumentException e)
        {
            // The representation model throws ArgumentException for duplicate keys, without a position ("... Key: x").
            int at = e.Message.LastIndexOf("Key: ", StringComparison.Ordinal);
            diag.Error(displayPath, 1 + lineOffset, 1, Codes.DuplicateKey, Duplicate(at < 0 ? null : e.Message[(at + 5)..].Trim()));
            return null;
        }
        catch (InvalidOperationException)
        {
            // A flow block ('{' or '[') left open halfway a file reaches the representation model as an invalid state.
            if (UnclosedBracket(text) is { } open)
                diag.Error(displayPath, open.Line + lineOffset, open.Column, Codes.Syntax,
                    $"'{open.Bracket}' wordt hier geopend maar niet gesloten; zet de '{(open.Bracket == '{' ? '}' : ']')}' aan het eind van het blok");
            else
                diag.Error(displayPath, 1 + lineOffset, 1, Codes.Syntax,
                    "de YAML van dit bestand klopt niet; kijk naar haakjes { } en [ ], inspringing, dubbele punten en aanhalingstekens");
            return null;
        }
    }

    /// <summary>
    /// A Dutch decimal comma inside a flow block: <c>{value: 1.300,50, source: x}</c> reads as 1.300 (1.3) and a key
    /// '50' without a value, as a comma separates a flow block's entries. The reader then said "onbekende sleutel '50'"
    /// or "woning '50' bestaat niet". Reported once, at the number, with what to write; the two are joined into the
    /// number meant, so no finding follows from the split (the build fails on this error all the same).
    /// </summary>
    private static void CommaInFlow(YamlNode node, string text, string displayPath, DiagnosticBag diag, int lineOffset, HashSet<YamlNode> seen)
    {
        if (!seen.Add(node)) return;
        switch (node)
        {
            case YamlMappingNode map:
                YamlScalarNode? previous = null;
                foreach (var (key, value) in map.Children.ToList())
                {
                    if (map.Style == YamlDotNet.Core.Events.MappingStyle.Flow && previous is not null
                        && key is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } digits } k && digits.Length > 0 && digits.All(char.IsAsciiDigit)
                        && value is YamlScalarNode { Value: null or "" } && value.Tag.IsEmpty
                        && previous.Value is { Length: > 0 } number && number.All(c => char.IsAsciiDigit(c) || c == '.')
                        && previous.End.Line == k.Start.Line && Offset(text, k.Start) is int at && at > 0 && text[at - 1] == ','
                        && Offset(text, previous.End) == at - 1)
                    {
                        string written = number + "," + digits;
                        string hint = NumberHints.For(written) ?? $"Schrijf {NumberHints.Plain(written) ?? written}";
                        diag.Error(displayPath, (int)previous.Start.Line + lineOffset, (int)previous.Start.Column, Codes.WrongType,
                            $"{written} leest YAML in een blok {{ }} als {number} en een sleutel '{digits}', want daar scheidt een komma de waarden. {hint}");
                        if (NumberHints.Plain(written) is { } meant) previous.Value = meant;
                        map.Children.Remove(key);
                        continue;
                    }
                    CommaInFlow(value, text, displayPath, diag, lineOffset, seen);
                    previous = value as YamlScalarNode;
                }
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children) CommaInFlow(item, text, displayPath, diag, lineOffset, seen);
                break;
        }
    }

    /// <summary>The index in <paramref name="text"/> of a parser's mark (its Index counts characters from the start).</summary>
    private static int? Offset(string text, YamlDotNet.Core.Mark mark) => mark.Index >= 0 && mark.Index <= text.Length ? (int)mark.Index : null;

    /// <summary>Where <paramref name="token"/> first stands, not followed by more of a name: 1-based line and column.</summary>
    private static (int Line, int Column)? Position(string text, string token)
    {
        for (int at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            int end = at + token.Length;
            if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '-')) continue;
            int lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
            return (text.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1);
        }
        return null;
    }

    private static string Clean(string message)
    {
        int paren = message.IndexOf("): ", StringComparison.Ordinal);
        return paren >= 0 && message.StartsWith('(') ? message[(paren + 3)..] : message;
    }

    /// <summary>The first tab in a line's indentation: (0-based line, 1-based column), or (-1, 0).</summary>
    private static (int Line, int Column) FindTabIndent(string text)
    {
        int line = 0, column = 0;
        bool atStart = true;
        foreach (char c in text)
        {
            if (c == '\n') { line++; column = 0; atStart = true; continue; }
            column++;
            if (!atStart) continue;
            if (c == '\t') return (line, column);
            if (c != ' ') atStart = false;
        }
        return (-1, 0);
    }

    /// <summary>
    /// Flow brackets ([ and {) opened outside quoted scalars and comments, with where each was opened. A quote opens
    /// a quoted scalar only where a value starts (after ':', '-', ',', '[', '{' or at the start of a line), so an
    /// apostrophe inside plain text ("auto's") is text.
    /// </summary>
    private static List<(char Bracket, int Line, int Column)> OpenBrackets(string text, bool stopAtLimit)
    {
        var open = new List<(char, int, int)>();
        int line = 1, column = 0;
        char quote = '\0', previous = '\n';
        bool comment = false;
        foreach (char c in text)
        {
            if (c == '\n') { line++; column = 0; comment = false; previous = '\n'; continue; }
            column++;
            if (comment) continue;
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                previous = c;
                continue;
            }
            if (c is '"' or '\'' && previous is '\n' or ':' or '-' or ',' or '[' or '{') quote = c;
            else if (c == '#' && previous is '\n' or ' ' or '\t') comment = true;
            else if (c is '[' or '{')
            {
                open.Add((c, line, column));
                if (stopAtLimit && open.Count > MaxDepth) return open;
            }
            else if (c is ']' or '}' && open.Count > 0) open.RemoveAt(open.Count - 1);
            if (c != ' ' && c != '\t') previous = c;
            else if (previous == '\n') { } // indentation keeps "start of line"
        }
        return open;
    }

    private static (int Line, int Column)? FindDeepNesting(string text)
    {
        var open = OpenBrackets(text, stopAtLimit: true);
        return open.Count > MaxDepth ? (open[^1].Line, open[^1].Column) : null;
    }

    private static (char Bracket, int Line, int Column)? UnclosedBracket(string text)
    {
        var open = OpenBrackets(text, stopAtLimit: false);
        return open.Count > 0 ? open[^1] : null;
    }

    /// <summary>The line of the '---' that starts a second document.</summary>
    private static int? SecondDocumentMarker(string text)
    {
        var lines = text.Split('\n');
        bool content = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string l = lines[i].TrimEnd('\r');
            if (l.StartsWith("---", StringComparison.Ordinal) && (l.Length == 3 || l[3] == ' '))
            {
                if (content) return i + 1;
                content = true; // a leading '---' opens the first document
                continue;
            }
            if (l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')) content = true;
        }
        return null;
    }

    /// <summary>Line and column of a byte offset, counting characters, not bytes (UTF-8 continuation bytes do not move the column).</summary>
    private static (int Line, int Column) Position(byte[] bytes, int index)
    {
        int line = 1, col = 1;
        for (int i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; col = 1; }
            else if ((bytes[i] & 0xC0) != 0x80) col++;
        }
        return (line, col);
    }
}
