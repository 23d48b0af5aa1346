using System.Text;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Checks;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// A build that writes stages each file as it is rendered and keeps only what later steps need; it must make the
/// same site, check the same links and still answer <see cref="BuildResult.Files"/>.
/// </summary>
public sealed class StreamedBuildTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "sitegen-stream-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private string[] Leftovers() => Directory.GetDirectories(Path.GetDirectoryName(_out)!, "." + Path.GetFileName(_out) + ".*");

    [Fact]
    public void A_build_that_writes_makes_the_same_files_and_checks_the_same_links_as_one_in_memory()
    {
        string themes = Path.Combine(RepoPaths.Root, "themes");
        var memory = SiteBuilder.Build(new BuildOptions(RepoPaths.Content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: themes));
        var written = SiteBuilder.Build(new BuildOptions(RepoPaths.Content, _out, BuiltSite.BuildDate, ThemesDir: themes));
        Assert.True(written.Succeeded, string.Join("\n", written.Diagnostics.Items));
        Assert.Equal(memory.LinksChecked, written.LinksChecked);
        Assert.Equal(memory.Files!.Paths, written.Files!.Paths);
        Assert.Equal(memory.Files.All.Keys, written.Files.All.Keys);
        Assert.Equal(memory.Files.All.Count, written.Files.All.Count);
        foreach (var (path, bytes) in memory.Files.All)
        {
            Assert.True(written.Files.Contains(path), path);
            Assert.True(bytes.AsSpan().SequenceEqual(written.Files.Read(path)), $"{path} differs");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_out, path))), $"{path} differs on disk");
        }
        // The pages were scanned when they were staged: the check resolves what was kept, the bytes are not held.
        var page = written.Files.All.Keys.First(p => p.EndsWith(".html", StringComparison.Ordinal));
        Assert.NotNull(written.Files.LinksOf(page));
        Assert.Null(memory.Files.LinksOf(page));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_path_staged_twice_is_reported_and_an_abandoned_staging_folder_leaves_the_output_as_it_was()
    {
        Directory.CreateDirectory(_out);
        using (var staging = OutputWriter.Begin(_out))
        {
            var files = new SiteFiles(staging);
            files.Add("index.html", "<a href=\"a/\">a</a>");
            var first = files.Prepare("a/index.html", "<p id=x>"u8.ToArray());
            var second = files.Prepare("a/index.html", "<p id=y>"u8.ToArray());
            files.Add("a/index.html", first);
            var e = Assert.Throws<InvalidOperationException>(() => files.Add("a/index.html", second));
            Assert.Equal("two outputs write 'a/index.html'", e.Message);
            // The first writer's bytes stay staged; the second did not overwrite them.
            Assert.Equal("<p id=x>", Encoding.UTF8.GetString(files.Read("a/index.html")));
            Assert.Equal(["x"], files.LinksOf("a/index.html")!.Ids);
            Assert.Equal(1, LinkChecker.Check(files, new DiagnosticBag()));
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(_out));
        Assert.Empty(Leftovers());
    }

    [Theory]
    [InlineData("abcdef|ghij|k", true)]
    [InlineData("abcdef|gXij|k", false)]
    [InlineData("abcdef|ghij|kl", false)]
    [InlineData("abcdef|ghij", false)]
    [InlineData("|abc|defghijk||", true)]
    public void A_file_staged_as_it_is_written_is_kept_only_when_its_bytes_are_the_previous_ones(string pieces, bool kept)
    {
        var previous = "abcdefghijk"u8.ToArray();
        using (var staging = OutputWriter.Begin(_out))
        {
            var files = new SiteFiles(staging);
            files.Add("data/x.json", previous);
            staging.Finish(files);
        }
        var parts = pieces.Split('|').Select(Encoding.UTF8.GetBytes).ToList();
        using (var staging = OutputWriter.Begin(_out))
        {
            var files = new SiteFiles(staging);
            // Written piece by piece into the staging folder, as a build writes a site-wide data file.
            files.Add("data/x.json", files.Prepare("data/x.json", put =>
            {
                foreach (var p in parts) put(p);
                return parts.Sum(p => p.Length);
            }));
            var stats = staging.Finish(files);
            Assert.Equal(kept ? 0 : 1, stats.Written);
        }
        Assert.Equal(string.Concat(pieces.Split('|')), File.ReadAllText(Path.Combine(_out, "data", "x.json")));
    }
}
