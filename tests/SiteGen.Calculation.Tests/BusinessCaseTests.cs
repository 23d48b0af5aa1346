using SiteGen.Calculation.Collective;
using SiteGen.Calculation.Inputs;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>The heat company's cash flows and funding gap (MODEL.md §7.1-§7.3), excl. VAT.</summary>
public class BusinessCaseTests
{
    private static BusinessCaseResult Compute(CollectiveInput c, Assumptions? a = null)
    {
        a ??= StudyAssumptions();
        return BusinessCase.Compute(c, HeatNetworkTechnics.Compute(c, a, HeatDemandMethod.Study), a);
    }

    private static decimal GapNone(CollectiveInput c, Assumptions? a = null, Operator op = Operator.Public) =>
        Compute(c, a).Gap(op, SubsidyCase.None).Total;

    /// <summary>sum_{t=from..to} v^t in double (closed form), v = 1 / (1 + rate).</summary>
    private static double DiscountSum(double x, int from, int to) =>
        (Math.Pow(x, from) - Math.Pow(x, to + 1)) / (1 - x);

    // ---- PresentValue ----

    [Fact]
    public void Present_value_discounts_year_t_by_one_plus_rate_to_the_t()
    {
        // -100 + 55 / 1.1 + 60.5 / 1.21 = -100 + 50 + 50 = 0
        Approx.Equal(0m, BusinessCase.PresentValue([-100m, 55m, 60.5m], 0.10m), 1e-24m);
        // 1,000 at year 3 at 5%: 1,000 / 1.157625 = 863.837598531476...
        Approx.Relative(1000 / Math.Pow(1.05, 3), BusinessCase.PresentValue([0m, 0m, 0m, 1000m], 0.05m), 1e-14);
    }

    [Fact]
    public void Present_value_keeps_year_zero_undiscounted_and_sums_plainly_at_rate_zero()
    {
        Assert.Equal(-1234.5m, BusinessCase.PresentValue([-1234.5m], 0.073m));
        Assert.Equal(6m, BusinessCase.PresentValue([1m, 2m, 3m], 0m));
        Assert.Equal(0m, BusinessCase.PresentValue([], 0.046m));
    }

    // ---- CAPEX and year-0 revenue ----

    [Fact]
    public void Capex_adds_design_and_contingency_shares_of_the_component_sum()
    {
        var b = Compute(MiniCollective());
        // 138,000 + 600,000 + 65,600 + 34,000 = 837,600; 10% + 10% = 83,760 each; CAPEX 1,005,120 (Tabel 7.1);
        // per connection 1,005,120 / 41 = 24,515.12.
        Assert.Equal(837_600m, b.CapexBase);
        Assert.Equal(83_760m, b.Design);
        Assert.Equal(83_760m, b.Contingency);
        Assert.Equal(1_005_120m, b.Capex);
        Approx.Equal(1_005_120m / 41m, b.CapexPerConnection, 1e-20m);
    }

    [Fact]
    public void Revenue_is_the_acm_tariffs_without_vat_per_connected_weq()
    {
        var rev = Compute(SmallCollective()).RevenueYear0;
        // V5: n = 315. standing 315 x 577.48 / 1.21 = 150,336.2; metering 315 x 32.80 / 1.21 = 8,538.8;
        // no delivery-set rental; variable 9,370 x 0.8 x 43.79 / 1.21 = 271,280.8; cold 73,000 (input).
        Approx.Equal(315m * 577.48m / 1.21m, rev.StandingCharge, 1e-20m);
        Approx.Equal(315m * 32.80m / 1.21m, rev.Metering, 1e-20m);
        Assert.Equal(0m, rev.DeliverySetRent);
        Approx.Equal(7496m * 43.79m / 1.21m, rev.Variable, 1e-20m);
        Assert.Equal(73_000m, rev.Cold);
        Assert.Equal(rev.StandingCharge + rev.Metering + rev.DeliverySetRent + rev.Cold, rev.Fixed);
        Assert.Equal(rev.Fixed + rev.Variable, rev.Total);
    }

    // ---- The whole cash-flow model against closed forms ----

