using System.Text.RegularExpressions;
using SiteGen.Content.Diagnostics;

namespace SiteGen.Content.Loading;

/// <summary>
/// Finds the placeholders 'sitegen new' writes ("nog invullen", "Voorbeeldtekst", "(voorbeeld)", the source date
/// 2000-01-01) in every content file, so they never reach residents unnoticed: a warning at each place (an error
/// with --strict; 'publish' refuses them), and a "concept" banner on the pages they affect.
/// </summary>
public static partial class Placeholders
{
    /// <param name="SourceId">For a placeholder in sources.yaml: the document it belongs to (only pages citing it are affected).</param>
    public sealed record Found(string RelativePath, int Line, int Column, string Text, string? SourceId = null);

    /// <param name="skip">Folders scanned on their own (<see cref="ScanFolder"/>): the neighbourhoods, each read with its folder.</param>
    public static List<Found> Scan(string root, DiagnosticBag diag, IReadOnlySet<string>? skip = null) =>
        Scan(root, Files(root, root, skip).Select(f => (f, (long?)null)), diag, parallel: true);

    /// <summary>The placeholders in one folder (a neighbourhood's), reported like those of <see cref="Scan(string, DiagnosticBag, IReadOnlySet{string}?)"/>.</summary>
    /// <param name="listing">The content folder as walked at the start of the load, when it holds this folder (else the disk is listed).</param>
    public static List<Found> ScanFolder(string root, string dir, DiagnosticBag diag, ContentListing? listing = null) =>
        Scan(root, listing?.FilesUnder(dir, hiddenFolders: false) is { } listed
            ? listed.Where(f => IsText(f.Path)).Select(f => (f.Path, (long?)f.Length))
            : Files(root, dir, null).Select(f => (f, (long?)null)), diag, parallel: false);

    private static bool IsText(string file) => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".md", StringComparison.Ordinal);

    /// <param name="paths">Each file with its size when the content's listing knows it (else it is asked of the disk).</param>
    private static List<Found> Scan(string root, IEnumerable<(string Path, long? Length)> paths, DiagnosticBag diag, bool parallel)
    {
        // Reading dominates: the shared files on all cores (a neighbourhood's folder is already read on its own core),
        // reported in file order.
        var files = paths.ToArray();
        var perFile = new List<Found>?[files.Length];
        if (parallel) Parallel.For(0, files.Length, i => perFile[i] = ScanFile(root, files[i].Path, files[i].Length));
        else for (int i = 0; i < files.Length; i++) perFile[i] = ScanFile(root, files[i].Path, files[i].Length);
        var found = new List<Found>();
        foreach (var f in perFile.Where(l => l is not null).SelectMany(l => l!))
        {
            found.Add(f);
            diag.Warning(SourcesReader.Display(root, f.RelativePath), f.Line, f.Column, Codes.Placeholder,
                $"voorbeeldtekst '{f.Text}' van 'sitegen new' staat er nog; vervang haar door de echte tekst, het echte getal of de echte datum " +
                "(pagina's waarop ze staat krijgen een balk 'concept'; --strict en 'publish' weigeren ze)");
        }
        return found;
    }

    private static List<Found>? ScanFile(string root, string file, long? length)
    {
        byte[] bytes;
        try
        {
            if ((length ?? new FileInfo(file).Length) > Yaml.YamlFile.MaxBytes) return null; // refused by its reader
            bytes = FileBytes.Read(file);
        }
        catch (IOException) { return null; } // unreadable files are reported by their reader
        catch (UnauthorizedAccessException) { return null; }
        // Most files hold none: a look for what every placeholder contains, in a pooled buffer, before the text is made.
        if (!MayHold(bytes)) return null;
        string text = Decode(bytes);
        if (!Marker().IsMatch(text)) return null;
        string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        var found = new List<Found>();
        bool yaml = file.EndsWith(".yaml", StringComparison.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        string? topKey = null;
        for (int i = 0; i < lines.Length; i++)
        {
            if (yaml && lines[i].TrimStart().StartsWith('#')) continue; // comments are for the author
            if (yaml && lines[i].Length > 0 && char.IsAsciiLetterOrDigit(lines[i][0]) && lines[i].IndexOf(':') > 0) topKey = lines[i][..lines[i].IndexOf(':')];
            foreach (Match m in Marker().Matches(lines[i]))
                found.Add(new Found(relative, i + 1, m.Index + 1, m.Value, relative == "sources.yaml" ? topKey : null));
        }
        return found;
    }

    // Every match of Marker contains one of these, in any case, and ordinary Dutch rarely does ("bijvoorbeeld" does not).
    // None of their letters has a case variant outside ASCII (unlike i, k and s), so an ordinal comparison that ignores
    // case finds them wherever the expression would.
    private static readonly System.Buffers.SearchValues<string> Parts =
        System.Buffers.SearchValues.Create(["(voorbeeld)", "voorbeeldte", "nvullen", "2000-01-01"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the file's text may hold a placeholder (false: it certainly holds none).</summary>
    private static bool MayHold(byte[] bytes)
    {
        // Other encodings (a UTF-16 or UTF-32 byte-order mark) take the full path.
        if (bytes is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0x00, 0x00, 0xFE, 0xFF, ..]) return true;
        var utf8 = System.Text.Encoding.UTF8;
        char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(utf8.GetMaxCharCount(bytes.Length));
        try
        {
            int count = utf8.GetChars(bytes, buffer);
            return buffer.AsSpan(0, count).IndexOfAny(Parts) >= 0;
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>What File.ReadAllText makes of these bytes: the encoding a byte-order mark names, else UTF-8.</summary>
    private static string Decode(byte[] bytes)
    {
        bool utf8Mark = bytes is [0xEF, 0xBB, 0xBF, ..];
        if (utf8Mark || bytes is not ([0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0x00, 0x00, 0xFE, 0xFF, ..]))
            return System.Text.Encoding.UTF8.GetString(bytes.AsSpan(utf8Mark ? 3 : 0));
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Whether a placeholder affects a neighbourhood: in its folder, its municipality, the shared assumptions or step
    /// plans, or a source document it cites.
    /// </summary>
    public static bool Affects(IEnumerable<Found> found, string municipality, string neighbourhood, IReadOnlySet<string> citedSources) =>
        found.Any(f => f.RelativePath.StartsWith($"{municipality}/{neighbourhood}/", StringComparison.Ordinal)
            || f.RelativePath == $"{municipality}/municipality.yaml"
            || Shared(f)
            || (f.SourceId is { } id && citedSources.Contains(id)));

    /// <summary>A placeholder in the shared assumptions or step plans affects every page.</summary>
    public static bool Shared(Found f) =>
        f.RelativePath.StartsWith("assumptions/", StringComparison.Ordinal) || f.RelativePath.StartsWith("step-plans/", StringComparison.Ordinal);

    private static IEnumerable<string> Files(string root, string start, IReadOnlySet<string>? skip)
    {
        var stack = new Stack<string>([start]);
        var result = new List<string>();
        while (stack.Count > 0)
        {
            string dir = stack.Pop();
            foreach (var sub in Directory.GetDirectories(dir))
            {
                string name = Path.GetFileName(sub);
                if (name.StartsWith('.') || (dir == root && name == "schema") || skip?.Contains(sub) == true) continue;
                if (new DirectoryInfo(sub).LinkTarget is not null) continue;
                stack.Push(sub);
            }
            result.AddRange(Directory.GetFiles(dir).Where(IsText));
        }
        return result.Order(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"nog invullen|voorbeeldtekst|\(voorbeeld\)|\b2000-01-01\b", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();
}
