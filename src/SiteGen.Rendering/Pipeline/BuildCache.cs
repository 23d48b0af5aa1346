using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// What the previous build of an output folder was made from: per neighbourhood a hash of everything its pages
/// depend on (its folder, its municipality, the shared content files, its theme, this SiteGen build) and the files
/// it produced. Kept next to the output (".output.sitegen-cache.json"), never inside it: it is not part of the site.
/// </summary>
public sealed class BuildCache
{
    public Dictionary<string, Entry> Neighbourhoods { get; set; } = new(StringComparer.Ordinal);

    public sealed class Entry
    {
        public string Digest { get; set; } = "";
        public List<string> Files { get; set; } = [];
    }

    public static string PathFor(string outDir)
    {
        string full = Path.GetFullPath(Path.TrimEndingDirectorySeparator(outDir));
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.sitegen-cache.json");
    }

    public static BuildCache Load(string outDir)
    {
        string path = PathFor(outDir);
        if (!File.Exists(path) || !Directory.Exists(outDir)) return new BuildCache();
        try { return JsonSerializer.Deserialize<BuildCache>(File.ReadAllText(path)) ?? new BuildCache(); }
        catch (JsonException) { return new BuildCache(); } // a damaged cache only costs a full build
    }

    public void Save(string outDir) => File.WriteAllText(PathFor(outDir), JsonSerializer.Serialize(this));

    public static void Forget(string outDir)
    {
        if (File.Exists(PathFor(outDir))) File.Delete(PathFor(outDir));
    }

    /// <summary>A hash over files (path and bytes, in ordinal order) and extra strings.</summary>
    public static string Digest(IEnumerable<string> files, string root, params string[] extra)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Distinct().Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        foreach (var s in extra) hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
        // A new SiteGen build may draw pages differently: its identity is part of every digest.
        hash.AppendData(Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToByteArray());
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public static IEnumerable<string> FilesUnder(string dir) =>
        Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories) : [];
}
