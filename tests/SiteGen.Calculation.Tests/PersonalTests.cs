using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Personal;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>Issue 11: the resident's own figures, the calculator's coefficients and the break-even gas use.</summary>
public class PersonalTests
{
    private static PersonalModel Model(HeatDemandMethod method = HeatDemandMethod.Study, Assumptions? a = null) =>
        new(Neighbourhood(method, a));

    private const string Boiler = "v1-gas-boiler", HybridId = "v2-hybrid", AirWaterId = "v3-air-water", Network = "v4-mini";

    [Fact]
    public void Totals_only_evaluation_gives_exactly_the_totals_of_the_full_one()
    {
        // The calculator's coefficients ask for totals only (no lines are made); they must be the same figures to the last digit.
        foreach (var method in new[] { HeatDemandMethod.Study, HeatDemandMethod.Consistent })
        {
            var input = Neighbourhood(method);
            var tco = new Resident.Tco(input);
            var model = new PersonalModel(input);
            var network = Collective.HeatNetworkTechnics.Compute(MiniCollective(), input.Assumptions, method);
            int compared = 0;
            foreach (var d in input.Dwellings)
                foreach (var v in input.Variants)
                {
                    var n = v.Collective is null ? null : network;
                    Same(tco.Evaluate(d, v, n), tco.Evaluate(d, v, n, detail: false));
                    var r = tco.Evaluate(d, v, n);
                    Assert.Equal(new Resident.ResidentTotals(r.Tco, r.MonthlyCost, r.Investment, r.Subsidy, r.VariableCostPerYear, r.FixedCostPerYear),
                        tco.Totals(d, v, n));
                    foreach (var p in new[]
                             {
                                 new PersonalInputs { GasM3 = 1234m, Label = "F" }, new PersonalInputs { NaturalMoment = true, Price = PriceSetting.High },
                                 new PersonalInputs { Tenant = true, Price = PriceSetting.Low, Label = "B" },
                                 new PersonalInputs { Loan = true, GasM3 = 1500m },
                             })
                    {
                        var full = model.Evaluate(d.Id, v.Id, p);
                        var totals = model.Evaluate(d.Id, v.Id, p, detail: false);
                        Same(full.Detail, totals.Detail);
                        Assert.Equal((full.Tco30y, full.MonthlyStartYear, full.UpfrontAfterSubsidy), (totals.Tco30y, totals.MonthlyStartYear, totals.UpfrontAfterSubsidy));
                        Assert.Equal(new PersonalFigures(full.Tco30y, full.MonthlyStartYear, full.UpfrontAfterSubsidy), model.Figures(d.Id, v.Id, p));
                        if (!p.Tenant && !p.NaturalMoment)
                        {
                            var (owner, tenant) = model.EvaluateOwnerAndTenant(d.Id, v.Id, p);
                            Assert.Equal((new PersonalFigures(owner.Tco30y, owner.MonthlyStartYear, owner.UpfrontAfterSubsidy),
                                new PersonalFigures(tenant.Tco30y, tenant.MonthlyStartYear, tenant.UpfrontAfterSubsidy)), model.FiguresOwnerAndTenant(d.Id, v.Id, p));
                        }
                        compared++;
                    }
                }
            Assert.Equal(input.Dwellings.Count * input.Variants.Count * 4, compared);
        }

        static void Same(Resident.ResidentResult full, Resident.ResidentResult totals)
        {
            Assert.NotEmpty(full.OneOffs.Concat(full.Annual));
            Assert.Empty(totals.OneOffs);
            Assert.Empty(totals.Annual);
            Assert.Empty(totals.Co2Lines);
            Assert.Equal(
                (full.Tco, full.MonthlyCost, full.Investment, full.Subsidy, full.VariableCostPerYear, full.FixedCostPerYear),
                (totals.Tco, totals.MonthlyCost, totals.Investment, totals.Subsidy, totals.VariableCostPerYear, totals.FixedCostPerYear));
            Assert.Equal((full.GasM3, full.ElectricityKwh, full.HeatGJ, full.Co2Kg), (totals.GasM3, totals.ElectricityKwh, totals.HeatGJ, totals.Co2Kg));
            // Equal decimals may still print differently (1.50 and 1.5): the scale is compared too.
            Assert.Equal((full.Tco.Scale, full.MonthlyCost.Scale), (totals.Tco.Scale, totals.MonthlyCost.Scale));
        }
    }

