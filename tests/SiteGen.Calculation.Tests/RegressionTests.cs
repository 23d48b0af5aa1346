using SiteGen.Calculation.Inputs;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>Regressions: bugs found by these tests and fixed in the core (2026-11-22).</summary>
public class RegressionTests
{
    /// <summary>
    /// Was: avg = dwellingGJ / dwellings, utilityWeq = utilityGJ / avg, then
    /// Ceiling(weq x rate). When avg is not a terminating decimal the division leaves a residue in the
    /// 28th digit, and Ceiling turns a whole number of WEQ into the next one.
    /// </summary>
    [Fact]
    public void Connected_weq_is_not_bumped_by_decimal_rounding_residue()
    {
        // 26 dwellings, 824 GJ (average 31.6923... GJ); utility 1,648 GJ = 1,648 x 26 / 824 = exactly 52 WEQ.
        // WEQ = 26 + 52 = 78; x 100% = 78 connections. The core computes 78.000000000000000000000000001 -> 79.
        var c = SizedCollective(26m, connectionRate: 1m, dwellingHeatGJ: 824m, utilityBuildings: 2m, utilityHeatGJ: 1648m);
        var t = Technics(c);
        Assert.Equal(78m, t.ConnectedWeq);
    }

    /// <summary>
    /// Was: the message names the label jump but not the
    /// dwelling or variant, and SiteBuilder.Compute reports it at line 1 of the scenario file, so an author cannot
    /// tell which dwelling x variant needs the saving.
    /// </summary>
    [Fact]
    public void Missing_label_saving_names_the_dwelling_and_the_variant()
    {
        var b = new AssumptionsBuilder();
        b.LabelSavings.Remove("f_to_d");
        var tco = TestInputs.TcoFor(HeatDemandMethod.Consistent, b.Build());
        var e = Assert.Throws<CalculationException>(() => tco.Evaluate(Rw1Dwelling(), Hybrid()));
        Assert.Contains("'rw1'", e.Message);
        Assert.Contains("'v2-hybrid'", e.Message);
    }
}
