using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;

namespace SiteGen.Content.Loading;

/// <summary>
/// Images and documents a communicator adds to a neighbourhood, in its folder <see cref="Folder"/>: checked here
/// (name, type, size, that the bytes are what the name says) and copied to the output byte for byte, all of them.
/// Narrative links to them are resolved against the Markdown file's own folder (<see cref="Resolve"/>).
/// </summary>
public static partial class ContentFiles
{
    /// <summary>The folder's name inside a neighbourhood folder, and in the output next to the neighbourhood's pages.</summary>
    public const string Folder = "bestanden";

    public const long MaxBytes = 10 * 1024 * 1024;
    public const long ImageWarnBytes = 2 * 1024 * 1024;

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        [".png"] = "PNG", [".jpg"] = "JPEG", [".jpeg"] = "JPEG", [".webp"] = "WebP", [".svg"] = "SVG", [".pdf"] = "PDF",
    };

    public static string AllowedList => "png, jpg, jpeg, webp, svg (images) and pdf (documents)";

    /// <summary>Reads the folder of a neighbourhood; every file that is not allowed is an error naming it.</summary>
    public static List<ContentFile> Read(string root, string neighbourhoodDir, string id, DiagnosticBag diag)
    {
        var result = new List<ContentFile>();
        string dir = Path.Combine(neighbourhoodDir, Folder);
        if (File.Exists(dir))
            diag.Error(SourcesReader.Display(root, $"{id}/{Folder}"), 1, 1, Codes.FileSystem, $"'{Folder}' must be a folder (for images and documents), not a file");
        if (!Directory.Exists(dir)) return result;
        foreach (var entry in Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(entry);
            if (name.StartsWith('.')) continue; // .DS_Store and the like, as elsewhere in content/
            string display = SourcesReader.Display(root, $"{id}/{Folder}/{name}");
            if (Directory.Exists(entry))
            {
                diag.Error(display, 1, 1, Codes.FileSystem, $"a folder inside {Folder}/ is not allowed; put the files directly in {Folder}/");
                continue;
            }
            string ext = Path.GetExtension(name).ToLowerInvariant();
            if (!Kinds.TryGetValue(ext, out var kind))
            {
                diag.Error(display, 1, 1, Codes.FileSystem,
                    $"'{name}' is not a file type the site publishes; {Folder}/ may hold {AllowedList}");
                continue;
            }
            if (!SafeName().IsMatch(name))
            {
                diag.Error(display, 1, 1, Codes.FileSystem,
                    $"the file name '{name}' becomes part of a web address; use only letters, digits, '-', '_' and '.', e.g. '{Suggest(name)}'");
                continue;
            }
            long size = new FileInfo(entry).Length;
            if (size > MaxBytes)
            {
                diag.Error(display, 1, 1, Codes.FileSystem,
                    $"'{name}' is {Megabytes(size)} MB; a file on the site may be at most {Megabytes(MaxBytes)} MB (residents load it on their phones): make it smaller");
                continue;
            }
            if (kind != "PDF" && size > ImageWarnBytes)
                diag.Warning(display, 1, 1, Codes.FileSystem,
                    $"the image '{name}' is {Megabytes(size)} MB; above {Megabytes(ImageWarnBytes)} MB it loads slowly on a phone: save it smaller (e.g. 1600 pixels wide)");
            if (CheckBytes(entry, kind) is { } problem)
            {
                diag.Error(display, 1, 1, Codes.FileSystem, $"'{name}' {problem}");
                continue;
            }
            result.Add(new ContentFile(name, entry, display));
        }
        return result;
    }

    /// <summary>Null when the file's bytes are the kind its name says (and an SVG holds nothing that runs), else what is wrong.</summary>
    private static string? CheckBytes(string path, string kind)
    {
        byte[] head = new byte[16];
        int n;
        using (var stream = File.OpenRead(path)) n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        bool Starts(params byte[] magic) => n >= magic.Length && head.AsSpan(0, magic.Length).SequenceEqual(magic);
        bool ok = kind switch
        {
            "PNG" => Starts(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A),
            "JPEG" => Starts(0xFF, 0xD8, 0xFF),
            "WebP" => n >= 12 && Starts((byte)'R', (byte)'I', (byte)'F', (byte)'F') && Encoding.ASCII.GetString(head, 8, 4) == "WEBP",
            "PDF" => Starts((byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-'),
            _ => true,
        };
        if (!ok) return $"is not a {kind} file, although its name says so; save it again as {kind} or give it the right extension";
        if (kind != "SVG") return null;
        string text = File.ReadAllText(path);
        if (!text.Contains("<svg", StringComparison.OrdinalIgnoreCase))
            return "is not an SVG image (no <svg> element); save it again as SVG";
        // An SVG opened on its own runs its scripts on the site's address; a picture needs none of these.
        if (ActiveSvg().Match(text) is { Success: true } m)
            return $"contains '{m.Value.Trim()}', which can run code in a browser; export the picture again without scripts, links or event attributes";
        return null;
    }

    /// <summary>
    /// Resolves a relative address written in a Markdown file in <paramref name="markdownFolder"/> ("" for index.md,
    /// "dwellings", "variants") to a file of <see cref="Folder"/>: the target relative to the neighbourhood
    /// ("bestanden/kaart.png"), or an error message.
    /// </summary>
    public static (string? Target, string? Error) Resolve(string url, string markdownFolder, IReadOnlyCollection<ContentFile> files)
    {
        string path = url;
        int cut = path.IndexOfAny(['#', '?']);
        if (cut >= 0) path = path[..cut];
        var parts = markdownFolder.Length == 0 ? new List<string>() : markdownFolder.Split('/').ToList();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0)
                    return (null, $"'{url}' points outside this neighbourhood's folder; link only files in its {Folder}/ folder, e.g. {Example(markdownFolder)}");
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(segment);
        }
        if (parts.Count == 2 && parts[0] == Folder)
        {
            if (files.Any(f => f.Name == parts[1])) return ($"{Folder}/{parts[1]}", null);
            var near = files.FirstOrDefault(f => string.Equals(f.Name, parts[1], StringComparison.OrdinalIgnoreCase));
            return (null, near is not null
                ? $"'{url}' names '{parts[1]}', but the file is called '{near.Name}' (capitals count in a web address)"
                : $"'{url}' points to '{Folder}/{parts[1]}', which is not in this neighbourhood's {Folder}/ folder" +
                  (files.Count > 0 ? $"; it holds: {string.Join(", ", files.Select(f => f.Name))}" : ""));
        }
        return (null, $"'{url}' is not a file in this neighbourhood's {Folder}/ folder; put images and documents there and link them " +
                      $"relative to this file, e.g. {Example(markdownFolder)}; link other sites with the full https:// address");
    }

    private static string Example(string markdownFolder) =>
        markdownFolder.Length == 0 ? $"{Folder}/kaart.png" : $"../{Folder}/kaart.png";

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Suggest(string name)
    {
        string stem = Path.GetFileNameWithoutExtension(name), ext = Path.GetExtension(name).ToLowerInvariant();
        var sb = new StringBuilder();
        foreach (char c in stem.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.') sb.Append(char.ToLowerInvariant(c));
            else if (c is ' ' or '-' && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        string s = sb.ToString().Trim('-');
        return (s.Length == 0 ? "bestand" : s) + ext;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();

    [GeneratedRegex(@"<script|<foreignObject|javascript:|\son[a-z]+\s*=|<iframe|<embed|<object", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveSvg();
}
