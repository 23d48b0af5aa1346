using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>Low / central / high estimates (issue 13) and the resident's view without the study's bookkeeping.</summary>
public class RangeTests
{
    private static Assumptions Uncertain() => new AssumptionsBuilder
    {
        PriceWhatIfLow = 0.75m, PriceWhatIfHigh = 1.25m,
        InvestmentMargins = new() { [CostCategory.Installation] = 0.30m, [CostCategory.Adaptation] = 0.20m, [CostCategory.Insulation] = 0.10m },
    }.Build();

    private static NeighbourhoodResult Evaluate(Assumptions a, HeatDemandMethod method = HeatDemandMethod.Study) =>
        NeighbourhoodModel.Evaluate(Neighbourhood(method, a));

    [Fact]
    public void The_central_figure_is_the_model_figure_unchanged_by_margins_and_what_ifs()
    {
        var plain = Evaluate(StudyAssumptions());
        var uncertain = Evaluate(Uncertain());
        foreach (var r in uncertain.Residents)
        {
            var p = plain.Resident(r.DwellingId, r.VariantId);
            Assert.Equal(p.Tco, r.Tco);
            Assert.Equal(p.MonthlyCost, r.MonthlyCost);
            Assert.Equal(r.Tco, r.TcoRange.Central);
            Assert.Equal(r.MonthlyCost, r.MonthlyRange.Central);
            Assert.Equal(r.Investment - r.Subsidy, r.UpfrontRange.Central);
            Assert.True(r.TcoRange.Low < r.Tco && r.Tco < r.TcoRange.High, $"{r.DwellingId}/{r.VariantId}: {r.TcoRange}");
            Assert.True(r.MonthlyRange.Low < r.MonthlyCost && r.MonthlyCost < r.MonthlyRange.High);
            Assert.True(r.UpfrontRange.Low <= r.UpfrontRange.Central && r.UpfrontRange.Central <= r.UpfrontRange.High);
        }
    }

    [Fact]
    public void Without_uncertainty_content_the_range_collapses_onto_the_central_figure()
    {
        foreach (var method in new[] { HeatDemandMethod.Study, HeatDemandMethod.Consistent })
            foreach (var r in Evaluate(StudyAssumptions(), method).Residents)
            {
                Assert.Equal(CostRange.Exact(r.Tco), r.TcoRange);
                Assert.Equal(CostRange.Exact(r.MonthlyCost), r.MonthlyRange);
                Assert.Equal(CostRange.Exact(r.Upfront), r.UpfrontRange);
            }
    }

    [Fact]
    public void Low_takes_costs_at_minus_margin_and_prices_at_the_lower_what_if_high_the_opposite()
    {
        var r = Evaluate(Uncertain()).Resident(Rw1, "v1-gas-boiler");
        // Boiler 1,900 now and in year 15 (installation, 30%); gas 1,280 m3 x 1.14 = 1,459.20 a year; fixed 580.25 stays.
        Assert.Equal(2m * 1900m * 0.70m + 30m * (1459.20m * 0.75m + 580.25m), r.TcoRange.Low);
        Assert.Equal(2m * 1900m * 1.30m + 30m * (1459.20m * 1.25m + 580.25m), r.TcoRange.High);
        // Monthly follows the prices only; the study's omission of 157.50 a year stays.
        Assert.Equal(1459.20m * 0.75m / 12m + 580.25m / 12m - 157.5m / 12m, r.MonthlyRange.Low);
        Assert.Equal(1459.20m * 1.25m / 12m + 580.25m / 12m - 157.5m / 12m, r.MonthlyRange.High);
        Assert.Equal(1900m * 0.70m, r.UpfrontRange.Low);
    }

