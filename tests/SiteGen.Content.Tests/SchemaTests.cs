using SiteGen.Content.Diagnostics;
using SiteGen.Content.Schema;
using SiteGen.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Tests;

public class SchemaTests
{
    private static List<Diagnostic> Validate(string yaml, string schema, bool allowsPending = false)
    {
        var diag = new DiagnosticBag { AllowsPending = allowsPending };
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        SchemaCheck.Validate(stream.Documents[0].RootNode, schema, new YamlContext("f.yaml", diag));
        diag.RunPending();
        diag.MergeSecondary();
        return diag.Items.ToList();
    }

    // A typo (line 4), a number written as text (line 7) and no source.
    private const string Broken = """
        gas_price:
          description: Gasprijs
          unit: EUR/m3
          colour: red
          values:
            2025-08-01:
              value: "1.14"
              ref: "§8.1"
        """;

    [Fact]
    public void A_check_run_later_while_the_schemas_load_finds_what_a_check_run_at_once_finds()
    {
        // The content loader's bags take a schema check for later while the schemas are still loading on another core
        // (whether this one is deferred depends on that timing); once run, the findings are the same.
        SchemaCheck.Preload();
        var later = Validate(Broken, SchemaCheck.Parameters, allowsPending: true);
        var atOnce = Validate(Broken, SchemaCheck.Parameters);
        Assert.NotEmpty(atOnce);
        Assert.Equal(atOnce.Select(d => d.ToString()), later.Select(d => d.ToString()));
    }

    [Fact]
    public void Checks_from_many_threads_at_once_find_what_one_check_finds()
    {
        // The content is read in parallel and every check uses the one set of loaded schemas, one check at a time.
        var alone = Validate(Broken, SchemaCheck.Parameters).Select(d => d.ToString()).ToList();
        Assert.NotEmpty(alone);
        var together = new List<string>[64];
        Parallel.For(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => together[i] = Validate(Broken, SchemaCheck.Parameters).Select(d => d.ToString()).ToList());
        Assert.All(together, found => Assert.Equal(alone, found));
    }

    [Fact]
    public void Checks_left_for_later_run_in_order_and_a_bag_with_checks_left_cannot_be_merged()
    {
        var diag = new DiagnosticBag { AllowsPending = true };
        diag.AddPending(() => diag.AddSecondary(new Diagnostic("f.yaml", 2, 1, Severity.Error, Codes.WrongType, "first")));
        diag.AddPending(() => diag.AddSecondary(new Diagnostic("f.yaml", 2, 5, Severity.Error, Codes.WrongType, "second")));
        Assert.Throws<InvalidOperationException>(diag.MergeSecondary);
        Assert.Throws<InvalidOperationException>(() => new DiagnosticBag().Append(diag));
        diag.RunPending();
        diag.MergeSecondary();
        // Two schema findings on one line: the first one counts, as when checked at once.
        Assert.Equal("first", Assert.Single(diag.Items).Message);
        Assert.Throws<InvalidOperationException>(() => new DiagnosticBag().AddPending(() => { }));
    }

    [Fact]
    public void The_schemas_editors_use_are_the_ones_the_build_embeds()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Content, "schema"), "*.schema.json"))
        {
            string name = Path.GetFileName(file)[..^".schema.json".Length];
            Assert.NotNull(SchemaCheck.Get(name));
        }
        Assert.Equal(8, Directory.GetFiles(Path.Combine(RepoPaths.Content, "schema"), "*.schema.json").Length);
    }

    /// <summary>
    /// The first release's communicator review: the schema gave an editor no meaning for the fields a new dwelling or
    /// variant needs. The editor shows a field's description as its tooltip.
    /// </summary>
    [Theory]
    [InlineData("dwellings", "house_type")]
    [InlineData("dwellings", "build_period")]
    [InlineData("dwellings", "labels")]
    [InlineData("dwellings", "label")]
    [InlineData("variants", "gas_appliances")]
    public void The_fields_a_new_dwelling_or_variant_needs_say_what_they_mean(string map, string field) =>
        Assert.False(string.IsNullOrWhiteSpace(Neighbourhood().GetProperty("properties").GetProperty(map)
            .GetProperty("additionalProperties").GetProperty("properties").GetProperty(field).GetProperty("description").GetString()));

    [Fact]
    public void A_one_off_item_s_replaced_and_a_fact_s_decimals_say_what_they_mean()
    {
        var properties = Neighbourhood().GetProperty("properties");
        Assert.Contains("year 15", properties.GetProperty("variants").GetProperty("additionalProperties").GetProperty("properties")
            .GetProperty("one_off").GetProperty("items").GetProperty("properties").GetProperty("replaced").GetProperty("description").GetString());
        Assert.Contains("percentage", properties.GetProperty("facts").GetProperty("items").GetProperty("properties")
            .GetProperty("decimals").GetProperty("description").GetString());
    }

    private static System.Text.Json.JsonElement Neighbourhood() =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "schema", "neighbourhood.schema.json"))).RootElement;

    [Fact]
    public void Every_shipped_yaml_file_names_its_schema_for_editors()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Content, "*.yaml", SearchOption.AllDirectories))
            Assert.Contains("# yaml-language-server: $schema=", File.ReadAllText(file));
    }

    [Fact]
    public void A_typo_a_wrong_type_and_a_missing_source_are_found_at_their_line()
    {
        var found = Validate(Broken, SchemaCheck.Parameters);
        Assert.Contains(found, d => d is { Line: 4, Column: 3, Code: Codes.UnknownKey } && d.Message.Contains("'colour'"));
        Assert.Contains(found, d => d is { Line: 7, Code: Codes.WrongType } && d.Message.Contains("'value' moet een getal zijn"));
        Assert.Contains(found, d => d is { Line: 7, Code: Codes.MissingKey } && d.Message.Contains("'source' ontbreekt") || d is { Line: 6, Code: Codes.MissingKey });
    }

    [Fact]
    public void The_reader_s_finding_wins_when_both_report_the_same_line()
    {
        var diag = new DiagnosticBag();
        diag.Error("f.yaml", 4, 3, Codes.UnknownKey, "unknown key 'colour' (did you mean ...)");
        diag.AddSecondary(new Diagnostic("f.yaml", 4, 3, Severity.Error, Codes.UnknownKey, "unknown key 'colour' (schema)"));
        diag.AddSecondary(new Diagnostic("f.yaml", 9, 1, Severity.Error, Codes.WrongType, "only the schema saw this"));
        diag.MergeSecondary();
        Assert.Equal(2, diag.Items.Count);
        Assert.Contains(diag.Items, d => d.Line == 9);
    }
}
