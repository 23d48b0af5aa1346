using SiteGen.Calculation.Resident;

namespace SiteGen.Calculation.Tests;

/// <summary>The "cheapest" rule of issue 13: one winner only when its high estimate is below every other low estimate.</summary>
public class ComparisonTests
{
    [Fact]
    public void Names_no_single_winner_where_ranges_overlap()
    {
        // The terraced 1980-2000 case of the review: hybrid EUR 300 below the gas boiler, both with wide ranges.
        var outcome = Comparison.Cheapest(
        [
            ("gasketel", new CostRange(52_000m, 62_250m, 72_000m)),
            ("hybride", new CostRange(50_000m, 61_950m, 74_000m)),
            ("lucht-water", new CostRange(60_000m, 74_770m, 89_000m)),
            ("warmtenet", new CostRange(73_000m, 93_200m, 113_000m)),
        ]);
        Assert.False(outcome.Clear);
        Assert.Equal("hybride", outcome.Lowest);
        // Ordered by central figure; the heat network (low 73,000 > hybrid high 74,000? no: 73,000 <= 74,000) overlaps too.
        Assert.Equal(["hybride", "gasketel", "lucht-water", "warmtenet"], outcome.Options);
    }

    [Fact]
    public void Leaves_out_options_whose_range_lies_wholly_above_the_lowest()
    {
        var outcome = Comparison.Cheapest(
        [
            ("a", new CostRange(90m, 100m, 110m)),
            ("b", new CostRange(105m, 115m, 125m)),
            ("c", new CostRange(111m, 130m, 150m)),
        ]);
        Assert.False(outcome.Clear);
        Assert.Equal(["a", "b"], outcome.Options);
    }

    [Fact]
    public void Names_one_winner_where_its_high_estimate_is_below_every_other_low_estimate()
    {
        var outcome = Comparison.Cheapest(
        [
            ("duur", new CostRange(80_000m, 90_000m, 100_000m)),
            ("goedkoop", new CostRange(40_000m, 50_000m, 60_000m)),
            ("midden", new CostRange(61_000m, 70_000m, 79_000m)),
        ]);
        Assert.True(outcome.Clear);
        Assert.Equal(["goedkoop"], outcome.Options);
    }

    [Fact]
    public void Touching_ranges_are_about_equal_and_exact_figures_compare_as_before()
    {
        Assert.False(Comparison.Cheapest([("a", new CostRange(1m, 2m, 3m)), ("b", new CostRange(3m, 4m, 5m))]).Clear);
        // Without any uncertainty the rule falls back to "lowest is cheapest" unless two are equal.
        Assert.True(Comparison.Cheapest([("a", CostRange.Exact(10m)), ("b", CostRange.Exact(11m))]).Clear);
        var tie = Comparison.Cheapest([("a", CostRange.Exact(10m)), ("b", CostRange.Exact(10m))]);
        Assert.False(tie.Clear);
        Assert.Equal(["a", "b"], tie.Options);
        Assert.True(Comparison.Cheapest([("only", new CostRange(1m, 2m, 3m))]).Clear);
    }
}
