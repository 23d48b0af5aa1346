using SiteGen.Rendering.Checks;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>What a large build sets aside on disk until its site-wide steps come back byte for byte.</summary>
public sealed class SpillFileTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Slices_appended_from_several_threads_read_back_as_they_were_written(bool noTemporaryFolder)
    {
        // Without a temporary folder to write in, the slices stay in memory and the build goes on.
        string folder = Path.Combine(Path.GetTempPath(), "sitegen-spill-" + Guid.NewGuid().ToString("N"));
        if (!noTemporaryFolder) Directory.CreateDirectory(folder);
        try
        {
            Check(folder, noTemporaryFolder);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static void Check(string folder, bool noTemporaryFolder)
    {
        using var spill = SpillFile.Create(folder);
        var written = Enumerable.Range(0, 400).Select(i => Enumerable.Range(0, i * 37 % 1000).Select(b => (byte)(b * i)).ToArray()).ToArray();
        var slices = new SpillFile.Slice[written.Length];
        Parallel.For(0, written.Length, i => slices[i] = spill.Append(written[i]));
        for (int i = 0; i < written.Length; i++) Assert.Equal(written[i], slices[i].Read());
        if (noTemporaryFolder)
        {
            Assert.False(Directory.Exists(folder));
            return;
        }
        // Each thread got a range of the file of its own.
        var ordered = slices.OrderBy(s => s.Offset).ToArray();
        for (int i = 1; i < ordered.Length; i++) Assert.True(ordered[i].Offset >= ordered[i - 1].Offset + ordered[i - 1].Length);
        // Never seen in a folder: unlinked once open (Windows: deleted on close).
        if (!OperatingSystem.IsWindows()) Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_pages_links_and_ids_survive_being_set_aside()
    {
        var page = new LinkChecker.PageLinks(
            [new("../../uitgangspunten/#a-zonnedal-de-akkers-gas", 12, 7), new("https://example.org/ë?q=1#x", 1, 1), new("", 3, 40)],
            ["kosten", "stappen", "wärme"], Settled: 41);
        var back = LinkChecker.PageLinks.Decode(page.Encode());
        Assert.Equal(page.Links, back.Links);
        Assert.Equal(page.Ids, back.Ids);
        Assert.Equal(41, back.Settled);
        var empty = LinkChecker.PageLinks.Decode(new LinkChecker.PageLinks([], []).Encode());
        Assert.Empty(empty.Links);
        Assert.Empty(empty.Ids);
    }
}
