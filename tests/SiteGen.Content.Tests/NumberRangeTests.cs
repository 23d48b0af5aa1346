using System.Text.Json.Nodes;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;
using SiteGen.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Tests;

/// <summary>
/// Numbers a communicator types (issue 8): one plausible range per unit (UnitRanges), shared by the parameter
/// catalogue, the scenario reader and the JSON schemas; hints from the raw YAML text when a number looks Dutch.
/// </summary>
public class NumberRangeTests
{
    private static JsonNode Schema(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "schema", $"{name}.schema.json")))!;

    private static IEnumerable<(string Path, JsonObject Node)> Numbers(JsonNode? node, string path = "#")
    {
        if (node is JsonObject o)
        {
            if (o["type"]?.GetValue<string>() is "number" or "integer") yield return (path, o);
            foreach (var (k, v) in o)
                foreach (var x in Numbers(v, $"{path}/{k}")) yield return x;
        }
        else if (node is JsonArray a)
            for (int i = 0; i < a.Count; i++)
                foreach (var x in Numbers(a[i], $"{path}/{i}")) yield return x;
    }

    [Fact]
    public void Every_number_of_the_scenario_schema_carries_its_units_range()
    {
        // Fields whose unit the author writes (facts), that belong to a parameter (overrides), or that are not money or
        // energy counts (solar-thermal panel geometry, numbering) keep the reader's own checks.
        string[] exempt = ["/facts/", "/overrides/", "/solar_thermal/properties/panel", "/solar_thermal/properties/full_load",
            "/solar_thermal/properties/published", "/variants/additionalProperties/properties/number", "/gas_appliances", "/sde/properties/years"];
        var checkedFields = 0;
        foreach (var (path, node) in Numbers(Schema("neighbourhood")))
        {
            if (exempt.Any(path.Contains)) continue;
            string? unit = node["x-unit"]?.GetValue<string>();
            Assert.True(unit is not null, $"{path} has no x-unit");
            var range = UnitRanges.Get(unit!);
            decimal min = node["minimum"]!.GetValue<decimal>(), max = node["maximum"]!.GetValue<decimal>();
            Assert.True(max <= range.Max, $"{path}: maximum {max} is above the unit's {range.Max}");
            if (range.AllowZero && range.Min > 0)
            {
                Assert.Equal(0m, min);
                Assert.Equal(range.Min, node["not"]!["exclusiveMaximum"]!.GetValue<decimal>());
            }
            else Assert.True(min >= range.Min, $"{path}: minimum {min} is below the unit's {range.Min}");
            checkedFields++;
        }
        Assert.True(checkedFields >= 30, $"only {checkedFields} numeric fields carry a range");
    }

    [Fact]
    public void The_parameter_schema_has_the_catalogues_unit_and_range_for_every_parameter()
    {
        var props = Schema("parameters")["properties"]!.AsObject();
        foreach (var (id, entry) in AssumptionCatalog.Entries)
        {
            string name = id[(id.IndexOf('.') + 1)..];
            var parts = props[name]?["allOf"]?[1]?["properties"];
            Assert.True(parts is not null, $"parameters.schema.json has no range for '{name}'");
            Assert.Equal(entry.Unit, parts!["unit"]!["const"]!.GetValue<string>());
            var value = parts["values"]!["additionalProperties"]!["properties"]!["value"]!;
            Assert.True(entry.Range.Min == value["minimum"]!.GetValue<decimal>(), $"{id}: {entry.Range.Min} vs {value["minimum"]}");
            Assert.Equal(entry.Range.Max, value["maximum"]!.GetValue<decimal>());
        }
    }

    [Fact]
    public void Every_catalogue_unit_has_a_range_and_the_shipped_values_lie_inside()
    {
        foreach (var (_, entry) in AssumptionCatalog.Entries) Assert.NotNull(UnitRanges.Get(entry.Unit));
        // The Putten content and the fictional fixture pass (the loader applies the ranges).
        foreach (var root in new[] { RepoPaths.Content, Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content") })
        {
            var (content, diag) = ContentLoader.Load(root, new DateOnly(2025, 12, 1));
            Assert.True(content is not null, string.Join("\n", diag.Sorted()));
            Assert.DoesNotContain(diag.Items, d => d.Code == Codes.OutOfRange);
        }
    }

    [Theory]
    [InlineData("1.900", "YAML leest 1.900 als 1,9: YAML-getallen hebben geen punt voor duizendtallen. Schrijf 1900")]
    [InlineData("2.000", "YAML leest 2.000 als 2:")]
    [InlineData("1.200,50", "Schrijf 1200.50")]
    [InlineData("1.200,5", "Schrijf 1200.5")]
    [InlineData("€ 1900", "zonder euroteken of het woord euro: 1900")]
    [InlineData("€1.900", "zonder euroteken of het woord euro: 1900")]
    [InlineData("1900 euro", "zonder euroteken of het woord euro: 1900")]
    [InlineData("1900 EUR", "zonder euroteken of het woord euro: 1900")]
    [InlineData("15%", "zonder '%': 0.15")]
    [InlineData("0,30", "geen komma. Schrijf 0.30")]
    [InlineData("1,900", "Schrijf 1.900, of 1900 als u duizendtallen bedoelde")]
    [InlineData("1 900", "zonder spaties: 1900")]
    [InlineData("1.900.000", "Schrijf 1900000")]
    [InlineData("1200 m3", "zonder de eenheid 'm3'")]
    [InlineData("1.30 EUR/m3", "zonder de eenheid 'EUR/m3' (die hoort al bij het veld): 1.30")]
    [InlineData("0,26 €/kWh", "zonder de eenheid '€/kWh' (die hoort al bij het veld): 0.26")]
    [InlineData("1.14 euro per m3", "zonder de eenheid 'euro per m3' (die hoort al bij het veld): 1.14")]
    public void A_number_written_the_Dutch_way_gets_a_hint(string raw, string expected)
    {
        Assert.Contains(expected, NumberHints.For(raw));
    }

    [Theory]
    [InlineData("1900")]
    [InlineData("1.14")]
    [InlineData("0.3")]
    [InlineData("-0.02")]
    public void An_ordinary_yaml_number_gets_no_hint(string raw) => Assert.Null(NumberHints.For(raw));

    private static (decimal? Value, List<Diagnostic> Findings) Read(string yaml, string unit)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var diag = new DiagnosticBag();
        var node = ((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("amount")];
        var value = MapReader.ReadNumber(node, new YamlContext("f.yaml", diag), "'amount'", UnitRanges.Get(unit));
        return (value, diag.Items.ToList());
    }

    [Theory]
    [InlineData("35", "EUR/m3", "bedoelt u 0.35?")]
    [InlineData("26", "EUR/kWh", "bedoelt u 0.26?")]
    [InlineData("3500", "EUR/m3", null)]   // not a price in cents either
    [InlineData("0.001", "EUR/kWh", null)] // too small, not too large
    public void A_price_typed_in_cents_is_out_of_range_and_the_message_names_the_price_in_euro(string raw, string unit, string? meant)
    {
        var (value, findings) = Read($"amount: {raw}\n", unit);
        Assert.Null(value);
        var f = Assert.Single(findings);
        Assert.Equal(Codes.OutOfRange, f.Code);
        if (meant is null) Assert.DoesNotContain("centen", f.Message);
        else Assert.EndsWith($"Een prijs schrijft u in euro, niet in centen: {meant}", f.Message);
    }

    [Fact]
    public void An_amount_read_as_a_few_euro_is_out_of_range_at_its_position_and_names_the_range()
    {
        var (value, findings) = Read("label: x\namount: 1.900\n", "EUR");
        Assert.Null(value);
        var f = Assert.Single(findings);
        Assert.Equal("f.yaml:2:9: error SG008: 'amount' is 1,9; dat ligt buiten het verwachte bereik voor een bedrag in euro per woning (100 tot 250.000). " +
                     "YAML leest 1.900 als 1,9: YAML-getallen hebben geen punt voor duizendtallen. Schrijf 1900", f.ToString());
    }

    [Fact]
    public void An_amount_with_three_decimals_in_range_is_still_caught()
    {
        var (value, findings) = Read("amount: 125.000\n", "EUR");
        Assert.Null(value);
        Assert.Contains("geschreven met 3 decimalen", Assert.Single(findings).Message);
    }

    [Fact]
    public void A_whole_number_written_with_decimals_is_caught_and_a_plain_one_read()
    {
        var (value, findings) = Read("amount: 2.000\n", "count");
        Assert.Null(value);
        Assert.Equal("f.yaml:1:9: error SG008: 'amount' is geschreven als 2.000; dat moet een heel getal zijn, zonder punt: een aantal woningen, " +
                     "gebouwen of aansluitingen (0 tot 1.000.000). YAML leest 2.000 als 2: YAML-getallen hebben geen punt voor duizendtallen. Schrijf 2000",
            Assert.Single(findings).ToString());
        Assert.Null(Read("amount: 30.0\n", "years").Value);
        Assert.Equal(2000m, Read("amount: 2000\n", "count").Value);
    }

    [Fact]
    public void A_plain_amount_in_range_is_read()
    {
        var (value, findings) = Read("amount: 1900\n", "EUR");
        Assert.Equal(1900m, value);
        Assert.Empty(findings);
        Assert.Equal(1400m, Read("amount: 1400\n", "m3/year").Value);
        Assert.Equal(0m, Read("amount: 0\n", "GJ/year").Value); // zero means "none" where the unit allows it
        Assert.Null(Read("amount: 5\n", "GJ/year").Value);
    }
}