    [Fact]
    public void Literal_gap_without_ramp_or_decline_matches_the_closed_form()
    {
        // With a one-year ramp from year 0 (f_t = min(t/1, 1) = 1) and no decline, LITERAL flows are
        // CF_t = (R - C) x 1.02^t for t = 1..30, so at WACC w with x = 1.02 / (1 + w):
        //   gap = CAPEX - (R - C) sum_{t=1..30} x^t + 1.2 (HP + sets) x^15 - 1.2 x network x 20/50 / (1+w)^31
        // V4: R = (41 x 760.77 + 1,286 x 43.79) / 1.21 = 87,505.51 / 1.21 = 72,318.60; C = 40,000;
        //     HP + sets = 138,000 + 65,600; network 600,000; CAPEX 1,005,120.
        var a = new AssumptionsBuilder { RampUpYears = 1m, DemandDecline = 0m }.Build();
        var b = Compute(MiniCollective(BusinessCaseMethod.Literal), a);
        double net = 87_505.51 / 1.21 - 40_000;
        foreach (var (op, w) in new[] { (Operator.Public, 0.046), (Operator.Commercial, 0.073) })
        {
            double x = 1.02 / (1 + w);
            double expected = 1_005_120 - net * DiscountSum(x, 1, 30) + 1.2 * 203_600 * Math.Pow(x, 15)
                              - 1.2 * 600_000 * 20.0 / 50.0 / Math.Pow(1 + w, 31);
            var gap = b.Gap(op, SubsidyCase.None);
            Assert.Equal((decimal)w, gap.Wacc);
            Approx.Relative(expected, gap.Total);
        }
    }

    [Fact]
    public void Bestfit_gap_without_decline_matches_the_closed_form()
    {
        // BESTFIT: f_t = min((t-1)/1, 1) -> variable revenue and electricity start in year 2, fixed revenue,
        // maintenance and management from year 1; no indexation; reinvestment of HP + sets + grid (237,600) at
        // year 15 without surcharges; residual 1.2 x 600,000 x 20/50 at year 31. With v = 1 / 1.046:
        //   gap = 1,005,120 - (F - 14,000) sum_{1..30} v^t - (V - 26,000) sum_{2..30} v^t + 237,600 v^15 - 288,000 v^31
        // F = 41 x 760.77 / 1.21 = 25,778.16; V = 1,286 x 43.79 / 1.21 = 46,540.45.
        var a = new AssumptionsBuilder { RampUpYears = 1m, DemandDecline = 0m }.Build();
        var b = Compute(MiniCollective(BusinessCaseMethod.BestFit), a);
        double v = 1 / 1.046, f = 41 * 760.77 / 1.21, var = 1286 * 43.79 / 1.21;
        double expected = 1_005_120 - (f - 14_000) * DiscountSum(v, 1, 30) - (var - 26_000) * DiscountSum(v, 2, 30)
                          + 237_600 * Math.Pow(v, 15) - 288_000 * Math.Pow(v, 31);
        Approx.Relative(expected, b.Gap(Operator.Public, SubsidyCase.None).Total);
    }

    // ---- One switch at a time, from LITERAL, with the study's 5-year ramp and 0.5% decline ----

    [Fact]
    public void Starting_the_ramp_a_year_later_raises_the_gap()
    {
        // V4's ramped flows are positive (fixed 25,778 + variable 46,540 - electricity 26,000 > 0), so scaling them
        // by (t-1)/5 instead of t/5 loses revenue.
        decimal literal = GapNone(MiniCollective(BusinessCaseMethod.Literal));
        decimal later = GapNone(MiniCollective(BusinessCaseMethod.Literal with { RampUpFromYearZero = false }));
        Assert.True(later > literal, $"later ramp {later} should exceed {literal}");
    }

    [Fact]
    public void Ramping_only_the_variable_flows_lowers_the_gap()
    {
        // Fixed revenue (25,778/yr) is then earned in full from year 1 instead of 20%, 40%, ...
        decimal literal = GapNone(MiniCollective(BusinessCaseMethod.Literal));
        decimal variableOnly = GapNone(MiniCollective(BusinessCaseMethod.Literal with { RampUpVariableFlowsOnly = true }));
        Assert.True(variableOnly < literal, $"variable-only ramp {variableOnly} should be below {literal}");
    }

