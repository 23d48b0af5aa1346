using SiteGen.Calculation;
using SiteGen.Content.Loading;
using SiteGen.Content.Model;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// What <c>sitegen serve</c> keeps between builds, in memory, so that one edited neighbourhood costs one neighbourhood:
/// the content as read (<see cref="ContentCache"/>, told by the server's file watcher what changed), each
/// neighbourhood's results (computed again only when it was read again), its drawn files with what they were drawn from
/// (the neighbourhood as read, and its theme's digest), its part of the site-wide data files, and the parsed themes.
/// A build with a session and no output folder keeps the whole site in memory and serves it from there, as Hugo's
/// server does. Whatever is kept, the site is byte for byte what a fresh build makes (BuildSessionTests).
/// </summary>
/// <remarks>One build at a time.</remarks>
public sealed class BuildSession
{
    /// <summary>A neighbourhood's drawn files, with what they were drawn from: the content as read and its theme's digest.</summary>
    internal sealed record Drawn(Neighbourhood Source, string Theme, List<SiteFiles.Carried> Files);

    public ContentCache Content { get; } = new();

    internal Dictionary<Neighbourhood, NeighbourhoodResult> Results { get; set; } = new(ReferenceEqualityComparer.Instance);

    internal Dictionary<string, Drawn> Pages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each neighbourhood's part of the site-wide data files (<see cref="OpenData.SiteWideData"/>), by its results.</summary>
    internal Dictionary<NeighbourhoodResult, byte[][]> DataParts { get; set; } = new(ReferenceEqualityComparer.Instance);

    // The site-wide pages are drawn on every rebuild and mostly come out as they were (the home page of a large site
    // is large): a page byte for byte as last time keeps its scanned links.
    // Only the pages scanned by the last build are kept (after the first build: a neighbourhood's pages and the site's).
    private Dictionary<string, (SiteFiles.Packed Bytes, Checks.LinkChecker.PageLinks Links)> _scans = new(StringComparer.Ordinal);
    private Dictionary<string, (SiteFiles.Packed Bytes, Checks.LinkChecker.PageLinks Links)> _scanned = new(StringComparer.Ordinal);
    private readonly Lock _scansGate = new();

    /// <summary>Scans a page of <paramref name="files"/> for the link check, or takes last build's scan of the same bytes (called in parallel).</summary>
    /// <remarks>
    /// Compared as the site holds them (packed), so an unchanged page is not unpacked. Its addresses and ids go through
    /// the thread's string pool: kept for every page of the site, a string per link and id made 1.6 million of the 2.8
    /// million strings <c>serve</c> held at 20,000 pages (35 MB).
    /// </remarks>
    internal Checks.LinkChecker.PageLinks Scan(string path, SiteFiles files)
    {
        var bytes = files.Held(path) ?? throw new InvalidOperationException($"'{path}' is not kept in memory");
        (SiteFiles.Packed? Bytes, Checks.LinkChecker.PageLinks Links) last;
        lock (_scansGate) last = _scans.TryGetValue(path, out var found) ? found : default;
        var links = last.Bytes is not null && last.Bytes.Same(bytes)
            ? last.Links
            : Checks.LinkChecker.Scan(bytes.Unpack(), Checks.LinkChecker.StringPool.OfThread());
        lock (_scansGate) _scanned[path] = (bytes, links);
        return links;
    }

    /// <summary>After a build's link check: its scans are the ones the next build compares with.</summary>
    internal void ScansDone()
    {
        lock (_scansGate) (_scans, _scanned) = (_scanned, new Dictionary<string, (SiteFiles.Packed, Checks.LinkChecker.PageLinks)>(StringComparer.Ordinal));
    }

    /// <summary>The parsed themes, with the digest of every file of the themes folder they were parsed from.</summary>
    internal (string Digest, Themes.ThemeSet Themes)? Themes { get; set; }
}
