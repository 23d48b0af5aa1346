using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>One-off items, subsidies (MODEL.md §4.3, §4.6) and the start-year monthly cost (§4.5).</summary>
public class SubsidyAndMonthlyTests
{
    private static ResidentResult Study(DwellingInput d, VariantInput v, Assumptions? a = null) =>
        TestInputs.TcoFor(HeatDemandMethod.Study, a).Evaluate(d, v, v.Collective is { } c ? Technics(c) : null);

    [Fact]
    public void Share_of_cost_subsidy_is_paid_once_at_year_zero_and_not_on_the_replacement()
    {
        var r = Study(Rw1Dwelling(), Hybrid());
        // ISDE 30% of the 8,590 hybrid heat pump = 2,577, at year 0; the year-15 replacement is the full 8,590.
        var subsidy = Assert.Single(r.OneOffs, l => l.Id == "isde_heat_pump");
        Assert.Equal(LineKind.Subsidy, subsidy.Kind);
        Assert.Equal(0, subsidy.Year);
        Assert.Equal(-2577m, subsidy.Amount);
        Assert.Equal(-2577m, subsidy.PresentValue);
        var replacement = Assert.Single(r.OneOffs, l => l.Id == "hybrid_heat_pump.replacement");
        Assert.Equal(8590m, replacement.Amount);
        Assert.DoesNotContain(r.OneOffs, l => l.Kind == LineKind.Subsidy && l.Year != 0);
    }

    [Fact]
    public void Share_of_cost_subsidy_is_not_discounted_when_rates_differ()
    {
        var a = new AssumptionsBuilder { Indexation = 0.02m, DiscountRate = 0.04m }.Build();
        var r = Study(Rw1Dwelling(), AirWater(), a);
        // 30% x 16,540 = 4,962 at year 0 keeps its face value; the replacement (16,540 x q^15) carries no subsidy.
        Assert.Equal(-4962m, Assert.Single(r.OneOffs, l => l.Id == "isde_heat_pump").PresentValue);
        Approx.Relative(16540 * Math.Pow(1.02 / 1.04, 15),
            Assert.Single(r.OneOffs, l => l.Id == "air_water_heat_pump.replacement").PresentValue);
    }

    [Fact]
    public void Fixed_amount_subsidy_is_its_amount_whatever_the_cost()
    {
        var r = Study(Rw1Dwelling(), Hybrid());
        // Insulation to D 10,560 with ISDE 3,170 (Tabel 8.7), not 30% (3,168).
        var subsidy = Assert.Single(r.OneOffs, l => l.Id == "isde_insulation_d");
        Assert.Equal(-3170m, subsidy.Amount);
        Assert.Equal(CostCategory.Insulation, subsidy.Category);
        Assert.Equal("subsidies.isde_insulation_d", subsidy.Source.Key);
    }

    [Fact]
    public void Investment_is_the_year_zero_costs_before_subsidy_and_subsidy_is_positive()
    {
        var r = Study(Rw1Dwelling(), Hybrid());
        // Investment: 8,590 + 1,450 + 3,040 + 3,740 + 10,560 = 27,380 (the year-15 replacement is not an investment).
        Assert.Equal(27_380m, r.Investment);
        // Subsidy: 2,577 + 3,170 = 5,747, reported positive.
        Assert.Equal(5_747m, r.Subsidy);
        // TCO: 27,380 - 5,747 + 8,590 (year 15, q = 1) = 30,223; + 30 x (950 + 580.25) = 45,907.50 -> 76,130.50
        // (MODEL.md Appendix A: 76,130; Tabel 8.9 prints 76,250, the known V2 deviation).
        Assert.Equal(76_130.5m, r.Tco);
    }

    [Fact]
    public void A_subsidy_covering_the_whole_cost_nets_to_zero_but_counts_in_investment_and_subsidy()
    {
        var r = Study(Rw2Dwelling(), HeatNetwork(MiniCollective()));
        // BAK 3,775 - ISDE connection 3,775 = 0. Investment 1,450 + 6,380 + 3,775 = 11,605; subsidy 3,775.
        Assert.Equal(11_605m, r.Investment);
        Assert.Equal(3_775m, r.Subsidy);
        Assert.Equal(11_605m - 3_775m, r.OneOffs.Sum(l => l.PresentValue));
    }

    [Fact]
    public void Monthly_cost_leaves_out_the_upkeep_of_each_gas_appliance_in_the_study_method()
    {
        var r = Study(Rw1Dwelling(), Hybrid());
        // (950 + 580.25 - 2 x 157.5) / 12 = 1,215.25 / 12 = 101.2708333 (Tabel 8.9: 101).
        Approx.Equal(101.270833333333333333333333m, r.MonthlyCost);
        Assert.Equal(-315m / 12m, Assert.Single(r.Monthly, l => l.Kind == LineKind.Calibration).Amount);
    }

    [Fact]
    public void Monthly_cost_without_gas_appliances_is_the_annual_cost_over_twelve()
    {
        var r = Study(Rw1Dwelling(), HeatNetwork(MiniCollective()));
        // (1,735.0088448 + 760.77) / 12 = 2,495.7788448 / 12 = 207.9815704 (Tabel 8.9: 208). No investments, no indexation.
        Approx.Equal(207.9815704m, r.MonthlyCost);
        Assert.DoesNotContain(r.Monthly, l => l.Kind == LineKind.Calibration);
    }

    [Fact]
    public void Monthly_omission_of_zero_adds_no_calibration_line()
    {
        var a = new AssumptionsBuilder { MonthlyOmissionPerGasAppliance = 0m }.Build();
        var r = Study(Rw1Dwelling(), GasBoiler(), a);
        // (1,459.2 + 580.25) / 12 = 2,039.45 / 12 = 169.9541667 (what Tabel 8.9 would print without the omission: 170).
        Approx.Equal(169.954166666666666666666667m, r.MonthlyCost);
        Assert.DoesNotContain(r.Monthly, l => l.Kind == LineKind.Calibration);
    }

    public static TheoryData<HeatDemandMethod, string, int> AllCombinations()
    {
        var data = new TheoryData<HeatDemandMethod, string, int>();
        foreach (var m in new[] { HeatDemandMethod.Study, HeatDemandMethod.Consistent })
            foreach (var d in new[] { Rw1, Rw2 })
                for (int v = 0; v < 4; v++)
                    data.Add(m, d, v);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Monthly_lines_sum_to_the_monthly_total_and_mirror_the_annual_lines(HeatDemandMethod method, string dwelling, int variant)
    {
        var input = Neighbourhood(method);
        var v = input.Variants[variant];
        var d = input.Dwellings.Single(x => x.Id == dwelling);
        var r = new Tco(input).Evaluate(d, v, v.Collective is { } c ? Technics(c, method) : null);

        Assert.Equal(r.Monthly.Sum(l => l.Amount), r.MonthlyCost);
        // Every annual line appears once in the monthly lines, at a twelfth of its amount.
        foreach (var line in r.Annual)
            Assert.Equal(line.Amount / 12m, Assert.Single(r.Monthly, m => m.Id == line.Id).Amount);
        // Only the study method adds the omission, and only for variants with gas appliances.
        int expectedCalibrationLines = method == HeatDemandMethod.Study && v.GasAppliances > 0 ? 1 : 0;
        Assert.Equal(r.Annual.Count + expectedCalibrationLines, r.Monthly.Count);
        // The annual lines add up to variable + fixed.
        Approx.Equal(r.VariableCostPerYear + r.FixedCostPerYear, r.Annual.Sum(l => l.Amount), 1e-20m);
    }
}
