using System.Text;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;
using SiteGen.Content.Yaml;

namespace SiteGen.Content.Tests;

/// <summary>
/// A neighbourhood's files are read from disk once for its placeholder scan, its readers and its digest: the same
/// findings and text as three reads, and the digest of the very bytes that were parsed.
/// </summary>
public sealed class FileBytesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-bytes-" + Guid.NewGuid().ToString("N"));

    public FileBytesTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void In_a_scope_a_file_is_read_once_and_its_bytes_serve_every_reader()
    {
        string path = Write("wijk.yaml", Encoding.UTF8.GetBytes("naam: Oud\n"));
        string digest;
        using (FileBytes.Keep())
        {
            Assert.Equal("naam: Oud\n", YamlFile.ReadText(path, "wijk.yaml", new DiagnosticBag()));
            File.WriteAllText(path, "naam: Nieuw\n"); // changed while the build runs
            Assert.Equal("naam: Oud\n", YamlFile.ReadText(path, "wijk.yaml", new DiagnosticBag()));
            digest = FileDigest.Of([path], _dir, []);
            using (FileBytes.Keep()) // a scope inside another reads for itself
                Assert.Equal("naam: Nieuw\n", YamlFile.ReadText(path, "wijk.yaml", new DiagnosticBag()));
            Assert.Equal("naam: Oud\n", YamlFile.ReadText(path, "wijk.yaml", new DiagnosticBag()));
        }
        // Outside a scope every read goes to the disk; the digest above was of the bytes parsed.
        Assert.Equal("naam: Nieuw\n", YamlFile.ReadText(path, "wijk.yaml", new DiagnosticBag()));
        Assert.NotEqual(digest, FileDigest.Of([path], _dir, []));
        File.WriteAllText(path, "naam: Oud\n");
        Assert.Equal(digest, FileDigest.Of([path], _dir, []));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8 mark")]
    [InlineData("utf-16le mark")]
    [InlineData("utf-16be mark")]
    public void Placeholders_are_found_where_a_text_read_finds_them_whatever_the_byte_order_mark(string form)
    {
        const string text = "naam: Ons dorp\nbeschrijving: \"Ën nog invullen\"\n";
        byte[] bytes = form switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8 mark" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le mark" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };
        Write("wijk.yaml", bytes);
        foreach (bool scoped in new[] { false, true })
        {
            using var scope = scoped ? FileBytes.Keep() : default;
            var found = Assert.Single(Placeholders.ScanFolder(_dir, _dir, new DiagnosticBag()));
            Assert.Equal((2, 19, "nog invullen"), (found.Line, found.Column, found.Text));
        }
    }

    [Fact]
    public void Placeholders_are_found_in_any_case_with_and_without_the_content_listing()
    {
        // Before the expression runs, a file is only searched for what every placeholder contains: a case it missed,
        // or a part that is not in every placeholder, would let a placeholder through. One placeholder per file.
        Write("a.yaml", Encoding.UTF8.GetBytes("a: NOG INVULLEN\n"));
        Write("b.md", Encoding.UTF8.GetBytes("Een VoorbeeldTekst\n"));
        Write("c.yaml", Encoding.UTF8.GetBytes("c: \"(VOORBEELD)\"\n"));
        Write("d.yaml", Encoding.UTF8.GetBytes("d: 2000-01-01\n"));
        Write("e.md", Encoding.UTF8.GetBytes("Een voorbeeld van een gewone tekst, met 12000-01-012 en nog in te vullen.\n"));
        var listing = new ContentListing();
        Assert.True(SymlinkGuard.Check(_dir, new DiagnosticBag(), "content", listing: listing));
        Assert.True(listing.Filled);
        foreach (var listed in new[] { null, listing })
        {
            var found = Placeholders.ScanFolder(_dir, _dir, new DiagnosticBag(), listed);
            Assert.Equal([("a.yaml", 1, 4, "NOG INVULLEN"), ("b.md", 1, 5, "VoorbeeldTekst"), ("c.yaml", 1, 5, "(VOORBEELD)"), ("d.yaml", 1, 4, "2000-01-01")],
                found.Select(f => (f.RelativePath, f.Line, f.Column, f.Text)));
        }
    }
}
