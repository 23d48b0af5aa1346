using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>
/// CO2 per year (MODEL.md §5): gas 1.788 kg/m3, electricity 0.34 kg/kWh. The study method reproduces
/// Tabel 5.3 / 6.4 with its own bases (current gas, published electricity, MWh/WEQ rounded to 0.01);
/// the consistent method uses the energy the costs rest on.
/// </summary>
public class Co2Tests
{
    private static ResidentResult Evaluate(HeatDemandMethod m, DwellingInput d, VariantInput v) =>
        TestInputs.TcoFor(m).Evaluate(d, v, v.Collective is { } c ? Technics(c, m) : null);

    private static Co2Line Line(ResidentResult r, string carrier) => Assert.Single(r.Co2Lines, l => l.Carrier == carrier);
    private static Co2Line StudyLine(ResidentResult r, string carrier) => Assert.Single(r.StudyCo2Lines, l => l.Carrier == carrier);

    [Fact]
    public void Study_gas_boiler_co2_is_on_current_gas_not_the_cost_basis()
    {
        var r = Evaluate(HeatDemandMethod.Study, Rw1Dwelling(), GasBoiler());
        // Cost basis 1,280 m3, but Tabel 5.3 uses current gas: 1,400 x 1.788 = 2,503.2 kg (printed 2,503).
        Assert.Equal(1280m, r.GasM3);
        var gas = StudyLine(r, "gas");
        Assert.Equal(1400m, gas.Quantity);
        Assert.Equal(2503.2m, gas.Kg);
        Assert.Equal(2503.2m, r.StudyCo2Kg);
        Assert.DoesNotContain(r.StudyCo2Lines, l => l.Carrier == "electricity");
        // The house's own figure follows the gas the costs use: 1,280 x 1.788 = 2,288.64 kg.
        Assert.Equal(2288.64m, r.Co2Kg);
    }

    [Fact]
    public void Study_hybrid_co2_uses_current_gas_and_the_published_electricity()
    {
        var r = Evaluate(HeatDemandMethod.Study, Rw1Dwelling(), Hybrid());
        // gas: 1,400 x 30% = 420 m3 x 1.788 = 750.96 kg; electricity: published 1,800 kWh (not 1,791.65) x 0.34 = 612 kg;
        // total 1,362.96 kg (Tabel 5.3: 751 + 612 = 1,363).
        Assert.Equal(420m, StudyLine(r, "gas").Quantity);
        Assert.Equal(750.96m, StudyLine(r, "gas").Kg);
        Assert.Equal(1800m, StudyLine(r, "electricity").Quantity);
        Assert.Equal(612m, StudyLine(r, "electricity").Kg);
        Assert.Equal(1362.96m, r.StudyCo2Kg);
    }

    [Fact]
    public void Study_co2_falls_back_to_computed_electricity_when_none_is_published()
    {
        var rw3 = Dwelling("rw3", "B", 900m, 900m);
        var r = Evaluate(HeatDemandMethod.Study, rw3, Hybrid());
        // gas 900 x 0.3 = 270 m3 -> 482.76 kg; el = 7,738.5 x 0.7 / 4.3 = 1,259.7558 kWh -> 428.3170 kg.
        Assert.Equal(482.76m, StudyLine(r, "gas").Kg);
        Approx.Equal(1259.755813953488372093023256m, StudyLine(r, "electricity").Quantity);
        Approx.Equal(482.76m + 428.316976744186046511627907m, r.StudyCo2Kg);
    }

    [Fact]
    public void Study_air_water_co2_is_the_published_electricity_only()
    {
        var r = Evaluate(HeatDemandMethod.Study, Rw2Dwelling(), AirWater());
        // Tabel 5.2 RW2 prints 2.8 MWh (copied from RW1); 2,800 x 0.34 = 952 kg (Tabel 5.3: 952).
        var el = Assert.Single(r.StudyCo2Lines);
        Assert.Equal("electricity", el.Carrier);
        Assert.Equal(2800m, el.Quantity);
        Assert.Equal(952m, r.StudyCo2Kg);
    }

