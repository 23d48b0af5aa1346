using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Cli.Tests;

public class ExplainCommandTests
{
    [Fact]
    public void Explain_prints_every_line_with_year_present_value_and_source_summing_to_the_tco()
    {
        var run = CliRun.Of("explain", "--content", Content.Tests.RepoPaths.Content, "--neighbourhood", "putten/bijsteren-husselerveld",
            "--dwelling", "vrijstaand-voor-1980", "--variant", "lucht-water-warmtepomp");
        Assert.True(run.ExitCode == 0, run.Err);
        string o = run.Out;
        Assert.Contains("Lucht-waterwarmtepomp (vervanging in jaar 15)", o);
        Assert.Contains("IF Technology (2025), Tabel 8.5", o);
        Assert.Contains("Narekening van de studie, rekenregel niet benoemde kosten", o); // the calibration is named as such
        // The subtotals printed add up to the printed TCO (Tabel 8.9: 91.600).
        decimal oneOff = Amount(o, "subtotaal eenmalig"), annual = Amount(o, "subtotaal jaarlijks"), tco = Amount(o, "TCO over 30 jaar");
        Assert.Equal(tco, oneOff + annual);
        Assert.Contains("afgerond €\u00a091.600", o);
        Assert.Contains("afgerond €\u00a082", o);
    }

    [Fact]
    public void Explain_prints_the_low_and_high_derivation_and_the_amounts_kept_apart()
    {
        var run = CliRun.Of("explain", "--content", Content.Tests.RepoPaths.Content, "--neighbourhood", "putten/bijsteren-husselerveld",
            "--dwelling", "vrijstaand-voor-1980", "--variant", "gasketel");
        Assert.True(run.ExitCode == 0, run.Err);
        string o = run.Out;
        Assert.Contains("Lage schatting: energieprijzen x 0,75 (Aanname gemeente Putten", o);
        Assert.Contains("Hoge schatting: energieprijzen x 1,25", o);
        // Boiler 1,900 now and in year 15 at -30%; gas 1,459.20 a year at 75%; fixed 580.25: 2,660 + 30 x 1,674.65 = 52,899.50.
        Assert.Equal(52_899.50m, Amount(o, "TCO lage schatting"));
        Assert.Equal(2m * 1900m * 1.30m + 30m * (1459.20m * 1.25m + 580.25m), Amount(o, "TCO hoge schatting"));
        Assert.Contains("maandlasten nagerekend", o);
        Assert.Contains("volgens de studie: €\u00a0156,83", o);
        Assert.Contains("De studie komt €\u00a013 per maand lager uit dan de optelsom van de posten.", o);
    }

    private static decimal Amount(string output, string label)
    {
        var line = output.Split('\n').First(l => l.StartsWith(label, StringComparison.Ordinal));
        var m = Regex.Match(line, @"€\s([0-9.]+,[0-9]{2})");
        return decimal.Parse(m.Groups[1].Value.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);
    }
}

public class ExplainPersonalTests
{
    private const string PuttenId = "putten/bijsteren-husselerveld";

    private static readonly Lazy<Calculation.Inputs.NeighbourhoodInput> Putten = new(() =>
    {
        var (content, diag) = SiteGen.Content.Loading.ContentLoader.Load(Content.Tests.RepoPaths.Content, DateOnly.FromDateTime(DateTime.Today));
        if (content is null) throw new InvalidOperationException(string.Join("\n", diag.Items));
        return content.Neighbourhoods.Single(n => n.Id == PuttenId).Input;
    });

    private static CliRun Run(params string[] extra) => CliRun.Of(
        ["explain", "--content", Content.Tests.RepoPaths.Content, "--neighbourhood", PuttenId, .. extra]);

    [Theory]
    [InlineData("vrijstaand-voor-1980", "gasketel", "--gas-m3", "1900", "--label", "E")]
    [InlineData("vrijstaand-voor-1980", "lucht-water-warmtepomp", "--gas-m3", "1900", "--label", "E", "--loan", "--natural-moment")]
    [InlineData("tussenwoning-1980-2000", "hybride-warmtepomp", "--price", "high", "--loan", "--low-income")]
    [InlineData("tussenwoning-na-2000", "klein-collectief", "--gas-m3", "650", "--price", "low", "--label", "unknown")]
    public void Explain_json_matches_the_core(string dwelling, string variant, params string[] options)
    {
        var run = Run(["--dwelling", dwelling, "--variant", variant, "--json", .. options]);
        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        var o = doc.RootElement;
        var inputs = new Calculation.Personal.PersonalInputs
        {
            GasM3 = Option(options, "--gas-m3") is { } g ? decimal.Parse(g, CultureInfo.InvariantCulture) : null,
            Label = Option(options, "--label"),
            Price = Calculation.Personal.PriceScenarios.Parse(Option(options, "--price") ?? "central")!.Value,
            NaturalMoment = options.Contains("--natural-moment"), Loan = options.Contains("--loan"), LowIncome = options.Contains("--low-income"),
        };
        var core = new Calculation.Personal.PersonalModel(Putten.Value).Evaluate(dwelling, variant, inputs);
        Assert.Equal(Math.Round(core.Tco30y, 2, MidpointRounding.AwayFromZero), o.GetProperty("tco_30y_eur").GetDecimal());
        Assert.Equal(Math.Round(core.MonthlyStartYear, 2, MidpointRounding.AwayFromZero), o.GetProperty("monthly_cost_start_year_eur").GetDecimal());
        Assert.Equal(Math.Round(core.UpfrontAfterSubsidy!.Value, 2, MidpointRounding.AwayFromZero), o.GetProperty("upfront_after_subsidy_eur").GetDecimal());
        Assert.Equal("consistent", o.GetProperty("method").GetString());
    }

