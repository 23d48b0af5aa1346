using SiteGen.Calculation.Inputs;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>Inputs that are valid one by one but cannot be computed together raise a <see cref="CalculationException"/>.</summary>
public class CalculationErrorTests
{
    [Fact]
    public void Heat_network_without_collective_figures_names_the_variant()
    {
        var tco = TestInputs.TcoFor(HeatDemandMethod.Study);
        var e = Assert.Throws<CalculationException>(() => tco.Evaluate(Rw1Dwelling(), HeatNetwork(collective: null), network: null));
        Assert.Contains("'v4-mini'", e.Message);
        Assert.Contains("is een warmtenet zonder blok 'collective'", e.Message);
    }

    [Fact]
    public void Neighbourhood_with_a_heat_network_variant_lacking_collective_inputs_fails_naming_the_variant()
    {
        var input = Neighbourhood(HeatDemandMethod.Study, variants: [GasBoiler(), HeatNetwork(collective: null)]);
        var e = Assert.Throws<CalculationException>(() => NeighbourhoodModel.Evaluate(input));
        Assert.Contains("'v4-mini'", e.Message);
    }

    [Fact]
    public void Study_method_needs_the_label_d_gas_of_every_dwelling_and_names_the_dwelling()
    {
        var noLabelD = Dwelling("rw-without-d", "E", 1300m, gasLabelD: null);
        var tco = TestInputs.TcoFor(HeatDemandMethod.Study);
        var e = Assert.Throws<CalculationException>(() => tco.Evaluate(noLabelD, GasBoiler()));
        Assert.Contains("'rw-without-d'", e.Message);
        Assert.Contains("label D", e.Message);
    }

    [Fact]
    public void Consistent_method_without_the_needed_label_saving_fails_naming_the_missing_jump()
    {
        var b = new AssumptionsBuilder();
        b.LabelSavings.Remove("f_to_d");
        var tco = TestInputs.TcoFor(HeatDemandMethod.Consistent, b.Build());
        // RW1 (label F) is insulated to D by the hybrid variant: the F -> D saving is needed and missing.
        var e = Assert.Throws<CalculationException>(() => tco.Evaluate(Rw1Dwelling(), Hybrid()));
        Assert.Contains("'f_to_d'", e.Message);
    }

    [Fact]
    public void Consistent_method_does_not_need_a_saving_for_variants_without_insulation()
    {
        var b = new AssumptionsBuilder();
        b.LabelSavings.Remove("f_to_d");
        var tco = TestInputs.TcoFor(HeatDemandMethod.Consistent, b.Build());
        // The gas boiler insulates nothing: 1,400 m3 x 1.14 = 1,596 EUR, no saving looked up.
        Assert.Equal(1596m, tco.Evaluate(Rw1Dwelling(), GasBoiler()).VariableCostPerYear);
    }

    [Fact]
    public void Study_method_never_looks_up_label_savings()
    {
        var b = new AssumptionsBuilder();
        b.LabelSavings.Clear();
        // The study charges published label-D gas, so an empty Tabel 10.1 is no error: 1,280 m3 for RW1.
        Assert.Equal(1280m, TestInputs.TcoFor(HeatDemandMethod.Study, b.Build()).Evaluate(Rw1Dwelling(), Hybrid()).GasBasisM3);
    }
}