    [Fact]
    public void Without_indexation_revenue_does_not_grow_and_the_gap_rises()
    {
        // No reinvestment, so only the operating flows differ: net positive flows without the 1.02^t growth are worth less.
        var noReinvest = BusinessCaseMethod.Literal with { Reinvested = new HashSet<CapexRole>() };
        decimal indexed = GapNone(MiniCollective(noReinvest));
        decimal flat = GapNone(MiniCollective(noReinvest with { Indexed = false }));
        Assert.True(flat > indexed, $"unindexed {flat} should exceed indexed {indexed}");
    }

    [Fact]
    public void Dropping_the_surcharges_on_reinvestment_lowers_the_gap_by_their_present_value()
    {
        // LITERAL reinvests 1.2 x (138,000 + 65,600) x 1.02^15 at year 15; without surcharges 1.0 x ...
        // difference at 4.6%: 0.2 x 203,600 x 1.02^15 / 1.046^15 = 27,914.5...
        decimal withSurcharges = GapNone(MiniCollective(BusinessCaseMethod.Literal));
        decimal without = GapNone(MiniCollective(BusinessCaseMethod.Literal with { SurchargesOnReinvestment = false }));
        Approx.Relative(0.2 * 203_600 * Math.Pow(1.02 / 1.046, 15), withSurcharges - without);
    }

    [Fact]
    public void Reinvesting_the_grid_connection_too_raises_the_gap_by_its_present_value()
    {
        // + 1.2 x 34,000 x 1.02^15 / 1.046^15 = 27,963.8... at 4.6%
        var withGrid = BusinessCaseMethod.Literal with
        {
            Reinvested = new HashSet<CapexRole> { CapexRole.HeatPumpPlant, CapexRole.DeliverySets, CapexRole.GridConnection },
        };
        decimal literal = GapNone(MiniCollective(BusinessCaseMethod.Literal));
        decimal grid = GapNone(MiniCollective(withGrid));
        Approx.Relative(1.2 * 34_000 * Math.Pow(1.02 / 1.046, 15), grid - literal);
    }

    [Fact]
    public void Demand_decline_lowers_net_variable_flows_and_raises_the_gap()
    {
        // V4: variable revenue 46,540 exceeds the electricity cost 26,000, so a 0.5%/yr decline in both loses margin.
        decimal declining = GapNone(MiniCollective(), new AssumptionsBuilder { DemandDecline = 0.005m }.Build());
        decimal steady = GapNone(MiniCollective(), new AssumptionsBuilder { DemandDecline = 0m }.Build());
        Assert.True(declining > steady, $"declining {declining} should exceed steady {steady}");
    }

    [Fact]
    public void Commercial_wacc_values_positive_future_flows_less_and_raises_the_gap()
    {
        var b = Compute(MiniCollective());
        Assert.Equal(0.046m, b.Gap(Operator.Public, SubsidyCase.None).Wacc);
        Assert.Equal(0.073m, b.Gap(Operator.Commercial, SubsidyCase.None).Wacc);
        Assert.True(b.Gap(Operator.Commercial, SubsidyCase.None).Total > b.Gap(Operator.Public, SubsidyCase.None).Total);
    }

    // ---- Subsidies ----

    [Fact]
    public void Wis_lowers_the_gap_by_exactly_its_amount_when_eligible()
    {
        var b = Compute(SmallCollective(wis: 893_000m));
        // V5: 315 connections >= 250 -> eligible; WIS is a year-0 lump: gap_WIS = gap - 893,000 (both operators).
        Assert.Equal(893_000m, b.WisPresentValue);
        foreach (var op in BusinessCase.Operators)
        {
            var wis = b.Gap(op, SubsidyCase.Wis);
            Assert.True(wis.Applicable);
            Assert.Equal(b.Gap(op, SubsidyCase.None).Total - 893_000m, wis.Total);
        }
    }

    [Fact]
    public void Wis_does_not_lower_the_gap_when_not_eligible()
    {
        var b = Compute(MiniCollective(wis: 100_000m));
        // V4: 41 connections < 250 -> not eligible although an amount is given.
        Assert.Equal(0m, b.WisPresentValue);
        var wis = b.Gap(Operator.Public, SubsidyCase.Wis);
        Assert.False(wis.Applicable);
        Assert.Equal(b.Gap(Operator.Public, SubsidyCase.None).Total, wis.Total);
    }