    [Fact]
    public void Consistent_co2_uses_the_cost_basis_and_ignores_published_electricity()
    {
        var r = Evaluate(HeatDemandMethod.Consistent, Rw1Dwelling(), Hybrid());
        // basis 1,276.8 m3 (F -> D): gas 383.04 m3 x 1.788 = 684.87552 kg;
        // el 1,276.8 x 8.3978 x 0.7 / 4.3 = 1,745.4925 kWh x 0.34 = 593.4674483 kg (not the published 1,800).
        Approx.Equal(383.04m, Line(r, "gas").Quantity);
        Approx.Equal(684.87552m, Line(r, "gas").Kg);
        Approx.Equal(1745.492494883720930232558m, Line(r, "electricity").Quantity);
        Approx.Equal(684.87552m + 593.467448260465116279069767m, r.Co2Kg);
    }

    [Fact]
    public void Consistent_gas_boiler_co2_follows_the_insulated_gas_use()
    {
        var boilerWithInsulation = GasBoiler(new Dictionary<string, InsulationTarget> { [Rw1] = InsulationTarget.LabelD });
        // Consistent: 1,276.8 m3 x 1.788 = 2,282.9184 kg. Study: still current gas 1,400 -> 2,503.2 kg.
        Assert.Equal(2282.9184m, Evaluate(HeatDemandMethod.Consistent, Rw1Dwelling(), boilerWithInsulation).Co2Kg);
        Assert.Equal(2503.2m, Evaluate(HeatDemandMethod.Study, Rw1Dwelling(), boilerWithInsulation).StudyCo2Kg);
    }

    [Fact]
    public void Study_heat_network_co2_is_the_rounded_electricity_per_connected_weq()
    {
        // V4: 186 MWh / 41 WEQ = 4.536585 -> 4.54 MWh -> 4,540 kWh x 0.34 = 1,543.6 kg (Tabel 6.4: 1,544),
        // the same for every dwelling.
        foreach (var d in new[] { Rw1Dwelling(), Rw2Dwelling() })
        {
            var r = Evaluate(HeatDemandMethod.Study, d, HeatNetwork(MiniCollective()));
            var line = Assert.Single(r.StudyCo2Lines);
            Assert.Equal("network-electricity", line.Carrier);
            Assert.Equal(4540m, line.Quantity);
            Assert.Equal(1543.6m, r.StudyCo2Kg);
        }
    }

    [Fact]
    public void Consistent_heat_network_co2_shares_the_network_electricity_by_the_heat_taken()
    {
        var r = Evaluate(HeatDemandMethod.Consistent, Rw1Dwelling(), HeatNetwork(MiniCollective()));
        // RW1 to D: 1,276.8 m3 x 8.3978 x 0.0036 = 38.600319744 GJ; share of 186,000 kWh over 1,286 GJ connected:
        // 38.600319744 x 186,000 / 1,286 = 5,582.938937 kWh x 0.34 = 1,898.199238 kg.
        Approx.Equal(38.600319744m, r.HeatGJ);
        Approx.Equal(5582.938936534992223950233281m, Assert.Single(r.Co2Lines).Quantity, 1e-18m);
        Approx.Equal(1898.199238421897356143079316m, r.Co2Kg, 1e-18m);
    }

    [Theory]
    [InlineData(HeatDemandMethod.Study)]
    [InlineData(HeatDemandMethod.Consistent)]
    public void Every_results_co2_follows_from_its_own_energy_and_the_factors(HeatDemandMethod m)
    {
        // The open data promise (issue 10): CO2 = gas x 1.788 + electricity x 0.34 + heat x the network's kWh per GJ x 0.34.
        foreach (var d in new[] { Rw1Dwelling(), Rw2Dwelling() })
            foreach (var v in new[] { GasBoiler(), Hybrid(), AirWater(), HeatNetwork(MiniCollective()) })
            {
                var r = Evaluate(m, d, v);
                decimal networkKwhPerGJ = v.Collective is { } c ? Technics(c, m).ElectricityMWh * 1000m / Technics(c, m).ConnectedDemandGJ : 0m;
                Approx.Equal(r.GasM3 * 1.788m + r.ElectricityKwh * 0.34m + r.HeatGJ * networkKwhPerGJ * 0.34m, r.Co2Kg, 1e-18m);
            }
    }
}
