using System.Globalization;
using SiteGen.Calculation;
using SiteGen.Calculation.Inputs;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Tests;

/// <summary>
/// One case per published cell of the Putten study (StudyCases/*.yaml): the shipped content, computed by
/// the core, must reproduce the printed figure within the case's check (round_to or relative_tolerance).
/// </summary>
public class StudyReproductionTests
{
    public sealed record StudyCase(string File, string Id, IReadOnlyDictionary<string, string> Fields)
    {
        public override string ToString() => $"{File}: {Id} ({Fields["table"]})";
        public string? Get(string key) => Fields.TryGetValue(key, out var v) ? v : null;
        public decimal Number(string key) => decimal.Parse(Fields[key], CultureInfo.InvariantCulture);
    }

    private static readonly string CaseDir = Path.Combine(RepoPaths.Root, "tests", "SiteGen.Content.Tests", "StudyCases");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(CaseDir, "*.yaml").Order(StringComparer.Ordinal).SelectMany(ReadCases).Select(c => new object[] { c });

    private static IEnumerable<StudyCase> ReadCases(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        foreach (YamlMappingNode item in ((YamlSequenceNode)stream.Documents[0].RootNode).Children)
        {
            var fields = item.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);
            yield return new StudyCase(Path.GetFileName(path), fields["id"], fields);
        }
    }

    [Fact]
    public void Every_published_cell_named_by_the_issue_has_a_case()
    {
        var all = Cases().Select(c => (StudyCase)c[0]).ToList();
        Assert.Equal(18, all.Count(c => c.Get("quantity") == "tco"));
        Assert.Equal(18, all.Count(c => c.Get("quantity") == "monthly"));
        Assert.Equal(27, all.Count(c => c.Get("table") == "Tabel 5.3"));
        Assert.Equal(15, all.Count(c => c.Get("table") == "Tabel 6.1"));
        Assert.Equal(6, all.Count(c => c.Get("table") is "Tabel 6.3" or "Tabel 6.4"));
        Assert.Equal(24, all.Count(c => c.Get("quantity") is "funding_gap" or "funding_gap_per_connection"));
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reproduces_the_published_cell(StudyCase c)
    {
        decimal actual = Actual(c, Putten.Result);
        decimal expected = c.Number("expected");
        if (c.Get("round_to") is not null)
        {
            decimal step = c.Number("round_to");
            decimal rounded = DecimalMath.RoundToStep(actual, step);
            Assert.True(rounded == expected,
                $"{c}: computed {actual:0.####} rounds to {rounded} (step {step}), the study prints {expected}");
        }
        else
        {
            decimal tolerance = c.Number("relative_tolerance");
            decimal error = Math.Abs(actual - expected) / Math.Abs(expected);
            Assert.True(error <= tolerance, $"{c}: computed {actual:0.##}, expected {expected} within {tolerance:P1}, off by {error:P2}");
        }
    }

    private static decimal Actual(StudyCase c, NeighbourhoodResult result)
    {
        string q = c.Get("quantity")!;
        string variant = c.Get("variant")!;
        if (c.Get("dwelling") is { } dwelling)
        {
            var r = result.Resident(dwelling, variant);
            decimal Co2(string carrier, bool kg) =>
                r.StudyCo2Lines.Where(l => l.Carrier == carrier).Sum(l => kg ? l.Kg : l.Quantity);
            return q switch
            {
                "tco" => r.Tco,
                "monthly" => r.MonthlyCost,
                "variable_cost" => r.VariableCostPerYear,
                "fixed_cost" => r.FixedCostPerYear,
                "co2_kg" => r.StudyCo2Kg,
                "co2_gas_m3" => Co2("gas", kg: false),
                "co2_gas_kg" => Co2("gas", kg: true),
                "co2_electricity_mwh" => Co2("electricity", kg: false) / 1000m,
                "co2_electricity_kg" => Co2("electricity", kg: true),
                _ => throw new ArgumentException($"unknown resident quantity '{q}'"),
            };
        }
        var collective = result.Collective(variant) ?? throw new ArgumentException($"'{variant}' is not collective");
        var t = collective.Technics;
        var b = collective.BusinessCase;
        return q switch
        {
            "demand_mwh" => t.DemandMWh,
            "weq" => t.Weq,
            "connected_demand_mwh" => t.ConnectedDemandMWh,
            "connected_weq" => t.ConnectedWeq,
            "production_mwh" => t.ProductionMWh,
            "electricity_per_weq_mwh" => t.ElectricityPerWeqMWh,
            "co2_per_weq_kg" => t.Co2PerWeqKg,
            "average_dwelling_gj" => t.AverageDwellingGJ,
            "utility_factor" => t.UtilityFactor,
            "utility_weq" => t.UtilityWeq,
            "capex" => b.Capex,
            "revenue_standing_charge" => b.RevenueYear0.StandingCharge,
            "revenue_variable" => b.RevenueYear0.Variable,
            "revenue_metering" => b.RevenueYear0.Metering,
            "revenue_delivery_set" => b.RevenueYear0.DeliverySetRent,
            "funding_gap" => Gap(c, b).Total,
            "funding_gap_per_connection" => Gap(c, b).PerConnection,
            _ => throw new ArgumentException($"unknown collective quantity '{q}'"),
        };
    }

    private static Calculation.Collective.FundingGap Gap(StudyCase c, Calculation.Collective.BusinessCaseResult b)
    {
        var op = c.Get("operator") == "public" ? Operator.Public : Operator.Commercial;
        var s = c.Get("subsidy") switch { "none" => SubsidyCase.None, "wis" => SubsidyCase.Wis, "sde" => SubsidyCase.Sde, _ => SubsidyCase.WisAndSde };
        return b.Gap(op, s);
    }
}
