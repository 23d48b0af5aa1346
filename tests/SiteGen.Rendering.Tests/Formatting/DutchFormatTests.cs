using System.Globalization;
using SiteGen.Rendering.Formatting;

namespace SiteGen.Rendering.Tests.Formatting;

public class DutchFormatTests
{
    // Test data spells the separators out so an accidental U+0020/U+00A0 swap fails loudly.
    private const string S = "\u00A0";
    private const string M = "\u2212";

    [Fact]
    public void Separator_is_a_single_no_break_space()
    {
        Assert.Equal("\u00A0", DutchFormat.Space);
        Assert.Equal("\u2212", DutchFormat.Minus);
        Assert.DoesNotContain(' ', DutchFormat.Euro(-3170m));
        Assert.DoesNotContain(' ', DutchFormat.WithUnit(8.27m, 2, "MWh"));
    }

    [Theory]
    [InlineData("64980", 0, "€" + S + "64.980")]
    [InlineData("64983.4", 0, "€" + S + "64.983")]
    [InlineData("0", 0, "€" + S + "0")]
    [InlineData("0.5", 0, "€" + S + "1")]
    [InlineData("1.5", 0, "€" + S + "2")]
    [InlineData("2.5", 0, "€" + S + "3")]
    [InlineData("-2.5", 0, M + S + "€" + S + "3")]
    [InlineData("-0.4", 0, "€" + S + "0")]
    [InlineData("-0.001", 2, "€" + S + "0,00")]
    [InlineData("-3170", 0, M + S + "€" + S + "3.170")]
    [InlineData("999.5", 0, "€" + S + "1.000")]
    [InlineData("1234.5", 2, "€" + S + "1.234,50")]
    [InlineData("1234.505", 2, "€" + S + "1.234,51")]
    [InlineData("-1234.505", 2, M + S + "€" + S + "1.234,51")]
    [InlineData("1234567", 0, "€" + S + "1.234.567")]
    [InlineData("1234567890.12", 2, "€" + S + "1.234.567.890,12")]
    [InlineData("12", 2, "€" + S + "12,00")]
    [InlineData("0.99", 0, "€" + S + "1")]
    public void Euro_formats_dutch_money(string value, int decimals, string expected) =>
        Assert.Equal(expected, DutchFormat.Euro(decimal.Parse(value, CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("1280", 0, "1.280")]
    [InlineData("8.2749", 2, "8,27")]
    [InlineData("8.275", 2, "8,28")]
    [InlineData("-8.275", 2, M + "8,28")]
    [InlineData("0", 0, "0")]
    [InlineData("0", 3, "0,000")]
    [InlineData("0.5", 0, "1")]
    [InlineData("2.5", 0, "3")]
    [InlineData("-2.5", 0, M + "3")]
    [InlineData("-0.5", 0, M + "1")]
    [InlineData("-0.49", 0, "0")]
    [InlineData("999", 0, "999")]
    [InlineData("1000", 0, "1.000")]
    [InlineData("-1000", 0, M + "1.000")]
    [InlineData("1234567", 0, "1.234.567")]
    [InlineData("1234567.891", 1, "1.234.567,9")]
    [InlineData("0.05", 1, "0,1")]
    [InlineData("79228162514264337593543950335", 0, "79.228.162.514.264.337.593.543.950.335")]
    public void Number_uses_dot_groups_and_comma_decimals(string value, int decimals, string expected) =>
        Assert.Equal(expected, DutchFormat.Number(decimal.Parse(value, CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("8.27", 2, "MWh", "8,27" + S + "MWh")]
    [InlineData("1280", 0, "m³", "1.280" + S + "m³")]
    [InlineData("-12.5", 0, "kg CO₂", M + "13" + S + "kg CO₂")]
    [InlineData("0", 1, "GJ", "0,0" + S + "GJ")]
    [InlineData("45000", 0, "kWh", "45.000" + S + "kWh")]
    public void WithUnit_joins_number_and_unit_with_the_separator(string value, int decimals, string unit, string expected) =>
        Assert.Equal(expected, DutchFormat.WithUnit(decimal.Parse(value, CultureInfo.InvariantCulture), decimals, unit));

    [Theory]
    [InlineData("0.3", 0, "30%")]
    [InlineData("0.046", 1, "4,6%")]
    [InlineData("0.0455", 1, "4,6%")]
    [InlineData("0.005", 0, "1%")]
    [InlineData("0", 0, "0%")]
    [InlineData("1", 0, "100%")]
    [InlineData("12.5", 0, "1.250%")]
    [InlineData("-0.025", 0, M + "3%")]
    [InlineData("0.21", 2, "21,00%")]
    public void Percent_multiplies_fraction_by_hundred(string fraction, int decimals, string expected) =>
        Assert.Equal(expected, DutchFormat.Percent(decimal.Parse(fraction, CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("64983", "10", "64980")]
    [InlineData("64985", "10", "64990")]
    [InlineData("-64985", "10", "-64990")]
    [InlineData("64984.99", "10", "64980")]
    [InlineData("5", "10", "10")]
    [InlineData("4.99", "10", "0")]
    [InlineData("0", "10", "0")]
    [InlineData("1249", "500", "1000")]
    [InlineData("1250", "500", "1500")]
    [InlineData("0.125", "0.05", "0.15")]
    [InlineData("3170", "1", "3170")]
    public void RoundTo_rounds_to_multiple_half_away_from_zero(string value, string step, string expected) =>
        Assert.Equal(
            decimal.Parse(expected, CultureInfo.InvariantCulture),
            DutchFormat.RoundTo(decimal.Parse(value, CultureInfo.InvariantCulture), decimal.Parse(step, CultureInfo.InvariantCulture)));

    [Fact]
    public void RoundTo_then_Euro_prints_the_study_style_amount() =>
        Assert.Equal("€" + S + "64.990", DutchFormat.Euro(DutchFormat.RoundTo(64985m, 10m)));

    [Theory]
    [InlineData(2025, 11, 13, "13 november 2025")]
    [InlineData(2026, 1, 1, "1 januari 2026")]
    [InlineData(2024, 2, 29, "29 februari 2024")]
    [InlineData(2025, 3, 5, "5 maart 2025")]
    [InlineData(2025, 5, 9, "9 mei 2025")]
    [InlineData(2025, 8, 31, "31 augustus 2025")]
    [InlineData(2025, 12, 31, "31 december 2025")]
    public void Date_is_dutch_long_date(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DutchFormat.Date(new DateOnly(year, month, day)));

    [Fact]
    public void All_month_names_are_lowercase_dutch()
    {
        var names = Enumerable.Range(1, 12).Select(m => DutchFormat.Date(new DateOnly(2025, m, 1)).Split(' ')[1]);
        Assert.Equal(
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            names);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Unreasonable_decimals_are_rejected(int decimals)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DutchFormat.Number(1m, decimals));
        Assert.Throws<ArgumentOutOfRangeException>(() => DutchFormat.Euro(1m, decimals));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    public void RoundTo_rejects_non_positive_step(string step) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DutchFormat.RoundTo(5m, decimal.Parse(step, CultureInfo.InvariantCulture)));

    [Fact]
    public void WithUnit_requires_a_unit() =>
        Assert.Throws<ArgumentException>(() => DutchFormat.WithUnit(1m, 0, " "));

    [Fact]
    public void Output_does_not_depend_on_current_culture()
    {
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var baseline = Sample();

            // Named cultures throw under InvariantGlobalization, so build look-alikes by hand.
            var enUs = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            enUs.NumberFormat.NumberGroupSeparator = ",";
            enUs.NumberFormat.NumberDecimalSeparator = ".";
            enUs.NumberFormat.CurrencySymbol = "$";
            enUs.NumberFormat.NegativeSign = "-";
            enUs.NumberFormat.PercentSymbol = "%";

            // Turkish-like: swapped separators, a different percent pattern and a non-ASCII minus.
            var trTr = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            trTr.NumberFormat.NumberGroupSeparator = ".";
            trTr.NumberFormat.NumberDecimalSeparator = ",";
            trTr.NumberFormat.CurrencySymbol = "₺";
            trTr.NumberFormat.NegativeSign = "\u2010";
            trTr.NumberFormat.PercentSymbol = "٪";
            trTr.NumberFormat.NumberGroupSizes = [2];
            trTr.DateTimeFormat.MonthNames = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık", string.Empty];

            foreach (var culture in new[] { enUs, trTr })
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                Assert.Equal(baseline, Sample());
            }

            Assert.Equal(
                ["€" + S + "64.980", M + S + "€" + S + "3.170", "€" + S + "1.234,50", "1.234.567", "8,27" + S + "MWh", "4,6%", "13 november 2025", "64990"],
                baseline);
        }
        finally
        {
            CultureInfo.CurrentCulture = original.CurrentCulture;
            CultureInfo.CurrentUICulture = original.CurrentUICulture;
        }

        static string[] Sample() =>
        [
            DutchFormat.Euro(64980m),
            DutchFormat.Euro(-3170m),
            DutchFormat.Euro(1234.5m, 2),
            DutchFormat.Number(1234567m),
            DutchFormat.WithUnit(8.27m, 2, "MWh"),
            DutchFormat.Percent(0.046m, 1),
            DutchFormat.Date(new DateOnly(2025, 11, 13)),
            DutchFormat.RoundTo(64985m, 10m).ToString("0", CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>
    /// Every unit content may give a value (the units the readers check) is written in Dutch: the income limit of the
    /// 0% loan showed as "60.000 EUR/year-income" on the page of what changed.
    /// </summary>
    [Theory]
    [MemberData(nameof(ContentUnits))]
    public void Every_content_unit_is_shown_in_Dutch(string unit)
    {
        var range = SiteGen.Content.Yaml.UnitRanges.ByUnit[unit];
        decimal sample = range.Min > 0m ? range.Min : range.Max;
        string shown = Display.Value(sample, unit);
        Assert.DoesNotContain(unit, shown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"EUR|year|/|\bm3\b|kWh/|count|connections|share|factor", shown);
    }

    [Fact]
    public void An_amount_with_cents_shows_both_digits()
    {
        // The ACM metering tariff of 32.80 a year showed as "€ 32,8 per jaar".
        Assert.Equal($"€{S}32,80 per jaar", Display.Value(32.8m, "EUR/year"));
        Assert.Equal($"€{S}577,48 per jaar", Display.Value(577.48m, "EUR/year"));
        Assert.Equal($"€{S}2.250", Display.Value(2250m, "EUR"));
        Assert.Equal($"€{S}1.899,50", Display.Value(1899.5m, "EUR"));
    }

    public static TheoryData<string> ContentUnits => new(SiteGen.Content.Yaml.UnitRanges.ByUnit.Keys.Order(StringComparer.Ordinal));
}
