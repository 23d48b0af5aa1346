using System.Collections.Concurrent;
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
internal sealed class Digests(string contentRoot, string themesRoot)
{
    private readonly string _root = Path.GetFullPath(contentRoot);
    private readonly ConcurrentDictionary<string, Lazy<string>> _themes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<string>> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _neighbourhoods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<string>> _municipalities = new(StringComparer.Ordinal);
    private readonly Lazy<string> _shared = new(() => BuildCache.Digest(
        new[] { Path.Combine(contentRoot, "sources.yaml"), Path.Combine(contentRoot, "glossary.yaml"), Path.Combine(contentRoot, "help.yaml") }
            .Concat(BuildCache.FilesUnder(Path.Combine(contentRoot, "assumptions")))
            .Concat(BuildCache.FilesUnder(Path.Combine(contentRoot, "step-plans")))
            .Where(File.Exists).Select(Path.GetFullPath),
        Path.GetFullPath(contentRoot)));

    // Relative paths (content to its root, each theme folder to itself): the digest, and so the manifest, is the
    // same wherever the project lies.
    public string Theme(Neighbourhood n) => Theme(n.Id[..n.Id.IndexOf('/')]);

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
        // Listed with full paths: resolving each relative one asked the system for the working folder every time.
        return BuildCache.Digest(BuildCache.FilesUnder(Path.GetFullPath(folder)), _root, id, "shared:" + _shared.Value,
            "municipality:" + Municipality(municipality), "theme:" + Theme(municipality));
    });

    // A municipality's own files, hashed once for all its neighbourhoods.
    private string Municipality(string id) => _municipalities.GetOrAdd(id, m => new Lazy<string>(() => BuildCache.Digest(
        new[] { Path.Combine(_root, m, "municipality.yaml"), Path.Combine(_root, m, "glossary.yaml") }.Where(File.Exists), _root))).Value;
}
