using SiteGen.Calculation;
using SiteGen.Calculation.Resident;

namespace SiteGen.Content.Tests;

/// <summary>The itemised lines a page shows must add up to the totals it shows, for every dwelling x variant.</summary>
public class LineItemTests
{
    public static IEnumerable<object[]> Methods() => [["study"], ["consistent"]];

    private static NeighbourhoodResult Load(string method)
    {
        if (method == "study") return Putten.Result;
        string dir = RepoPaths.CopyToTemp(RepoPaths.Content);
        string scenario = Path.Combine(dir, "putten", "bijsteren-husselerveld", "neighbourhood.yaml");
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("method: study", "method: consistent"));
        return Putten.Load(dir).Item2;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void One_off_and_annual_lines_sum_to_the_tco_for_every_dwelling_and_variant(string method)
    {
        var result = Load(method);
        Assert.Equal(18, result.Residents.Count);
        foreach (var r in result.Residents)
        {
            decimal sum = r.OneOffs.Sum(l => l.PresentValue) + r.Annual.Sum(l => l.PresentValue);
            Assert.True(Math.Abs(sum - r.Tco) < 0.000001m, $"{r.DwellingId}/{r.VariantId}: lines {sum} vs TCO {r.Tco}");
            Assert.Equal(r.VariableCostPerYear, r.Annual.Where(l => l.Kind == LineKind.Variable).Sum(l => l.Amount));
            Assert.Equal(r.FixedCostPerYear, r.Annual.Where(l => l.Kind == LineKind.Fixed).Sum(l => l.Amount));
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Monthly_lines_sum_to_the_monthly_cost_for_every_dwelling_and_variant(string method)
    {
        foreach (var r in Load(method).Residents)
        {
            Assert.Equal(r.MonthlyCost, r.Monthly.Sum(l => l.Amount));
            Assert.True(r.MonthlyCost > 0, $"{r.DwellingId}/{r.VariantId}: monthly cost {r.MonthlyCost}");
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Investment_and_subsidy_are_the_sums_of_their_year_zero_lines(string method)
    {
        foreach (var r in Load(method).Residents)
        {
            Assert.Equal(r.Investment, r.OneOffs.Where(l => l.Year == 0 && l.Kind != LineKind.Subsidy).Sum(l => l.Amount));
            Assert.Equal(r.Subsidy, -r.OneOffs.Where(l => l.Kind == LineKind.Subsidy).Sum(l => l.Amount));
            Assert.Equal(r.Co2Kg, r.Co2Lines.Sum(l => l.Kg));
        }
    }

    [Fact]
    public void Consistent_method_uses_each_variants_own_insulation_and_drops_calibrations()
    {
        var consistent = Load("consistent");
        // Gas boiler, detached house, label F, no insulation: current gas (1,400 m3), not the label-D 1,280.
        Assert.Equal(1400m, consistent.Resident("vrijstaand-voor-1980", "gasketel").GasM3);
        // Air/water HP insulates the detached house to label B: 1,400 x (1 - 0.80 x 0.27) = 1,097.6 m3 of gas-equivalent heat.
        Assert.Equal(1097.6m, consistent.Resident("vrijstaand-voor-1980", "lucht-water-warmtepomp").GasBasisM3);
        Assert.DoesNotContain(consistent.Resident("vrijstaand-voor-1980", "lucht-water-warmtepomp").OneOffs, l => l.Kind == LineKind.Calibration);
        Assert.DoesNotContain(consistent.Resident("vrijstaand-voor-1980", "gasketel").Monthly, l => l.Kind == LineKind.Calibration);
        // The study method keeps the €381 calibration (MODEL.md §4.7).
        Assert.Contains(Putten.Result.Resident("vrijstaand-voor-1980", "lucht-water-warmtepomp").OneOffs, l => l.Kind == LineKind.Calibration && l.Amount == 381m);
    }
}
