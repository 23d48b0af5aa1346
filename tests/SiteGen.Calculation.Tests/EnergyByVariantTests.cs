using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>
/// Energy use and variable cost per variant kind (MODEL.md §4.1, Tabel 5.2 / 8.2). Study method unless stated:
/// basis = label-D gas; heat = basis x 30.954 / 3.6 kWh/m3 (8.59833...). RW1: 1,280 m3 -> 11,005.8667 kWh.
/// </summary>
public class EnergyByVariantTests
{
    private const decimal Rw1HeatKwh = 1280m * 30.954m / 3.6m; // 11,005.866666...

    private static ResidentResult Study(DwellingInput d, VariantInput v) =>
        TestInputs.TcoFor(HeatDemandMethod.Study).Evaluate(d, v, v.Collective is { } c ? Technics(c) : null);

    private static ResidentResult Consistent(DwellingInput d, VariantInput v) =>
        TestInputs.TcoFor(HeatDemandMethod.Consistent).Evaluate(d, v, v.Collective is { } c ? Technics(c, HeatDemandMethod.Consistent) : null);

    [Fact]
    public void Gas_boiler_burns_the_basis_gas_and_pays_the_gas_price()
    {
        var r = Study(Rw1Dwelling(), GasBoiler());
        // gas = basis = 1,280 m3 (label D in the study method); 1,280 x 1.14 = 1,459.20 EUR.
        Assert.Equal(1280m, r.GasBasisM3);
        Assert.Equal(1280m, r.GasM3);
        Assert.Equal(0m, r.ElectricityKwh);
        Assert.Equal(0m, r.HeatGJ);
        Approx.Equal(Rw1HeatKwh, r.HeatDemandKwh, 1e-20m);
        var line = Assert.Single(r.Annual, l => l.Kind == LineKind.Variable);
        Assert.Equal("energy.gas", line.Id);
        Assert.Equal(1459.2m, line.Amount);
        Assert.Equal(1459.2m, r.VariableCostPerYear);
    }

    [Fact]
    public void Hybrid_heat_pump_makes_its_heat_share_on_electricity_at_its_scop_and_the_rest_on_gas()
    {
        var r = Study(Rw1Dwelling(), Hybrid());
        // el = 11,005.8667 kWh x 70% / 4.3 = 1,791.6527 kWh (Tabel 5.2: 1.8 MWh); gas = 1,280 x (1 - 70%) = 384 m3.
        Approx.Equal(1791.652713178294573643410853m, r.ElectricityKwh);
        Assert.Equal(384m, r.GasM3);
        Assert.Equal(0m, r.HeatGJ);
    }

    [Fact]
    public void Hybrid_variable_cost_is_the_published_override_in_the_study_method()
    {
        var r = Study(Rw1Dwelling(), Hybrid());
        // Tabel 8.2 prints 950 for V2 RW1; the formula would give 384 x 1.14 + 1,791.65 x 0.26 = 903.6.
        var line = Assert.Single(r.Annual, l => l.Kind == LineKind.Variable);
        Assert.Equal("energy.hybrid", line.Id);
        Assert.Equal(950m, line.Amount);
        Assert.Equal("v2.variable.rw1", line.Source.Key);
        Assert.Equal(950m, r.VariableCostPerYear);
    }

    [Fact]
    public void Hybrid_without_an_override_for_the_dwelling_uses_the_formula_in_the_study_method()
    {
        var rw3 = Dwelling("rw3", "B", 900m, 900m);
        var r = Study(rw3, Hybrid());
        // heat = 900 x 8.59833 = 7,738.5 kWh; el = 7,738.5 x 0.7 / 4.3 = 1,259.7558 kWh; gas = 900 x 0.3 = 270 m3;
        // cost = 270 x 1.14 + 1,259.7558 x 0.26 = 307.80 + 327.5365 = 635.3365 (MODEL.md §4.8: 635.3).
        Assert.Equal(270m, r.GasM3);
        Approx.Equal(635.336511627906976744186m, r.VariableCostPerYear);
        Assert.Equal(new[] { "energy.gas", "energy.electricity" }, r.Annual.Where(l => l.Kind == LineKind.Variable).Select(l => l.Id));
    }

    [Fact]
    public void Hybrid_override_is_ignored_by_the_consistent_method()
    {
        var r = Consistent(Rw1Dwelling(), Hybrid());
        // Consistent: RW1 (label F) insulated to D -> 1,400 x (1 - 0.8 x 0.11) = 1,276.8 m3; heat = 1,276.8 x 8.3978 = 10,722.311 kWh.
        // gas = 1,276.8 x 0.3 = 383.04 m3 -> 436.6656 EUR; el = 10,722.311 x 0.7 / 4.3 = 1,745.4925 kWh -> 453.8280 EUR.
        Approx.Equal(383.04m, r.GasM3);
        Approx.Equal(1745.492494883720930232558m, r.ElectricityKwh);
        Approx.Equal(436.6656m + 453.828048669767441860465m, r.VariableCostPerYear);
        Assert.DoesNotContain(r.Annual, l => l.Id == "energy.hybrid");
    }

    [Fact]
    public void Air_water_heat_pump_makes_all_heat_on_electricity_at_its_scop()
    {
        var r = Study(Rw1Dwelling(), AirWater());
        // el = 11,005.8667 / 4.0 = 2,751.4667 kWh (Tabel 5.2: 2.8 MWh); x 0.26 = 715.3813 EUR (Tabel 8.2: 720). No gas.
        Approx.Equal(2751.466666666666666666666667m, r.ElectricityKwh);
        Assert.Equal(0m, r.GasM3);
        Approx.Equal(715.381333333333333333333333m, r.VariableCostPerYear);
        Assert.Equal("energy.electricity", Assert.Single(r.Annual, l => l.Kind == LineKind.Variable).Id);
    }

    [Fact]
    public void Heat_network_delivers_the_heat_in_gigajoules_at_the_variable_heat_tariff()
    {
        var r = Study(Rw1Dwelling(), HeatNetwork(MiniCollective()));
        // GJ = 11,005.8667 kWh x 0.0036 = 39.62112 GJ (= 1,280 x 30.954 / 1,000); x 43.79 = 1,735.0088448 EUR.
        Approx.Equal(39.62112m, r.HeatGJ);
        Assert.Equal(0m, r.GasM3);
        Assert.Equal(0m, r.ElectricityKwh);
        Approx.Equal(1735.0088448m, r.VariableCostPerYear);
        Assert.Equal("energy.heat", Assert.Single(r.Annual, l => l.Kind == LineKind.Variable).Id);
    }

    [Fact]
    public void Fixed_costs_are_the_sum_of_the_variant_fixed_lines()
    {
        var r = Study(Rw2Dwelling(), HeatNetwork(MiniCollective()));
        // ACM 2025: 577.48 + 32.80 + 150.49 = 760.77 EUR/yr (Tabel 8.3 prints 760).
        Assert.Equal(760.77m, r.FixedCostPerYear);
        Assert.Equal(3, r.Annual.Count(l => l.Kind == LineKind.Fixed));
    }

    [Fact]
    public void Study_method_charges_label_d_gas_to_every_variant_regardless_of_its_insulation()
    {
        // MODEL.md §3.2: V3 insulates RW1 to B, still charged 1,280 m3 (label D) in the study.
        var tco = TestInputs.TcoFor(HeatDemandMethod.Study);
        Assert.Equal(1280m, tco.Evaluate(Rw1Dwelling(), AirWater()).GasBasisM3);
        Assert.Equal(1280m, tco.Evaluate(Rw1Dwelling(), GasBoiler()).GasBasisM3);
    }
}
