using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>Neighbourhoods are read (and drawn) on one thread per core, however long each takes.</summary>
public sealed class ParallelReadTests : IDisposable
{
    private readonly string _root = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void No_more_neighbourhoods_are_drawn_at_once_than_the_machine_has_cores()
    {
        // 24 neighbourhoods, each drawn for 120 ms while its thread waits for a task: the thread pool answers such waits
        // with more threads, and an unbounded loop then draws more neighbourhoods at once than there are cores.
        string source = Path.Combine(_root, "zonnedal", "de-akkers");
        for (int i = 2; i <= 23; i++)
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                string dest = Path.Combine(_root, "zonnedal", $"de-akkers-{i}", Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                File.Copy(file, dest);
            }
        int running = 0, most = 0, drawn = 0;
        var (content, diag) = ContentLoader.Load(_root, Putten.BuildDate, draw: (_, _) => _ =>
        {
            int now = Interlocked.Increment(ref running);
            for (int seen = most; now > seen; seen = most) Interlocked.CompareExchange(ref most, now, seen);
            Task.Delay(120).Wait();
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref drawn);
            return false; // left to the usual steps
        });
        Assert.False(diag.HasErrors, string.Join("\n", diag.Items));
        Assert.Equal(24, drawn);
        Assert.Equal(24, content!.Neighbourhoods.Count());
        Assert.InRange(most, 1, Environment.ProcessorCount);
    }
}
