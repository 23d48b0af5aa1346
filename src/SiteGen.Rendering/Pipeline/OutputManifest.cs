using System.Text.Json;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// The list of files a build wrote into the output folder, kept in that folder as ".sitegen-manifest.json", together
/// with the incremental-build cache. A rebuild replaces or deletes only files listed here; everything else in the
/// output (a deploy repository's .git, CNAME, .well-known/, a hand-placed robots.txt) belongs to the user and stays.
/// A folder without a manifest was not built by SiteGen, so a build refuses to write into it unless it is empty.
/// </summary>
public sealed class OutputManifest
{
    public const string FileName = ".sitegen-manifest.json";

    /// <summary>Marks the file as ours, so a stray JSON file of the same name is not mistaken for a manifest.</summary>
    public string Generator { get; set; } = "sitegen";

    /// <summary>Relative, '/'-separated paths of the files the build wrote, in ordinal order.</summary>
    public List<string> Files { get; set; } = [];

    public BuildCache Cache { get; set; } = new();


    public static string PathIn(string outDir) => Path.Combine(outDir, FileName);

    /// <returns>The manifest, or null when the folder has none.</returns>
    /// <exception cref="InvalidDataException">The manifest exists but cannot be read: what is ours is unknown.</exception>
    public static OutputManifest? Load(string outDir)
    {
        string path = PathIn(outDir);
        if (!File.Exists(path)) return null;
        try
        {
            // Read as a stream: a national site's manifest is 33 MB, and its bytes are not needed once read.
            OutputManifest? m;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan))
                m = JsonSerializer.Deserialize(stream, ManifestJson.Default.OutputManifest);
            if (m is null || m.Generator != "sitegen" || m.Files.Any(f => !IsSafeRelative(f)))
                throw new InvalidDataException($"'{path}' is geen bestandenlijst van SiteGen");
            return m;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is beschadigd ({e.Message})", e);
        }
    }

    /// <summary>The manifest as one array: for a small one (tests, a folder marked as SiteGen's); a build writes it with <see cref="WriteTo(string)"/>.</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, ManifestJson.Default.OutputManifest);

    /// <summary>
    /// Writes the manifest into a new file as it is made, byte for byte what <see cref="ToBytes"/> gives. A national
    /// site's manifest is 33 MB: made as one array it was the largest thing a build held at its end, and the
    /// serializer's buffers, grown to that size, stayed in the shared array pool after.
    /// </summary>
    /// <param name="files">The files to list instead of <see cref="Files"/>, as they are written (a large site's are never all in memory).</param>
    public void WriteTo(string path, IEnumerable<string>? files = null)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        WriteTo(stream, files);
    }

    /// <summary>The same into a stream: each neighbourhood's entry is serialised on its own, and written out every 64 KB.</summary>
    public void WriteTo(Stream stream, IEnumerable<string>? files = null)
    {
        files ??= Files;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        void Flush()
        {
            if (w.BytesPending >= 64 * 1024) w.Flush();
        }
        w.WriteStartObject();
        w.WriteString(nameof(Generator), Generator);
        w.WritePropertyName(nameof(Files));
        if (files is null) w.WriteNullValue();
        else
        {
            w.WriteStartArray();
            foreach (var f in files)
            {
                w.WriteStringValue(f);
                Flush();
            }
            w.WriteEndArray();
        }
        w.WritePropertyName(nameof(Cache));
        if (Cache?.Neighbourhoods is null && Cache?.Made is null) JsonSerializer.Serialize(w, Cache, ManifestJson.Default.BuildCache);
        else
        {
            w.WriteStartObject();
            w.WritePropertyName(nameof(BuildCache.Neighbourhoods));
            w.WriteStartObject();
            var entry = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<BuildCache.Entry>)ManifestJson.Default.GetTypeInfo(typeof(BuildCache.Entry))!;
            foreach (var (id, e) in Cache.Made ?? Cache.Neighbourhoods)
            {
                w.WritePropertyName(id);
                JsonSerializer.Serialize(w, e, entry);
                Flush();
            }
            w.WriteEndObject();
            w.WritePropertyName(nameof(BuildCache.Data));
            JsonSerializer.Serialize(w, Cache.Data, ManifestJson.Default.DictionaryStringString);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>A manifest may only name files below the output folder: never "..", never an absolute path.</summary>
    internal static bool IsSafeRelative(string f)
    {
        if (f.Length == 0 || Path.IsPathRooted(f)) return false;
        // Checked for every file of the site on every build: segment by segment in place, not split into new strings.
        foreach (var range in f.AsSpan().Split('/'))
            if (f.AsSpan(range) is [] or "." or "..") return false;
        return true;
    }
}

/// <summary>
/// The manifest's JSON code, generated at compile time: a large site's manifest (4.6 MB at 20,000 pages) is read on
/// every build, and reflection-based reading spent most of its time setting itself up.
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(OutputManifest))]
internal sealed partial class ManifestJson : System.Text.Json.Serialization.JsonSerializerContext;
