using System.Buffers.Binary;
using System.Collections.Concurrent;
using SiteGen.Calculation;
using SiteGen.Content.Model;
using SiteGen.Rendering.Checks;
using SiteGen.Rendering.OpenData;
using SiteGen.Rendering.Pages;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// A build that writes draws each neighbourhood as soon as it is read (<see cref="Content.Loading.ContentLoader.Load"/>'s
/// draw): computed, drawn, staged, its part of the site-wide data files made, and let go. So memory holds one
/// neighbourhood per core instead of all content and all results at once. A neighbourhood this cannot take (one the
/// core refuses, or one whose files the last build made from the same inputs) is left to the usual steps.
/// </summary>
/// <param name="reusable">Whether the previous output holds a neighbourhood's files for this digest (it is carried over, not drawn).</param>
internal sealed class DrawnWhileRead(ThemeSet themes, SiteFiles files, Digests digests, Func<string, string, bool> reusable, Action<int, int>? progress)
{
    /// <summary>
    /// What is kept of a drawn neighbourhood: where its record was set aside (<see cref="Record"/>: its part of each
    /// site-wide data file, then its list of prepared files in drawing order, each with its length and where its links
    /// lie), and how many files it has; its digest is <see cref="Digests.Known"/>. Should a file ever hold its bytes or
    /// links in memory (a build that writes stages every file and sets every page's links aside), the list stays in
    /// memory with them.
    /// </summary>
    public sealed record Drawn(SpillFile.Slice Set, (string Path, SiteFiles.Rendered File)[]? Kept, int FileCount, Exception? Error)
    {
        /// <summary>Its prepared files, in drawing order (read back from where they were set aside).</summary>
        public (string Path, SiteFiles.Rendered File)[] Files()
        {
            if (Kept is not null || Set.File is null) return Kept ?? [];
            var (at, list) = Record.Find(Set, SiteWideData.Paths.Count);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(list);
            try
            {
                Set.File.Read(Set, at, buffer.AsSpan(0, list));
                return FileList.Decode(buffer.AsSpan(0, list), FileCount, Set.File);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>Its part of a site-wide data file, read back into <paramref name="into"/> (made larger when it is too small).</summary>
        /// <returns>The part's length.</returns>
        public int DataPart(int file, ref byte[] into)
        {
            var (at, length) = Record.Find(Set, file);
            SiteBuilder.DataPlan.Fit(ref into, length);
            Set.File.Read(Set, at, into.AsSpan(0, length));
            return length;
        }
    }

    /// <summary>
    /// A drawn neighbourhood as set aside, in one piece: the length of its part of each site-wide data file (32-bit
    /// little-endian), those parts, then its list of files (the rest). One slice per neighbourhood instead of one per
    /// part: what a build keeps of each neighbourhood until its end is a few numbers (it kept 230 bytes, most of them the
    /// parts' slices; bench/README.md, twenty-ninth round).
    /// </summary>
    internal static class Record
    {
        private static int Head => 4 * SiteWideData.Paths.Count;

        public static void Encode(byte[][] parts, IReadOnlyList<(string Path, SiteFiles.Rendered File)>? files, System.Buffers.ArrayBufferWriter<byte> into)
        {
            into.ResetWrittenCount();
            foreach (var part in parts)
            {
                BinaryPrimitives.WriteInt32LittleEndian(into.GetSpan(4), part.Length);
                into.Advance(4);
            }
            foreach (var part in parts) System.Buffers.BuffersExtensions.Write(into, (ReadOnlySpan<byte>)part);
            if (files is not null) FileList.Encode(files, into);
        }

        /// <summary>Where a part (<paramref name="file"/>) starts in the record and how long it is; for the list (file = the number of parts), up to the record's end.</summary>
        public static (int At, int Length) Find(SpillFile.Slice set, int file)
        {
            Span<byte> head = stackalloc byte[Head];
            set.File.Read(set, 0, head);
            int at = Head;
            for (int i = 0; i < file; i++) at += BinaryPrimitives.ReadInt32LittleEndian(head[(4 * i)..]);
            return (at, file < head.Length / 4 ? BinaryPrimitives.ReadInt32LittleEndian(head[(4 * file)..]) : set.Length - at);
        }
    }

    /// <summary>
    /// A drawn neighbourhood's files as set aside until the site has them: per file its path, its length and where its
    /// links lie. Kept in memory they were the largest thing a large build held while drawing (a path string and an
    /// entry per file: 4.4 MB at 20,000 pages), and the more a build holds while drawing, the more room the collector
    /// keeps around it.
    /// </summary>
    internal static class FileList
    {
        /// <summary>Whether every file can be set aside: staged, its links (if any) set aside too.</summary>
        public static bool Fits(IReadOnlyList<(string Path, SiteFiles.Rendered File)> files)
        {
            foreach (var (_, f) in files)
                if (f.Bytes is not null || f.Links is not null) return false;
            return true;
        }

        public static void Encode(IReadOnlyList<(string Path, SiteFiles.Rendered File)> files, System.Buffers.IBufferWriter<byte> into)
        {
            foreach (var (path, f) in files)
            {
                var span = into.GetSpan(4 + System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 8 + 1 + 8 + 4);
                int length = System.Text.Encoding.UTF8.GetBytes(path, span[4..]);
                BinaryPrimitives.WriteInt32LittleEndian(span, length);
                int at = 4 + length;
                BinaryPrimitives.WriteInt64LittleEndian(span[at..], f.Length);
                at += 8;
                span[at++] = f.SpilledLinks is null ? (byte)0 : (byte)1;
                if (f.SpilledLinks is { } links)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(span[at..], links.Offset);
                    BinaryPrimitives.WriteInt32LittleEndian(span[(at + 8)..], links.Length);
                    at += 12;
                }
                into.Advance(at);
            }
        }

        /// <param name="spill">Where the files' links were set aside.</param>
        public static (string Path, SiteFiles.Rendered File)[] Decode(ReadOnlySpan<byte> bytes, int count, SpillFile spill)
        {
            var files = new (string Path, SiteFiles.Rendered File)[count];
            int at = 0;
            for (int i = 0; i < count; i++)
            {
                int length = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
                string path = System.Text.Encoding.UTF8.GetString(bytes.Slice(at + 4, length));
                at += 4 + length;
                long fileLength = BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
                at += 8;
                SpillFile.Slice? links = null;
                if (bytes[at++] == 1)
                {
                    links = new SpillFile.Slice(spill, BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 8)..]));
                    at += 12;
                }
                files[i] = (path, new SiteFiles.Rendered(null, fileLength, null, links));
            }
            if (at != bytes.Length) throw new InvalidDataException("de lijst van bestanden van een wijk is niet gelezen zoals zij is weggezet");
            return files;
        }
    }

    private readonly ConcurrentDictionary<string, Drawn> _drawn = new(StringComparer.Ordinal);
    // Where a page's links are encoded before they are set aside: one buffer per thread, not an array per page.
    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? t_encoded;
    private int _done, _finished;
    // What the site-wide steps need of every neighbourhood, on disk until then: memory stays the same whatever the
    // site's size. Closed with its handle when the build's files are let go (nothing of it is ever in a folder).
    private readonly SpillFile _spill = SpillFile.Create();

    public SiteFiles Files => files;
    public IReadOnlyDictionary<string, Drawn> ById => _drawn;

    /// <summary>Given the shared content and the number of neighbourhood folders: draws one neighbourhood, from any thread.</summary>
    public Func<Neighbourhood, bool> Start(SiteContent shared, int total)
    {
        var renderer = new SiteRenderer(shared, [], themes);
        return n =>
        {
            // Whatever fails here (a template, the disk) is reported after reading, for the first neighbourhood in order,
            // as the usual steps do; a neighbourhood with errors found later (a schema check still running) is thrown
            // away with the build.
            try
            {
                if (reusable(n.Id, digests.Of(n.Id, n.Folder))) return false;
                LinkChecker.StringPool.Restart();
                NeighbourhoodResult r;
                try
                {
                    r = NeighbourhoodModel.Evaluate(n.Input);
                }
                catch (CalculationException)
                {
                    return false; // reported, in order, by the compute step
                }
                var own = renderer.Draw(files, n, r);
                // The links among its own pages are checked now: the build keeps only those that leave the neighbourhood.
                var settled = LinkChecker.Settle(own.Select(f => f.Path).ToList(), own.Select(f => f.File.Links).ToList());
                var encoded = t_encoded ??= new System.Buffers.ArrayBufferWriter<byte>();
                for (int i = 0; i < own.Count; i++)
                    if ((settled?[i] ?? own[i].File.Links) is { } kept)
                    {
                        encoded.ResetWrittenCount();
                        kept.Encode(encoded);
                        own[i] = (own[i].Path, own[i].File with { Links = null, SpilledLinks = _spill.Append(encoded.WrittenSpan) });
                    }
                bool fits = FileList.Fits(own);
                Record.Encode(SiteWideData.Parts(n, r), fits ? own : null, encoded);
                // Otherwise an array of its exact length: the drawn list has room to spare, and this is kept to the end of the build.
                _drawn[n.Id] = new Drawn(_spill.Append(encoded.WrittenSpan), fits ? null : [.. own], own.Count, null);
            }
            catch (Exception e)
            {
                _drawn[n.Id] = new Drawn(default, [], 0, e);
            }
            // A full compacting collection now and then, when the oldest generation grew or was left full of holes.
            if (Interlocked.Increment(ref _finished) % HeapCompaction.Every == 0) HeapCompaction.IfWorth();
            if (progress is not null) lock (_drawn) progress(++_done, total);
            return true;
        };
    }

    /// <summary>Lets go of what was kept of the drawn neighbourhoods once the site has them.</summary>
    public void Clear() => _drawn.Clear();

    /// <summary>Lets go of what was kept of one drawn neighbourhood once the site has its files.</summary>
    public void Forget(string id) => _drawn.TryRemove(id, out _);
}
