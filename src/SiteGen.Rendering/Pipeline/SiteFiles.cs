using System.Collections;
using System.Text;
using SiteGen.Rendering.Checks;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// The built site: relative path ('/'-separated) to each rendered file, plus files carried over unchanged from the
/// previous output (incremental builds).
/// <para>
/// Built in memory (no staging folder: <c>serve</c>, <c>check</c>, tests) it keeps every file's bytes, compressed
/// (<see cref="Packed"/>). Built for the output, each
/// file goes to the staging folder as soon as it is rendered, an HTML page is scanned for its links at that moment, and
/// the bytes are dropped: per path only the length and the scanned links and ids stay, so memory does not grow with
/// the pages' bytes. <see cref="Read"/> reads such a file back from where it lies.
/// </para>
/// </summary>
public sealed class SiteFiles
{
    /// <summary>
    /// One rendered file: its bytes while kept in memory (packed; null once staged), its length and, for a staged page, its
    /// links (or where they were set aside until the site-wide check: a neighbourhood drawn while the content is read).
    /// </summary>
    public readonly record struct Rendered(Packed? Bytes, long Length, LinkChecker.PageLinks? Links, SpillFile.Slice? SpilledLinks = null);

    /// <summary>
    /// A file's bytes as a site kept in memory holds them: Brotli-compressed at its fastest setting, or as they are when
    /// that is not shorter or the file is over 1 MB. <c>serve</c> keeps the whole site in memory: at 20,000 pages its
    /// files were 334 MB of its heap and it peaked at 1.2-1.4 GB; packed they take about a quarter. Packing the same
    /// bytes gives the same blob, so two blobs are equal exactly when their files are.
    /// </summary>
    public sealed class Packed
    {
        // Quality 0: about 360 MB/s here, a quarter of the size; higher qualities shrink a page by a tenth more at half the speed.
        private const int Quality = 0, Window = 22;

        // Larger files are held as they are: the site-wide data files (results.json is 10 MB at 20,000 pages), made
        // again on every rebuild. Packing them too saved 40-80 MB under serve at 20,000 pages but made an edit's rebuild
        // 50-70 ms slower (15 edits each, interleaved).
        private const int Largest = 1 << 20;

        private readonly byte[] _blob;

        /// <summary>The length of the file itself.</summary>
        public int Length { get; }

        /// <summary>How many bytes it takes as held.</summary>
        public int Size => _blob.Length;

        private Packed(byte[] blob, int length) => (_blob, Length) = (blob, length);

        public static Packed Of(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > Largest) return new Packed(bytes.ToArray(), bytes.Length);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(bytes.Length));
            try
            {
                // Kept as they are when packing does not make them shorter: a blob as long as its file is the file.
                return System.IO.Compression.BrotliEncoder.TryCompress(bytes, buffer, out int written, Quality, Window) && written < bytes.Length
                    ? new Packed(buffer.AsSpan(0, written).ToArray(), bytes.Length)
                    : new Packed(bytes.ToArray(), bytes.Length);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>The file's bytes, in a new array.</summary>
        public byte[] Unpack()
        {
            if (_blob.Length == Length) return (byte[])_blob.Clone();
            var bytes = new byte[Length];
            if (!System.IO.Compression.BrotliDecoder.TryDecompress(_blob, bytes, out int written) || written != Length)
                throw new InvalidDataException("a file kept in memory does not unpack to its length");
            return bytes;
        }

        /// <summary>Whether the two hold the same bytes (without unpacking either).</summary>
        public bool Same(Packed other) => Length == other.Length && _blob.AsSpan().SequenceEqual(other._blob);
    }

    private static readonly UTF8Encoding Utf8 = new(false);

    // Hash maps, not sorted ones: a sorted map's node per file cost twice a hash entry (2.3 MB at 20,000 pages), and the
    // link check looks paths up as spans (no string per link), which only a hash map can. The paths are put in order
    // when asked for (All.Keys, Paths).
    private readonly Dictionary<string, Rendered> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _carried = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Packed> _kept = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rendered>.AlternateLookup<ReadOnlySpan<char>> _filesBySpan;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _carriedBySpan;
    private readonly Dictionary<string, Packed>.AlternateLookup<ReadOnlySpan<char>> _keptBySpan;
    // The paths of the rendered files added one by one, in ordinal order, made when first asked for after an add.
    private string[]? _ordered;
    // Drawn neighbourhoods whose files are one entry each (AddGroup): by key, and by each folder their files lie in.
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Group> _folders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Group>.AlternateLookup<ReadOnlySpan<char>> _foldersBySpan;
    // Every folder above a group's folder: a group whose folder holds or lies in another's is not kept as a group.
    private readonly HashSet<string> _aboveFolders = new(StringComparer.Ordinal);
    private int _groupFiles, _groupPages;
    // The groups whose file lists are in memory now, oldest first: a list is read back when asked for and let go of
    // when enough others were read after it. 256 lists are about 0.6 MB: a site of a few hundred neighbourhoods reads
    // each list once (reading them back for every step made 2,000 pages 20-30 ms slower), and a municipality's page
    // finds the lists of its neighbourhoods, checked just before it, still there.
    private readonly Queue<Group> _loaded = new();
    private const int LoadedGroups = 256;
    private readonly OutputWriter.Staging? _staging;
    private readonly LinkChecker.StringPool? _strings = new();

