using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;
using SiteGen.Content.Model;
using SiteGen.Rendering.OpenData;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// The neighbourhoods an incremental build need not read at all: nothing their pages depend on changed since the
/// output was built (the same digest, see <see cref="Digests"/>), no valid_until they were checked against passed since
/// (the build date is not recorded: the manifest stays the same from day to day) and their files are all there. The build cache in the output's manifest holds what the site-wide pages and files need of them: name,
/// summary, concept or not, their folder's findings (reported again), and where their part of each site-wide data file
/// lies in the previous output's file. Those files are checked against the SHA-256 the cache recorded; when one changed
/// or is missing, every neighbourhood is read. Reading and validating all content was most of an incremental build.
/// </summary>
internal sealed class UnchangedNeighbourhoods : IDisposable
{
    private readonly BuildCache _previous;
    private readonly string _outDir;
    private readonly DateOnly _day;
    private readonly Digests _digests;
    // The previous output's site-wide data files, open from their check until the parts are cut (see CloseData).
    private readonly SafeFileHandle[] _data;
    private readonly long[] _lengths;

    private UnchangedNeighbourhoods(BuildCache previous, string outDir, DateOnly buildDate, Digests digests, SafeFileHandle[] data, long[] lengths) =>
        // A full path: File.Exists on a relative one asks the system for the working folder, 22,000 times at 20,000 pages.
        (_previous, _outDir, _day, _digests, _data, _lengths) = (previous, Path.GetFullPath(outDir), buildDate, digests, data, lengths);

    /// <returns>Null when the previous output cannot stand in for any neighbourhood (no cache, or its data files changed).</returns>
    public static UnchangedNeighbourhoods? Open(BuildCache previous, string outDir, DateOnly buildDate, Digests digests)
    {
        if (previous.Neighbourhoods.Count == 0) return null;
        var data = new SafeFileHandle?[SiteWideData.Paths.Count];
        var lengths = new long[data.Length];
        // Hashed side by side (20 MB at 20,000 pages), through a small buffer: the parts are read from the same open
        // files when their turn comes, so the files are never in memory whole (a national site's are 130 MB).
        bool usable = true;
        Parallel.For(0, data.Length, f =>
        {
            string file = Path.Combine(outDir, SiteWideData.Paths[f]);
            if (!previous.Data.TryGetValue(SiteWideData.Paths[f], out var digest) || !File.Exists(file))
            {
                usable = false;
                return;
            }
            try
            {
                var handle = data[f] = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
                lengths[f] = RandomAccess.GetLength(handle);
                if (Digest(handle) != digest) usable = false;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                usable = false;
            }
        });
        if (usable) return new UnchangedNeighbourhoods(previous, outDir, buildDate, digests, data!, lengths);
        foreach (var handle in data) handle?.Dispose();
        return null;
    }

    private static string Digest(SafeFileHandle file)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long at = 0;
            for (int n; (n = RandomAccess.Read(file, buffer.AsSpan(0, 64 * 1024), at)) > 0; at += n) hash.AppendData(buffer, 0, n);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The neighbourhood in <paramref name="folder"/> as the previous build left it, or null when it must be read (called in parallel).</summary>
    public KeptNeighbourhood? Keep(string root, string id, string folder)
    {
        // Hashed before it may be read: a file changing during the build is not recorded under its new hash with old pages.
        string digest = _digests.Of(id, folder);
        // A manifest edited by hand may lack any of it: then the neighbourhood is read.
        if (!_previous.Neighbourhoods.TryGetValue(id, out var entry) || entry.Kept is not { Findings: not null, Deadlines: not null, Data: not null } kept
            || entry.Files is null || kept.Name is null || kept.Findings.Any(d => d?.Path is null)
            || !kept.Deadlines.All(d => d is not null && d.HoldsOn(_day))
            || kept.Data.Count != _data.Length || kept.Data.Any(at => at is not { Length: 2 })) return null;
        for (int f = 0; f < _data.Length; f++)
            if (kept.Data[f][0] < 0 || kept.Data[f][1] < 0 || kept.Data[f][0] + kept.Data[f][1] > _lengths[f]) return null;
        if (digest != entry.Digest || !entry.Files.All(f => File.Exists(Path.Combine(_outDir, f)))) return null;
        var findings = kept.Findings.Select(d => d with { Path = ContentLoader.Display(root, d.Path) }).ToList();
        return new KeptNeighbourhood(id, id[(id.IndexOf('/') + 1)..], kept.Name, kept.Summary, kept.Placeholders, findings, kept.Deadlines);
    }

    /// <summary>A kept neighbourhood's files in the previous output.</summary>
    public IReadOnlyList<string> Files(string id) => _previous.Neighbourhoods[id].Files;

    /// <summary>A kept neighbourhood's digest (the one it was kept for).</summary>
    public string DigestOf(string id) => _previous.Neighbourhoods[id].Digest;

    /// <summary>
    /// A kept neighbourhood's part of a site-wide data file, read from the previous output's file into
    /// <paramref name="into"/> (made larger when it is too small).
    /// </summary>
    /// <returns>The part's length.</returns>
    public int Part(string id, int file, ref byte[] into)
    {
        var at = _previous.Neighbourhoods[id].Kept!.Data[file];
        int length = (int)at[1];
        SiteBuilder.DataPlan.Fit(ref into, length);
        SpillFile.ReadAt(_data[file], into.AsSpan(0, length), at[0], $"'{SiteWideData.Paths[file]}' in de vorige uitvoer is korter geworden tijdens de build");
        return length;
    }

    /// <summary>Closes the previous output's data files once every part is cut: the output is swapped or committed after.</summary>
    public void Dispose()
    {
        foreach (var handle in _data) handle.Dispose();
    }

    /// <summary>What the next build keeps of a neighbourhood, read or kept: findings with paths relative to the content folder.</summary>
    public static BuildCache.Listing Listing(KeptNeighbourhood n, string root, (long Offset, int Length)[] data)
    {
        string full = Path.GetFullPath(root);
        return new BuildCache.Listing
        {
            Name = n.Name, Summary = n.Summary, Placeholders = n.HasPlaceholders,
            Findings = n.Findings.Select(d => d with { Path = Path.GetRelativePath(full, Path.GetFullPath(d.Path)).Replace('\\', '/') }).ToList(),
            Deadlines = [.. n.Deadlines],
            Data = data.Select(x => new[] { x.Offset, (long)x.Length }).ToList(),
        };
    }
}
