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

    [Fact]
    public void Explain_prints_the_low_and_high_derivation_and_the_amounts_kept_apart()
    {
        var run = CliRun.Of("explain", "--content", Content.Tests.RepoPaths.Content, "--neighbourhood", "putten/bijsteren-husselerveld",
            "--dwelling", "vrijstaand-voor-1980", "--variant", "gasketel");
        Assert.True(run.ExitCode == 0, run.Err);
        string o = run.Out;
        Assert.Contains("Lage schatting: energieprijzen x 0,75 (Aanname gemeente Putten", o);
        Assert.Contains("Hoge schatting: energieprijzen x 1,25", o);
        // Boiler 1,900 now and in year 15 at -30%; gas 1,459.20 a year at 75%; fixed 580.25: 2,660 + 30 x 1,674.65 = 52,899.50.
        Assert.Equal(52_899.50m, Amount(o, "TCO lage schatting"));
        Assert.Equal(2m * 1900m * 1.30m + 30m * (1459.20m * 1.25m + 580.25m), Amount(o, "TCO hoge schatting"));
        Assert.Contains("maandlasten nagerekend", o);
        Assert.Contains("volgens de studie: €\u00a0156,83", o);
        Assert.Contains("De studie komt €\u00a013 per maand lager uit dan de optelsom van de posten.", o);
    }

    private static decimal Amount(string output, string label)
    {
        var line = output.Split('\n').First(l => l.StartsWith(label, StringComparison.Ordinal));
        var m = Regex.Match(line, @"€\s([0-9.]+,[0-9]{2})");
        return decimal.Parse(m.Groups[1].Value.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);
    }
}
