using System.Text.Json;
using System.Text.RegularExpressions;

namespace SiteGen.Cli.Tests;

public class BuildCommandTests
{
    [Fact]
    public void Build_writes_the_open_data_files_and_exits_zero()
    {
        using var ws = new Workspace();
        var run = CliRun.Of("build", "--content", ws.Content, "--out", ws.Output);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.False(File.Exists(Path.Combine(ws.Output, "previous-build.txt")), "a successful build replaces the previous output");
        // The summary line counts what the build wrote: its pages and its files as they lie on disk, the manifest aside.
        var written = Directory.GetFiles(ws.Output, "*", SearchOption.AllDirectories)
            .Where(f => f != Rendering.Pipeline.OutputManifest.PathIn(ws.Output)).ToList();
        Assert.Contains($"sitegen: {written.Count(f => f.EndsWith(".html", StringComparison.Ordinal))} pagina's ({written.Count} bestanden) gebouwd in", run.Out);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ws.Output, "data", "results.json")));
        Assert.Equal(18, json.RootElement.GetArrayLength());
        var first = json.RootElement[0];
        Assert.Equal(
            ["neighbourhood", "dwelling", "variant", "gas_m3_per_year", "electricity_kwh_per_year", "heat_gj_per_year",
             "co2_kg_per_year", "investment_eur", "subsidy_eur", "tco_30y_eur", "monthly_cost_start_year_eur",
             "tco_30y_low_eur", "tco_30y_high_eur", "monthly_cost_start_year_low_eur", "monthly_cost_start_year_high_eur"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("putten/bijsteren-husselerveld", first.GetProperty("neighbourhood").GetString());
        var csv = File.ReadAllLines(Path.Combine(ws.Output, "data", "results.csv"));
        Assert.Equal(19, csv.Length);
        Assert.StartsWith("neighbourhood,dwelling,variant,gas_m3_per_year,", csv[0]);
        using var cases = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ws.Output, "data", "business-cases.json")));
        // 3 collective variants x 2 operators x 4 subsidy cases.
        Assert.Equal(24, cases.RootElement.GetArrayLength());
        var v4 = cases.RootElement.EnumerateArray().Single(e =>
            e.GetProperty("variant").GetString() == "mini-collectief" && e.GetProperty("operator").GetString() == "public"
            && e.GetProperty("subsidy").GetString() == "none");
        Assert.Equal(673000m, v4.GetProperty("published_funding_gap_total_eur").GetDecimal());
        Assert.Equal(JsonValueKind.Null, cases.RootElement.EnumerateArray().First(e => e.GetProperty("subsidy").GetString() == "wis+sde")
            .GetProperty("published_funding_gap_total_eur").ValueKind);
    }

    [Fact]
    public void A_usage_error_exits_with_two()
    {
        Assert.Equal(2, CliRun.Of("build", "--no-such-option").ExitCode);
        Assert.Equal(2, CliRun.Of("frobnicate").ExitCode);
        Assert.Equal(2, CliRun.Of("explain", "--neighbourhood", "putten/bijsteren-husselerveld").ExitCode);
    }

    [Fact]
    public void An_out_folder_that_cannot_be_written_is_a_usage_error_that_names_it()
    {
        // /proc takes no new folders: it was exit 1 (content errors) with only the system's English message.
        var run = CliRun.Of("build", "--content", SiteGen.Content.Tests.RepoPaths.Content, "--out", "/proc/sitegen-out");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("sitegen: kan niet schrijven in '/proc/sitegen-out'; kies met --out een map waarin u mag schrijven (het systeem meldt: ", run.Err.Split('\n').First(l => l.StartsWith("sitegen: kan", StringComparison.Ordinal)));
        Assert.False(Directory.Exists("/proc/sitegen-out"));
    }

    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    [InlineData("serve")]
    public void A_themes_folder_that_does_not_exist_is_a_usage_error_not_the_default_look(string verb)
    {
        // A mistyped --themes built the site in the default look and exited 0.
        string missing = Path.Combine(Path.GetTempPath(), "sitegen-no-themes-" + Guid.NewGuid().ToString("N"));
        var run = CliRun.Of(verb, "--content", SiteGen.Content.Tests.RepoPaths.Content, "--themes", missing);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"sitegen: --themes: de map '{missing}' bestaat niet", run.Err);
        Assert.Empty(run.Out);
    }

    /// <summary>Each broken edit must give path:line:col, the rule's code, exit 1, and leave the previous output alone.</summary>
    public static IEnumerable<object[]> BrokenContent() =>
    [
        ["unknown key", "assumptions/energy.yaml", "  unit: EUR/m3\n", "  unit: EUR/m3\n  colour: red\n", "assumptions/energy.yaml:6:3: error SG002: onbekende sleutel 'colour'"],
        ["quoted number", "assumptions/energy.yaml", "value: 1.14", "value: \"1.14\"", "assumptions/energy.yaml:8:14: error SG004: 'value' in de waarde van 'energy.gas_price' vanaf 2025-08-01 moet een getal zijn, zonder aanhalingstekens"],
        ["Dutch decimal comma", "assumptions/energy.yaml", "value: 1.14", "value: 1,14", "assumptions/energy.yaml:8:14: error SG004"],
        ["missing source", "assumptions/energy.yaml", "      value: 1.14\n      source: putten-study\n", "      value: 1.14\n", "assumptions/energy.yaml:8:7: error SG006: de waarde van 'energy.gas_price' vanaf 2025-08-01 heeft geen bron"],
        ["duplicate key", "assumptions/energy.yaml", "  unit: EUR/m3\n", "  unit: EUR/m3\n  unit: EUR/m3\n", "assumptions/energy.yaml:6:3: error SG005"],
        ["undefined dwelling", "putten/bijsteren-husselerveld/neighbourhood.yaml", "{cost: ventilation, dwellings: [vrijstaand-voor-1980]}", "{cost: ventilation, dwellings: [rijtjeshuis]}", "neighbourhood.yaml:203:41: error SG007: woning 'rijtjeshuis' bestaat niet in dit scenario"],
        ["undefined cost", "putten/bijsteren-husselerveld/neighbourhood.yaml", "{cost: electric_cooking}\n      - {cost: in_house_adaptations}\n      - {cost: connection_contribution, subsidy: isde_connection}\n      - {cost: insulation_label_b", "{cost: electric_kooking}\n      - {cost: in_house_adaptations}\n      - {cost: connection_contribution, subsidy: isde_connection}\n      - {cost: insulation_label_b", "error SG007: kostenpost 'electric_kooking' staat niet onder 'costs'"],
        ["undefined variant in a shortcode", "putten/bijsteren-husselerveld/variants/mini-collectief.md", "business-case variant=\"mini-collectief\"", "business-case variant=\"super-collectief\"", "variants/mini-collectief.md"],
        ["wrong unit", "assumptions/energy.yaml", "unit: EUR/m3", "unit: EUR/liter", "assumptions/energy.yaml:4:3: error SG010"],
        ["negative price", "assumptions/energy.yaml", "value: 1.14", "value: -1.14", "error SG008"],
    ];

    [Theory]
    [MemberData(nameof(BrokenContent))]
    public void Broken_content_is_reported_with_file_line_and_column_and_nothing_is_written(string what, string file, string from, string to, string expected)
    {
        using var ws = new Workspace();
        ws.Edit(file, from, to);
        var run = CliRun.Of("build", "--content", ws.Content, "--out", ws.Output);
        Assert.True(run.ExitCode == 1, $"{what}: exit {run.ExitCode}\n{run.Err}");
        Assert.Contains(expected, run.Err);
        Assert.Matches(new Regex(@"^\S+:\d+:\d+: error SG\d{3}: ", RegexOptions.Multiline), run.Err);
        Assert.DoesNotContain("   at ", run.Err); // never a stack trace
        ws.AssertOutputUntouched();
    }
}
