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

    /// <summary>
    /// Instead of <see cref="Neighbourhoods"/>, for a cache written once: each entry made when the manifest writes it,
    /// in this order (the manifest holds them as <see cref="Neighbourhoods"/>; a build need not hold them all at once).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<KeyValuePair<string, Entry>>? Made { get; init; }

    /// <summary>The SHA-256 of each site-wide data file the build wrote: the next build cuts its kept neighbourhoods' parts from them.</summary>
    public Dictionary<string, string> Data { get; set; } = new(StringComparer.Ordinal);

    public sealed class Entry
    {
        public string Digest { get; set; } = "";
        public List<string> Files { get; set; } = [];
        /// <summary>A hash of the names, sizes and modification times of the neighbourhood folder's files, or null when they were too recent to trust (see <see cref="Digests"/>).</summary>
        public string? Stamp { get; set; }
        /// <summary>The hash of the neighbourhood folder's files (paths and bytes) that <see cref="Stamp"/> stands for.</summary>
        public string? FolderDigest { get; set; }
        /// <summary>What the next build needs of the neighbourhood if it does not read it again; null in a cache of an older SiteGen.</summary>
        public Listing? Kept { get; set; }
    }

    /// <summary>A neighbourhood as the site-wide pages and files use it (see <see cref="UnchangedNeighbourhoods"/>).</summary>
    public sealed class Listing
    {
        /// <summary>The valid_until dates its reading compared with the build date: its findings hold while each is on the same side.</summary>
        public List<Content.Model.Deadline> Deadlines { get; set; } = [];
        public string Name { get; set; } = "";
        public string? Summary { get; set; }
        public bool Placeholders { get; set; }
        /// <summary>Its folder's findings, with paths relative to the content folder.</summary>
        public List<Content.Diagnostics.Diagnostic> Findings { get; set; } = [];
        /// <summary>Per site-wide data file (in the order of OpenData.SiteWideData.Paths): where its part lies, [offset, length].</summary>
        public List<long[]> Data { get; set; } = [];
    }

    /// <summary>A hash over files (path and bytes, in ordinal order) and extra strings.</summary>
    // A new SiteGen build may draw pages differently: its identity is part of every digest.
    public static string Digest(IEnumerable<string> files, string root, params string[] extra) =>
        Content.Loading.FileDigest.Of(files, root, extra, Identity);

    private static readonly byte[] Identity = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToByteArray();

    public static IEnumerable<string> FilesUnder(string dir) =>
        Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories) : [];
}
