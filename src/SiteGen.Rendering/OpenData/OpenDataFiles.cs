using System.Globalization;
using System.Text;
using System.Text.Json;
using SiteGen.Calculation;
using SiteGen.Calculation.Inputs;
using SiteGen.Content.Model;

namespace SiteGen.Rendering.OpenData;

/// <summary>
/// The open-data files (public contract: file names and column names must not change without an issue).
/// Numbers are rounded to the cent (money) or to 0.01 (quantities), with '.' as decimal point.
/// </summary>
public static class OpenDataFiles
{
    public const string ResultsJson = "data/results.json";
    public const string ResultsCsv = "data/results.csv";
    public const string BusinessCasesJson = "data/business-cases.json";
    public const string ParticipationJson = "data/participation.json";

    public static readonly string[] ResultColumns =
    [
        "neighbourhood", "dwelling", "variant", "gas_m3_per_year", "electricity_kwh_per_year", "heat_gj_per_year",
        "co2_kg_per_year", "investment_eur", "subsidy_eur", "tco_30y_eur", "monthly_cost_start_year_eur",
        // Issue 13, appended: the range (low <= central <= high) from the content's margins and price what-ifs.
        "tco_30y_low_eur", "tco_30y_high_eur", "monthly_cost_start_year_low_eur", "monthly_cost_start_year_high_eur",
    ];

    public static readonly string[] BusinessCaseColumns =
    [
        "neighbourhood", "variant", "operator", "subsidy", "subsidy_applicable", "wacc", "connections",
        "funding_gap_total_eur", "funding_gap_per_connection_eur", "published_funding_gap_total_eur",
    ];

    /// <summary>One row per neighbourhood x heat-network variant x participation share (issue 13).</summary>
    public static readonly string[] ParticipationColumns =
    [
        "neighbourhood", "variant", "participation_share", "study_assumption", "connections", "operator", "subsidy", "wacc",
        "funding_gap_total_eur", "funding_gap_per_connection_eur", "funding_gap_total_low_eur", "funding_gap_total_high_eur",
        "connection_contribution_per_home_incl_vat_eur",
    ];

    public static string OperatorId(Operator op) => op == Operator.Public ? "public" : "commercial";

    public static string SubsidyId(SubsidyCase s) => s switch
    {
        SubsidyCase.None => "none", SubsidyCase.Wis => "wis", SubsidyCase.Sde => "sde", _ => "wis+sde",
    };

    public static decimal Cent(decimal v) => DecimalMath.RoundHalfUp(v, 2);

    private static IEnumerable<object[]> ResultRows(IEnumerable<(Neighbourhood N, NeighbourhoodResult R)> all)
    {
        foreach (var (n, r) in all)
            foreach (var x in r.Residents)
                yield return
                [
                    n.Id, x.DwellingId, x.VariantId, Cent(x.GasM3), Cent(x.ElectricityKwh), Cent(x.HeatGJ), Cent(x.Co2Kg),
                    Cent(x.Investment), Cent(x.Subsidy), Cent(x.Tco), Cent(x.MonthlyCost),
                    Cent(x.TcoRange.Low), Cent(x.TcoRange.High), Cent(x.MonthlyRange.Low), Cent(x.MonthlyRange.High),
                ];
    }

    public static byte[] Results(IEnumerable<(Neighbourhood, NeighbourhoodResult)> all) =>
        Json(ResultColumns, ResultRows(all));

    public static byte[] ResultsCsvBytes(IEnumerable<(Neighbourhood, NeighbourhoodResult)> all)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', ResultColumns)).Append('\n');
        foreach (var row in ResultRows(all))
            sb.Append(string.Join(',', row.Select(Csv))).Append('\n');
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    public static byte[] BusinessCases(IEnumerable<(Neighbourhood, NeighbourhoodResult)> all)
    {
        IEnumerable<object?[]> Rows()
        {
            foreach (var (n, r) in all)
                foreach (var c in r.Collectives)
                    foreach (var g in c.BusinessCase.FundingGaps)
                        yield return
                        [
                            n.Id, c.VariantId, OperatorId(g.Operator), SubsidyId(g.Subsidy), g.Applicable, g.Wacc,
                            c.Technics.ConnectedWeq, Cent(g.Total), Cent(g.PerConnection), g.Published?.Value,
                        ];
        }
        return Json(BusinessCaseColumns, Rows());
    }

    public static byte[] Participation(IEnumerable<(Neighbourhood, NeighbourhoodResult)> all)
    {
        IEnumerable<object?[]> Rows()
        {
            foreach (var (n, r) in all)
                foreach (var c in r.Collectives)
                    foreach (var p in c.Participation)
                        yield return
                        [
                            n.Id, c.VariantId, p.Share, p.IsStudyCase, p.Connections, OperatorId(p.Operator), SubsidyId(SubsidyCase.None),
                            p.Wacc, Cent(p.FundingGapTotal), Cent(p.FundingGapPerConnection), Cent(p.FundingGapLow), Cent(p.FundingGapHigh),
                            Cent(p.ContributionPerHome),
                        ];
        }
        return Json(ParticipationColumns, Rows());
    }

    private static byte[] Json(string[] columns, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var row in rows)
            {
                w.WriteStartObject();
                for (int i = 0; i < columns.Length; i++)
                {
                    w.WritePropertyName(columns[i]);
                    switch (row[i])
                    {
                        case null: w.WriteNullValue(); break;
                        case string s: w.WriteStringValue(s); break;
                        case bool b: w.WriteBooleanValue(b); break;
                        case decimal d: w.WriteNumberValue(d); break;
                        default: throw new InvalidOperationException($"unexpected value type {row[i]!.GetType()}");
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string Csv(object v) => v switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s when s.IndexOfAny([',', '"', '\n']) >= 0 => "\"" + s.Replace("\"", "\"\"") + "\"",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
