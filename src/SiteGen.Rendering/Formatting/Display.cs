using SiteGen.Calculation;
using SiteGen.Calculation.Resident;

namespace SiteGen.Rendering.Formatting;

/// <summary>
/// How each kind of figure is shown: the study's printing precision (MODEL.md §1). Pages and their tests use
/// these rules, so a figure on a page is always its open-data value formatted one way.
/// </summary>
public static class Display
{
    // Each figure is rounded from its open-data value (to the cent), not from the exact one: rounded twice, a figure just under 935.5 kg is
    // 935.50 in the data, which a reader rounds to 936, while rounding once gave 935 on the page.
    private static decimal Published(decimal v) => OpenData.OpenDataFiles.Cent(v);

    /// <summary>30-year TCO: to €10, as Tabel 8.9 prints it.</summary>
    public static decimal TcoValue(decimal v) => DutchFormat.RoundTo(Published(v), 10m);
    public static string Tco(decimal v) => DutchFormat.Euro(TcoValue(v));

    /// <summary>Monthly cost: to €1.</summary>
    public static string Monthly(decimal v) => DutchFormat.Euro(Published(v));

    /// <summary>One-off amounts and annual costs: to €1.</summary>
    public static string Money(decimal v) => DutchFormat.Euro(Published(v));

    /// <summary>CO2 per year: to the kg.</summary>
    public static decimal Co2Value(decimal kg) => DecimalMath.RoundHalfUp(Published(kg));
    public static string Co2(decimal kg) => DutchFormat.WithUnit(Co2Value(kg), 0, "kg");

    // Ranges and up-front costs (issue 13): never more precise than the inputs; rules in the core's DisplayRounding.

    /// <summary>"€ 58.000 tot € 72.000": the 30-year range, bounds to € 1.000.</summary>
    public static string TcoRange(CostRange r) => Between(DisplayRounding.TcoRange(r));

    /// <summary>"€ 135 tot € 205": the monthly range, bounds to € 5.</summary>
    public static string MonthlyRange(CostRange r) => Between(DisplayRounding.MonthlyRange(r));

    /// <summary>"€ 4.200 tot € 7.900": the up-front range, to € 100.</summary>
    public static string UpfrontRange(CostRange r) => Between(DisplayRounding.UpfrontRange(r));

    /// <summary>An up-front amount to € 100: "€ 6.300".</summary>
    public static string Upfront(decimal v) => DutchFormat.Euro(DisplayRounding.Upfront(v));

    private static string Between(CostRange r) => $"{DutchFormat.Euro(r.Low)} tot {DutchFormat.Euro(r.High)}";

    /// <summary>A parameter value in its unit, Dutch style (every unit content may use: <c>UnitRanges.ByUnit</c>).</summary>
    public static string Value(decimal v, string unit) => unit switch
    {
        "EUR" => DutchFormat.Euro(v, Cents(v)),
        "EUR/m3" => DutchFormat.Euro(v, 2) + " per m³",
        "EUR/kWh" => DutchFormat.Euro(v, 2) + " per kWh",
        "EUR/GJ" => DutchFormat.Euro(v, 2) + " per GJ",
        "EUR/year" or "EUR/year-income" or "EUR/year-project" => DutchFormat.Euro(v, Cents(v)) + " per jaar",
        "EUR-project" or "EUR-gap" => DutchFormat.Euro(v, Cents(v)),
        "kg/m3" => DutchFormat.WithUnit(v, Decimals(v, 3), "kg per m³"),
        "kg/kWh" => DutchFormat.WithUnit(v, Decimals(v, 3), "kg per kWh"),
        "MJ/m3" => DutchFormat.WithUnit(v, Decimals(v, 3), "MJ per m³"),
        "share" => DutchFormat.Percent(v, Decimals(v * 100m, 2)),
        "factor" => DutchFormat.Number(v, Decimals(v, 3)),
        "years" => DutchFormat.WithUnit(v, 0, "jaar"),
        "year" => "jaar " + DutchFormat.Number(v),
        "connections" => DutchFormat.WithUnit(v, 0, "aansluitingen"),
        "m3" => DutchFormat.WithUnit(v, 0, "m³"),
        "m3/year" => DutchFormat.WithUnit(v, Decimals(v, 1), "m³ per jaar"),
        "count" => DutchFormat.Number(v),
        "panels" => DutchFormat.WithUnit(v, 0, "panelen"),
        "hours/year" => DutchFormat.WithUnit(v, 0, "uur per jaar"),
        "m2" => DutchFormat.WithUnit(v, Decimals(v, 2), "m²"),
        "MWh/year" => DutchFormat.WithUnit(v, Decimals(v, 2), "MWh per jaar"),
        "GJ/year" => DutchFormat.WithUnit(v, Decimals(v, 2), "GJ per jaar"),
        "kWh/year" => DutchFormat.WithUnit(v, 0, "kWh per jaar"),
        "" => DutchFormat.Number(v, Decimals(v, 3)),
        _ => DutchFormat.WithUnit(v, Decimals(v, 2), unit),
    };

    /// <summary>Whole euros without cents, else both digits of the cents: "€ 32,80", never "€ 32,8".</summary>
    private static int Cents(decimal v) => Decimals(v, 2) == 0 ? 0 : 2;

    /// <summary>Just enough decimals to show the value exactly, up to <paramref name="max"/>.</summary>
    public static int Decimals(decimal v, int max)
    {
        for (int d = 0; d < max; d++)
            if (DecimalMath.RoundHalfUp(v, d) == v) return d;
        return max;
    }
}