    [Fact]
    public void Owner_and_tenant_from_one_evaluation_are_the_owners_and_the_tenants_figures()
    {
        var model = Model(HeatDemandMethod.Consistent);
        foreach (var d in model.Input.Dwellings)
            foreach (var v in model.Input.Variants)
                foreach (var p in new[] { new PersonalInputs { GasM3 = 1700m, Label = "C" }, new PersonalInputs { Price = PriceSetting.High, Loan = true } })
                {
                    var (owner, tenant) = model.EvaluateOwnerAndTenant(d.Id, v.Id, p);
                    var ownerAlone = model.Evaluate(d.Id, v.Id, p);
                    var tenantAlone = model.Evaluate(d.Id, v.Id, p with { Tenant = true });
                    Assert.Equal((ownerAlone.Tco30y, ownerAlone.MonthlyStartYear, ownerAlone.UpfrontAfterSubsidy, ownerAlone.LoanMonthly),
                        (owner.Tco30y, owner.MonthlyStartYear, owner.UpfrontAfterSubsidy, owner.LoanMonthly));
                    Assert.Equal((tenantAlone.Tco30y, tenantAlone.MonthlyStartYear, tenantAlone.UpfrontAfterSubsidy, tenantAlone.Inputs),
                        (tenant.Tco30y, tenant.MonthlyStartYear, tenant.UpfrontAfterSubsidy, tenant.Inputs));
                }
        // With the boiler timing the owner's items differ from the tenant's: one evaluation cannot serve both.
        Assert.Throws<ArgumentException>(() => model.EvaluateOwnerAndTenant(Rw1, Boiler, new PersonalInputs { NaturalMoment = true }));
    }

    [Fact]
    public void Gas_boiler_total_rises_by_exactly_gas_difference_times_price_times_annuity()
    {
        var model = Model();
        var p = new PersonalInputs { Label = "E" };
        var low = model.Evaluate(Rw1, Boiler, p with { GasM3 = 1400m });
        var high = model.Evaluate(Rw1, Boiler, p with { GasM3 = 1900m });
        Assert.Equal(30m, model.Annuity);
        Assert.Equal(500m * 1.14m * model.Annuity, high.Tco30y - low.Tco30y);
        // The reviewer's house: 1,900 m3 at the study's price is EUR 2,166 a year for gas, not the page's 1,459.
        Assert.Equal(2166m, high.Detail.VariableCostPerYear);
        Assert.Equal((2166m + 580.25m) / 12m, high.MonthlyStartYear);
    }

    [Fact]
    public void Price_setting_scales_gas_electricity_and_heat_tariff_but_not_fixed_costs()
    {
        var model = Model();
        foreach (var variant in new[] { Boiler, HybridId, AirWaterId, Network })
        {
            var central = model.Evaluate(Rw1, variant, new PersonalInputs { GasM3 = 1500m });
            var high = model.Evaluate(Rw1, variant, new PersonalInputs { GasM3 = 1500m, Price = PriceSetting.High });
            Approx.Equal(central.Detail.VariableCostPerYear * 1.25m, high.Detail.VariableCostPerYear);
            Assert.Equal(central.Detail.FixedCostPerYear, high.Detail.FixedCostPerYear);
        }
    }

    [Fact]
    public void Personal_figures_use_the_consistent_method_even_for_a_study_neighbourhood()
    {
        // Study method charges label-D gas (1,280) with the published hybrid cost; the personal figure starts from the
        // resident's own gas, Bijlage 1's factor and the hybrid formula, without the V3 calibration.
        var p = Model(HeatDemandMethod.Study).Evaluate(Rw1, AirWaterId, new PersonalInputs());
        var consistent = TcoFor(HeatDemandMethod.Consistent).Evaluate(Rw1Dwelling(), AirWater());
        Assert.Equal(consistent.Tco, p.Tco30y); // V3 buys no boiler, so the boiler timing does not matter
        Assert.DoesNotContain(p.Detail.OneOffs, l => l.Kind == Resident.LineKind.Calibration);
    }

