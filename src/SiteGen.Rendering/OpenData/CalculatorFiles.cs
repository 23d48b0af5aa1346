using System.Text.Json;
using SiteGen.Calculation;
using SiteGen.Calculation.Personal;
using SiteGen.Content.Model;

namespace SiteGen.Rendering.OpenData;

/// <summary>
/// The personal calculator's numbers (issue 11): per neighbourhood <c>data/&lt;municipality&gt;/&lt;neighbourhood&gt;/calculator.json</c>
/// with the coefficients the core derived (value = a + b x gas_m3), and <c>data/break-even.json</c>. Schema in README.md.
/// </summary>
public static class CalculatorFiles
{
    public const string BreakEvenJson = "data/break-even.json";
    public const string Schema = "sitegen-calculator/1";

    public static string CalculatorPath(Neighbourhood n) => $"data/{n.Id}/calculator.json";

    public static readonly string[] BreakEvenColumns =
        ["neighbourhood", "dwelling", "variant", "break_even_gas_m3_per_year", "break_even_gas_m3_per_year_natural_moment"];

    public static byte[] BreakEven(IEnumerable<(Neighbourhood N, NeighbourhoodResult R)> all)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var (n, r) in all)
                foreach (var b in r.BreakEvens)
                {
                    w.WriteStartObject();
                    w.WriteString("neighbourhood", n.Id);
                    w.WriteString("dwelling", b.DwellingId);
                    w.WriteString("variant", b.VariantId);
                    Number(w, "break_even_gas_m3_per_year", b.GasM3);
                    Number(w, "break_even_gas_m3_per_year_natural_moment", b.GasM3NaturalMoment);
                    w.WriteEndObject();
                }
            w.WriteEndArray();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static byte[] Calculator(Neighbourhood n, NeighbourhoodResult r)
    {
        var model = new PersonalModel(n.Input);
        var a = n.Input.Assumptions;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("neighbourhood", n.Id);
            w.WriteString("method", "consistent");
            w.WriteNumber("horizon_years", Trim(a.HorizonYears.Value));
            w.WriteStartObject("price_multipliers");
            foreach (var p in PriceScenarios.All) w.WriteNumber(PriceScenarios.Id(p), Trim(PriceScenarios.Multiplier(a, p)));
            w.WriteEndObject();
            w.WriteStartObject("loan");
            w.WriteNumber("max_amount_eur", Trim(a.LoanMaxAmount.Value));
            w.WriteNumber("term_years", Trim(a.LoanTermYears.Value));
            w.WriteNumber("low_income_threshold_eur", Trim(a.LoanLowIncomeThreshold.Value));
            w.WriteBoolean("example_values", a.LoanInterestRate.Source.Basis == Basis.Example || a.LoanTermYears.Source.Basis == Basis.Example);
            foreach (var (key, low) in new[] { ("standard", false), ("low_income", true) })
            {
                var t = LoanTerms.From(a, low);
                w.WriteStartObject(key);
                w.WriteNumber("interest_rate", Trim(t.InterestRate));
                w.WriteNumber("monthly_per_eur", Trim(t.MonthlyPerEuro));
                w.WriteNumber("interest_per_eur", Trim(t.InterestPerEuro));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("dwellings");
            foreach (var d in Coefficients.Derive(model))
            {
                w.WriteStartObject();
                w.WriteString("id", d.DwellingId);
                w.WriteNumber("gas_m3", Trim(d.DefaultGasM3));
                w.WriteString("label", d.DefaultLabel);
                w.WriteStartArray("variants");
                foreach (var v in d.Variants)
                {
                    w.WriteStartObject();
                    w.WriteString("id", v.VariantId);
                    var be = r.BreakEven(d.DwellingId, v.VariantId);
                    Number(w, "break_even_gas_m3", be?.GasM3);
                    if (be is not null) w.WriteString("break_even", Kind(be.Kind));
                    w.WriteStartObject("labels");
                    foreach (var (label, index) in v.SetByLabel) w.WriteNumber(label, Trim(index));
                    w.WriteEndObject();
                    w.WriteStartArray("sets");
                    foreach (var s in v.Sets) WriteSet(w, s);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static string Kind(BreakEvenKind k) => k switch
    {
        BreakEvenKind.Within => "within",
        BreakEvenKind.CheaperThroughout => "cheaper_throughout",
        _ => "not_within_range",
    };

    private static void WriteSet(Utf8JsonWriter w, CoefficientSet s)
    {
        w.WriteStartObject();
        w.WriteStartObject("b");
        foreach (var p in PriceScenarios.All)
        {
            w.WriteStartObject(PriceScenarios.Id(p));
            w.WriteNumber("tco", Trim(s.Slopes[p].Tco));
            w.WriteNumber("monthly", Trim(s.Slopes[p].Monthly));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("owner");
        foreach (var (key, o) in new[] { ("now", s.Now), ("natural_moment", s.NaturalMoment) })
        {
            w.WriteStartObject(key);
            w.WriteNumber("tco", Trim(o.Tco));
            w.WriteNumber("monthly", Trim(o.Monthly));
            w.WriteNumber("upfront", Trim(o.Upfront));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("tenant");
        w.WriteNumber("tco", Trim(s.Tenant.Tco));
        w.WriteNumber("monthly", Trim(s.Tenant.Monthly));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Drops trailing zeros of a rounded decimal (1234.5600 -> 1234.56) to keep the file small.</summary>
    public static decimal Trim(decimal v) => v / 1.000000000000000000000000000000000m;

    private static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) w.WriteNumber(name, Trim(v));
        else w.WriteNull(name);
    }
}
