using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>Issue 9: a mistyped parameter under 'overrides:' gets the same "did you mean" help as a mistyped key.</summary>
public class OverrideSuggestionTests
{
    [Theory]
    [InlineData("energy.electricty_price:", "bedoelt u 'energy.electricity_price'?")]
    [InlineData("electricity_price:", "bedoelt u 'energy.electricity_price'?")]
    [InlineData("stroomprijs:", "gedeelde parameters schrijft u als groep.naam")]
    public void A_mistyped_override_names_the_parameter_that_was_probably_meant(string typed, string expected)
    {
        string root = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"));
        string yaml = Path.Combine(root, "zonnedal", "de-akkers", "neighbourhood.yaml");
        var lines = File.ReadAllLines(yaml);
        int at = Array.FindIndex(lines, l => l == "  energy.electricity_price:");
        lines[at] = "  " + typed;
        File.WriteAllLines(yaml, lines);
        var (_, diag) = ContentLoader.Load(root, new DateOnly(2025, 12, 1));
        var finding = Assert.Single(diag.Items, d => d.Code == Codes.UnknownParameter);
        Assert.Equal((at + 1, 3), (finding.Line, finding.Column));
        Assert.Contains(expected, finding.Message);
    }
}
