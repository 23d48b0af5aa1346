using SiteGen.Calculation;
using SiteGen.Content.Model;

namespace SiteGen.Rendering.OpenData;

/// <summary>
/// The data files that cover every neighbourhood (results, business cases, participation, break-even). A build writes
/// each whole; <c>serve</c> keeps every neighbourhood's part and joins the parts, so an edit re-makes one neighbourhood's
/// part only. A part is cut from the file written for that neighbourhood alone, so joining gives the same bytes as
/// writing the whole file (tested).
/// </summary>
public static class SiteWideData
{
    private delegate byte[] Writer(IEnumerable<(Neighbourhood, NeighbourhoodResult)> all);

    private static readonly (string Path, Writer Write, bool Csv)[] Files =
    [
        (OpenDataFiles.ResultsJson, OpenDataFiles.Results, false),
        (OpenDataFiles.ResultsCsv, OpenDataFiles.ResultsCsvBytes, true),
        (OpenDataFiles.BusinessCasesJson, OpenDataFiles.BusinessCases, false),
        (OpenDataFiles.ParticipationJson, OpenDataFiles.Participation, false),
        (CalculatorFiles.BreakEvenJson, CalculatorFiles.BreakEven, false),
    ];

    public static IReadOnlyList<string> Paths { get; } = Files.Select(f => f.Path).ToArray();

    /// <summary>Each file whole, for every neighbourhood.</summary>
    public static byte[] Whole(int file, IReadOnlyList<(Neighbourhood, NeighbourhoodResult)> all) => Files[file].Write(all);

    /// <summary>One neighbourhood's part of every file, in the order of <see cref="Paths"/>.</summary>
    public static byte[][] Parts(Neighbourhood n, NeighbourhoodResult r) =>
        Files.Select(f => f.Csv ? CsvRows(f.Write([(n, r)])) : JsonElements(f.Write([(n, r)]))).ToArray();

    /// <summary>A file from every neighbourhood's part, in the neighbourhoods' order.</summary>
    public static byte[] Join(int file, IEnumerable<byte[]> parts) => Join(file, parts.Select(p => (ReadOnlyMemory<byte>)p).ToList(), out _);

    /// <summary>The same, with where each part lies in the file: (offset, length), so a later build can cut it out again.</summary>
    public static byte[] Join(int file, IReadOnlyList<ReadOnlyMemory<byte>> parts, out (long Offset, int Length)[] at)
    {
        var where = new (long, int)[parts.Count];
        var bytes = Join(put => Lay(file, parts.Count, i => parts[i], put, where));
        at = where;
        return bytes;
    }

    /// <summary>
    /// A file laid out by <paramref name="lay"/> (<see cref="Lay"/>), joined into one array of its size: for a site kept
    /// in memory. The pieces must stay as they are until <paramref name="lay"/> returns.
    /// </summary>
    public static byte[] Join(Func<Action<ReadOnlyMemory<byte>>, long> lay)
    {
        var pieces = new List<ReadOnlyMemory<byte>>();
        var bytes = new byte[lay(pieces.Add)];
        int at = 0;
        foreach (var piece in pieces)
        {
            piece.Span.CopyTo(bytes.AsSpan(at));
            at += piece.Length;
        }
        return bytes;
    }

    /// <summary>
    /// Lays a file out from its parts in order, handing each piece to <paramref name="put"/> as it comes: the header
    /// or the brackets, the separators, each neighbourhood's part. A part is asked for only when its turn comes, so a
    /// build that writes streams the file and holds one part at a time (a national site's file is 60 MB; joined first,
    /// all its parts and the file were in memory at once).
    /// </summary>
    /// <param name="part">The i-th neighbourhood's part.</param>
    /// <param name="at">Filled with where each part lies in the file: (offset, length).</param>
    /// <returns>The file's length.</returns>
    public static long Lay(int file, int count, Func<int, ReadOnlyMemory<byte>> part, Action<ReadOnlyMemory<byte>> put, (long Offset, int Length)[] at)
    {
        long pos = 0;
        void Put(ReadOnlyMemory<byte> b)
        {
            if (b.Length == 0) return;
            put(b);
            pos += b.Length;
        }
        if (Files[file].Csv)
        {
            Put(Header);
            for (int i = 0; i < count; i++)
            {
                var p = part(i);
                at[i] = (pos, p.Length);
                Put(p);
            }
            return pos;
        }
        // An indented array: "[", the elements separated by ",", "\n]"; empty: "[]"; then the file's final newline.
        Put(Open);
        bool first = true;
        for (int i = 0; i < count; i++)
        {
            var p = part(i);
            if (p.Length > 0 && !first) Put(Comma);
            at[i] = (pos, p.Length);
            if (p.Length == 0) continue;
            Put(p);
            first = false;
        }
        Put(first ? Close : NewlineClose);
        Put(Newline);
        return pos;
    }

    private static readonly byte[] Open = "["u8.ToArray(), Comma = ","u8.ToArray(), Close = "]"u8.ToArray(),
        NewlineClose = "\n]"u8.ToArray(), Newline = "\n"u8.ToArray();

    private static readonly byte[] Header = CsvHeaderOf(OpenDataFiles.ResultsCsvBytes([]));

    private static byte[] CsvHeaderOf(byte[] csv) => csv[..(Array.IndexOf(csv, (byte)'\n') + 1)];

    private static byte[] CsvRows(byte[] csv) => csv[(Array.IndexOf(csv, (byte)'\n') + 1)..];

    // "[" elements "\n]\n", or "[]\n" without any.
    private static byte[] JsonElements(byte[] json) => json.Length <= 3 ? [] : json[1..^3];
}
