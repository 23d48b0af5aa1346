using SiteGen.Calculation.HeatDemand;
using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>The Study / Consistent switch (MODEL.md §3): conversion factor, gas basis, calibrations.</summary>
public class HeatDemandMethodTests
{
    private static readonly Assumptions A = StudyAssumptions();

    [Fact]
    public void Bijlage_1_factor_is_the_efficiency_weighted_calorific_value()
    {
        // (0.78 x 1.04 + 0.20 x 0.72) x 31.65 = (0.8112 + 0.144) x 31.65 = 0.9552 x 31.65 = 30.23208 MJ/m3 (printed "30,3").
        Assert.Equal(30.23208m, HeatDemandModel.Bijlage1FactorMegajoule(A));
        // / 3.6 MJ/kWh = 8.3978 kWh/m3 (MODEL.md: 8.40).
        Assert.Equal(8.3978m, HeatDemandModel.KilowattHourPerM3(A, HeatDemandMethod.Consistent));
        Assert.Equal(8.40m, DecimalMath.RoundHalfUp(HeatDemandModel.KilowattHourPerM3(A, HeatDemandMethod.Consistent), 2));
    }

    [Fact]
    public void Study_factor_is_the_inferred_conversion_factor()
    {
        // 30.954 MJ/m3 / 3.6 = 8.59833 kWh/m3 (MODEL.md §3.2: 8.598), cited as the inferred assumption.
        Approx.Equal(8.598333333333333333333333333m, HeatDemandModel.KilowattHourPerM3(A, HeatDemandMethod.Study));
        Assert.Equal("heat_demand.study_conversion_factor", HeatDemandModel.FactorSource(A, HeatDemandMethod.Study).Key);
        Assert.Equal("heat_demand.calorific_value", HeatDemandModel.FactorSource(A, HeatDemandMethod.Consistent).Key);
    }

    [Theory]
    // RW1 label F: 1,400 x (1 - 0.80 x 0.11) = 1,400 x 0.912 = 1,276.8 (printed 1,280)
    [InlineData("F", "1400", InsulationTarget.LabelD, "1276.8")]
    // RW1 label F: 1,400 x (1 - 0.80 x 0.27) = 1,400 x 0.784 = 1,097.6 (printed 1,100)
    [InlineData("F", "1400", InsulationTarget.LabelB, "1097.6")]
    // RW2 label D: 1,200 x (1 - 0.80 x 0.19) = 1,200 x 0.848 = 1,017.6 (printed 1,030: MODEL.md §8 item 7)
    [InlineData("D", "1200", InsulationTarget.LabelB, "1017.6")]
    // unknown label to D: 1,400 x (1 - 0.80 x 0.16) = 1,400 x 0.872 = 1,220.8
    [InlineData("unknown", "1400", InsulationTarget.LabelD, "1220.8")]
    // label written in lower case and with spaces is normalised: f -> F
    [InlineData(" f ", "1400", InsulationTarget.LabelD, "1276.8")]
    // no target: unchanged
    [InlineData("F", "1400", InsulationTarget.None, "1400")]
    // already at or above the target: unchanged (D -> D, C -> D, B -> B, A+ -> B)
    [InlineData("D", "1200", InsulationTarget.LabelD, "1200")]
    [InlineData("C", "1000", InsulationTarget.LabelD, "1000")]
    [InlineData("B", "900", InsulationTarget.LabelB, "900")]
    [InlineData("A+", "700", InsulationTarget.LabelB, "700")]
    public void Gas_after_insulation_applies_the_label_saving_to_the_space_heating_share(
        string label, string gas, InsulationTarget target, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(decimal.Parse(expected, inv),
            HeatDemandModel.GasAfterInsulation(decimal.Parse(gas, inv), label, target, A));
    }

