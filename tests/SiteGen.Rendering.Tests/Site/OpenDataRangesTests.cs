using System.Text;
using System.Text.Json;
using SiteGen.Rendering.OpenData;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>Issue 13 in the open data: range columns on results, and the take-up file participation.json.</summary>
public class OpenDataRangesTests
{
    private static JsonElement[] Json(string path) =>
        JsonDocument.Parse(BuiltSite.Files.All[path]).RootElement.EnumerateArray().ToArray();

    [Fact]
    public void Results_keep_their_columns_in_order_and_append_the_range_columns()
    {
        string[] original =
        [
            "neighbourhood", "dwelling", "variant", "gas_m3_per_year", "electricity_kwh_per_year", "heat_gj_per_year",
            "co2_kg_per_year", "investment_eur", "subsidy_eur", "tco_30y_eur", "monthly_cost_start_year_eur",
        ];
        string[] appended = ["tco_30y_low_eur", "tco_30y_high_eur", "monthly_cost_start_year_low_eur", "monthly_cost_start_year_high_eur"];
        Assert.Equal(original.Concat(appended), OpenDataFiles.ResultColumns);
        string header = Encoding.UTF8.GetString(BuiltSite.Files.All[OpenDataFiles.ResultsCsv]).Split('\n')[0];
        Assert.Equal(string.Join(',', original.Concat(appended)), header);
        foreach (var row in Json(OpenDataFiles.ResultsJson))
            Assert.Equal(original.Concat(appended), row.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Every_result_row_has_low_at_most_central_at_most_high()
    {
        var rows = Json(OpenDataFiles.ResultsJson);
        Assert.Equal(18, rows.Length);
        foreach (var r in rows)
        {
            decimal D(string name) => r.GetProperty(name).GetDecimal();
            Assert.True(D("tco_30y_low_eur") <= D("tco_30y_eur") && D("tco_30y_eur") <= D("tco_30y_high_eur"));
            Assert.True(D("monthly_cost_start_year_low_eur") <= D("monthly_cost_start_year_eur")
                        && D("monthly_cost_start_year_eur") <= D("monthly_cost_start_year_high_eur"));
            // Putten has margins and what-ifs: the range is a real range.
            Assert.True(D("tco_30y_low_eur") < D("tco_30y_high_eur"));
        }
        var csvLines = Encoding.UTF8.GetString(BuiltSite.Files.All[OpenDataFiles.ResultsCsv]).TrimEnd('\n').Split('\n');
        Assert.Equal(rows.Length + 1, csvLines.Length);
    }

    [Fact]
    public void Participation_json_has_one_row_per_heat_network_and_share_and_the_gap_per_connection_rises_as_take_up_falls()
    {
        var rows = Json(OpenDataFiles.ParticipationJson);
        Assert.Equal(3 * 4, rows.Length);
        foreach (var variant in rows.GroupBy(r => r.GetProperty("variant").GetString()))
        {
            var ordered = variant.OrderBy(r => r.GetProperty("participation_share").GetDecimal()).ToList();
            Assert.Equal([0.5m, 0.7m, 0.8m, 1.0m], ordered.Select(r => r.GetProperty("participation_share").GetDecimal()));
            for (int i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i - 1].GetProperty("connections").GetDecimal() < ordered[i].GetProperty("connections").GetDecimal());
                Assert.True(ordered[i - 1].GetProperty("funding_gap_per_connection_eur").GetDecimal()
                            > ordered[i].GetProperty("funding_gap_per_connection_eur").GetDecimal(), variant.Key);
            }
            Assert.Single(ordered, r => r.GetProperty("study_assumption").GetBoolean());
            foreach (var r in ordered)
            {
                Assert.Equal(OpenDataFiles.ParticipationColumns, r.EnumerateObject().Select(p => p.Name));
                Assert.True(r.GetProperty("funding_gap_total_low_eur").GetDecimal() < r.GetProperty("funding_gap_total_eur").GetDecimal());
                Assert.True(r.GetProperty("funding_gap_total_eur").GetDecimal() < r.GetProperty("funding_gap_total_high_eur").GetDecimal());
            }
        }
        // At the study's 80% the large network's gap is the business case's public, no-subsidy gap.
        var business = Json(OpenDataFiles.BusinessCasesJson).Single(r => r.GetProperty("variant").GetString() == "groot-collectief"
            && r.GetProperty("operator").GetString() == "public" && r.GetProperty("subsidy").GetString() == "none");
        var large = rows.Single(r => r.GetProperty("variant").GetString() == "groot-collectief" && r.GetProperty("participation_share").GetDecimal() == 0.8m);
        Assert.Equal(business.GetProperty("funding_gap_total_eur").GetDecimal(), large.GetProperty("funding_gap_total_eur").GetDecimal());
        Assert.Equal(business.GetProperty("connections").GetDecimal(), large.GetProperty("connections").GetDecimal());
    }
}
