using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Cli.Tests;

public class ExplainCommandTests
{
    [Fact]
    public void Explain_prints_every_line_with_year_present_value_and_source_summing_to_the_tco()
    {
        var run = CliRun.Of("explain", "--content", Content.Tests.RepoPaths.Content, "--neighbourhood", "putten/bijsteren-husselerveld",
            "--dwelling", "vrijstaand-voor-1980", "--variant", "lucht-water-warmtepomp");
        Assert.True(run.ExitCode == 0, run.Err);
        string o = run.Out;
        Assert.Contains("Lucht/waterwarmtepomp (vervanging in jaar 15)", o);
        Assert.Contains("IF Technology (2025), Tabel 8.5", o);
        Assert.Contains("MODEL.md §4.7", o); // the calibration is named as such
        // The subtotals printed add up to the printed TCO (Tabel 8.9: 91.600).
        decimal oneOff = Amount(o, "subtotaal eenmalig"), annual = Amount(o, "subtotaal jaarlijks"), tco = Amount(o, "TCO over 30 jaar");
        Assert.Equal(tco, oneOff + annual);
        Assert.Contains("afgerond €\u00a091.600", o);
        Assert.Contains("afgerond €\u00a082", o);
    }

    private static decimal Amount(string output, string label)
    {
        var line = output.Split('\n').First(l => l.StartsWith(label, StringComparison.Ordinal));
        var m = Regex.Match(line, @"€\s([0-9.]+,[0-9]{2})");
        return decimal.Parse(m.Groups[1].Value.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);
    }
}
