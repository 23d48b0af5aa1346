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
}
