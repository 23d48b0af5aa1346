using SiteGen.Calculation.Inputs;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

public class NeighbourhoodModelTests
{
    [Fact]
    public void Evaluates_every_dwelling_with_every_variant_dwelling_major()
    {
        var result = NeighbourhoodModel.Evaluate(Neighbourhood(HeatDemandMethod.Study));
        // 2 dwellings x 4 variants, in scenario order: rw1 x (v1..v4), then rw2 x (v1..v4).
        Assert.Equal(8, result.Residents.Count);
        Assert.Equal(
            new[] { "rw1/v1-gas-boiler", "rw1/v2-hybrid", "rw1/v3-air-water", "rw1/v4-mini",
                    "rw2/v1-gas-boiler", "rw2/v2-hybrid", "rw2/v3-air-water", "rw2/v4-mini" },
            result.Residents.Select(r => $"{r.DwellingId}/{r.VariantId}"));
        Assert.Equal(30m, result.Annuity);
    }

    [Fact]
    public void Computes_technics_and_a_business_case_for_each_collective_variant_only()
    {
        var result = NeighbourhoodModel.Evaluate(Neighbourhood(HeatDemandMethod.Study));
        var collective = Assert.Single(result.Collectives);
        Assert.Equal("v4-mini", collective.VariantId);
        // 41 dwellings x 100% = 41 connected WEQ; CAPEX 1.2 x 837,600 = 1,005,120.
        Assert.Equal(41m, collective.Technics.ConnectedWeq);
        Assert.Equal(1_005_120m, collective.BusinessCase.Capex);
        Assert.Same(collective, result.Collective("v4-mini"));
        Assert.Null(result.Collective("v1-gas-boiler"));
    }

    [Fact]
    public void Heat_network_residents_get_the_co2_of_their_own_network()
    {
        var result = NeighbourhoodModel.Evaluate(Neighbourhood(HeatDemandMethod.Study));
        // round(186 / 41, 2) = 4.54 MWh -> 4,540 kWh x 0.34 = 1,543.6 kg.
        Assert.Equal(1543.6m, result.Resident(Rw2, "v4-mini").StudyCo2Kg);
        // Individual variants are unaffected: RW2 gas boiler on current gas 1,200 x 1.788 = 2,145.6 kg.
        Assert.Equal(2145.6m, result.Resident(Rw2, "v1-gas-boiler").Co2Kg);
    }
}