    [Fact]
    public void A_share_subsidy_follows_the_price_a_fixed_subsidy_and_a_calibration_do_not()
    {
        var r = Evaluate(Uncertain()).Resident(Rw1, "v3-air-water");
        var low = r.LowEstimate.OneOffs;
        Assert.Equal(0.70m, Assert.Single(low, l => l.Line.Id == "isde_heat_pump").Factor);
        Assert.Equal(1m, Assert.Single(low, l => l.Line.Id == "isde_insulation_b").Factor);
        Assert.Equal(1m, Assert.Single(low, l => l.Line.Id == "unexplained_air_water").Factor);
        Assert.Equal(0.90m, Assert.Single(low, l => l.Line.Id == "insulation_label_b").Factor);
        Assert.Equal(0.80m, Assert.Single(low, l => l.Line.Id == "ventilation").Factor);
        Assert.Equal(1m, Assert.Single(r.LowEstimate.Annual, l => l.Line.Kind == LineKind.Fixed).Factor);
        Assert.Equal(0.75m, Assert.Single(r.LowEstimate.Annual, l => l.Line.Kind == LineKind.Variable).Factor);
    }

    [Fact]
    public void A_bounds_lines_add_up_to_its_totals()
    {
        // The totals come with the evaluation, the lines (for explain) only when read, one product per category
        // against one per line. With the study's rates every product is exact; with prices rising faster than the
        // discount rate the replacements' present values use decimal's 28 digits, and the sums may differ in the last.
        var rising = new AssumptionsBuilder
        {
            PriceWhatIfLow = 0.75m, PriceWhatIfHigh = 1.25m, Indexation = 0.035m,
            InvestmentMargins = new() { [CostCategory.Installation] = 0.30m, [CostCategory.Adaptation] = 0.20m, [CostCategory.Insulation] = 0.10m },
        }.Build();
        foreach (var (assumptions, exact) in new[] { (Uncertain(), true), (rising, false) })
            foreach (var method in new[] { HeatDemandMethod.Study, HeatDemandMethod.Consistent })
            {
                decimal annuity = new Tco(Neighbourhood(method, assumptions)).Annuity;
                foreach (var r in Evaluate(assumptions, method).Residents)
                    foreach (var b in new[] { r.LowEstimate, r.HighEstimate })
                    {
                        Assert.Equal(r.OneOffs.Count, b.OneOffs.Count);
                        Assert.Equal(r.Annual.Count, b.Annual.Count);
                        decimal tco = b.OneOffs.Sum(l => l.PresentValue) + b.Annual.Sum(l => l.Amount) * annuity;
                        decimal upfront = b.OneOffs.Where(l => l.Line.Year == 0).Sum(l => l.Amount);
                        if (exact)
                        {
                            Assert.Equal(b.Tco, tco);
                            Assert.Equal(b.Upfront, upfront);
                        }
                        else
                        {
                            Approx.Equal(b.Tco, tco, 1e-18m);
                            Approx.Equal(b.Upfront, upfront, 1e-18m);
                        }
                        Assert.NotEqual(r.Tco, b.Tco);
                    }
            }
    }

    [Fact]
    public void A_bounds_one_off_totals_are_its_lines_whatever_the_order_of_now_and_later_purchases()
    {
        // The sums per category keep a category's year-0 sum once until its first later line (OneOffSums): a category
        // and the unmoved (calibration) lines that have later lines first, in between and last must still come out as
        // the sum of the bound's own lines.
        var variant = new VariantInput
        {
            Id = "v-mixed",
            Kind = VariantKind.AirWaterHeatPump,
            FixedCosts = GasBoiler().FixedCosts,
            Insulation = new Dictionary<string, InsulationTarget>(),
            Costs = new Dictionary<string, IReadOnlyList<PlannedCost>>
            {
                [Rw1] =
                [
                    Cost("calibration_later", 381m, CostCategory.Calibration, replaced: true),
                    Cost("heat_pump", 16540m, replaced: true, subsidy: ShareSubsidy("isde", 0.30m)),
                    Cost("boiler_now", 1900m),
                    Cost("calibration_now", 120m, CostCategory.Calibration),
                    Cost("cooking", 1450m, CostCategory.Adaptation),
                    Cost("ventilation", 3740m, CostCategory.Adaptation, replaced: true),
                    Cost("radiators", 3040m, CostCategory.Adaptation),
                ],
            },
        };
        // With prices rising faster than the discount rate the later lines' present values use all 28 digits: one product
        // per category and one per line may then differ in the last (as in the test above).
        var rising = new AssumptionsBuilder
        {
            PriceWhatIfLow = 0.75m, PriceWhatIfHigh = 1.25m, Indexation = 0.035m,
            InvestmentMargins = new() { [CostCategory.Installation] = 0.30m, [CostCategory.Adaptation] = 0.20m },
        }.Build();
        foreach (var (assumptions, tolerance) in new[] { (Uncertain(), 0m), (rising, 1e-18m) })
        {
            var input = Neighbourhood(HeatDemandMethod.Study, assumptions, [Rw1Dwelling()], [variant]);
            var tco = new Tco(input);
            var r = tco.Evaluate(input.Dwellings[0], variant);
            Assert.Contains(r.OneOffs, l => l.Kind == LineKind.Calibration && l.Year != 0);
            foreach (var b in new[] { r.LowEstimate, r.HighEstimate })
            {
                Approx.Equal(b.OneOffs.Sum(l => l.PresentValue) + b.Annual.Sum(l => l.Amount) * tco.Annuity, b.Tco, tolerance);
                Approx.Equal(b.OneOffs.Where(l => l.Line.Year == 0).Sum(l => l.Amount), b.Upfront, tolerance);
            }
            Assert.Equal((r.LowEstimate.Tco, r.HighEstimate.Tco), (r.TcoRange.Low, r.TcoRange.High));
            Assert.Equal((r.LowEstimate.Upfront, r.HighEstimate.Upfront), (r.UpfrontRange.Low, r.UpfrontRange.High));
        }
    }

