using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>A manifest names the files a rebuild may replace or delete: only paths below the output folder are accepted.</summary>
public sealed class OutputManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitegen-manifest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private OutputManifest? LoadWith(string file)
    {
        File.WriteAllText(OutputManifest.PathIn(_dir),
            $$"""{ "Generator": "sitegen", "Files": [ "index.html", {{System.Text.Json.JsonSerializer.Serialize(file)}} ] }""");
        return OutputManifest.Load(_dir);
    }

    [Theory]
    [InlineData("../buiten.html")]
    [InlineData("wijk/../../buiten.html")]
    [InlineData("wijk/./index.html")]
    [InlineData("wijk//index.html")]
    [InlineData("wijk/")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("")]
    public void A_manifest_naming_a_path_outside_or_not_plainly_below_the_output_folder_is_refused(string file) =>
        Assert.Throws<InvalidDataException>(() => LoadWith(file));

    [Theory]
    [InlineData("putten/bijsteren-husselerveld/index.html")]
    [InlineData("data/results.json")]
    [InlineData("wijk/..hidden/x.html")]
    [InlineData(".well-known.txt")]
    public void A_manifest_naming_files_below_the_output_folder_is_read(string file) =>
        Assert.Contains(file, LoadWith(file)!.Files);

    /// <summary>
    /// A build writes the manifest as it is made, flushing every 64 KB, not as one array: the file must be byte for byte
    /// the one array's, or every incremental build after it would see a changed manifest and the next SiteGen could not
    /// read it. Large enough to be flushed many times, with what escapes in JSON and an entry of each shape.
    /// </summary>
    [Fact]
    public void A_manifest_written_as_it_is_made_is_the_same_as_the_manifest_made_at_once()
    {
        var cache = new BuildCache();
        for (int i = 0; i < 3000; i++)
            cache.Neighbourhoods[$"gemeente-{i % 7}/wijk-{i}-\u00eb\"x\""] = new BuildCache.Entry
            {
                Digest = $"{i:x64}",
                Files = [$"gemeente-{i % 7}/wijk-{i}/index.html", $"gemeente-{i % 7}/wijk-{i}/tussenwoning/index.html"],
                Stamp = i % 3 == 0 ? null : $"stamp-{i}",
                FolderDigest = i % 5 == 0 ? null : $"folder-{i}",
                Kept = i % 4 == 0 ? null : new BuildCache.Listing
                {
                    Name = $"Wijk {i} <\u20ac & co>",
                    Summary = i % 2 == 0 ? null : "Een wijk met 'aanhalingstekens'.",
                    Placeholders = i % 2 == 0,
                    Deadlines = [new(new DateOnly(2027, 1, 1 + i % 28), i % 2 == 0)],
                    Findings = [new($"gemeente-{i % 7}/wijk-{i}/scenario.yaml", i, 3, Content.Diagnostics.Severity.Warning, "SG020", "voorbeeldwaarde \"x\"")],
                    Data = [[i * 100L, 100], [0, 0]],
                },
            };
        cache.Data["data/results.json"] = new string('a', 64);
        cache.Data["data/results.csv"] = new string('b', 64);
        var manifest = new OutputManifest { Files = [.. cache.Neighbourhoods.Values.SelectMany(e => e.Files).Order(StringComparer.Ordinal)], Cache = cache };

        using var written = new MemoryStream();
        manifest.WriteTo(written);

        byte[] atOnce = manifest.ToBytes();
        Assert.True(atOnce.Length > 20 * 64 * 1024, "large enough to be flushed many times");
        Assert.Equal(atOnce, written.ToArray());

        // Each entry made only as it is written (a build does not hold them all): the same manifest, each made once.
        int made = 0;
        var streamed = new OutputManifest
        {
            Files = manifest.Files,
            Cache = new BuildCache { Data = cache.Data, Made = cache.Neighbourhoods.Select(e => { made++; return e; }) },
        };
        using var writtenStreamed = new MemoryStream();
        streamed.WriteTo(writtenStreamed);
        Assert.Equal(cache.Neighbourhoods.Count, made);
        Assert.Equal(atOnce, writtenStreamed.ToArray());
    }
}
