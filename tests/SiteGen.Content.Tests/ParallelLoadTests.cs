using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>Issue 12: neighbourhoods are read in parallel; what comes out must not depend on which finishes first.</summary>
public class ParallelLoadTests
{
    [Fact]
    public void Findings_and_neighbourhoods_come_out_in_folder_order_every_time()
    {
        string root = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"));
        string source = Path.Combine(root, "zonnedal", "de-akkers");
        // Twelve neighbourhoods; every third has an unknown key at its end (an error that drops it), the others stay valid.
        for (int i = 1; i <= 12; i++)
        {
            string copy = RepoPaths.CopyToTemp(source);
            Directory.Move(copy, Path.Combine(root, "zonnedal", $"wijk-{i:00}"));
            if (i % 3 == 0) File.AppendAllText(Path.Combine(root, "zonnedal", $"wijk-{i:00}", "neighbourhood.yaml"), $"\nonbekende_sleutel_{i}: 1\n");
        }

        var first = ContentLoader.Load(root, new DateOnly(2025, 12, 1)).Diagnostics.Items.ToList();
        var errors = first.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(["wijk-03", "wijk-06", "wijk-09", "wijk-12"], errors.Select(e => e.Path.Split('/')[^2]));
        Assert.All(errors, e => Assert.Equal(Codes.UnknownKey, e.Code));
        for (int run = 0; run < 5; run++)
            Assert.Equal(first, ContentLoader.Load(root, new DateOnly(2025, 12, 1)).Diagnostics.Items);

        // Without the broken ones the rest loads, in folder order.
        foreach (int i in new[] { 3, 6, 9, 12 }) Directory.Delete(Path.Combine(root, "zonnedal", $"wijk-{i:00}"), recursive: true);
        var (content, _) = ContentLoader.Load(root, new DateOnly(2025, 12, 1));
        Assert.NotNull(content);
        var ids = content.Neighbourhoods.Select(n => n.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(10, ids.Count);
    }
}