    [Fact]
    public void Consistent_method_bases_each_variant_on_the_gas_after_its_own_insulation()
    {
        var tco = TestInputs.TcoFor(HeatDemandMethod.Consistent);
        // RW1 gas boiler, no insulation: 1,400 m3 (current), heat 1,400 x 8.3978 = 11,756.92 kWh.
        var boiler = tco.Evaluate(Rw1Dwelling(), GasBoiler());
        Assert.Equal(1400m, boiler.GasBasisM3);
        Assert.Equal(11756.92m, boiler.HeatDemandKwh);
        // RW1 hybrid, to D: 1,276.8 m3.
        Assert.Equal(1276.8m, tco.Evaluate(Rw1Dwelling(), Hybrid()).GasBasisM3);
        // RW1 air/water, to B: 1,097.6 m3, heat 1,097.6 x 8.3978 = 9,217.42528 kWh.
        var lwwp = tco.Evaluate(Rw1Dwelling(), AirWater());
        Assert.Equal(1097.6m, lwwp.GasBasisM3);
        Assert.Equal(9217.42528m, lwwp.HeatDemandKwh);
        // RW2 (label D) air/water, to B: 1,017.6 m3 - not the published 1,030.
        Assert.Equal(1017.6m, tco.Evaluate(Rw2Dwelling(), AirWater()).GasBasisM3);
    }

    [Fact]
    public void Study_method_uses_the_published_label_d_gas_whatever_the_insulation()
    {
        var tco = TestInputs.TcoFor(HeatDemandMethod.Study);
        // RW1: published 1,280 (not 1,276.8, not 1,400, not 1,100), heat 1,280 x 8.59833 = 11,005.87 kWh.
        Assert.Equal(1280m, tco.Evaluate(Rw1Dwelling(), AirWater()).GasBasisM3);
        Assert.Equal(1280m, tco.Evaluate(Rw1Dwelling(), Hybrid()).GasBasisM3);
        Approx.Equal(11005.86666666666666666666667m, tco.Evaluate(Rw1Dwelling(), GasBoiler()).HeatDemandKwh, 1e-20m);
    }

    [Fact]
    public void Consistent_method_leaves_out_calibration_costs()
    {
        var r = TestInputs.TcoFor(HeatDemandMethod.Consistent).Evaluate(Rw1Dwelling(), AirWater());
        Assert.DoesNotContain(r.OneOffs, l => l.Kind == LineKind.Calibration);
        // Investment: 16,540 + 1,450 + 3,040 + 3,740 + 36,160 = 60,930 (without the 381 calibration).
        Assert.Equal(60_930m, r.Investment);
        // TCO: 60,930 - 4,962 - 10,850 + 16,540 (year 15, q = 1) = 61,658;
        // annual: 9,217.42528 / 4 x 0.26 = 599.1326432 + 270 = 869.1326432, x 30 = 26,073.979296 -> 87,731.979296.
        Assert.Equal(87_731.979296m, r.Tco);
    }

    [Fact]
    public void Study_method_includes_calibration_costs()
    {
        var r = TestInputs.TcoFor(HeatDemandMethod.Study).Evaluate(Rw1Dwelling(), AirWater());
        var calibration = Assert.Single(r.OneOffs, l => l.Kind == LineKind.Calibration);
        Assert.Equal(381m, calibration.Amount);
        Assert.Equal(CostCategory.Calibration, calibration.Category);
        // Investment 60,930 + 381 = 61,311. TCO: 61,311 - 15,812 + 16,540 = 62,039 one-off, + 30 x (715.38133 + 270)
        // = 29,561.44 -> 91,600.44 (Tabel 8.9 prints 91,600).
        Assert.Equal(61_311m, r.Investment);
        Approx.Equal(91_600.44m, r.Tco);
    }

    [Fact]
    public void Consistent_method_does_not_omit_gas_appliance_upkeep_from_the_monthly_cost()
    {
        var r = TestInputs.TcoFor(HeatDemandMethod.Consistent).Evaluate(Rw1Dwelling(), GasBoiler());
        // (1,400 x 1.14 + 580.25) / 12 = (1,596 + 580.25) / 12 = 2,176.25 / 12 = 181.3541667
        Approx.Equal(181.354166666666666666666667m, r.MonthlyCost);
        Assert.DoesNotContain(r.Monthly, l => l.Kind == LineKind.Calibration);
    }

    [Fact]
    public void Study_method_omits_gas_appliance_upkeep_from_the_monthly_cost()
    {
        var r = TestInputs.TcoFor(HeatDemandMethod.Study).Evaluate(Rw1Dwelling(), GasBoiler());
        // (1,459.2 + 580.25 - 1 x 157.5) / 12 = 1,881.95 / 12 = 156.8291667 (Tabel 8.9: 157)
        Approx.Equal(156.829166666666666666666667m, r.MonthlyCost);
        var omission = Assert.Single(r.Monthly, l => l.Kind == LineKind.Calibration);
        Assert.Equal(-157.5m / 12m, omission.Amount);
    }
}
