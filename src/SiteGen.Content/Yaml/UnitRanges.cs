using System.Globalization;

namespace SiteGen.Content.Yaml;

/// <summary>
/// The plausible range of a number by its unit: the one rule the parameter catalogue, the scenario reader and the
/// JSON schemas share. The ranges are wide enough for any real study and narrow enough to catch a Dutch thousands
/// separator: `amount: 1.900` reads as 1.9 euro, `gas_m3: 1.400` as 1.4 m3 a year, and both fall outside.
/// </summary>
/// <param name="MaxDecimals">At most this many decimals in the written text (euro: cents), so `125.000` for an amount is caught too.</param>
public sealed record UnitRange(string Unit, decimal Min, decimal Max, string Words, bool Whole = false, bool AllowZero = false, int? MaxDecimals = null)
{
    /// <summary>A narrower range for one field or parameter, keeping the unit's words.</summary>
    public UnitRange Narrow(decimal? min = null, decimal? max = null) => this with { Min = min ?? Min, Max = max ?? Max };

    public bool Contains(decimal value) => (AllowZero && value == 0) || (value >= Min && value <= Max);

    /// <summary>"een bedrag in euro per woning (100 tot 250.000)", for messages: the bounds written the Dutch way.</summary>
    public string Describe() =>
        $"{Words} ({Dutch(Min)} tot {Dutch(Max)}{(AllowZero && Min > 0 ? ", of 0" : "")})";

    /// <summary>A number as it is typed in YAML (1900, 0.3): for "write ..." suggestions.</summary>
    public static string Format(decimal d) => d.ToString("0.############", CultureInfo.InvariantCulture);

    private static readonly NumberFormatInfo DutchNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>A number as a Dutch reader writes it (1.900, 0,3): for values and ranges told to the communicator.</summary>
    public static string Dutch(decimal d) => d.ToString("#,##0.############", DutchNumbers);
}

public static class UnitRanges
{
    // Units as written in content (parameter 'unit:' and the scenario's implicit units). Amounts for a whole
    // project (a heat network) have their own keys: they are far larger than amounts per dwelling.
    public static readonly IReadOnlyDictionary<string, UnitRange> ByUnit = new[]
    {
        new UnitRange("EUR", 100m, 250_000m, "een bedrag in euro per woning", MaxDecimals: 2),
        new UnitRange("EUR/year", 10m, 20_000m, "een bedrag in euro per woning per jaar", MaxDecimals: 2),
        new UnitRange("EUR/year-income", 1_000m, 1_000_000m, "een huishoudinkomen in euro per jaar", MaxDecimals: 2),
        new UnitRange("EUR-project", 1_000m, 1_000_000_000m, "een bedrag in euro voor het hele project", MaxDecimals: 2),
        new UnitRange("EUR/year-project", 100m, 100_000_000m, "een bedrag in euro per jaar voor het hele project", AllowZero: true, MaxDecimals: 2),
        new UnitRange("EUR-gap", -1_000_000_000m, 1_000_000_000m, "een onrendabele top in euro voor het hele project", MaxDecimals: 2),
        new UnitRange("EUR/m3", 0.05m, 10m, "een prijs in euro per m3"),
        new UnitRange("EUR/kWh", 0.01m, 2m, "een prijs in euro per kWh"),
        new UnitRange("EUR/GJ", 1m, 200m, "een prijs in euro per GJ"),
        new UnitRange("m3/year", 100m, 10_000m, "het gasverbruik van één woning in m3 per jaar", MaxDecimals: 1),
        new UnitRange("kWh/year", 100m, 50_000m, "het elektriciteitsverbruik van één woning in kWh per jaar", MaxDecimals: 1),
        new UnitRange("GJ/year", 10m, 10_000_000m, "een warmtevraag in GJ per jaar", AllowZero: true, MaxDecimals: 2),
        new UnitRange("MWh/year", 1m, 10_000_000m, "energie in MWh per jaar", AllowZero: true, MaxDecimals: 2),
        new UnitRange("share", 0m, 1m, "een aandeel (15% schrijft u als 0.15)"),
        new UnitRange("year", 1m, 100m, "een jaar, geteld vanaf de start (1 is het eerste jaar)", Whole: true),
        new UnitRange("years", 1m, 200m, "een aantal jaren", Whole: true),
        new UnitRange("count", 0m, 1_000_000m, "een aantal woningen, gebouwen of aansluitingen", Whole: true),
        new UnitRange("connections", 1m, 10_000_000m, "een aantal aansluitingen", Whole: true),
        new UnitRange("panels", 0m, 10_000_000m, "een aantal panelen", Whole: true),
        new UnitRange("hours/year", 1m, 8_760m, "een aantal uren per jaar", Whole: true),
        new UnitRange("m2", 0.01m, 10_000_000m, "een oppervlak in m2", MaxDecimals: 2),
        new UnitRange("kg/m3", 0.1m, 10m, "kg CO2 per m3 gas"),
        new UnitRange("kg/kWh", 0m, 2m, "kg CO2 per kWh"),
        new UnitRange("MJ/m3", 10m, 50m, "een energie-inhoud in MJ per m3"),
        new UnitRange("factor", 0.1m, 10m, "een factor"),
    }.ToDictionary(r => r.Unit, StringComparer.Ordinal);

    /// <summary>Words a fact may use as its unit that count things (whole numbers).</summary>
    private static readonly HashSet<string> CountWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "objecten", "woningen", "gebouwen", "aansluitingen", "adressen", "huishoudens", "panden", "count",
    };

    public static UnitRange Get(string unit) =>
        ByUnit.TryGetValue(unit, out var r) ? r : throw new ArgumentException($"no plausible range for unit '{unit}'", nameof(unit));

    /// <summary>The range for a fact's free-text unit, or null when the unit is not known (then only 'not negative' applies).</summary>
    public static UnitRange? ForFact(string unit) =>
        ByUnit.TryGetValue(unit, out var r) ? r
        : CountWords.Contains(unit) ? Get("count") with { Words = $"een aantal {unit}" }
        : null;
}
