using System.Reflection;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// What the previous build of an output folder was made from: per neighbourhood a hash of everything its pages
/// depend on (its folder, its municipality, the shared content files, its theme, this SiteGen build) and the files
/// it produced. Kept inside the output, in its manifest (<see cref="OutputManifest"/>): it is replaced in the same
/// swap as the files it describes, so it can never disagree with them, and it never litters the project folder.
/// Paths in the hashes are relative, so the cache (and the manifest) do not depend on where the project lies.
/// </summary>
public sealed class BuildCache
{
    public Dictionary<string, Entry> Neighbourhoods { get; set; } = new(StringComparer.Ordinal);

    public sealed class Entry
    {
        public string Digest { get; set; } = "";
        public List<string> Files { get; set; } = [];
    }

    /// <summary>A hash over files (path and bytes, in ordinal order) and extra strings.</summary>
    // A new SiteGen build may draw pages differently: its identity is part of every digest.
    public static string Digest(IEnumerable<string> files, string root, params string[] extra) =>
        Content.Loading.FileDigest.Of(files, root, extra, Identity);

    private static readonly byte[] Identity = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToByteArray();

    public static IEnumerable<string> FilesUnder(string dir) =>
        Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories) : [];
}
