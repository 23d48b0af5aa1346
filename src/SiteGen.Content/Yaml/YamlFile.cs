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
        if (Directory.Exists(path))
        {
            diag.Error(displayPath, 1, 1, Codes.FileSystem, "found a directory where a file was expected");
            return null;
        }
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            diag.Error(displayPath, 1, 1, Codes.FileSystem, "file not found");
            return null;
        }
        if (info.Length > MaxBytes)
        {
            diag.Error(displayPath, 1, 1, Codes.FileSystem,
                $"file is {info.Length / 1024} KB; content files may be at most {MaxBytes / 1024} KB");
            return null;
        }
        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            int index = e.Index < 0 ? 0 : e.Index;
            var (line, col) = Position(bytes, index);
            diag.Error(displayPath, line, col, Codes.Syntax, "the file is not valid UTF-8; save it as UTF-8");
            return null;
        }
    }

    public static YamlNode? Parse(string text, string displayPath, DiagnosticBag diag, int lineOffset)
    {
        int tab = FindTabIndent(text);
        if (tab >= 0)
        {
            diag.Error(displayPath, tab + 1 + lineOffset, 1, Codes.Syntax,
                "a tab is used for indentation; YAML indents with spaces only");
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
                diag.Error(displayPath, (int)start.Line + lineOffset, (int)start.Column, Codes.Syntax,
                    "found a second YAML document ('---'); a content file holds one");
                return null;
            }
            var root = stream.Documents[0].RootNode;
            if (root is YamlScalarNode { Value: null or "" } && root.Tag.IsEmpty) return new YamlMappingNode();
            return root;
        }
        catch (YamlException e)
        {
            string message = e.InnerException?.Message ?? e.Message;
            // YamlDotNet reports duplicate keys this way; give the rule its own code.
            bool duplicate = message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                             || message.Contains("same key", StringComparison.OrdinalIgnoreCase);
            diag.Error(displayPath, (int)e.Start.Line + lineOffset, (int)e.Start.Column,
                duplicate ? Codes.DuplicateKey : Codes.Syntax,
                duplicate ? "a key is written twice in the same mapping; keep one" : $"YAML syntax: {Clean(message)}");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // The representation model throws ArgumentException for duplicate keys, without a position.
            diag.Error(displayPath, 1 + lineOffset, 1, Codes.DuplicateKey, $"a key is written twice in the same mapping: {e.Message}");
            return null;
        }
    }

    private static string Clean(string message)
    {
        int paren = message.IndexOf("): ", StringComparison.Ordinal);
        return paren >= 0 && message.StartsWith('(') ? message[(paren + 3)..] : message;
    }

    private static int FindTabIndent(string text)
    {
        int line = 0;
        bool atStart = true;
        foreach (char c in text)
        {
            if (c == '\n') { line++; atStart = true; continue; }
            if (!atStart) continue;
            if (c == '\t') return line;
            if (c != ' ') atStart = false;
        }
        return -1;
    }

    private static (int Line, int Column) Position(byte[] bytes, int index)
    {
        int line = 1, col = 1;
        for (int i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; col = 1; }
            else col++;
        }
        return (line, col);
    }
}
