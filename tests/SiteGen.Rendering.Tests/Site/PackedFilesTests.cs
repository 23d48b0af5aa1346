using System.Text;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// A site kept in memory (<c>serve</c>, <c>check</c>) holds its files packed: read back they are the bytes drawn, and
/// what a rebuild carries over is the packed file itself, not an unpacked copy of it.
/// </summary>
public sealed class PackedFilesTests : IDisposable
{
    private readonly string _root = BuiltSite.CopyFictional();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_file_of_the_example_reads_back_as_drawn_and_its_pages_are_held_in_a_fraction_of_their_bytes()
    {
        var files = BuiltSite.Files;
        long pages = 0, held = 0;
        foreach (var path in files.All.Keys)
        {
            var packed = files.Held(path)!;
            var bytes = files.Read(path);
            Assert.Equal(bytes.Length, packed.Length);
            Assert.Equal(bytes, packed.Unpack());
            if (!path.EndsWith(".html", StringComparison.Ordinal)) continue;
            pages += bytes.Length;
            held += packed.Size;
            // Each page of some size on its own (a neighbourhood's pages are 10-40 KB of Dutch text and tables): well under half.
            if (bytes.Length >= 8192) Assert.True(packed.Size < bytes.Length / 2, $"{path}: {bytes.Length} bytes held in {packed.Size}");
            Assert.StartsWith("<!DOCTYPE html>", Encoding.UTF8.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        }
        Assert.True(held * 3 < pages, $"pages of {pages} bytes held in {held}");
    }

    [Fact]
    public void Bytes_that_do_not_pack_smaller_are_held_as_they_are_and_read_back_the_same()
    {
        var random = new byte[4096];
        new Random(12).NextBytes(random);
        byte[][] cases = [[], "x"u8.ToArray(), random, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<tr><td>€ 1.234</td></tr>", 500)))];
        foreach (var bytes in cases)
        {
            var packed = SiteFiles.Packed.Of(bytes);
            Assert.Equal(bytes, packed.Unpack());
            Assert.Equal(bytes.Length, packed.Length);
            Assert.True(packed.Size <= bytes.Length, $"{bytes.Length} bytes held in {packed.Size}");
        }
        Assert.Equal(random.Length, SiteFiles.Packed.Of(random).Size);
        // Over 1 MB (a large site's data files, made again on every rebuild): held as they are.
        var large = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"tco\": 64980.50},", 60_000)));
        Assert.True(large.Length > 1 << 20);
        Assert.Equal(large.Length, SiteFiles.Packed.Of(large).Size);
        Assert.Equal(large, SiteFiles.Packed.Of(large).Unpack());
    }

    [Fact]
    public void Packed_files_are_the_same_exactly_when_their_bytes_are()
    {
        var page = "<p>Gasketel: € 64.980</p>"u8.ToArray();
        var other = "<p>Gasketel: € 64.990</p>"u8.ToArray();
        Assert.True(SiteFiles.Packed.Of(page).Same(SiteFiles.Packed.Of(page.ToArray())));
        Assert.False(SiteFiles.Packed.Of(page).Same(SiteFiles.Packed.Of(other)));
        Assert.False(SiteFiles.Packed.Of(page).Same(SiteFiles.Packed.Of(page.AsSpan(0, page.Length - 1))));
    }

    [Fact]
    public void A_rebuild_under_serve_carries_over_the_packed_files_of_an_unchanged_neighbourhood_as_they_are()
    {
        var session = new BuildSession();
        BuildResult Build() => SiteBuilder.Build(new BuildOptions(Path.Combine(_root, "content"), "", BuiltSite.BuildDate, WriteOutput: false,
            ThemesDir: Path.Combine(_root, "themes"), Session: session));
        var first = Build();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics.Items));
        string path = Path.Combine(_root, "content/zonnedal/de-akkers/neighbourhood.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("ketel, value: 560,", "ketel, value: 610,"));
        var second = Build();
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics.Items));
        const string kept = "zonnedal/molenkwartier/index.html";
        Assert.Contains(kept, second.Files!.KeptOver);
        Assert.Same(first.Files!.Held(kept), second.Files.Held(kept));
        Assert.NotSame(first.Files.Held("zonnedal/de-akkers/index.html"), second.Files.Held("zonnedal/de-akkers/index.html"));
    }
}
