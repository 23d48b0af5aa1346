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
    /// <param name="parts">Each neighbourhood's part; a part kept from the previous output is a slice of its file, not a copy.</param>
    public static byte[] Join(int file, IReadOnlyList<ReadOnlyMemory<byte>> parts, out (long Offset, int Length)[] at)
    {
        var pieces = Pieces(file, parts, out at, out long length);
        return Join(pieces, length);
    }

    /// <summary>A file's pieces (<see cref="Pieces"/>) as one array, for a site kept in memory.</summary>
    public static byte[] Join(IReadOnlyList<ReadOnlyMemory<byte>> pieces, long length)
    {
        // Sized first and filled once: joining through a growing stream held up to three copies of a national site's file.
        var bytes = new byte[length];
        int pos = 0;
        foreach (var piece in pieces)
        {
            piece.Span.CopyTo(bytes.AsSpan(pos));
            pos += piece.Length;
        }
        return bytes;
    }

    /// <summary>
    /// The file as the pieces it is made of, in order, without copying them: the header or the brackets, the
    /// separators, each neighbourhood's part. A build that writes stages them as they are (a national site's file is
    /// 60 MB, and joining it first held it twice).
    /// </summary>
    public static List<ReadOnlyMemory<byte>> Pieces(int file, IReadOnlyList<ReadOnlyMemory<byte>> parts, out (long Offset, int Length)[] at, out long length)
    {
        var where = new (long, int)[parts.Count];
        var pieces = new List<ReadOnlyMemory<byte>>(2 * parts.Count + 3);
        long pos = 0;
        void Put(ReadOnlyMemory<byte> b)
        {
            if (b.Length == 0) return;
            pieces.Add(b);
            pos += b.Length;
        }
        if (Files[file].Csv)
        {
            Put(Header);
            for (int i = 0; i < parts.Count; i++)
            {
                where[i] = (pos, parts[i].Length);
                Put(parts[i]);
            }
        }
        else
        {
            // An indented array: "[", the elements separated by ",", "\n]"; empty: "[]"; then the file's final newline.
            Put(Open);
            bool first = true;
            for (int i = 0; i < parts.Count; i++)
            {
                if (parts[i].Length > 0 && !first) Put(Comma);
                where[i] = (pos, parts[i].Length);
                if (parts[i].Length == 0) continue;
                Put(parts[i]);
                first = false;
            }
            Put(first ? Close : NewlineClose);
            Put(Newline);
        }
        (at, length) = (where, pos);
        return pieces;
    }

    private static readonly byte[] Open = "["u8.ToArray(), Comma = ","u8.ToArray(), Close = "]"u8.ToArray(),
        NewlineClose = "\n]"u8.ToArray(), Newline = "\n"u8.ToArray();

    private static readonly byte[] Header = CsvHeaderOf(OpenDataFiles.ResultsCsvBytes([]));

    private static byte[] CsvHeaderOf(byte[] csv) => csv[..(Array.IndexOf(csv, (byte)'\n') + 1)];

    private static byte[] CsvRows(byte[] csv) => csv[(Array.IndexOf(csv, (byte)'\n') + 1)..];

    // "[" elements "\n]\n", or "[]\n" without any.
    private static byte[] JsonElements(byte[] json) => json.Length <= 3 ? [] : json[1..^3];
}
