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
        for (int i = 0; i < written.Length; i++)
        {
            var read = new byte[slices[i].Length];
            spill.Read(slices[i], read);
            Assert.Equal(written[i], read);
            // A part of a slice (a drawn neighbourhood's record holds several): from its second byte to its last but one.
            if (written[i].Length < 3) continue;
            var part = new byte[written[i].Length - 2];
            spill.Read(slices[i], 1, part);
            Assert.Equal(written[i][1..^1], part);
        }
        // Never beyond the slice, whether on disk or in memory.
        var last = slices[^1];
        Assert.Throws<ArgumentOutOfRangeException>(() => spill.Read(last, 1, new byte[last.Length]));
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

    private static byte[] Encoded(LinkChecker.PageLinks page)
    {
        var into = new System.Buffers.ArrayBufferWriter<byte>();
        page.Encode(into);
        return into.WrittenSpan.ToArray();
    }

    /// <summary>Read back with a pool (as the site-wide check does) and without: the same links, ids and count.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_pages_links_and_ids_survive_being_set_aside(bool pooled)
    {
        // One address longer than what is decoded on the stack, one with characters UTF-8 spells in several bytes.
        string longUrl = "../../" + string.Concat(Enumerable.Repeat("lange-naam-ë/", 60)) + "index.html";
        var page = new LinkChecker.PageLinks(
            [new("../../uitgangspunten/#a-zonnedal-de-akkers-gas", 12, 7), new("https://example.org/ë?q=1#x", 1, 1), new("", 3, 40), new(longUrl, 900, 2)],
            ["kosten", "stappen", "wärme"], Settled: 41);
        var pool = pooled ? new LinkChecker.StringPool() : null;
        var back = LinkChecker.PageLinks.Decode(Encoded(page), pool);
        Assert.Equal(page.Links, back.Links);
        Assert.Equal(page.Ids, back.Ids);
        Assert.Equal(41, back.Settled);
        var empty = LinkChecker.PageLinks.Decode(Encoded(new LinkChecker.PageLinks([], [])), pool);
        Assert.Empty(empty.Links);
        Assert.Empty(empty.Ids);
        // With a pool, the same address read back again is the same string, not a new one.
        var again = LinkChecker.PageLinks.Decode(Encoded(page), pool);
        Assert.Equal(pooled, ReferenceEquals(back.Links[3].Url, again.Links[3].Url));
        Assert.Equal(pooled, ReferenceEquals(back.Ids[2], again.Ids[2]));
    }

    [Fact]
    public void A_slice_read_into_a_buffer_is_what_was_appended()
    {
        using var spill = SpillFile.Create();
        spill.Append([9, 9, 9]);
        var slice = spill.Append([1, 2, 3, 4]);
        var into = new byte[10];
        spill.Read(slice, into);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 0, 0, 0, 0, 0, 0 }, into);
    }
}
