namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// A full, compacting collection now and then while a large site is drawn: when the oldest generation has grown well
/// past what lived in it after the last one, or when the background collector left it full of holes.
/// <para>
/// Why: a neighbourhood being drawn when a younger collection comes is promoted to the oldest generation and dies soon
/// after. The runtime lets that generation grow by up to four fifths of what lived in it before it collects it (in the
/// background, freeing objects where they lie and never moving the rest). At 20,000 pages it grew from 13 to 25 MB between
/// two such collections, which then left 11 MB of holes; the peak of the build was that sawtooth's top, not what lived.
/// The holes alone (the first rule, eighteenth round) took the peak from 107-113 to 99-104 MB; collecting once the
/// generation has grown by an eighth, or 2 MB, keeps its top near what lives (twenty-ninth round, bench/README.md).
/// Each such collection of a 15 MB heap takes 12-20 ms.
/// </para>
/// </summary>
public static class HeapCompaction
{
    /// <summary>Looked at once per this many drawn neighbourhoods: asking the collector costs little, collecting a lot.</summary>
    public const int Every = 16;

    // Below this the holes cost less than a collection of the whole heap would take to find them.
    private const long Least = 8L << 20;

    // Growth of the oldest generation past what lived in it that is worth a full collection: this much or, for a larger
    // heap, this share of it (the cost of a collection grows with what lives; so does the room allowed).
    private const long LeastGrowth = 2L << 20;
    private const int GrowthShare = 8;

    private static int s_busy;
    private static long s_seen;

    /// <summary>Whether holes of <paramref name="fragmented"/> bytes in a heap of <paramref name="heap"/> bytes are worth a compacting collection.</summary>
    public static bool Worth(long fragmented, long heap) => fragmented > Least && fragmented * 4 > heap - fragmented;

    /// <summary>Whether an oldest generation of <paramref name="now"/> bytes is worth a full collection when <paramref name="lived"/> bytes lived in it after the last one.</summary>
    public static bool Grown(long now, long lived) => lived > 0 && now - lived > Math.Max(LeastGrowth, lived / GrowthShare);

    /// <summary>Compacts the heap when the oldest generation grew or the last collection left it fragmented enough (one thread at a time; others go on drawing).</summary>
    /// <returns>Whether it compacted.</returns>
    public static bool IfWorth()
    {
        if (Interlocked.Exchange(ref s_busy, 1) == 1) return false;
        try
        {
            var last = GC.GetGCMemoryInfo(GCKind.Any);
            var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            var background = GC.GetGCMemoryInfo(GCKind.Background);
            // What lived in the oldest generation after the last collection of it: a full one, or before any, a background one.
            long lived = full.Index > background.Index ? full.GenerationInfo[2].SizeAfterBytes
                : background.Index > 0 ? background.GenerationInfo[2].SizeAfterBytes - background.GenerationInfo[2].FragmentationAfterBytes : 0;
            if (Grown(last.GenerationInfo[2].SizeAfterBytes, lived))
            {
                Now();
                return true;
            }
            // The holes are counted at the end of a background collection (an ephemeral one since tells nothing of the
            // oldest generation); each such collection is looked at once, and not when the heap was compacted since.
            if (background.Index <= s_seen || full.Index > background.Index) return false;
            s_seen = background.Index;
            if (!Worth(background.FragmentedBytes, background.HeapSizeBytes)) return false;
            Now();
            return true;
        }
        finally
        {
            Volatile.Write(ref s_busy, 0);
        }
    }

    /// <summary>
    /// A full, compacting collection now: when what the last steps made is all garbage (the drawing of every
    /// neighbourhood, before the site-wide steps begin), so the next step does not grow the heap on top of it.
    /// </summary>
    public static void Now() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
}
