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
        at = new (long, int)[parts.Count];
        // Sized first and filled once: joining through a growing stream held up to three copies of a national site's file.
        long content = 0;
        int nonEmpty = 0;
        foreach (var p in parts)
        {
            content += p.Length;
            if (p.Length > 0) nonEmpty++;
        }
        bool csv = Files[file].Csv;
        // CSV: the header and the rows. JSON, an indented array: "[", the elements separated by ",", "\n]"; empty: "[]";
        // then the file's final newline.
        long size = csv ? Header.Length + content : 1 + content + Math.Max(0, nonEmpty - 1) + (nonEmpty > 0 ? 2 : 1) + 1;
        var bytes = new byte[size];
        int pos = 0;
        void Put(ReadOnlySpan<byte> b)
        {
            b.CopyTo(bytes.AsSpan(pos));
            pos += b.Length;
        }
        if (csv)
        {
            Put(Header);
            for (int i = 0; i < parts.Count; i++)
            {
                at[i] = (pos, parts[i].Length);
                Put(parts[i].Span);
            }
            return bytes;
        }
        Put("["u8);
        bool first = true;
        for (int i = 0; i < parts.Count; i++)
        {
            if (parts[i].Length > 0 && !first) Put(","u8);
            at[i] = (pos, parts[i].Length);
            if (parts[i].Length == 0) continue;
            Put(parts[i].Span);
            first = false;
        }
        Put(first ? "]"u8 : "\n]"u8);
        Put("\n"u8);
        return bytes;
    }

    private static readonly byte[] Header = CsvHeaderOf(OpenDataFiles.ResultsCsvBytes([]));

    private static byte[] CsvHeaderOf(byte[] csv) => csv[..(Array.IndexOf(csv, (byte)'\n') + 1)];

    private static byte[] CsvRows(byte[] csv) => csv[(Array.IndexOf(csv, (byte)'\n') + 1)..];

    // "[" elements "\n]\n", or "[]\n" without any.
    private static byte[] JsonElements(byte[] json) => json.Length <= 3 ? [] : json[1..^3];
}
