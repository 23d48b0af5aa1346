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
}