    [Fact]
    public void A_totals_only_evaluation_has_its_central_figures_as_range_and_bounds()
    {
        var input = Neighbourhood(HeatDemandMethod.Study, Uncertain());
        var tco = new Tco(input);
        foreach (var d in input.Dwellings)
            foreach (var v in input.Variants.Where(v => v.Collective is null))
            {
                var r = tco.Evaluate(d, v, detail: false);
                var full = tco.Evaluate(d, v);
                Assert.Equal((full.Tco, full.MonthlyCost, full.Upfront), (r.Tco, r.MonthlyCost, r.Upfront));
                Assert.Equal(CostRange.Exact(r.Tco), r.TcoRange);
                Assert.Equal(CostRange.Exact(r.MonthlyCost), r.MonthlyRange);
                Assert.Equal(CostRange.Exact(r.Upfront), r.UpfrontRange);
                foreach (var b in new[] { r.LowEstimate, r.HighEstimate })
                {
                    Assert.Equal((r.Tco, r.Upfront, r.MonthlyCost, 1m), (b.Tco, b.Upfront, b.MonthlyCost, b.PriceFactor));
                    Assert.Empty(b.OneOffs);
                    Assert.Empty(b.Annual);
                }
                Assert.Same(r.LowEstimate, r.LowEstimate);
            }
    }

    [Fact]
    public void The_hybrids_published_energy_cost_follows_the_price_what_if()
    {
        var r = Evaluate(Uncertain()).Resident(Rw2, "v2-hybrid");
        Assert.Equal(910m * 1.25m / 12m + (580.25m - 315m) / 12m, r.MonthlyRange.High);
    }

    [Fact]
    public void Resident_items_plus_reconciling_amounts_give_the_published_figures_exactly()
    {
        foreach (var method in new[] { HeatDemandMethod.Study, HeatDemandMethod.Consistent })
            foreach (var r in Evaluate(Uncertain(), method).Residents)
            {
                Assert.DoesNotContain(r.ResidentOneOffs, l => l.Kind == LineKind.Calibration);
                Assert.DoesNotContain(r.ResidentMonthly, l => l.Kind == LineKind.Calibration);
                // Exact up to decimal's 28th digit (the TCO multiplies the annual sum, the items each line).
                Approx.Equal(r.Tco, r.ResidentOneOffs.Sum(l => l.PresentValue) + r.Annual.Sum(l => l.PresentValue) + r.Reconciliations.Sum(x => x.TcoAmount), 1e-18m);
                Assert.Equal(r.Upfront, r.ResidentUpfront + r.Reconciliations.Sum(x => x.UpfrontAmount));
                Assert.Equal(r.MonthlyCostRecomputed, r.ResidentMonthly.Sum(l => l.Amount));
                Approx.Equal(r.MonthlyCost, r.MonthlyCostRecomputed + r.Reconciliations.Sum(x => x.MonthlyAmount), 1e-18m);
            }
    }

