using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>
/// Mistakes a communicator makes that the build let through or reported at the wrong place (a sweep of 190 single edits
/// of the example content): each is one edit of a copy, and the finding is asserted at the line the edit is on.
/// </summary>
public class CommunicatorMistakeTests
{
    private const string Neighbourhood = "putten/bijsteren-husselerveld/neighbourhood.yaml";

    /// <summary>Loads a copy of the example with one line of <paramref name="file"/> edited; returns the findings and that line's number.</summary>
    private static (List<Diagnostic> Findings, int Line) Edited(string file, string find, string replace, DateOnly? buildDate = null)
    {
        string root = RepoPaths.CopyToTemp(RepoPaths.Content);
        try
        {
            string path = Path.Combine(root, file);
            var lines = File.ReadAllLines(path);
            int at = Array.FindIndex(lines, l => l.Contains(find, StringComparison.Ordinal));
            Assert.True(at >= 0, $"'{find}' is not in {file}");
            lines[at] = lines[at].Replace(find, replace, StringComparison.Ordinal);
            File.WriteAllLines(path, lines);
            var (_, diag) = ContentLoader.Load(root, buildDate ?? new DateOnly(2025, 12, 1));
            return (diag.Items.Where(d => d.Code != Codes.ExampleValue).ToList(), at + 1);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_count_with_a_thousands_dot_is_refused_though_it_reads_as_a_whole_number()
    {
        // 2.000 homes read as 2: the big network became a "mini-warmtenet" with a funding gap of € 25 million per home.
        var (findings, line) = Edited(Neighbourhood, "dwellings: {value: 1856,", "dwellings: {value: 2.000,");
        var f = Assert.Single(findings);
        Assert.Equal((Codes.OutOfRange, line), (f.Code, f.Line));
        Assert.Contains("is geschreven als 2.000; dat moet een heel getal zijn, zonder punt", f.Message);
        Assert.EndsWith("Schrijf 2000", f.Message);
    }

    [Fact]
    public void Solar_panel_hours_and_a_fact_in_a_unit_of_its_own_are_checked_for_a_thousands_dot_too()
    {
        var (hours, hoursLine) = Edited(Neighbourhood, "full_load_hours: 1100", "full_load_hours: 1.100");
        Assert.Equal((Codes.OutOfRange, hoursLine), (Assert.Single(hours).Code, hours[0].Line));
        // A unit SiteGen does not know: no more decimals than the page shows (none without 'decimals').
        var (area, areaLine) = Edited(Neighbourhood, "{id: homes, label: Woningen, value: 2120, unit: woningen",
            "{id: area, label: Oppervlak, value: 1.250, unit: hectare");
        var f = Assert.Single(area);
        Assert.Equal((Codes.OutOfRange, areaLine), (f.Code, f.Line));
        Assert.Contains("geschreven met 3 decimalen; een feit in hectare zonder 'decimals' heeft er hoogstens 0", f.Message);
    }

    [Fact]
    public void A_misspelt_cost_under_a_subsidys_stated_amounts_is_an_unknown_reference()
    {
        // Accepted before: the resident then saw the share the study computes with instead of the amount it states.
        var (findings, line) = Edited(Neighbourhood, "hybrid_heat_pump: {amount: 2250}", "hybrid_heatpump: {amount: 2250}");
        var f = Assert.Single(findings);
        Assert.Equal((Codes.UnknownReference, line), (f.Code, f.Line));
        Assert.StartsWith("kostenpost 'hybrid_heatpump' onder 'per_cost' van subsidie 'isde_heat_pump' staat niet onder 'costs'", f.Message);
    }

    [Fact]
    public void A_bracket_left_open_halfway_a_file_is_reported_where_it_opens()
    {
        // It was "een sleutel staat twee keer in hetzelfde blok: Operation is not valid due to the current state of the object" at 1:1.
        var (findings, line) = Edited(Neighbourhood, "tussenwoning-na-2000: 6800}", "tussenwoning-na-2000: 6800");
        var f = Assert.Single(findings);
        Assert.Equal((Codes.Syntax, line), (f.Code, f.Line));
        Assert.Equal("'{' wordt hier geopend maar niet gesloten; zet de '}' aan het eind van het blok", f.Message);
    }

    [Fact]
    public void An_alias_to_an_anchor_that_does_not_exist_is_reported_at_the_alias()
    {
        var (findings, line) = Edited(Neighbourhood, "fixed_costs: *acm_fixed", "fixed_costs: *acm_fixd");
        var f = Assert.Single(findings);
        Assert.Equal((Codes.Syntax, line), (f.Code, f.Line));
        Assert.StartsWith("'*acm_fixd' verwijst naar een anker dat niet bestaat", f.Message);
    }

    [Theory]
    [InlineData("label: F", "label: X")]
    [InlineData("label: F", "label: f")]
    [InlineData("labels: [D, E, F, G]", "labels: [D, E, F, Q]")]
    public void A_label_that_is_not_an_energy_label_is_refused(string find, string replace)
    {
        // The model read it as "label unknown": other break-even figures, and "(label X)" in the calculator.
        var (findings, line) = Edited(Neighbourhood, find, replace);
        var f = Assert.Single(findings);
        Assert.Equal((Codes.WrongType, line), (f.Code, f.Line));
        Assert.Contains("is geen energielabel", f.Message);
    }

    [Fact]
    public void A_one_off_line_copied_twice_is_refused_not_charged_twice()
    {
        // The gas boiler's investment went from 1.900 to 3.800 without a word.
        var (findings, line) = Edited(Neighbourhood, "- {cost: gas_boiler, replaced: true}", "- {cost: gas_boiler, replaced: true}\n      - {cost: gas_boiler}");
        Assert.All(findings, f => Assert.Equal((Codes.DuplicateKey, line + 1), (f.Code, f.Line)));
        Assert.Contains(findings, f => f.Message.StartsWith("variant 'gasketel' rekent kostenpost 'gas_boiler' voor woning 'vrijstaand-voor-1980' al eerder", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_variants_with_one_number_and_a_gas_use_after_insulation_above_the_one_before_are_refused()
    {
        var (numbers, numberLine) = Edited(Neighbourhood, "number: 2", "number: 1");
        Assert.Equal((Codes.DuplicateKey, numberLine), (Assert.Single(numbers).Code, numbers[0].Line));
        Assert.Contains("net als variant 'gasketel'", numbers[0].Message);
        var (uses, useLine) = Edited(Neighbourhood, "label_b: {value: 1100,", "label_b: {value: 1500,");
        var f = Assert.Single(uses);
        Assert.Equal((Codes.OutOfRange, useLine), (f.Code, f.Line));
        Assert.Contains("(label_b: 1.500) is hoger dan na isolatie naar label D (1.280)", f.Message);
    }

    [Fact]
    public void A_newest_value_dated_after_the_build_is_a_warning_at_its_date()
    {
        // 2030 typed for 2025: the newest value applies, so it silently became today's price.
        var (findings, line) = Edited("assumptions/energy.yaml", "2025-08-01:", "2030-08-01:");
        var f = Assert.Single(findings);
        Assert.Equal((Codes.FutureValue, Severity.Warning, line), (f.Code, f.Severity, f.Line));
        Assert.StartsWith("de nieuwste waarde van 'energy.gas_price' geldt vanaf 1-8-2030, na vandaag (1-12-2025), en telt toch nu al mee", f.Message);
        // On or after its date it is simply the price.
        Assert.Empty(Edited("assumptions/energy.yaml", "2025-08-01:", "2030-08-01:", new DateOnly(2030, 8, 1)).Findings);
    }

    [Fact]
    public void A_new_value_dated_before_the_one_above_it_is_a_warning_at_its_date()
    {
        // 2025-01-12 typed for 2026-12-01 (day and month swapped, year mistyped), added below the price in force: it
        // became an older value and the old price stayed, without a word.
        const string added = "    2025-01-12: {value: 1.30, source: putten-study, ref: \"§8.1\"}\nelectricity_price:";
        var (findings, line) = Edited("assumptions/energy.yaml", "electricity_price:", added);
        var f = Assert.Single(findings);
        Assert.Equal((Codes.DateOrder, Severity.Warning, line), (f.Code, f.Severity, f.Line));
        Assert.StartsWith("de waarde van 'energy.gas_price' vanaf 12-1-2025 staat onder die vanaf 1-8-2025, maar geldt eerder; zo blijft de waarde erboven gelden", f.Message);
        // Written oldest first, as the content is, it is simply an earlier value.
        Assert.Empty(Edited("assumptions/energy.yaml", "    2025-08-01:", "    2025-01-12: {value: 1.30, source: putten-study, ref: \"§8.1\"}\n    2025-08-01:").Findings);
    }

    [Fact]
    public void A_new_price_from_another_source_warns_at_an_energy_cost_the_study_printed()
    {
        // Under method: study the hybrid keeps Tabel 8.2's energy cost: after a new gas price every option moved but the
        // hybrid ("Per maand € 101 -> € 101"), and nothing said so.
        const string added = "    2025-11-20: {value: 1.30, source: nplw-guide, ref: \"gasprijs 2026\"}\nelectricity_price:";
        var (findings, _) = Edited("assumptions/energy.yaml", "electricity_price:", added);
        var f = Assert.Single(findings);
        Assert.Equal((Codes.Expired, Severity.Warning), (f.Code, f.Severity));
        Assert.EndsWith(Neighbourhood, f.Path, StringComparison.Ordinal);
        Assert.StartsWith("de energiekosten onder 'variable_cost_override' van variant 'hybride-warmtepomp' komen uit IF Technology (2025), Tabel 8.2, maar de gasprijs komt nu uit ", f.Message);
        Assert.StartsWith("source: putten-study", File.ReadAllLines(Path.Combine(RepoPaths.Content, Neighbourhood))[f.Line - 1].Trim());
        // A new price from the study itself (a correction) changes nothing the override rests on.
        Assert.Empty(Edited("assumptions/energy.yaml", "electricity_price:", "    2025-11-20: {value: 1.20, source: putten-study, ref: \"§8.1\"}\nelectricity_price:").Findings);
    }

    [Fact]
    public void A_date_written_twice_in_one_block_is_named()
    {
        // A new price added under the date of the one in force: "een sleutel staat twee keer" left the author to find which.
        var (findings, line) = Edited("assumptions/energy.yaml", "electricity_price:", "    2025-08-01: {value: 1.30, source: putten-study, ref: \"§8.1\"}\nelectricity_price:");
        var f = Assert.Single(findings);
        Assert.Equal((Codes.DuplicateKey, line), (f.Code, f.Line));
        Assert.Equal("de sleutel '2025-08-01' staat twee keer in hetzelfde blok; houd er één over", f.Message);
    }

    [Fact]
    public void A_new_subsidy_share_from_another_source_warns_at_the_amounts_the_study_printed()
    {
        // Residents see Tabel 8.7's amounts (stated) while the costs follow the share: a new ISDE share from another
        // source left € 2.250 on the dwelling pages beside a TCO with € 1.875.
        const string added = "        Tabel 8.7 (2.250; 5.660/5.660/4.950) passen niet bij de TCO.\n    2025-11-20: {value: 0.25, source: nplw-guide, ref: \"ISDE 2026\"}";
        var (findings, _) = Edited("assumptions/subsidies.yaml", "        Tabel 8.7 (2.250; 5.660/5.660/4.950) passen niet bij de TCO.", added);
        var f = Assert.Single(findings);
        Assert.Equal((Codes.Expired, Severity.Warning), (f.Code, f.Severity));
        Assert.EndsWith(Neighbourhood, f.Path, StringComparison.Ordinal);
        Assert.StartsWith("de bedragen onder 'stated' van subsidie 'isde_heat_pump' komen uit IF Technology (2025), Tabel 8.7, maar 'subsidies.isde_heat_pump_share' rekent nu met 0.25 uit ", f.Message);
        var yaml = File.ReadAllLines(Path.Combine(RepoPaths.Content, Neighbourhood));
        Assert.StartsWith("source: putten-study", yaml[f.Line - 1].Trim());
        // A new value from the same source is the study's own correction: no warning.
        Assert.Empty(Edited("assumptions/subsidies.yaml", "        Tabel 8.7 (2.250; 5.660/5.660/4.950) passen niet bij de TCO.",
            "        Tabel 8.7 (2.250; 5.660/5.660/4.950) passen niet bij de TCO.\n    2025-11-20: {value: 0.28, source: putten-study, ref: \"§8.4.1\"}").Findings);
    }

    [Fact]
    public void Messages_say_what_is_wrong_with_a_number_or_a_date_that_has_the_right_form()
    {
        var (day, dayLine) = Edited("assumptions/finance.yaml", "2025-11-13:", "2025-02-30:");
        Assert.Equal((Codes.WrongType, dayLine), (Assert.Single(day).Code, day[0].Line));
        Assert.EndsWith("is 2025-02-30, maar die dag bestaat niet; controleer de maand en de dag", day[0].Message);
        var (big, _) = Edited(Neighbourhood, "hybrid_heat_pump: {amount: 2250}", "hybrid_heat_pump: {amount: 99999999999999999999999999999999999}");
        Assert.EndsWith("is een getal van 35 cijfers; dat is veel te groot, controleer het aantal cijfers", Assert.Single(big).Message);
        // A narrowed range is not contradicted by the unit's words ("een aandeel van 0 tot 1 ... (0 tot 0,2)").
        var (rate, _) = Edited("assumptions/finance.yaml", "{value: 0.02, source: putten-study, ref: \"§8.5\"}", "{value: 1, source: putten-study, ref: \"§8.5\"}");
        Assert.EndsWith("is 1; dat ligt buiten het verwachte bereik voor een aandeel (15% schrijft u als 0.15) (0 tot 0,2)", Assert.Single(rate).Message);
    }

    [Fact]
    public void A_folder_without_neighbourhood_yaml_is_told_what_a_neighbourhood_folder_needs()
    {
        string root = RepoPaths.CopyToTemp(RepoPaths.Content);
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "putten", "nieuwe-wijk"));
            File.WriteAllText(Path.Combine(root, "putten", "nieuwe-wijk", "index.md"), "---\ntitle: Nieuwe wijk\n---\nTekst.\n");
            var (_, diag) = ContentLoader.Load(root, new DateOnly(2025, 12, 1));
            var f = Assert.Single(diag.Items, d => d.Severity == Severity.Error);
            Assert.Equal((Codes.FileSystem, 1), (f.Code, f.Line));
            Assert.EndsWith("putten/nieuwe-wijk/neighbourhood.yaml", f.Path.Replace('\\', '/'), StringComparison.Ordinal);
            Assert.StartsWith("bestand niet gevonden: de map 'putten/nieuwe-wijk' is een wijkmap zonder neighbourhood.yaml; maak die met 'sitegen new neighbourhood putten/nieuwe-wijk'", f.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Html_in_a_narrative_is_a_warning_because_residents_would_read_it_as_text()
    {
        var (findings, line) = Edited("putten/bijsteren-husselerveld/index.md", "Waar is deze site voor?", "Waar is deze site voor? <!-- nog laten controleren -->");
        var f = Assert.Single(findings);
        Assert.Equal((Codes.RawHtml, Severity.Warning, line), (f.Code, f.Severity, f.Line));
        // A comparison in a sentence is not HTML.
        Assert.Empty(Edited("putten/bijsteren-husselerveld/index.md", "Waar is deze site voor?", "Als a < b en c>d, waar is deze site voor?").Findings);
    }

    [Fact]
    public void The_top_of_a_sites_repository_given_as_content_names_the_content_folder_in_one_finding()
    {
        // '--content .' where the content is in ./content: 25 findings, one per folder of the repository, and none said why.
        string top = Path.Combine(Path.GetTempPath(), "sitegen-top-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(top, "src", "SiteGen.Cli"));
        Directory.CreateDirectory(Path.Combine(top, "themes", "default"));
        Directory.Move(RepoPaths.CopyToTemp(RepoPaths.Content), Path.Combine(top, "content"));
        try
        {
            var (content, diag) = ContentLoader.Load(top, new DateOnly(2025, 12, 1));
            Assert.Null(content);
            var f = Assert.Single(diag.Items);
            Assert.Equal((Codes.FileSystem, Severity.Error), (f.Code, f.Severity));
            Assert.EndsWith("/assumptions", f.Path);
            Assert.Matches(@"dit is geen inhoudsmap\. De inhoud staat in '(?<shown>[^']*/content)'; geef die map op \(--content \k<shown>\)$", f.Message);
            // The content folder itself loads as before.
            var (loaded, _) = ContentLoader.Load(Path.Combine(top, "content"), new DateOnly(2025, 12, 1));
            Assert.NotNull(loaded);
        }
        finally
        {
            Directory.Delete(top, recursive: true);
        }
    }

    [Fact]
    public void A_copied_neighbourhood_whose_name_was_not_changed_is_warned_about_at_its_name()
    {
        // Residents saw two cards "De Akkers (fictief)" leading to different pages, and the build said nothing.
        string root = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"));
        string from = Path.Combine(root, "zonnedal", "de-akkers"), to = Path.Combine(root, "zonnedal", "de-akkers-2");
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        var (content, diag) = ContentLoader.Load(root, new DateOnly(2025, 12, 1));
        Assert.NotNull(content);
        var f = Assert.Single(diag.Items, d => d.Code == Codes.DuplicateKey);
        int line = Array.FindIndex(File.ReadAllLines(Path.Combine(to, "neighbourhood.yaml")), l => l.StartsWith("name: De Akkers", StringComparison.Ordinal)) + 1;
        Assert.Equal((Severity.Warning, line, 1), (f.Severity, f.Line, f.Column));
        Assert.EndsWith("zonnedal/de-akkers-2/neighbourhood.yaml", f.Path);
        Assert.Equal("de wijk 'de-akkers' van deze gemeente heet ook 'De Akkers (fictief)': bewoners zien twee kaarten met dezelfde naam; geef deze wijk een eigen naam", f.Message);
        // Named apart, no warning.
        File.WriteAllText(Path.Combine(to, "neighbourhood.yaml"), File.ReadAllText(Path.Combine(to, "neighbourhood.yaml")).Replace("name: De Akkers (fictief)", "name: De Akkers-Zuid (fictief)"));
        Assert.DoesNotContain(ContentLoader.Load(root, new DateOnly(2025, 12, 1)).Diagnostics.Items, d => d.Code == Codes.DuplicateKey);
    }

    [Fact]
    public void A_dutch_decimal_comma_in_a_flow_block_is_one_finding_at_the_number_not_an_unknown_key()
    {
        // In { } a comma separates entries: 16.540,50 read as 16.540 and a key '50' ("woning '50' bestaat niet"), and
        // {value: 0,05, ...} as 0 and a key '05' ("onbekende sleutel '05'").
        var (amounts, line) = Edited(Neighbourhood, "amounts: {vrijstaand-voor-1980: 16540,", "amounts: {vrijstaand-voor-1980: 16.540,50,");
        var f = Assert.Single(amounts);
        Assert.Equal((Codes.WrongType, line, 37), (f.Code, f.Line, f.Column));
        Assert.StartsWith("16.540,50 leest YAML in een blok { } als 16.540 en een sleutel '50', want daar scheidt een komma de waarden.", f.Message);
        Assert.EndsWith("Schrijf 16540.50", f.Message);
        var (value, valueLine) = Edited("assumptions/business_case.yaml", "{value: 0.046,", "{value: 0,05,");
        f = Assert.Single(value);
        Assert.Equal((Codes.WrongType, valueLine), (f.Code, f.Line));
        Assert.EndsWith("YAML-getallen hebben een punt voor decimalen, geen komma. Schrijf 0.05", f.Message);
        // A key of digits that was written as one stays a key (and is reported as what it is).
        Assert.DoesNotContain(Edited(Neighbourhood, "amounts: {vrijstaand-voor-1980: 16540,", "amounts: {vrijstaand-voor-1980: 16540, 50,").Findings,
            d => d.Message.Contains("leest YAML in een blok", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_given_as_the_content_folder_is_called_a_file()
    {
        // "de inhoudsmap bestaat niet" for README.md, which does exist.
        var (content, diag) = ContentLoader.Load(Path.Combine(RepoPaths.Root, "README.md"), new DateOnly(2025, 12, 1));
        Assert.Null(content);
        Assert.Equal("dit is een bestand, geen map; geef met --content de inhoudsmap op", Assert.Single(diag.Items).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# de bronnen komen later\n")]
    public void An_emptied_sources_file_is_one_finding_at_the_file_not_one_per_citation(string text)
    {
        // 165 errors, one at every value citing a source, and none at sources.yaml.
        string root = RepoPaths.CopyToTemp(RepoPaths.Content);
        File.WriteAllText(Path.Combine(root, "sources.yaml"), text);
        var (content, diag) = ContentLoader.Load(root, new DateOnly(2025, 12, 1));
        Assert.Null(content);
        var f = Assert.Single(diag.Items, d => d.Severity == Severity.Error);
        Assert.EndsWith("sources.yaml", f.Path);
        Assert.Equal((Codes.MissingKey, 1, 1), (f.Code, f.Line, f.Column));
        Assert.StartsWith("sources.yaml is leeg: hier horen de documenten waar de waarden naar verwijzen", f.Message);
    }

    [Theory]
    // A value's keys: the schema said "'value' ontbreekt" and the reader "onbekende sleutel 'valeu'".
    [InlineData("assumptions/energy.yaml", "      value: 1.14", "      valeu: 1.14", "valeu", "value")]
    // And a missing source (SG006) on top of those two.
    [InlineData("assumptions/energy.yaml", "      source: putten-study", "      sorce: putten-study", "sorce", "source")]
    // A cost without 'amount': "heeft een bedrag nodig".
    [InlineData(Neighbourhood, "    amount: 1900", "    amunt: 1900", "amunt", "amount")]
    // A subsidy read as one with amounts: no amount, no source, and its 'stated' block out of place (four findings).
    [InlineData(Neighbourhood, "    share_of_cost: subsidies.isde_heat_pump_share", "    shre_of_cost: subsidies.isde_heat_pump_share", "shre_of_cost", "share_of_cost")]
    // A heat network "needs a block 'collective'".
    [InlineData(Neighbourhood, "    collective:", "    colective:", "colective", "collective")]
    // A section: every use of its ids was reported too (27 findings for 'cots', 30 for 'dwllings').
    [InlineData(Neighbourhood, "costs:", "cots:", "cots", "costs")]
    [InlineData(Neighbourhood, "subsidies:", "susidies:", "susidies", "subsidies")]
    [InlineData(Neighbourhood, "dwellings:", "dwllings:", "dwllings", "dwellings")]
    public void A_misspelt_key_is_one_finding_that_names_the_key_meant(string file, string find, string replace, string written, string meant)
    {
        var (findings, line) = Edited(file, find, replace);
        var f = Assert.Single(findings);
        Assert.Equal((Codes.UnknownKey, line), (f.Code, f.Line));
        Assert.StartsWith($"onbekende sleutel '{written}' in ", f.Message);
        Assert.Contains($"(bedoelt u '{meant}'?)", f.Message);
    }

    [Fact]
    public void A_dwelling_left_out_of_a_costs_amounts_is_an_error_where_a_variant_uses_the_cost()
    {
        // It was left out of the variant without a word: the hybrid then cost that house nothing for its heat pump and
        // looked the cheapest option (found by a communicator starting a neighbourhood of their own).
        var (findings, _) = Edited(Neighbourhood, "tussenwoning-1980-2000: 7500, tussenwoning-na-2000: 6800}", "tussenwoning-1980-2000: 7500}");
        var f = Assert.Single(findings);
        int use = Array.FindIndex(File.ReadAllLines(Path.Combine(RepoPaths.Content, Neighbourhood)), l => l.Contains("{cost: hybrid_heat_pump,")) + 1;
        Assert.Equal((Codes.UnknownReference, use), (f.Code, f.Line));
        Assert.Equal("kostenpost 'hybrid_heat_pump' heeft geen bedrag voor woning 'tussenwoning-na-2000'; vul het aan onder 'amounts'", f.Message);
    }

    private const string GasBoiler = "putten/bijsteren-husselerveld/variants/gasketel.md";

    [Theory]
    // A word processor's curly quotes, Hugo's {{% %}} and a name with an underscore were each "onvolledige shortcode" only.
    [InlineData("{{< assumption id=\u201Cenergy.gas_price\u201D >}}", "de aanhalingstekens zijn gekruld (“ ”), zoals een tekstverwerker ze zet; typ gewone rechte aanhalingstekens (\")")]
    [InlineData("{{% assumption id=\"energy.gas_price\" %}}", "een shortcode staat tussen {{< en >}}, niet tussen {{% en %}}")]
    [InlineData("{{< gas_prijs id=\"energy.gas_price\" >}}", "een shortcode met de naam 'gas_prijs' bestaat niet; mogelijk zijn: tco-table, monthly-chart, business-case, value, assumption")]
    public void A_shortcode_that_does_not_parse_says_why(string written, string why)
    {
        var (findings, line) = Edited(GasBoiler, "{{< assumption id=\"energy.gas_price\" >}}", written);
        var f = Assert.Single(findings);
        Assert.Equal((Codes.Shortcode, line), (f.Code, f.Line));
        Assert.Contains(why, f.Message);
        // Its example is one every site can use, not a dwelling of the example neighbourhood.
        Assert.DoesNotContain("vrijstaand-voor-1980", f.Message);
    }

    [Fact]
    public void A_value_without_a_source_is_given_an_example_from_the_sites_own_sources()
    {
        var (findings, _) = Edited("assumptions/energy.yaml", "      source: putten-study", "      notes: bron volgt");
        var f = Assert.Single(findings);
        Assert.Equal(Codes.MissingSource, f.Code);
        string first = File.ReadLines(Path.Combine(RepoPaths.Content, "sources.yaml")).First(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith(' ')).TrimEnd(':');
        Assert.EndsWith($"bijvoorbeeld source: {first}, ref: \"Tabel 8.5\"", f.Message);
    }

    [Fact]
    public void Empty_amounts_are_an_error_at_the_cost_not_nothing_for_every_dwelling()
    {
        var (findings, line) = Edited(Neighbourhood, "amounts: {vrijstaand-voor-1980: 8590, tussenwoning-1980-2000: 7500, tussenwoning-na-2000: 6800}", "amounts: {}");
        var f = Assert.Single(findings);
        Assert.Equal((Codes.MissingKey, line), (f.Code, f.Line));
        Assert.Equal("'amounts' van kostenpost 'hybrid_heat_pump' is leeg: geef een bedrag per woning, bijvoorbeeld 'amounts: {vrijstaand-voor-1980: 2000}'", f.Message);
    }

    [Fact]
    public void An_amount_typed_in_thousands_is_asked_about()
    {
        // A study's tables often print "x € 1.000": 14.5 for € 14.500 got the range only.
        var (findings, line) = Edited(Neighbourhood, "    amount: 1900", "    amount: 14.5");
        var f = Assert.Single(findings);
        Assert.Equal((Codes.OutOfRange, line), (f.Code, f.Line));
        Assert.EndsWith("(100 tot 250.000). Een bedrag schrijft u in hele euro's, niet in duizenden: bedoelt u 14500?", f.Message);
    }
}
