using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>
/// Issue 12: 'sitegen serve' keeps a <see cref="ContentCache"/> between loads. A neighbourhood whose folder did not
/// change is handed out again as it was read; a changed file, shared content or build date reads it again. Either way
/// the load says what a load without a cache says.
/// </summary>
public sealed class ContentCacheTests : IDisposable
{
    private static readonly DateOnly Date = new(2025, 12, 1);
    private readonly string _root = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"));
    private readonly ContentCache _cache = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Model.SiteContent Load(DateOnly date)
    {
        var (cached, findings) = ContentLoader.Load(_root, date, _cache);
        var (_, fresh) = ContentLoader.Load(_root, date);
        Assert.Equal(fresh.Sorted(), findings.Sorted());
        Assert.NotNull(cached);
        return cached;
    }

    private static Model.Neighbourhood Get(Model.SiteContent c, string id) => c.Neighbourhoods.Single(n => n.Id == id);

    [Fact]
    public void Only_what_changed_is_read_again()
    {
        var first = Load(Date);
        Assert.Equal(0, _cache.Reused);

        var same = Load(Date);
        Assert.Equal(2, _cache.Reused);
        Assert.Same(Get(first, "zonnedal/de-akkers"), Get(same, "zonnedal/de-akkers"));

        // A narrative of De Akkers: De Akkers is read again, Molenkwartier is not.
        File.AppendAllText(Path.Combine(_root, "zonnedal", "de-akkers", "index.md"), "\nEen extra zin.\n");
        var edited = Load(Date);
        Assert.Equal(1, _cache.Reused);
        Assert.NotSame(Get(same, "zonnedal/de-akkers"), Get(edited, "zonnedal/de-akkers"));
        Assert.Same(Get(same, "zonnedal/molenkwartier"), Get(edited, "zonnedal/molenkwartier"));

        // The municipality's file and the build date are read against by every neighbourhood: both read all again.
        File.AppendAllText(Path.Combine(_root, "zonnedal", "municipality.yaml"), "\n# opmerking\n");
        Load(Date);
        Assert.Equal(0, _cache.Reused);
        Load(Date.AddDays(1));
        Assert.Equal(0, _cache.Reused);
    }

    [Fact]
    public void With_a_watcher_only_the_folders_it_reports_are_hashed_and_lost_events_hash_all()
    {
        _cache.Watch();
        var first = Load(Date);
        Assert.Equal(0, _cache.Reused);
        string index = Path.Combine(_root, "zonnedal", "de-akkers", "index.md");

        // Reported: De Akkers is read again.
        File.AppendAllText(index, "\nEen extra zin.\n");
        _cache.Changed(index);
        var reported = Load(Date);
        Assert.Equal(1, _cache.Reused);
        Assert.NotSame(Get(first, "zonnedal/de-akkers"), Get(reported, "zonnedal/de-akkers"));

        // A change the watcher did not report is trusted away (the server's watcher reports every change)...
        File.AppendAllText(index, "\nNog een zin.\n");
        var (unreported, _) = ContentLoader.Load(_root, Date, _cache);
        Assert.Same(Get(reported, "zonnedal/de-akkers"), Get(unreported!, "zonnedal/de-akkers"));
        // ...until events are lost: then every folder is hashed and the change is found.
        _cache.Unknown();
        var rehashed = Load(Date);
        Assert.Equal(1, _cache.Reused);
        Assert.NotSame(Get(reported, "zonnedal/de-akkers"), Get(rehashed, "zonnedal/de-akkers"));

        // A change that is reported but leaves the bytes as they were reads nothing again.
        _cache.Changed(index);
        Load(Date);
        Assert.Equal(2, _cache.Reused);
    }

    [Fact]
    public void With_a_watcher_a_reported_link_leaving_the_content_is_refused_and_a_failed_load_forgets_nothing()
    {
        _cache.Watch();
        var first = Load(Date);
        string outside = Path.Combine(Path.GetTempPath(), "sitegen-outside-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(outside, "geheim");
        try
        {
            string link = Path.Combine(_root, "zonnedal", "de-akkers", "bestanden", "geheim.txt");
            File.CreateSymbolicLink(link, outside);
            string index = Path.Combine(_root, "zonnedal", "molenkwartier", "index.md");
            File.AppendAllText(index, "\nEen extra zin.\n");
            _cache.Changed(link);
            _cache.Changed(index);
            var (refused, findings) = ContentLoader.Load(_root, Date, _cache);
            Assert.Null(refused);
            Assert.Contains(findings.Items, d => d.Code == Diagnostics.Codes.FileSystem && d.Path.EndsWith("geheim.txt", StringComparison.Ordinal));

            // The link removed (reported): Molenkwartier's edit, reported before the failed load, is not lost.
            File.Delete(link);
            _cache.Changed(link);
            var after = Load(Date);
            Assert.NotSame(Get(first, "zonnedal/molenkwartier"), Get(after, "zonnedal/molenkwartier"));
        }
        finally
        {
            File.Delete(outside);
        }
    }
}
