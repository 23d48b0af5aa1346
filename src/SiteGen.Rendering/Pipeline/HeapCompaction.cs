namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// A full, compacting collection now and then while a large site is drawn, when the collector has left the heap more
/// fragmented than a quarter of what lives in it.
/// <para>
/// Why: the runtime collects the oldest generation in the background, which frees objects where they lie and never moves
/// the rest. A neighbourhood being drawn when a younger collection comes is promoted along with what the build keeps to
/// its end (a path and a few numbers per file), and dies soon after: what is kept then holds on to every region it lies
/// in. At 20,000 pages a background collection left 8-15 MB of holes for 17-21 MB of live objects, and the heap grew to
/// twice what lived in it before the next one. Compacting when the holes outweigh a quarter of the live heap took three
/// collections at 20,000 pages and the peak from 107-113 to 99-104 MB; at national scale, together with keeping less of
/// each file, the peak went from 322 to 190 MB, with no change in time (bench/README.md, eighteenth round).
/// </para>
/// </summary>
public static class HeapCompaction
{
    /// <summary>Looked at once per this many drawn neighbourhoods: asking the collector costs little, collecting a lot.</summary>
    public const int Every = 32;

    // Below this the holes cost less than a collection of the whole heap would take to find them.
    private const long Least = 8L << 20;

    private static int s_busy;
    private static long s_seen;

    /// <summary>Whether holes of <paramref name="fragmented"/> bytes in a heap of <paramref name="heap"/> bytes are worth a compacting collection.</summary>
    public static bool Worth(long fragmented, long heap) => fragmented > Least && fragmented * 4 > heap - fragmented;

    /// <summary>Compacts the heap when the last collection left it fragmented enough (one thread at a time; others go on drawing).</summary>
    /// <returns>Whether it compacted.</returns>
    public static bool IfFragmented()
    {
        if (Interlocked.Exchange(ref s_busy, 1) == 1) return false;
        try
        {
            // The holes are counted at the end of a background collection (an ephemeral one since tells nothing of the
            // oldest generation); each such collection is looked at once, and not when the heap was compacted since.
            var background = GC.GetGCMemoryInfo(GCKind.Background);
            if (background.Index <= s_seen || GC.GetGCMemoryInfo(GCKind.FullBlocking).Index > background.Index) return false;
            s_seen = background.Index;
            if (!Worth(background.FragmentedBytes, background.HeapSizeBytes)) return false;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return true;
        }
        finally
        {
            Volatile.Write(ref s_busy, 0);
        }
    }
}