    [Fact]
    public void Wis_case_is_not_applicable_without_an_amount()
    {
        var b = Compute(SmallCollective(wis: null));
        Assert.False(b.Gap(Operator.Public, SubsidyCase.Wis).Applicable);
        Assert.Equal(b.Gap(Operator.Public, SubsidyCase.None).Total, b.Gap(Operator.Public, SubsidyCase.Wis).Total);
    }

    [Fact]
    public void Sde_lowers_the_gap_by_the_present_value_of_a_flat_annuity()
    {
        var b = Compute(MiniCollective());
        // 14,000 / yr for years 1..15, not indexed: 14,000 x (1 - 1.046^-15) / 0.046 = 149,325.25 (public),
        // 14,000 x (1 - 1.073^-15) / 0.073 = 125,129.41 (commercial) (MODEL.md §7.4).
        foreach (var (op, w) in new[] { (Operator.Public, 0.046), (Operator.Commercial, 0.073) })
        {
            var sde = b.Gap(op, SubsidyCase.Sde);
            Assert.True(sde.Applicable);
            double annuity = 14_000 * (1 - Math.Pow(1 + w, -15)) / w;
            Approx.Relative(annuity, b.Gap(op, SubsidyCase.None).Total - sde.Total);
        }
        Approx.Relative(149_325.2548087349, b.Gap(Operator.Public, SubsidyCase.None).Total - b.Gap(Operator.Public, SubsidyCase.Sde).Total, 1e-12);
    }

    [Fact]
    public void Sde_case_is_not_applicable_without_sde_inputs()
    {
        var b = Compute(SmallCollective());
        var sde = b.Gap(Operator.Commercial, SubsidyCase.Sde);
        Assert.False(sde.Applicable);
        Assert.Equal(b.Gap(Operator.Commercial, SubsidyCase.None).Total, sde.Total);
    }

    [Fact]
    public void Wis_and_sde_together_subtract_both_and_need_both_to_apply()
    {
        // V4 has SDE but is not WIS-eligible: the combined case subtracts SDE only and is flagged not applicable.
        var b = Compute(MiniCollective(wis: 100_000m));
        var both = b.Gap(Operator.Public, SubsidyCase.WisAndSde);
        Assert.False(both.Applicable);
        Assert.Equal(b.Gap(Operator.Public, SubsidyCase.Sde).Total, both.Total);
    }

    [Fact]
    public void Every_operator_and_subsidy_case_has_one_gap()
    {
        var b = Compute(MiniCollective());
        Assert.Equal(8, b.FundingGaps.Count);
        Assert.Equal(8, b.FundingGaps.Select(g => (g.Operator, g.Subsidy)).Distinct().Count());
    }

    [Fact]
    public void Gap_per_connection_is_the_total_over_connected_weq()
    {
        var b = Compute(SmallCollective());
        // V5: 315 connected WEQ (not 393 dwellings).
        foreach (var g in b.FundingGaps)
            Assert.Equal(g.Total / 315m, g.PerConnection);
    }

    [Fact]
    public void Published_funding_gaps_are_passed_through_untouched()
    {
        var published = new Dictionary<(Operator, SubsidyCase), Quantity>
        {
            [(Operator.Public, SubsidyCase.None)] = Q(673_000m, "tabel_7_5.v4.none"),
            [(Operator.Commercial, SubsidyCase.Sde)] = Q(690_000m, "tabel_7_6.v4.sde"),
        };
        var b = Compute(MiniCollective(published: published));
        var none = b.Gap(Operator.Public, SubsidyCase.None);
        Assert.Equal(673_000m, none.Published!.Value.Value);
        Assert.Equal("tabel_7_5.v4.none", none.Published.Value.Source.Key);
        Assert.Equal(690_000m, b.Gap(Operator.Commercial, SubsidyCase.Sde).Published!.Value.Value);
        Assert.Null(b.Gap(Operator.Commercial, SubsidyCase.None).Published);
        // The model's own figure is unaffected by what the study prints.
        Assert.Equal(GapNone(MiniCollective()), none.Total);
    }
}