    /// <summary>A site kept in memory.</summary>
    public SiteFiles() =>
        (_filesBySpan, _carriedBySpan, _keptBySpan, _foldersBySpan) = (_files.GetAlternateLookup<ReadOnlySpan<char>>(),
            _carried.GetAlternateLookup<ReadOnlySpan<char>>(), _kept.GetAlternateLookup<ReadOnlySpan<char>>(), _folders.GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>A site whose files go to <paramref name="staging"/> as they are added.</summary>
    /// <param name="linksSetAside">
    /// Most pages' links are set aside on disk once checked within their neighbourhood (<see cref="DrawnWhileRead"/>):
    /// their addresses and ids are then pooled per thread (<see cref="LinkChecker.StringPool.OfThread"/>), not for the
    /// whole site (at national scale such a pool held every neighbourhood's anchors).
    /// </param>
    public SiteFiles(OutputWriter.Staging staging, bool linksSetAside = false) : this() =>
        (_staging, _strings) = (staging, linksSetAside ? null : new LinkChecker.StringPool());

    private LinkChecker.StringPool Strings() => _strings ?? LinkChecker.StringPool.OfThread();

    /// <summary>Files rendered by this build, path to bytes (read back from disk for a staged file).</summary>
    public IReadOnlyDictionary<string, byte[]> All => new BytesView(this);

    /// <summary>Files reused from the previous output: output path to the file on disk.</summary>
    public IReadOnlyDictionary<string, string> CarriedOver => _carried;

    /// <summary>Files reused from the previous build of the same process (<c>serve</c>), kept in memory.</summary>
    public IReadOnlyCollection<string> KeptOver => _kept.Keys;

    public bool Contains(string path) => Contains(path.AsSpan());

    /// <summary>The same for a path still in a buffer (the link check resolves a million links at 20,000 pages).</summary>
    public bool Contains(ReadOnlySpan<char> path) =>
        _filesBySpan.ContainsKey(path) || _carriedBySpan.ContainsKey(path) || _keptBySpan.ContainsKey(path) || InGroup(path, out _);

    /// <summary>Whether this build rendered the file (staged it, when it has a staging folder), rather than carrying it over.</summary>
    public bool IsRendered(string path) => _files.ContainsKey(path) || InGroup(path, out _);

    /// <summary>A rendered file as prepared, wherever the site keeps it.</summary>
    private bool TryRendered(string path, out Rendered file) => _files.TryGetValue(path, out file) || InGroup(path, out file);

    /// <summary>The rendered files' paths in ordinal order.</summary>
    private IEnumerable<string> Ordered() => InOrder(_ordered ??= Sorted(_files.Keys));

    public IEnumerable<string> Paths => InOrder(Sorted(_files.Keys.Concat(_carried.Keys).Concat(_kept.Keys)));

    /// <summary>
    /// How many of the site's files are pages: counted from the paths in memory and the groups' counts, without reading
    /// a group's list back (the build's summary line asks; the country has 13,500 groups).
    /// </summary>
    public int PageCount => _files.Keys.Concat(_carried.Keys).Concat(_kept.Keys).Count(IsPage) + _groupPages;

    private static bool IsPage(string path) => path.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>The same paths in no particular order (a large site has tens of thousands).</summary>
    public IEnumerable<string> Unordered => _files.Keys.Concat(_carried.Keys).Concat(_kept.Keys)
        .Concat(_groups.Values.SelectMany(g => Load(g).Select(f => f.Path)));

    public byte[] Read(string path) => TryRendered(path, out var f)
        ? f.Bytes?.Unpack() ?? File.ReadAllBytes(_staging!.Where(path))
        : _kept.TryGetValue(path, out var kept) ? kept.Unpack() : File.ReadAllBytes(_carried[path]);

    /// <summary>A file of a site kept in memory as it is held there (packed), for the next build to carry over; else null.</summary>
    public Packed? Held(string path) => _files.TryGetValue(path, out var f) ? f.Bytes : _kept.GetValueOrDefault(path);

    /// <summary>The links and ids of a page scanned when it was staged; null for a page kept in memory or carried over.</summary>
    /// <param name="pool">For links read back from where they were set aside: where their addresses and ids are kept once.</param>
    public LinkChecker.PageLinks? LinksOf(string path, LinkChecker.StringPool? pool = null)
    {
        if (!TryRendered(path, out var f)) return null;
        if (f.Links is not null || f.SpilledLinks is not { } spilled) return f.Links;
        // Read into a pooled buffer: the bytes are done with once decoded.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(spilled.Length);
        try
        {
            spilled.File.Read(spilled, buffer);
            return LinkChecker.PageLinks.Decode(buffer.AsSpan(0, spilled.Length), pool);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The rendered files whose links were not scanned when they were prepared (<see cref="HasLinks"/> is false), in no
    /// particular order. Never a group's: its pages' links are always set aside (<see cref="AddGroup"/>).
    /// </summary>
    internal IEnumerable<string> Unscanned() => _files.Where(f => f.Value.Links is null && f.Value.SpilledLinks is null).Select(f => f.Key);

    /// <summary>Whether a page's links and ids are known without reading the page (<see cref="LinksOf"/>).</summary>
    public bool HasLinks(string path) => TryRendered(path, out var f) && (f.Links is not null || f.SpilledLinks is not null);

    /// <summary>
    /// Makes a rendered file ready to be added: staged (and scanned, when a page) when the site goes to a staging
    /// folder, else kept as it is. Safe to call from several threads; <see cref="Add(string, Rendered)"/> then adds
    /// the results in a fixed order.
    /// </summary>
    public Rendered Prepare(string path, byte[] bytes) =>
        _staging is null ? new Rendered(Packed.Of(bytes), bytes.Length, null) : Stage(path, bytes, null);

    /// <summary>The same for a rendered text: a page is scanned as it was rendered, not decoded again from its bytes.</summary>
    public Rendered Prepare(string path, string text) => Prepare(path, text.AsMemory());

    /// <summary>The same for a page drawn into a pooled buffer (<see cref="Themes.Theme.RenderPage"/>), which goes back to the pool.</summary>
    public Rendered Prepare(string path, Themes.PageText page)
    {
        using (page) return Prepare(path, page.Memory);
    }

    private Rendered Prepare(string path, ReadOnlyMemory<char> text)
    {
        // Encoded into a pooled buffer, not a new array per page: staged, the bytes are written and let go; kept in memory, packed.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            int length = Utf8.GetBytes(text.Span, buffer);
            return _staging is null
                ? new Rendered(Packed.Of(buffer.AsSpan(0, length)), length, null)
                : Stage(path, buffer.AsSpan(0, length), text);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A site-wide data file laid out piece by piece (<see cref="OpenData.SiteWideData.Lay"/>): written into the staging
    /// folder as it is made, never whole in memory. For a site kept in memory the pieces are joined into one array of
    /// the file's size (<see cref="OpenData.SiteWideData.Join(Func{Action{ReadOnlyMemory{byte}}, long})"/>; such a site
    /// has every part in memory). Not for pages: their links are not scanned here.
    /// </summary>
    /// <param name="lay">Hands each piece in order to the action it is given and returns the file's length.</param>
    public Rendered Prepare(string path, Func<Action<ReadOnlyMemory<byte>>, long> lay)
    {
        if (_staging is null) return Prepare(path, OpenData.SiteWideData.Join(lay));
        _staging.Stage(path, stream => lay(piece => stream.Write(piece.Span)), out long length);
        return new Rendered(null, length, null);
    }

    private Rendered Stage(string path, ReadOnlySpan<byte> bytes, ReadOnlyMemory<char>? text)
    {
        // A path staged twice is written once: adding both, in order, reports the double output as a build in memory does.
        bool staged = _staging!.Stage(path, bytes);
        var links = !staged || !IsPage(path) ? null
            : text is { } chars ? LinkChecker.Scan(chars, Strings()) : LinkChecker.Scan(bytes, Strings());
        return new Rendered(null, bytes.Length, links);
    }

    public void Add(string path, Rendered file)
    {
        if (Contains(path)) throw new InvalidOperationException($"two outputs write '{path}'");
        _files.Add(path, file);
        _ordered = null;
    }

    public void Add(string path, byte[] bytes)
    {
        if (Contains(path)) throw new InvalidOperationException($"two outputs write '{path}'");
        Add(path, Prepare(path, bytes));
    }

    public void Add(string path, string text)
    {
        if (Contains(path)) throw new InvalidOperationException($"two outputs write '{path}'");
        Add(path, Prepare(path, text));
    }

    public void Add(string path, Themes.PageText page)
    {
        if (Contains(path))
        {
            page.Dispose();
            throw new InvalidOperationException($"two outputs write '{path}'");
        }
        Add(path, Prepare(path, page));
    }

    /// <summary>
    /// One drawn neighbourhood's files as a single entry (<see cref="AddGroup"/>): how to read its list back, and the list
    /// itself, sorted by path, only while it is among the last ones asked for.
    /// </summary>
    private sealed class Group(Func<IReadOnlyList<(string Path, Rendered File)>> read)
    {
        // Read back as a new array (DrawnWhileRead.Drawn.Files): sorted where it is, not copied once more.
        public (string Path, Rendered File)[] Read() => read() is var list && list is (string, Rendered)[] fresh ? SortInPlace(fresh) : Sorted(list);
        public volatile (string Path, Rendered File)[]? Loaded;
    }

    /// <summary>
    /// Adds the files of one neighbourhood drawn while the content was read as one entry, not one per file: a large
    /// build held every page's path and entry from here to its end (22,000 at 20,000 pages, 4-5 MB, the top of its
    /// memory), though only the link check and the manifest look at them, one neighbourhood at a time, in order. Its
    /// files lie in folders named by <paramref name="key"/> (the neighbourhood's id: <c>m/n/...</c>, <c>data/m/n/...</c>);
    /// when one does not, a file is kept in memory, or a page's links were not set aside, they are added one by one as before.
    /// </summary>
    /// <param name="files">The files as drawn, in any order.</param>
    /// <param name="read">Reads the same list back (from where it was set aside) whenever it is asked for; an array it returns is sorted in place.</param>
    /// <returns>Whether they were kept as one entry (<see cref="GroupPaths"/> then lists them).</returns>
    public bool AddGroup(string key, IReadOnlyList<(string Path, Rendered File)> files, Func<IReadOnlyList<(string Path, Rendered File)>> read)
    {
        var sorted = Sorted(files);
        for (int i = 0; i < sorted.Length; i++)
            if (Contains(sorted[i].Path) || (i > 0 && sorted[i].Path == sorted[i - 1].Path))
                throw new InvalidOperationException($"two outputs write '{sorted[i].Path}'");
        var folders = new List<string>();
        foreach (var (path, file) in sorted)
        {
            if (file.Bytes is not null || file.Links is not null || (file.SpilledLinks is null && IsPage(path))
                || FolderOf(path, key) is not { } folder)
            {
                folders = null;
                break;
            }
            if (!folders.Contains(folder)) folders.Add(folder);
        }
        if (folders is null || folders.Any(f => _folders.ContainsKey(f) || _aboveFolders.Contains(f) || Above(f).Any(_folders.ContainsKey)))
        {
            foreach (var (path, file) in sorted) Add(path, file);
            return false;
        }
        var group = new Group(read);
        _groups.Add(key, group);
        foreach (var f in folders)
        {
            _folders.Add(f, group);
            _aboveFolders.UnionWith(Above(f));
        }
        _groupFiles += sorted.Length;
        _groupPages += sorted.Count(f => IsPage(f.Path));
        _ordered = null;
        return true;
    }

    /// <summary>The paths of a group's files (<see cref="AddGroup"/>) in ordinal order; null when no group has the key.</summary>
    public List<string>? GroupPaths(string key) => _groups.TryGetValue(key, out var g) ? [.. Load(g).Select(f => f.Path)] : null;

    /// <summary>The folder named by the key that a path lies in ("m/n/" or "data/m/n/" for "m/n"), or null.</summary>
    private static string? FolderOf(string path, string key)
    {
        for (int at = 0; ; at++)
        {
            if (path.AsSpan(at).StartsWith(key, StringComparison.Ordinal) && path.Length > at + key.Length && path[at + key.Length] == '/')
                return path[..(at + key.Length + 1)];
            if ((at = path.IndexOf('/', at)) < 0) return null;
        }
    }

    /// <summary>The folders a folder lies in ("a/" and "a/b/" for "a/b/c/").</summary>
    private static IEnumerable<string> Above(string folder)
    {
        for (int cut = folder.IndexOf('/'); cut >= 0 && cut < folder.Length - 1; cut = folder.IndexOf('/', cut + 1))
            yield return folder[..(cut + 1)];
    }

    /// <summary>Whether a path is one of a group's files (and which).</summary>
    private bool InGroup(ReadOnlySpan<char> path, out Rendered file)
    {
        file = default;
        if (_folders.Count == 0) return false;
        // The folders a path lies in, from the top: groups' folders do not hold one another, so one at most is a group's.
        for (int cut = path.IndexOf('/'); cut >= 0; cut = path.Slice(cut + 1).IndexOf('/') is var next and >= 0 ? cut + 1 + next : -1)
            if (_foldersBySpan.TryGetValue(path[..(cut + 1)], out var group)) return Find(Load(group), path, out file);
        return false;
    }

    private static bool Find((string Path, Rendered File)[] sorted, ReadOnlySpan<char> path, out Rendered file)
    {
        int lo = 0, hi = sorted.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = sorted[mid].Path.AsSpan().SequenceCompareTo(path);
            if (c == 0)
            {
                file = sorted[mid].File;
                return true;
            }
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        file = default;
        return false;
    }

    /// <summary>A group's list, read back unless it is among the last ones read; from any thread.</summary>
    private (string Path, Rendered File)[] Load(Group group)
    {
        if (group.Loaded is { } known) return known;
        var list = group.Read();
        lock (_loaded)
        {
            group.Loaded = list;
            _loaded.Enqueue(group);
            // Let go of the oldest: a caller still using its list keeps it as long as it needs.
            if (_loaded.Count > LoadedGroups) _loaded.Dequeue().Loaded = null;
        }
        return list;
    }

    private static string[] Sorted(IEnumerable<string> keys)
    {
        var sorted = keys.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    private static (string Path, Rendered File)[] Sorted(IEnumerable<(string Path, Rendered File)> files) => SortInPlace(files.ToArray());

    private static (string Path, Rendered File)[] SortInPlace((string Path, Rendered File)[] files)
    {
        Array.Sort(files, (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>
    /// The given paths (sorted) and the groups' files, in ordinal order. A group's folder ("m/n/") comes before every
    /// path in it and after every other path that sorts before it, so the group's files in that folder take its place,
    /// merged with any given path that lies in the folder too (those follow the folder at once).
    /// </summary>
    private IEnumerable<string> InOrder(string[] sorted)
    {
        if (_folders.Count == 0)
        {
            foreach (var p in sorted) yield return p;
            yield break;
        }
        var keys = Sorted(sorted.Concat(_folders.Keys));
        for (int i = 0; i < keys.Length; i++)
        {
            string key = keys[i];
            // A file's path never ends with '/'.
            if (!key.EndsWith('/') || !_folders.TryGetValue(key, out var group))
            {
                yield return key;
                continue;
            }
            var own = Load(group);
            int next = i + 1;
            foreach (var (path, _) in own)
            {
                if (!path.StartsWith(key, StringComparison.Ordinal)) continue;
                for (; next < keys.Length && keys[next].StartsWith(key, StringComparison.Ordinal) && string.CompareOrdinal(keys[next], path) < 0; next++)
                    yield return keys[next];
                yield return path;
            }
            for (; next < keys.Length && keys[next].StartsWith(key, StringComparison.Ordinal); next++) yield return keys[next];
            i = next - 1;
        }
    }

    /// <summary>A file of the previous build, unchanged: from the previous output on disk, or kept in memory by <c>serve</c>.</summary>
    public readonly record struct Carried(string Path, string? DiskFile, Packed? Bytes);

    /// <summary>Takes over a file of the previous build; like a carried-over file on disk it is not link-checked again.</summary>
    public void CarryOver(Carried file)
    {
        if (Contains(file.Path)) throw new InvalidOperationException($"two outputs write '{file.Path}'");
        if (file.Bytes is { } bytes) _kept.Add(file.Path, bytes);
        else _carried.Add(file.Path, file.DiskFile!);
    }

    /// <summary>The rendered files as path to bytes; a staged file is read when asked for.</summary>
    private sealed class BytesView(SiteFiles site) : IReadOnlyDictionary<string, byte[]>
    {
        public byte[] this[string key] => site.IsRendered(key) ? site.Read(key) : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => site.Ordered();
        public IEnumerable<byte[]> Values => Keys.Select(site.Read);
        public int Count => site._files.Count + site._groupFiles;
        public bool ContainsKey(string key) => site.IsRendered(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out byte[] value)
        {
            value = site.IsRendered(key) ? site.Read(key) : null;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, byte[]>> GetEnumerator() =>
            Keys.Select(k => new KeyValuePair<string, byte[]>(k, site.Read(k))).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
