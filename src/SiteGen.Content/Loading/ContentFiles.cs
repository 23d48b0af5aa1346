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

    public static string AllowedList => "png, jpg, jpeg, webp, svg (afbeeldingen) en pdf (documenten)";

    /// <summary>Reads the folder of a neighbourhood; every file that is not allowed is an error naming it.</summary>
    public static List<ContentFile> Read(string root, string neighbourhoodDir, string id, DiagnosticBag diag)
    {
        var result = new List<ContentFile>();
        string dir = Path.Combine(neighbourhoodDir, Folder);
        if (File.Exists(dir))
            diag.Error(SourcesReader.Display(root, $"{id}/{Folder}"), 1, 1, Codes.FileSystem, $"'{Folder}' moet een map zijn (voor afbeeldingen en documenten), geen bestand");
        if (!Directory.Exists(dir)) return result;
        foreach (var entry in Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(entry);
            if (name.StartsWith('.')) continue; // .DS_Store and the like, as elsewhere in content/
            string display = SourcesReader.Display(root, $"{id}/{Folder}/{name}");
            if (Directory.Exists(entry))
            {
                diag.Error(display, 1, 1, Codes.FileSystem, $"een map binnen {Folder}/ mag niet; zet de bestanden rechtstreeks in {Folder}/");
                continue;
            }
            string ext = Path.GetExtension(name).ToLowerInvariant();
            if (!Kinds.TryGetValue(ext, out var kind))
            {
                diag.Error(display, 1, 1, Codes.FileSystem,
                    $"'{name}' is geen bestandssoort die de site publiceert; in {Folder}/ mogen {AllowedList}");
                continue;
            }
            if (!SafeName().IsMatch(name))
            {
                diag.Error(display, 1, 1, Codes.FileSystem,
                    $"de bestandsnaam '{name}' wordt deel van een webadres; gebruik alleen letters, cijfers, '-', '_' en '.', bijvoorbeeld '{Suggest(name)}'");
                continue;
            }
            long size = new FileInfo(entry).Length;
            if (size > MaxBytes)
            {
                diag.Error(display, 1, 1, Codes.FileSystem,
                    $"'{name}' is {Megabytes(size)} MB; een bestand op de site mag hoogstens {Megabytes(MaxBytes)} MB zijn (inwoners laden het op hun telefoon): maak het kleiner");
                continue;
            }
            if (kind != "PDF" && size > ImageWarnBytes)
                diag.Warning(display, 1, 1, Codes.FileSystem,
                    $"de afbeelding '{name}' is {Megabytes(size)} MB; boven {Megabytes(ImageWarnBytes)} MB laadt ze traag op een telefoon: sla haar kleiner op (bijvoorbeeld 1600 pixels breed)");
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
        if (!ok) return $"is geen {kind}-bestand, al zegt de naam dat wel; sla het opnieuw op als {kind} of geef het de juiste extensie";
        if (kind != "SVG") return null;
        string text = File.ReadAllText(path);
        if (!text.Contains("<svg", StringComparison.OrdinalIgnoreCase))
            return "is geen SVG-afbeelding (er staat geen <svg> in); sla het opnieuw op als SVG";
        // An SVG opened on its own runs its scripts on the site's address; a picture needs none of these.
        if (ActiveSvg().Match(text) is { Success: true } m)
            return $"bevat '{m.Value.Trim()}', en daarmee kan code draaien in een browser; exporteer de afbeelding opnieuw zonder scripts, links of event-attributen";
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
                    return (null, $"'{url}' wijst buiten de map van deze wijk; link alleen naar bestanden in de map {Folder}/ van de wijk, bijvoorbeeld {Example(markdownFolder)}");
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(segment);
        }
        if (parts.Count == 2 && parts[0] == Folder)
        {
            if (files.Any(f => f.Name == parts[1])) return ($"{Folder}/{parts[1]}", null);
            var near = files.FirstOrDefault(f => string.Equals(f.Name, parts[1], StringComparison.OrdinalIgnoreCase));
            return (null, near is not null
                ? $"'{url}' noemt '{parts[1]}', maar het bestand heet '{near.Name}' (hoofdletters tellen mee in een webadres)"
                : $"'{url}' wijst naar '{Folder}/{parts[1]}', maar dat staat niet in de map {Folder}/ van deze wijk" +
                  (files.Count > 0 ? $"; daarin staan: {string.Join(", ", files.Select(f => f.Name))}" : ""));
        }
        return (null, $"'{url}' is geen bestand in de map {Folder}/ van deze wijk; zet afbeeldingen en documenten daar en link ernaar " +
                      $"vanuit dit bestand, bijvoorbeeld {Example(markdownFolder)}; link naar andere sites met het volledige https://-adres");
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
