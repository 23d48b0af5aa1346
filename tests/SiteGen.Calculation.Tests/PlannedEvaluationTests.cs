using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>
/// A <see cref="Tco"/> gathers the one-off lines of the dwellings and variants it was built with once (a plan per
/// dwelling x variant) and makes them per evaluation for any other (a resident's adapted variant). Both must give the
/// same result, line for line and to the last digit.
/// </summary>
public class PlannedEvaluationTests
{
    public static TheoryData<HeatDemandMethod> Methods => [HeatDemandMethod.Study, HeatDemandMethod.Consistent];

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_planned_evaluation_equals_one_of_equal_inputs_the_model_was_not_built_with(HeatDemandMethod method)
    {
        var input = Neighbourhood(method, variants: [GasBoiler(), WithStatedSubsidy(Hybrid()), AirWater(), HeatNetwork(MiniCollective())]);
        var tco = new Tco(input);
        int compared = 0;
        foreach (var d in input.Dwellings)
            foreach (var v in input.Variants)
            {
                var network = v.Collective is { } c ? Technics(c, method) : null;
                var planned = tco.Evaluate(d, v, network);
                var unplanned = tco.Evaluate(Copy(d), Copy(v), network);
                AssertSame(planned, unplanned);
                // Evaluated again, a plan gives the same result (its shared lines are not changed by the first).
                AssertSame(planned, tco.Evaluate(d, v, network));
                var totals = tco.Evaluate(d, v, network, detail: false);
                Assert.Equal(planned.Tco, totals.Tco);
                Assert.Equal(planned.MonthlyCost, totals.MonthlyCost);
                Assert.Equal(planned.Investment, totals.Investment);
                Assert.Equal(planned.Subsidy, totals.Subsidy);
                Assert.Empty(totals.OneOffs);
                Assert.Empty(totals.Reconciliations);
                compared++;
            }
        Assert.Equal(8, compared);
    }

    [Fact]
    public void A_plans_reconciling_amounts_are_the_same_at_every_evaluation()
    {
        // The plan holds the one-offs' reconciling amounts and the monthly omission's, made once: evaluating again must
        // not add the omission a second time.
        var input = Neighbourhood(HeatDemandMethod.Study, variants: [WithStatedSubsidy(Hybrid())]);
        var tco = new Tco(input);
        var (d, v) = (input.Dwellings[0], input.Variants[0]);
        var first = tco.Evaluate(d, v);
        var ids = first.Reconciliations.Select(r => r.Id).ToArray();
        for (int i = 0; i < 3; i++) Assert.Equal(ids, tco.Evaluate(d, v).Reconciliations.Select(r => r.Id));
        Assert.Single(first.Reconciliations, r => r.Id == "calibration.monthly_omission");
        Assert.Single(first.Reconciliations, r => r.Id.EndsWith(".difference", StringComparison.Ordinal));
        Assert.Equal("calibration.monthly_omission", ids[^1]); // after the one-offs', as the monthly lines come after them
    }

    private static void AssertSame(ResidentResult expected, ResidentResult actual)
    {
        Assert.Equal(expected.Tco, actual.Tco);
        Assert.Equal(expected.MonthlyCost, actual.MonthlyCost);
        Assert.Equal(expected.Investment, actual.Investment);
        Assert.Equal(expected.Subsidy, actual.Subsidy);
        Assert.Equal(expected.ResidentUpfront, actual.ResidentUpfront);
        Assert.Equal(expected.TcoRange, actual.TcoRange);
        Assert.Equal(expected.MonthlyRange, actual.MonthlyRange);
        Assert.Equal(expected.UpfrontRange, actual.UpfrontRange);
        Assert.Equal(expected.Co2Kg, actual.Co2Kg);
        Assert.Equal(expected.OneOffs, actual.OneOffs);
        Assert.Equal(expected.ResidentOneOffs, actual.ResidentOneOffs);
        Assert.Equal(expected.Annual, actual.Annual);
        Assert.Equal(expected.Monthly, actual.Monthly);
        Assert.Equal(expected.Reconciliations, actual.Reconciliations);
    }

    /// <summary>The hybrid with its heat pump's subsidy also stated as an amount (Tabel 8.7): a reconciling difference.</summary>
    private static VariantInput WithStatedSubsidy(VariantInput v) => Copy(v, cost => cost.Subsidy is { ShareOfCost: not null } s
        ? cost with { Subsidy = s with { StatedAmount = Q(2500m, "subsidies.stated") } }
        : cost with { });

    private static DwellingInput Copy(DwellingInput d) => new()
    {
        Id = d.Id, Label = d.Label, GasCurrent = d.GasCurrent, GasLabelD = d.GasLabelD, GasLabelB = d.GasLabelB,
    };

    /// <summary>An equal variant with equal (not the same) costs: the model finds nothing of it in its plans.</summary>
    private static VariantInput Copy(VariantInput v, Func<PlannedCost, PlannedCost>? cost = null) => new()
    {
        Id = v.Id, Kind = v.Kind, FixedCosts = [.. v.FixedCosts],
        Costs = v.Costs.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<PlannedCost>)[.. kv.Value.Select(cost ?? (c => c with { }))]),
        Insulation = v.Insulation.ToDictionary(), GasAppliances = v.GasAppliances,
        VariableCostOverride = v.VariableCostOverride, PublishedElectricityKwh = v.PublishedElectricityKwh, Collective = v.Collective,
    };
}