    [Fact]
    public void Natural_moment_moves_the_boiler_purchase()
    {
        var model = Model();
        var notDue = model.Evaluate(Rw1, Boiler, new PersonalInputs());
        var due = model.Evaluate(Rw1, Boiler, new PersonalInputs { NaturalMoment = true });
        Assert.Equal(0m, notDue.UpfrontAfterSubsidy);
        Assert.Equal(1900m, due.UpfrontAfterSubsidy);
        Assert.Equal(1900m, due.Tco30y - notDue.Tco30y);
        // The hybrid works with a boiler: when it is due, it is bought now as well.
        var hybridNotDue = model.Evaluate(Rw1, HybridId, new PersonalInputs());
        var hybridDue = model.Evaluate(Rw1, HybridId, new PersonalInputs { NaturalMoment = true });
        Assert.Equal(1900m, hybridDue.UpfrontAfterSubsidy - hybridNotDue.UpfrontAfterSubsidy);
        // An all-electric heat pump avoids the purchase either way.
        Assert.Equal(model.Evaluate(Rw1, AirWaterId, new PersonalInputs()).Tco30y,
            model.Evaluate(Rw1, AirWaterId, new PersonalInputs { NaturalMoment = true }).Tco30y);
    }

    [Fact]
    public void A_label_already_at_the_target_pays_no_insulation()
    {
        var model = Model();
        var f = model.Evaluate(Rw1, AirWaterId, new PersonalInputs { Label = "F" });
        var b = model.Evaluate(Rw1, AirWaterId, new PersonalInputs { Label = "B" });
        Assert.Contains(f.Detail.OneOffs, l => l.Category == CostCategory.Insulation);
        Assert.DoesNotContain(b.Detail.OneOffs, l => l.Category == CostCategory.Insulation);
        Assert.Equal(1400m, b.Detail.GasBasisM3);                      // no saving: already at B
        Assert.Equal(1400m * (1m - 0.8m * 0.27m), f.Detail.GasBasisM3); // Tabel 10.1 F -> B
    }

    [Fact]
    public void Tenant_pays_energy_and_fixed_costs_only()
    {
        var model = Model();
        foreach (var variant in new[] { Boiler, HybridId, AirWaterId, Network })
        {
            var t = model.Evaluate(Rw1, variant, new PersonalInputs { GasM3 = 1900m, Tenant = true, Loan = true, NaturalMoment = true });
            Assert.Null(t.UpfrontAfterSubsidy);
            Assert.Null(t.Loan);
            Assert.Equal((t.Detail.VariableCostPerYear + t.Detail.FixedCostPerYear) * model.Annuity, t.Tco30y);
            Assert.Equal((t.Detail.VariableCostPerYear + t.Detail.FixedCostPerYear) / 12m, t.MonthlyStartYear);
        }
    }

    [Fact]
    public void Loan_annuity_matches_the_warmtefonds_example_and_is_folded_into_the_figures()
    {
        var a = StudyAssumptions();
        var terms = LoanTerms.From(a, lowIncome: false);
        // Warmtefonds example: EUR 15,000 over 10 years at an effective 4.35% costs EUR 153.80 a month.
        Assert.InRange(15_000m * terms.MonthlyPerEuro, 153.80m * 0.997m, 153.80m * 1.003m);
        var zero = LoanTerms.From(a, lowIncome: true);
        Assert.True(Math.Abs(10_000m / 120m - 10_000m * zero.MonthlyPerEuro) < 0.01m);   // the fund's 0% example: 83.33
        Assert.Equal(0m, zero.InterestPerEuro);

        var model = Model();
        var cash = model.Evaluate(Rw1, AirWaterId, new PersonalInputs());
        var loan = model.Evaluate(Rw1, AirWaterId, new PersonalInputs { Loan = true });
        decimal borrowed = Math.Min(cash.UpfrontAfterSubsidy!.Value, 27_000m);
        Assert.Equal(borrowed, loan.LoanAmount);
        Assert.Equal(cash.MonthlyStartYear + borrowed * terms.MonthlyPerEuro, loan.MonthlyStartYear);
        Assert.Equal(cash.Tco30y + borrowed * terms.InterestPerEuro, loan.Tco30y);
        Assert.Equal(cash.UpfrontAfterSubsidy, loan.UpfrontAfterSubsidy);
    }

