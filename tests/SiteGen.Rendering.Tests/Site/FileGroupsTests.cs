using System.Text;
using SiteGen.Content.Diagnostics;
using SiteGen.Rendering.Checks;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// A neighbourhood drawn while the content is read joins the site as one entry (<see cref="SiteFiles.AddGroup"/>), its
/// list of files read back when asked for. The site must answer every question about those files as it does for files
/// added one by one: order, lookups, links, double outputs, the manifest.
/// </summary>
public sealed class FileGroupsTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "sitegen-groups-" + Guid.NewGuid().ToString("N"));
    private readonly SpillFile _spill = SpillFile.Create();

    public void Dispose()
    {
        _spill.Dispose();
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    /// <summary>A page staged and its links set aside, as a neighbourhood drawn while read has them.</summary>
    private (string Path, SiteFiles.Rendered File) Page(SiteFiles files, string path, string html)
    {
        var staged = files.Prepare(path, html);
        var encoded = new System.Buffers.ArrayBufferWriter<byte>();
        staged.Links!.Encode(encoded);
        return (path, staged with { Links = null, SpilledLinks = _spill.Append(encoded.WrittenSpan) });
    }

    /// <summary>A neighbourhood's files: its pages under "m/{n}/", its calculator under "data/m/{n}/".</summary>
    private List<(string Path, SiteFiles.Rendered File)> Neighbourhood(SiteFiles files, string n) =>
    [
        Page(files, $"m/{n}/woningen/rij/index.html", $"<h1 id=rij>Rij</h1><a href=\"../../\">wijk</a><a href=\"../../../\">gemeente</a>"),
        Page(files, $"m/{n}/index.html", "<h1 id=top>Wijk</h1><a href=\"woningen/rij/#rij\">rij</a>"),
        ($"data/m/{n}/calculator.json", files.Prepare($"data/m/{n}/calculator.json", "{}"u8.ToArray())),
    ];

    private static bool AddAsGroup(SiteFiles files, string key, List<(string Path, SiteFiles.Rendered File)> own) =>
        files.AddGroup(key, own, () => own);

    [Fact]
    public void Files_added_as_groups_are_listed_looked_up_read_and_checked_like_files_added_one_by_one()
    {
        // More groups than the site keeps read back at once, so lists are let go of and read again on the way.
        var ids = Enumerable.Range(0, 300).Select(i => $"w{i:000}").ToList();
        using var staging = OutputWriter.Begin(_out);
        var files = new SiteFiles(staging, linksSetAside: true);
        var reads = 0;
        files.Add("m/index.html", string.Concat(ids.Select(n => $"<a href=\"{n}/#top\">{n}</a>")));
        files.Add("index.html", "<a href=\"m/\">m</a><a href=\"data/m/w007/calculator.json\">data</a>");
        foreach (var n in ids.AsEnumerable().Reverse())
        {
            var own = Neighbourhood(files, n);
            files.AddGroup($"m/{n}", own, () =>
            {
                Interlocked.Increment(ref reads);
                return own;
            });
        }
        // A file of the site that lies in a group's folder is listed in its place among the group's files.
        files.Add("m/w003/kaart.html", "<a href=\"index.html#top\">wijk</a>");
        files.Add("m/w003-oud/index.html", "<a href=\"../w003/\">nieuw</a>");

        var expected = new List<string> { "index.html", "m/index.html", "m/w003/kaart.html", "m/w003-oud/index.html" };
        foreach (var n in ids) expected.AddRange([$"data/m/{n}/calculator.json", $"m/{n}/index.html", $"m/{n}/woningen/rij/index.html"]);
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, files.Paths);
        Assert.Equal(expected, files.All.Keys);
        Assert.Equal(expected.Count, files.All.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), files.Unordered.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count(p => p.EndsWith(".html", StringComparison.Ordinal)), files.PageCount);
        Assert.Equal(["data/m/w005/calculator.json", "m/w005/index.html", "m/w005/woningen/rij/index.html"], files.GroupPaths("m/w005"));
        Assert.Null(files.GroupPaths("m/w999"));
        Assert.True(reads > ids.Count, "lists were let go of and read back");

        Assert.True(files.Contains("m/w299/woningen/rij/index.html"));
        Assert.True(files.IsRendered("data/m/w000/calculator.json"));
        Assert.False(files.Contains("m/w299/woningen/hoek/index.html"));
        Assert.False(files.Contains("m/w299/"));
        Assert.Equal(["rij"], files.LinksOf("m/w120/woningen/rij/index.html")!.Ids);
        Assert.Equal("{}", Encoding.UTF8.GetString(files.Read("data/m/w120/calculator.json")));

        // Every link resolves, across groups and into them, anchors included.
        var diag = new DiagnosticBag();
        int links = LinkChecker.Check(files, diag);
        Assert.Empty(diag.Items);
        Assert.Equal(ids.Count + 2 + 3 * ids.Count + 2, links);

        // The manifest lists them in the same order as the site does.
        staging.Finish(files);
        Assert.Equal(expected, OutputManifest.Load(_out)!.Files);
        foreach (var path in expected) Assert.True(File.Exists(Path.Combine(_out, path)), path);
    }

    [Fact]
    public void A_path_written_twice_is_reported_whether_the_group_or_the_other_file_comes_first()
    {
        using var staging = OutputWriter.Begin(_out);
        var files = new SiteFiles(staging, linksSetAside: true);
        files.Add("m/index.html", "<p>");
        AddAsGroup(files, "m/a", Neighbourhood(files, "a"));
        var e = Assert.Throws<InvalidOperationException>(() => files.Add("m/a/index.html", "<p>"));
        Assert.Equal("two outputs write 'm/a/index.html'", e.Message);
        var b = Neighbourhood(files, "b");
        b.Add(("m/index.html", b[0].File));
        e = Assert.Throws<InvalidOperationException>(() => AddAsGroup(files, "m/b", b));
        Assert.Equal("two outputs write 'm/index.html'", e.Message);
        Assert.Null(files.GroupPaths("m/b"));
        var c = Neighbourhood(files, "c");
        e = Assert.Throws<InvalidOperationException>(() => AddAsGroup(files, "m/c", [.. c, c[1]]));
        Assert.Equal("two outputs write 'm/c/index.html'", e.Message);
    }

    [Fact]
    public void A_broken_link_in_a_group_is_reported_on_its_page()
    {
        using var staging = OutputWriter.Begin(_out);
        var files = new SiteFiles(staging, linksSetAside: true);
        files.Add("index.html", "<a href=\"m/a/\">a</a>");
        AddAsGroup(files, "m/a", [Page(files, "m/a/index.html", "<a href=\"../b/\">b</a><a href=\"#nergens\">x</a>")]);
        var diag = new DiagnosticBag();
        LinkChecker.Check(files, diag);
        Assert.Equal(["m/a/index.html:1", "m/a/index.html:1"], diag.Items.Select(d => $"{d.Path}:{d.Line}"));
        Assert.Contains("'../b/'", diag.Items[0].Message);
        Assert.Contains("'#nergens'", diag.Items[1].Message);
    }

    [Fact]
    public void Files_outside_the_groups_folders_or_held_in_memory_are_added_one_by_one()
    {
        using var staging = OutputWriter.Begin(_out);
        var files = new SiteFiles(staging, linksSetAside: true);
        // A file not under "m/a/": the group is not kept as one entry, its files are still the site's.
        var own = new List<(string Path, SiteFiles.Rendered File)> { Page(files, "m/a/index.html", "<p>"), Page(files, "elders/x.html", "<p>") };
        Assert.False(AddAsGroup(files, "m/a", own));
        Assert.Null(files.GroupPaths("m/a"));
        Assert.Equal(["elders/x.html", "m/a/index.html"], files.Paths);

        // A page whose links are in memory.
        var kept = new List<(string Path, SiteFiles.Rendered File)> { ("m/b/index.html", files.Prepare("m/b/index.html", "<p id=b>")) };
        AddAsGroup(files, "m/b", kept);
        Assert.Null(files.GroupPaths("m/b"));
        Assert.Equal(["b"], files.LinksOf("m/b/index.html")!.Ids);

        // A page whose links were not scanned at all: the site-wide check scans it.
        var plain = new List<(string Path, SiteFiles.Rendered File)> { ("m/e/index.html", new SiteFiles.Rendered(null, 3, null)) };
        AddAsGroup(files, "m/e", plain);
        Assert.Null(files.GroupPaths("m/e"));

        // A group whose folder holds another's ("m/c/" and "m/c/d/"): the second is added one by one.
        Assert.True(AddAsGroup(files, "m/c", [Page(files, "m/c/index.html", "<p>")]));
        Assert.False(AddAsGroup(files, "c/d", [Page(files, "m/c/d/index.html", "<p>")]));
        Assert.NotNull(files.GroupPaths("m/c"));
        Assert.Null(files.GroupPaths("c/d"));
        Assert.Equal(["elders/x.html", "m/a/index.html", "m/b/index.html", "m/c/d/index.html", "m/c/index.html", "m/e/index.html"], files.Paths);
    }
}