    [Fact]
    public void Explain_json_of_the_reviewers_house_shows_the_gas_bill_they_pay()
    {
        var run = Run("--dwelling", "vrijstaand-voor-1980", "--variant", "gasketel", "--gas-m3", "1900", "--label", "E", "--json");
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        // 1,900 m3 x 1.14 = 2,166 a year for gas plus 580.25 fixed: EUR 228.85 a month; no boiler bought now.
        Assert.Equal(228.85m, doc.RootElement.GetProperty("monthly_cost_start_year_eur").GetDecimal());
        Assert.Equal(0m, doc.RootElement.GetProperty("upfront_after_subsidy_eur").GetDecimal());
    }

    [Fact]
    public void Explain_for_a_tenant_shows_no_investment()
    {
        var run = Run("--dwelling", "vrijstaand-voor-1980", "--variant", "lucht-water-warmtepomp", "--gas-m3", "1900", "--tenant", "--loan", "--json");
        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, doc.RootElement.GetProperty("upfront_after_subsidy_eur").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, doc.RootElement.GetProperty("loan").ValueKind);
        var text = Run("--dwelling", "vrijstaand-voor-1980", "--variant", "lucht-water-warmtepomp", "--gas-m3", "1900", "--tenant");
        Assert.Contains("de verhuurder beslist over de installatie", text.Out);
        Assert.DoesNotContain("nu te betalen na subsidie", text.Out);
    }

    [Fact]
    public void Explain_rejects_an_unknown_price_setting()
    {
        var run = Run("--dwelling", "vrijstaand-voor-1980", "--variant", "gasketel", "--price", "cheap");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--price moet low, central of high zijn", run.Err);
    }

    [Theory]
    [InlineData("1.900")]
    [InlineData("1900,0")]
    [InlineData(" 1900 m3")]
    public void Explain_reads_a_gas_use_as_the_pages_calculator_does(string written)
    {
        // A decimal option read 1900,5 as 19005 and 1.900 as 1.9 m3, and took 99999999: each silently gave other figures.
        var plain = Run("--dwelling", "vrijstaand-voor-1980", "--variant", "gasketel", "--gas-m3", "1900", "--json");
        var run = Run("--dwelling", "vrijstaand-voor-1980", "--variant", "gasketel", "--gas-m3", written, "--json");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal(plain.Out, run.Out);
    }

    [Theory]
    [InlineData("99999999")]
    [InlineData("10.001")]
    [InlineData("-5")]
    [InlineData("veel")]
    public void Explain_refuses_a_gas_use_the_pages_calculator_refuses(string written)
    {
        var run = Run("--dwelling", "vrijstaand-voor-1980", "--variant", "gasketel", "--gas-m3", written);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--gas-m3 moet een getal van 0 tot 10.000 zijn (m³ per jaar), bijvoorbeeld 1900; er staat '{written}'", run.Err);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Low_income_without_a_loan_is_a_usage_error_not_ignored()
    {
        var run = Run("--dwelling", "vrijstaand-voor-1980", "--variant", "gasketel", "--low-income");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--low-income gaat over de rente van de lening: geef ook --loan op", run.Err);
    }

    [Fact]
    public void A_decimal_comma_in_a_gas_use_is_a_decimal_sign()
    {
        Assert.Equal(1900.5m, Commands.GasM3("1900,5"));
        Assert.Equal(1900m, Commands.GasM3("1.900"));
        Assert.Equal(1900.5m, Commands.GasM3("1.900,5"));
        Assert.Null(Commands.GasM3("1.900.000"));
        // With its unit, as residents write it (the calculator refused "1900 kuub" although the site says "kuub").
        Assert.Equal(1900m, Commands.GasM3("1900 kuub"));
        Assert.Equal(1900m, Commands.GasM3("1.900 m³"));
    }

    private static string? Option(string[] options, string name)
    {
        int i = Array.IndexOf(options, name);
        return i >= 0 ? options[i + 1] : null;
    }
}