    [Fact]
    public void Coefficients_reproduce_the_core_for_random_inputs_to_the_cent()
    {
        var model = Model();
        var all = Coefficients.Derive(model);
        var random = new Random(20251113);
        var labels = PersonalInputs.Labels;
        var variants = new[] { Boiler, HybridId, AirWaterId, Network };
        for (int i = 0; i < 400; i++)
        {
            string dwelling = random.Next(2) == 0 ? Rw1 : Rw2;
            string variant = variants[random.Next(variants.Length)];
            var p = new PersonalInputs
            {
                GasM3 = random.Next(0, 6001) + random.Next(0, 100) / 100m,
                Label = labels[random.Next(labels.Count)],
                Price = PriceScenarios.All[random.Next(3)],
                NaturalMoment = random.Next(2) == 0,
                Tenant = random.Next(4) == 0,
                Loan = random.Next(2) == 0,
                LowIncome = random.Next(3) == 0,
            };
            var core = model.Evaluate(dwelling, variant, p);
            var v = all.Single(d => d.DwellingId == dwelling).Variants.Single(x => x.VariantId == variant);
            var set = v.Sets[v.SetByLabel[p.Label!]];
            var (tco, monthly, upfront) = Coefficients.Evaluate(set, p.Loan ? LoanTerms.From(model.Input.Assumptions, p.LowIncome) : null, p.GasM3!.Value, p);
            Assert.True(Math.Abs(core.Tco30y - tco) < 0.01m, $"{i}: {p} tco {core.Tco30y} vs {tco}");
            Assert.True(Math.Abs(core.MonthlyStartYear - monthly) < 0.01m, $"{i}: {p} monthly {core.MonthlyStartYear} vs {monthly}");
            if (p.Tenant) Assert.Null(upfront);
            else Assert.True(Math.Abs(core.UpfrontAfterSubsidy!.Value - upfront!.Value) < 0.01m);
        }
    }

    [Fact]
    public void Labels_with_identical_figures_share_one_coefficient_set()
    {
        var v = Coefficients.Derive(Model()).Single(d => d.DwellingId == Rw1).Variants.Single(x => x.VariantId == Boiler);
        Assert.Single(v.Sets); // the gas boiler insulates nothing: every label is the same line
        Assert.Equal(PersonalInputs.Labels.Count, v.SetByLabel.Count);
    }

    [Fact]
    public void Each_label_gets_the_set_derived_for_that_label_alone()
    {
        // Derive(model) derives one set per label class (HeatDemandModel.LabelClass); derived label by label, every
        // label must come out the same.
        var model = Model(HeatDemandMethod.Consistent);
        foreach (var d in Coefficients.Derive(model))
            foreach (var v in d.Variants)
                foreach (var (label, index) in v.SetByLabel)
                    Assert.True(Coefficients.Equivalent(v.Sets[index], Coefficients.Derive(model, d.DwellingId, v.VariantId, label)),
                        $"{d.DwellingId} / {v.VariantId} / {label}");
    }

