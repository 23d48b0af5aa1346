using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

public sealed class HeapCompactionTests
{
    private const long MB = 1L << 20;

    [Theory]
    // Holes above a quarter of the live heap (heap minus holes) and above 8 MB: compacted.
    [InlineData(26, 50, true)]
    [InlineData(9, 40, true)]
    // A quarter exactly, or less: left to the background collector.
    [InlineData(10, 50, false)]
    [InlineData(20, 200, false)]
    // Small holes are not worth a collection of the whole heap, however small the heap.
    [InlineData(8, 9, false)]
    [InlineData(0, 0, false)]
    public void A_heap_is_compacted_only_when_its_holes_outweigh_a_quarter_of_what_lives_in_it(long fragmented, long heap, bool worth) =>
        Assert.Equal(worth, HeapCompaction.Worth(fragmented * MB, heap * MB));

    [Theory]
    // Grown by more than 2 MB past what lived, and by more than an eighth of it: collected.
    [InlineData(15, 12, true)]
    [InlineData(58, 50, true)]
    // 2 MB or less, or an eighth or less of a larger heap: not yet.
    [InlineData(14, 12, false)]
    [InlineData(56, 50, false)]
    // Nothing known of what lived (no collection of the oldest generation yet): left to the collector.
    [InlineData(30, 0, false)]
    public void The_oldest_generation_is_collected_once_it_has_grown_by_an_eighth_or_2_MB_past_what_lived(long now, long lived, bool grown) =>
        Assert.Equal(grown, HeapCompaction.Grown(now * MB, lived * MB));
}