    [Fact]
    public void The_unexplained_one_off_and_the_monthly_omission_become_reconciling_amounts()
    {
        var result = Evaluate(StudyAssumptions());
        var v3 = result.Resident(Rw1, "v3-air-water");
        var unexplained = Assert.Single(v3.Reconciliations);
        Assert.Equal(381m, unexplained.TcoAmount);
        Assert.Equal(381m, unexplained.UpfrontAmount);
        Assert.Equal("De studie komt voor deze keuze € 381 hoger uit dan de optelsom van de posten. Waar dat verschil vandaan komt, zegt de studie niet. Daarom staat het hier apart en niet als kostenpost.",
            unexplained.Describe(v => "€ " + v.ToString("0", System.Globalization.CultureInfo.InvariantCulture)));

        var v1 = result.Resident(Rw1, "v1-gas-boiler");
        var omission = Assert.Single(v1.Reconciliations);
        Assert.Equal(-157.5m / 12m, omission.MonthlyAmount);
        Assert.Equal(0m, omission.TcoAmount);
        // The monthly columns now add up: 1,459.20 / 12 + 580.25 / 12 = 169.95; the study prints 157.
        Assert.Equal((1459.20m + 580.25m) / 12m, v1.MonthlyCostRecomputed);
    }

    [Fact]
    public void A_subsidy_the_source_states_per_measure_is_what_the_resident_sees()
    {
        // Tabel 8.7 prints 2,250 for the hybrid heat pump; the TCO uses 30% of 8,590 = 2,577.
        var hybrid = Hybrid();
        var stated = new PlannedSubsidy("isde_heat_pump", "ISDE", Q(0.30m, "subsidies.isde_heat_pump_share"), null, Q(2250m, "tabel_8_7"));
        var costs = hybrid.Costs[Rw1].Select(c => c.Id == "hybrid_heat_pump" ? c with { Subsidy = stated } : c).ToList();
        var v = new VariantInput
        {
            Id = hybrid.Id, Kind = hybrid.Kind, FixedCosts = hybrid.FixedCosts, Insulation = hybrid.Insulation,
            GasAppliances = hybrid.GasAppliances, VariableCostOverride = hybrid.VariableCostOverride,
            Costs = new Dictionary<string, IReadOnlyList<PlannedCost>> { [Rw1] = costs },
        };
        var r = TcoFor(HeatDemandMethod.Study).Evaluate(Rw1Dwelling(), v);
        Assert.Equal(-2577m, Assert.Single(r.OneOffs, l => l.Id == "isde_heat_pump").Amount);
        var shown = Assert.Single(r.ResidentOneOffs, l => l.Id == "isde_heat_pump");
        Assert.Equal(-2250m, shown.Amount);
        Assert.Equal("tabel_8_7", shown.Source.Key);
        var difference = Assert.Single(r.Reconciliations, x => x.Id == "isde_heat_pump.hybrid_heat_pump.difference");
        Assert.Equal(-327m, difference.TcoAmount);
        Assert.Equal(-327m, difference.UpfrontAmount);
        Assert.Contains("meer dan het subsidiebedrag dat de studie zelf noemt", difference.Explanation);
        Assert.Equal(76_130.5m, r.Tco); // unchanged (MODEL.md Appendix A)
    }

    [Fact]
    public void Display_rounding_rounds_bounds_outward_and_keeps_the_central_figure_findable()
    {
        var shown = DisplayRounding.TcoRange(new CostRange(49_950.5m, 61_947.5m, 73_944.5m));
        Assert.Equal(new CostRange(49_000m, 61_950m, 74_000m), shown);
        Assert.Equal(new CostRange(6_800m, 9_700m, 12_700m), DisplayRounding.UpfrontRange(new CostRange(6_818m, 9_740m, 12_662m)));
        Assert.Equal(new CostRange(75m, 98m, 120m), DisplayRounding.MonthlyRange(new CostRange(78.98m, 97.94m, 116.90m)));
        // A narrow range never shows a low above the central figure.
        var narrow = DisplayRounding.TcoRange(new CostRange(64_979m, 64_983m, 64_990m));
        Assert.True(narrow.Low <= narrow.Central && narrow.Central <= narrow.High);
        Assert.Equal(21_600m, DisplayRounding.Upfront(21_633m));
    }
}
