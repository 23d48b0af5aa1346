using SiteGen.Content.Tests;
using SiteGen.Rendering.OpenData;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>serve joins the site-wide data files from each neighbourhood's part: the same bytes as writing them whole.</summary>
public class SiteWideDataTests
{
    public static TheoryData<string> Sites => new()
    {
        RepoPaths.Content,
        Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"),
    };

    [Theory]
    [MemberData(nameof(Sites))]
    public void Joining_every_neighbourhoods_part_gives_the_whole_file(string contentDir)
    {
        var (content, diag) = SiteBuilder.ReadContent(new BuildOptions(contentDir, "", BuiltSite.BuildDate));
        var results = SiteBuilder.Compute(content!, diag);
        var parts = results.Select(x => SiteWideData.Parts(x.Item1, x.Item2)).ToList();
        for (int f = 0; f < SiteWideData.Paths.Count; f++)
        {
            Assert.Equal(SiteWideData.Whole(f, results), SiteWideData.Join(f, parts.Select(p => p[f])));
            // Each neighbourhood alone, and none at all (an empty array, the CSV's header).
            foreach (var x in results)
                Assert.Equal(SiteWideData.Whole(f, [x]), SiteWideData.Join(f, [SiteWideData.Parts(x.Item1, x.Item2)[f]]));
            Assert.Equal(SiteWideData.Whole(f, []), SiteWideData.Join(f, []));
            // A neighbourhood without rows in a file (no collective variant, say) adds nothing, wherever it stands;
            // where each part lies is where a later build cuts it out again.
            var withEmpty = new List<byte[]> { Array.Empty<byte>() };
            foreach (var p in parts) withEmpty.AddRange([p[f], Array.Empty<byte>()]);
            var joined = SiteWideData.Join(f, [.. withEmpty.Select(b => (ReadOnlyMemory<byte>)b)], out var at);
            Assert.Equal(SiteWideData.Whole(f, results), joined);
            for (int i = 0; i < withEmpty.Count; i++)
                Assert.Equal(withEmpty[i], joined.AsSpan((int)at[i].Offset, at[i].Length).ToArray());
        }
    }
}
