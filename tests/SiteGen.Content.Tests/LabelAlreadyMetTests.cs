using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>Issue 10: a variant that charges a house for insulation to a label it already has gets a warning at that line.</summary>
public class LabelAlreadyMetTests
{
    [Fact]
    public void Insulating_a_house_to_the_label_it_already_has_is_a_warning_where_the_cost_is_listed()
    {
        string root = RepoPaths.CopyToTemp(RepoPaths.Content);
        string yaml = Path.Combine(root, "putten", "bijsteren-husselerveld", "neighbourhood.yaml");
        var lines = File.ReadAllLines(yaml);
        // The terraced house of 1980-2000 now has label B; the air/water heat pump and the small network still insulate it to B.
        int at = Array.FindIndex(lines, l => l.Contains("tussenwoning-1980-2000:", StringComparison.Ordinal) && !l.TrimStart().StartsWith('-'));
        int label = Array.FindIndex(lines, at, l => l.TrimStart().StartsWith("label: ", StringComparison.Ordinal));
        lines[label] = lines[label].Replace("label: D", "label: B", StringComparison.Ordinal);
        File.WriteAllLines(yaml, lines);

        var (_, diag) = ContentLoader.Load(root, new DateOnly(2025, 12, 1));
        var warnings = diag.Items.Where(d => d.Code == Codes.NotNeeded).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        var expectedLines = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("{cost: insulation_label_b, dwellings: [vrijstaand-voor-1980, tussenwoning-1980-2000]", StringComparison.Ordinal))
            .Select(x => x.i + 1).ToList();
        Assert.Equal(expectedLines, warnings.Select(w => w.Line).Order());
        Assert.All(warnings, w => Assert.Contains("heeft al label B", w.Message));
        Assert.False(diag.HasErrors, string.Join("\n", diag.Items));
    }

    [Fact]
    public void The_shipped_content_has_no_such_warning()
    {
        var (_, diag) = ContentLoader.Load(RepoPaths.Content, new DateOnly(2025, 12, 1));
        Assert.DoesNotContain(diag.Items, d => d.Code == Codes.NotNeeded);
    }
}
