using SiteGen.Content.Tests;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// Neighbourhoods are drawn in parallel; the site must be byte for byte what a sequential build makes (file set,
/// bytes, unique ids, findings), whatever the number of workers.
/// </summary>
public class ParallelBuildTests
{
    private static string Fictional => Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional");

    private static BuildResult Build(string content, string themes, int workers) =>
        SiteBuilder.Build(new BuildOptions(content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: themes, MaxDegreeOfParallelism: workers));

    private static void AssertSame(BuildResult sequential, BuildResult parallel)
    {
        Assert.True(sequential.Succeeded, string.Join("\n", sequential.Diagnostics.Items));
        Assert.True(parallel.Succeeded, string.Join("\n", parallel.Diagnostics.Items));
        Assert.Equal(sequential.Diagnostics.Items.Select(d => d.ToString()), parallel.Diagnostics.Items.Select(d => d.ToString()));
        Assert.Equal(sequential.Files!.All.Keys, parallel.Files!.All.Keys);
        foreach (var (path, bytes) in sequential.Files.All)
            Assert.True(bytes.AsSpan().SequenceEqual(parallel.Files.All[path]), $"{path} differs between a sequential and a parallel build");
        Assert.Equal(sequential.LinksChecked, parallel.LinksChecked);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void A_parallel_build_of_the_fictional_fixture_is_byte_identical_to_a_sequential_one(int workers)
    {
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        foreach (var file in Directory.GetFiles(Path.Combine(Fictional, "themes", "zonnedal"), "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(themes, "zonnedal", Path.GetRelativePath(Path.Combine(Fictional, "themes", "zonnedal"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
        string content = Path.Combine(Fictional, "content");
        AssertSame(Build(content, themes, 1), Build(content, themes, workers));
    }

    [Fact]
    public void A_parallel_build_of_the_example_is_byte_identical_to_a_sequential_one()
    {
        string themes = Path.Combine(RepoPaths.Root, "themes");
        AssertSame(Build(RepoPaths.Content, themes, 1), Build(RepoPaths.Content, themes, 4));
    }
}
