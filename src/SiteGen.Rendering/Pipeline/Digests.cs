using System.Collections.Concurrent;
using System.IO.Enumeration;
using SiteGen.Content.Loading;
using SiteGen.Content.Model;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// Everything a neighbourhood's pages are made from: its folder, its municipality, the shared content, its theme.
/// The shared content and each theme folder are hashed once per build and enter each neighbourhood's digest as
/// their hash: hashing them again for every neighbourhood dominated incremental builds of large sites.
/// Needs no content read: an incremental build asks for a neighbourhood's digest before deciding to read it.
/// Safe to use from several threads.
/// </summary>
/// <remarks>
/// A neighbourhood folder's files are hashed again only when their names, sizes or modification times differ from what
/// the previous build recorded (<see cref="BuildCache.Entry.Stamp"/>), as git's index and make do: reading and hashing
/// every file of every neighbourhood was most of a large site's incremental build. A stamp is recorded only when every
/// file was last written more than <see cref="Settle"/> before this build started, so a file written again within the
/// file system's time resolution of the last hashing (git's "racy" case) is always hashed. A folder holding a symbolic
/// link is always hashed (the link's own times do not change with its target). <c>--full</c> hashes everything.
/// </remarks>
/// <param name="listing">The content folder as the load's walk for symbolic links found it: a neighbourhood's files are taken from there once it is filled.</param>
internal sealed class Digests(string contentRoot, string themesRoot, BuildCache? previous = null, ContentListing? listing = null)
{
    /// <summary>How long before this build a file must have been written for its stamp to be trusted (FAT keeps 2 s).</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    private readonly DateTime _settledBefore = DateTime.UtcNow - Settle;
    private readonly string _root = Path.GetFullPath(contentRoot);
    private readonly ConcurrentDictionary<string, Lazy<string>> _themes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<string>> _folders = new(StringComparer.Ordinal);
    // Per neighbourhood, kept to the end of the build: as 32 bytes each, not as 64-character strings (three per
    // neighbourhood were 0.9 MB of what a 20,000-page build holds while it draws; bench/README.md, twenty-ninth round).
    private readonly ConcurrentDictionary<string, Sha256> _neighbourhoods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Sha256? Stamp, Sha256 FolderDigest)> _stamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<string>> _municipalities = new(StringComparer.Ordinal);
    private readonly Lazy<string> _shared = new(() => BuildCache.Digest(
        new[] { Path.Combine(contentRoot, "sources.yaml"), Path.Combine(contentRoot, "glossary.yaml"), Path.Combine(contentRoot, "help.yaml") }
            .Concat(BuildCache.FilesUnder(Path.Combine(contentRoot, "assumptions")))
            .Concat(BuildCache.FilesUnder(Path.Combine(contentRoot, "step-plans")))
            .Where(File.Exists).Select(Path.GetFullPath),
        Path.GetFullPath(contentRoot)));

    // Relative paths (content to its root, each theme folder to itself): the digest, and so the manifest, is the
    // same wherever the project lies.
    /// <summary>
    /// What a neighbourhood's pages are drawn with besides the content: its theme's folders and, on a site of several
    /// municipalities, that fact (its pages' breadcrumbs then pass through its municipality's page): a site that gains
    /// its second municipality, or loses it, draws every neighbourhood again, also under <c>serve</c>.
    /// </summary>
    public string Theme(Neighbourhood n) => Drawing(n.Id[..n.Id.IndexOf('/')]);

    private string Drawing(string municipality) => _several.Value ? Theme(municipality) + ";several municipalities" : Theme(municipality);

    private readonly Lazy<bool> _several = new(() => ContentLoader.MunicipalityFolders(contentRoot).Skip(1).Any());

    private string Theme(string municipality) => _themes.GetOrAdd(municipality, m => new Lazy<string>(() =>
        string.Join(",", ThemeSet.Folders(themesRoot, m).Select((dir, i) => $"{i}:{Folder(dir)}")))).Value;

    // Every municipality without its own theme is drawn from the default one: hashed once, not once per municipality.
    private string Folder(string dir) =>
        _folders.GetOrAdd(dir, d => new Lazy<string>(() => BuildCache.Digest(BuildCache.FilesUnder(d), d))).Value;

    /// <summary>Every neighbourhood's digest, hashed in parallel (the shared content, municipality and theme parts once each).</summary>
    public Dictionary<string, string> All(IEnumerable<Neighbourhood> neighbourhoods)
    {
        var list = neighbourhoods.ToArray();
        var digests = new string[list.Length];
        Parallel.For(0, list.Length, i => digests[i] = Of(list[i].Id, list[i].Folder));
        var result = new Dictionary<string, string>(list.Length, StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++) result[list[i].Id] = digests[i];
        return result;
    }

    /// <summary>The digest of the neighbourhood with this id ("municipality/slug") in this folder; each is hashed once per build.</summary>
    public string Of(string id, string folder) => _neighbourhoods.GetOrAdd(id, _ =>
    {
        string municipality = id[..id.IndexOf('/')];
        string own = Folder(id, Path.GetFullPath(folder));
        return Sha256.Of(BuildCache.Digest([], _root, "folder:" + own, id, "shared:" + _shared.Value,
            "municipality:" + Municipality(municipality), "theme:" + Drawing(municipality)));
    }).ToString();

    /// <summary>The digest <see cref="Of"/> gave for this id in this build.</summary>
    public string Known(string id) => _neighbourhoods[id].ToString();

    /// <summary>What the manifest keeps of a neighbourhood's folder for the next build: its stamp (null: hash it again) and its files' hash.</summary>
    public (string? Stamp, string? FolderDigest) StampOf(string id) =>
        _stamps.TryGetValue(id, out var s) ? (s.Stamp?.ToString(), s.FolderDigest.ToString()) : (null, null);

    /// <summary>A SHA-256 as its 32 bytes, written as <see cref="FileDigest"/> writes it (upper-case hexadecimal).</summary>
    [System.Runtime.CompilerServices.InlineArray(32)]
    private struct Sha256
    {
        private byte _first;

        public static Sha256 Of(string hex)
        {
            var hash = new Sha256();
            if (Convert.FromHexString(hex, hash, out _, out int written) != System.Buffers.OperationStatus.Done || written != 32)
                throw new ArgumentException($"'{hex}' is not a SHA-256 in hexadecimal", nameof(hex));
            return hash;
        }

        /// <summary>The hash, or null for a text that is not one as <see cref="ToString"/> writes it (a manifest edited by hand).</summary>
        public static Sha256? Parse(string? hex) => hex is { Length: 64 } && !hex.AsSpan().ContainsAnyExcept(UpperHex) ? Of(hex) : null;

        private static readonly System.Buffers.SearchValues<char> UpperHex = System.Buffers.SearchValues.Create("0123456789ABCDEF");

        public override readonly string ToString() => Convert.ToHexString(this);
    }

    // As Directory.GetFiles(dir, "*", AllDirectories) lists them, which the digest used before stamps.
    private static readonly EnumerationOptions FolderListing = new() { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>The hash of a neighbourhood folder's files (paths and bytes), or the previous build's when its stamp still holds.</summary>
    private string Folder(string id, string dir)
    {
        // Listed with full paths: resolving each relative one asked the system for the working folder every time.
        var files = new List<(string Path, long Length, long Written)>();
        bool settled = true;
        if (listing?.FilesUnder(dir) is { } listed)
        {
            foreach (var f in listed)
            {
                files.Add((f.Path, f.Length, f.Written));
                settled &= f.Written < _settledBefore.Ticks;
            }
        }
        else if (Directory.Exists(dir))
        {
            foreach (var f in new FileSystemEnumerable<(string Path, long Length, long Written, bool Link)>(dir,
                         (ref FileSystemEntry e) => (e.ToFullPath(), e.Length, e.LastWriteTimeUtc.UtcTicks, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                         FolderListing) { ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory })
            {
                files.Add((f.Path, f.Length, f.Written));
                settled &= !f.Link && f.Written < _settledBefore.Ticks;
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var stamp = new System.Text.StringBuilder();
        foreach (var (path, length, written) in files)
            stamp.Append(Path.GetRelativePath(_root, path).Replace('\\', '/')).Append('\n').Append(length).Append(' ').Append(written).Append('\n');
        string stampHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stamp.ToString())));
        string hash = previous is not null && previous.Neighbourhoods.TryGetValue(id, out var entry) && entry.Stamp == stampHash && Sha256.Parse(entry.FolderDigest) is not null
            ? entry.FolderDigest!
            : Content.Loading.FileDigest.Of(files.Select(f => f.Path), _root, []);
        _stamps[id] = (settled ? Sha256.Of(stampHash) : null, Sha256.Of(hash));
        return hash;
    }

    // A municipality's own files, hashed once for all its neighbourhoods.
    private string Municipality(string id) => _municipalities.GetOrAdd(id, m => new Lazy<string>(() => BuildCache.Digest(
        new[] { Path.Combine(_root, m, "municipality.yaml"), Path.Combine(_root, m, "glossary.yaml") }.Where(File.Exists), _root))).Value;
}