    [Fact]
    public void Labels_of_one_class_save_the_same_gas_and_meet_the_same_target()
    {
        var a = Neighbourhood(HeatDemandMethod.Consistent).Assumptions;
        foreach (var target in Enum.GetValues<InsulationTarget>())
            foreach (var x in PersonalInputs.Labels)
                foreach (var y in PersonalInputs.Labels)
                {
                    if (HeatDemand.HeatDemandModel.LabelClass(x, target) != HeatDemand.HeatDemandModel.LabelClass(y, target)) continue;
                    Assert.Equal(HeatDemand.HeatDemandModel.MeetsTarget(x, target), HeatDemand.HeatDemandModel.MeetsTarget(y, target));
                    Assert.Equal(Saved(x, target), Saved(y, target));
                }

        decimal? Saved(string label, InsulationTarget target)
        {
            try { return HeatDemand.HeatDemandModel.GasAfterInsulation(1000m, label, target, a); }
            catch (CalculationException) { return null; }
        }
    }

    [Fact]
    public void Not_affine_figures_fail_loudly()
    {
        var model = Model();
        var e = Assert.Throws<CalculationException>(() => Coefficients.Fit(model, Rw1, Boiler, new PersonalInputs(),
            r => r.Tco30y * r.Tco30y / 100_000m, "squared total"));
        Assert.Contains("niet lineair in het gasverbruik", e.Message);
    }

    [Fact]
    public void Break_even_put_back_into_the_core_gives_equal_costs_within_100_euro()
    {
        var model = Model();
        var result = NeighbourhoodModel.Evaluate(model.Input);
        var within = result.BreakEvens.Where(b => b.Kind == BreakEvenKind.Within).ToList();
        Assert.NotEmpty(within);
        foreach (var b in within)
        {
            Assert.InRange(b.GasM3!.Value, BreakEvens.MinGasM3, BreakEvens.MaxGasM3);
            Assert.Equal(0m, b.GasM3.Value % BreakEvens.Step);
            var p = new PersonalInputs { GasM3 = b.GasM3 };
            decimal diff = model.Evaluate(b.DwellingId, b.VariantId, p).Tco30y - model.Evaluate(b.DwellingId, Boiler, p).Tco30y;
            Assert.True(Math.Abs(diff) <= 100m, $"{b.DwellingId}/{b.VariantId} at {b.GasM3} m3: difference {diff}");
            // Above it the variant is cheaper, below it the gas boiler.
            var above = new PersonalInputs { GasM3 = b.GasM3 + 100m };
            Assert.True(model.Evaluate(b.DwellingId, b.VariantId, above).Tco30y < model.Evaluate(b.DwellingId, Boiler, above).Tco30y);
        }
    }

    [Fact]
    public void Break_even_is_null_when_not_within_300_to_5000()
    {
        // A heat network's variable cost per m3 (heat tariff) is above the gas price: never cheaper.
        var result = NeighbourhoodModel.Evaluate(Neighbourhood(HeatDemandMethod.Study));
        var network = result.BreakEven(Rw1, Network)!;
        Assert.Equal(BreakEvenKind.NotWithinRange, network.Kind);
        Assert.Null(network.GasM3);
        Assert.DoesNotContain(result.BreakEvens, b => b.VariantId == Boiler);

        // A tenfold gas price makes the heat pump cheaper already at 300 m3: no break-even within the range either.
        var expensiveGas = new AssumptionsBuilder { GasPrice = 11.4m }.Build();
        var cheap = NeighbourhoodModel.Evaluate(Neighbourhood(HeatDemandMethod.Study, expensiveGas)).BreakEven(Rw2, HybridId)!;
        Assert.Equal(BreakEvenKind.CheaperThroughout, cheap.Kind);
        Assert.Null(cheap.GasM3);

        // A crossing above 5,000 m3 is reported as none.
        var pricey = new AssumptionsBuilder { GasPrice = 0.30m }.Build();
        var model = new PersonalModel(Neighbourhood(HeatDemandMethod.Study, pricey));
        var exact = BreakEvens.Exact(model, Rw1, AirWaterId, Boiler, naturalMoment: false);
        var far = NeighbourhoodModel.Evaluate(model.Input).BreakEven(Rw1, AirWaterId)!;
        Assert.True(exact is null || exact > 5000m, $"exact {exact}");
        Assert.Null(far.GasM3);
    }
}
