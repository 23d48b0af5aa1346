namespace SiteGen.Calculation.Tests;

public class DecimalMathTests
{
    [Theory]
    [InlineData("5")]
    [InlineData("1.02")]
    [InlineData("0")]       // 0^0 = 1 by the empty-product convention
    [InlineData("-3.5")]
    public void Pow_with_exponent_zero_is_one(string x)
    {
        Assert.Equal(1m, DecimalMath.Pow(decimal.Parse(x, System.Globalization.CultureInfo.InvariantCulture), 0));
    }

    [Fact]
    public void Pow_with_exponent_one_is_the_base_itself()
    {
        Assert.Equal(1.02m, DecimalMath.Pow(1.02m, 1));
        Assert.Equal(-7.5m, DecimalMath.Pow(-7.5m, 1));
    }

    [Fact]
    public void Pow_multiplies_exactly_for_representable_results()
    {
        // 2^10 = 1,024; 0.5^3 = 0.125; (-2)^3 = -8 (odd power keeps the sign); (-2)^4 = 16.
        Assert.Equal(1024m, DecimalMath.Pow(2m, 10));
        Assert.Equal(0.125m, DecimalMath.Pow(0.5m, 3));
        Assert.Equal(-8m, DecimalMath.Pow(-2m, 3));
        Assert.Equal(16m, DecimalMath.Pow(-2m, 4));
        // 1.1^2 = 1.21 and 1.1^3 = 1.331, exact in decimal (unlike double).
        Assert.Equal(1.331m, DecimalMath.Pow(1.1m, 3));
    }

    [Fact]
    public void Pow_with_a_negative_exponent_is_the_reciprocal()
    {
        // 2^-2 = 1/4 = 0.25; 4^-1 = 0.25; 10^-3 = 0.001.
        Assert.Equal(0.25m, DecimalMath.Pow(2m, -2));
        Assert.Equal(0.25m, DecimalMath.Pow(4m, -1));
        Assert.Equal(0.001m, DecimalMath.Pow(10m, -3));
        // 1.02^-15 x 1.02^15 = 1 (within decimal's 28 digits).
        Approx.Equal(1m, DecimalMath.Pow(1.02m, -15) * DecimalMath.Pow(1.02m, 15), 1e-25m);
    }

    [Fact]
    public void Pow_of_the_indexation_over_fifteen_years()
    {
        // 1.02^15 = 1.345868338324129592144306208768 exactly (30 decimals; 1.02^5 = 1.1040808032,
        // 1.1040808032^3 = 1.3458683383...); decimal keeps 28 significant digits.
        Approx.Equal(1.345868338324129592144306209m, DecimalMath.Pow(1.02m, 15), 1e-26m);
        // Independently with double: Math.Pow(1.02, 15).
        Approx.Relative(Math.Pow(1.02, 15), DecimalMath.Pow(1.02m, 15), 1e-14);
    }

    [Theory]
    [InlineData("2.5", 0, "3")]        // banker's rounding would give 2
    [InlineData("3.5", 0, "4")]
    [InlineData("-2.5", 0, "-3")]      // half away from zero, symmetric for negatives
    [InlineData("1.005", 2, "1.01")]   // banker's: 1.00; exact in decimal, so no binary surprise
    [InlineData("0.125", 2, "0.13")]
    [InlineData("2.4999", 0, "2")]
    [InlineData("156.829166", 0, "157")] // V1 RW1 monthly cost (1,459.2 + 580.25 - 157.5) / 12 prints 157
    public void RoundHalfUp_rounds_half_way_cases_away_from_zero(string value, int decimals, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(decimal.Parse(expected, inv), DecimalMath.RoundHalfUp(decimal.Parse(value, inv), decimals));
    }

    [Theory]
    [InlineData("1445", "10", "1450")]     // 144.5 -> 145 (banker's: 144 -> 1,440)
    [InlineData("1444.99", "10", "1440")]
    [InlineData("64983.3", "10", "64980")] // Tabel 8.9 V1 RW1
    [InlineData("542904", "1000", "543000")]
    [InlineData("-1445", "10", "-1450")]
    [InlineData("0.125", "0.25", "0.25")]  // 0.125 / 0.25 = 0.5 -> 1 -> 0.25 (banker's: 0)
    [InlineData("24515.12", "100", "24500")]
    public void RoundToStep_rounds_to_a_multiple_of_the_step_half_up(string value, string step, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(decimal.Parse(expected, inv), DecimalMath.RoundToStep(decimal.Parse(value, inv), decimal.Parse(step, inv)));
    }

    [Fact]
    public void Ceiling_rounds_fractions_up_and_keeps_integers()
    {
        // 393 x 0.8 = 314.4 -> 315 (Tabel 6.1); 1,576 stays 1,576.
        Assert.Equal(315m, DecimalMath.Ceiling(393m * 0.8m));
        Assert.Equal(1576m, DecimalMath.Ceiling(1576m));
    }
}
