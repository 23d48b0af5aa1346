using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>MODEL.md §4.4: q = (1+g)/(1+r), A = sum q^t, PV(item in year y) = amount x q^y.</summary>
public class TcoDiscountingTests
{
    /// <summary>Closed form of sum_{t=1..n} q^t = q (1 - q^n) / (1 - q), in double, independent of the loop under test.</summary>
    private static double GeometricSum(double q, int n) => q * (1 - Math.Pow(q, n)) / (1 - q);

    [Theory]
    [InlineData(30)]
    [InlineData(15)]
    [InlineData(1)]
    public void Annuity_factor_with_q_one_is_exactly_the_horizon(int horizon)
    {
        // q = 1: each year contributes 1, so A = horizon, exactly (no rounding in decimal).
        Assert.Equal((decimal)horizon, Tco.AnnuityFactor(1m, horizon));
    }

    [Fact]
    public void Annuity_factor_over_a_zero_year_horizon_is_zero()
    {
        Assert.Equal(0m, Tco.AnnuityFactor(0.98m, 0));
    }

    [Fact]
    public void Annuity_factor_with_q_below_one_is_the_geometric_sum()
    {
        // g = 2%, r = 4%: q = 1.02 / 1.04 = 0.980769..., A = q (1 - q^30) / (1 - q) = 22.5176938677...
        decimal q = 1.02m / 1.04m;
        Approx.Relative(GeometricSum(1.02 / 1.04, 30), Tco.AnnuityFactor(q, 30));
        Approx.Relative(22.51769386772246, Tco.AnnuityFactor(q, 30), 1e-12);
    }

    [Fact]
    public void Annuity_factor_with_q_above_one_is_the_geometric_sum()
    {
        // g = 3%, r = 1%: q = 1.03 / 1.01 > 1; A > 30.
        decimal q = 1.03m / 1.01m;
        decimal a = Tco.AnnuityFactor(q, 30);
        Approx.Relative(GeometricSum(1.03 / 1.01, 30), a);
        Assert.True(a > 30m);
    }

    [Fact]
    public void The_study_rates_give_an_annuity_of_thirty()
    {
        // g = r = 2% -> q = 1 -> A = 30 (MODEL.md §4.6).
        Assert.Equal(30m, TestInputs.TcoFor(HeatDemandMethod.Study).Annuity);
    }

    private static (Tco Tco, double Q) DivergingRates()
    {
        var b = new AssumptionsBuilder { Indexation = 0.02m, DiscountRate = 0.04m };
        return (new Tco(Neighbourhood(HeatDemandMethod.Study, b.Build())), 1.02 / 1.04);
    }

    [Fact]
    public void With_indexation_below_the_discount_rate_the_tco_annuity_is_the_geometric_sum()
    {
        var (tco, q) = DivergingRates();
        Approx.Relative(GeometricSum(q, 30), tco.Annuity);
    }

    [Fact]
    public void A_one_off_replaced_at_year_fifteen_is_worth_its_amount_times_q_to_the_fifteenth()
    {
        var (tco, q) = DivergingRates();
        var r = tco.Evaluate(Rw1Dwelling(), GasBoiler());
        var purchase = Assert.Single(r.OneOffs, l => l.Id == "gas_boiler");
        var replacement = Assert.Single(r.OneOffs, l => l.Id == "gas_boiler.replacement");
        // Year 0: 1,900 at face value. Year 15: 1,900 x (1.02/1.04)^15 = 1,900 x 0.7473129... = 1,419.894...
        Assert.Equal(0, purchase.Year);
        Assert.Equal(1900m, purchase.PresentValue);
        Assert.Equal(15, replacement.Year);
        Assert.Equal(1900m, replacement.Amount);
        Approx.Relative(1900 * Math.Pow(q, 15), replacement.PresentValue);
        Approx.Relative(1419.8945358344705, replacement.PresentValue, 1e-12);
    }

    [Fact]
    public void Annual_costs_are_worth_their_year_zero_amount_times_the_annuity_factor()
    {
        var (tco, q) = DivergingRates();
        double a = GeometricSum(q, 30);
        var r = tco.Evaluate(Rw1Dwelling(), GasBoiler());
        // Variable: 1,280 m3 (label D, study method) x 1.14 = 1,459.20 per year; PV = 1,459.20 x A.
        var gas = Assert.Single(r.Annual, l => l.Id == "energy.gas");
        Assert.Equal(1459.2m, gas.Amount);
        Approx.Relative(1459.2 * a, gas.PresentValue);
        // Fixed: 580.25 per year; PV = 580.25 x A.
        var fixedLine = Assert.Single(r.Annual, l => l.Kind == LineKind.Fixed);
        Approx.Relative(580.25 * a, fixedLine.PresentValue);
    }

    [Fact]
    public void Tco_is_the_sum_of_the_line_present_values_when_rates_differ()
    {
        var (tco, q) = DivergingRates();
        double a = GeometricSum(q, 30), k15 = Math.Pow(q, 15);
        var r = tco.Evaluate(Rw1Dwelling(), AirWater());
        // One-offs (RW1, V3): 16,540 - 30% ISDE (4,962) + 1,450 + 3,040 + 3,740 + 36,160 - 10,850 + 381 = 45,499 at year 0;
        // heat pump 16,540 again at year 15 (no ISDE) x q^15. Annual: 715.3813 (11,005.87 kWh / 4.0 x 0.26) + 270.
        double expected = 45499 + 16540 * k15 + (715.38133333333333 + 270) * a;
        Approx.Relative(expected, r.Tco);
        // Line by line the same total (A is not a terminating decimal here, so allow the last digits).
        Approx.Equal(r.OneOffs.Sum(l => l.PresentValue) + r.Annual.Sum(l => l.PresentValue), r.Tco, 1e-18m);
    }

    [Fact]
    public void Tco_is_the_sum_of_the_line_present_values_with_the_study_rates()
    {
        var r = TestInputs.TcoFor(HeatDemandMethod.Study).Evaluate(Rw1Dwelling(), HeatNetwork(MiniCollective()),
            Technics(MiniCollective()));
        // MODEL.md §4.4 worked example V4 RW1: 1,450 + 6,380 + 10,560 - 3,170 + 3,775 - 3,775 = 15,220 at year 0;
        // annual 39.62112 GJ x 43.79 = 1,735.0088 + 760.77 fixed; TCO = 15,220 + 30 x 2,495.7788 = 90,093.36.
        Approx.Equal(90_093.365344m, r.Tco, 1e-9m);
        Assert.Equal(r.OneOffs.Sum(l => l.PresentValue) + r.Annual.Sum(l => l.PresentValue), r.Tco);
    }
}
