using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Calculation.Resident;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Formatting;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// Issue 13 on the pages: every range shown is the open data's low and high, rounded as documented; "goedkoopst" only
/// where the ranges do not overlap; the study's bookkeeping never appears as a line of a cost table.
/// </summary>
public class RangesOnPagesTests
{
    private const string N = "putten/bijsteren-husselerveld";
    private static readonly string[] Dwellings = ["vrijstaand-voor-1980", "tussenwoning-1980-2000", "tussenwoning-na-2000"];

    private static JsonElement[] Rows(SiteFiles files) =>
        JsonDocument.Parse(files.All["data/results.json"]).RootElement.EnumerateArray().ToArray();

    private static CostRange Range(JsonElement row, string central, string low, string high) =>
        new(row.GetProperty(low).GetDecimal(), row.GetProperty(central).GetDecimal(), row.GetProperty(high).GetDecimal());

    private static CostRange Tco(JsonElement row) => Range(row, "tco_30y_eur", "tco_30y_low_eur", "tco_30y_high_eur");
    private static CostRange Monthly(JsonElement row) => Range(row, "monthly_cost_start_year_eur", "monthly_cost_start_year_low_eur", "monthly_cost_start_year_high_eur");

    private static string VariantOf(IElement tr) => tr.QuerySelector("th a")!.GetAttribute("href")!.Split('/')[^2];

    private static IElement Table(IDocument doc, string captionStart) =>
        doc.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith(captionStart, StringComparison.Ordinal));

    private static string Note(IElement cell) => cell.QuerySelector("small")?.TextContent.Trim() ?? "";

    [Fact]
    public void Every_range_on_every_page_is_the_open_datas_low_and_high()
    {
        var rows = Rows(BuiltSite.Files);
        JsonElement Row(string d, string v) => rows.Single(r => r.GetProperty("dwelling").GetString() == d && r.GetProperty("variant").GetString() == v);
        int checkedRanges = 0;
        foreach (var d in Dwellings)
        {
            var doc = BuiltSite.Page($"{N}/woningen/{d}/index.html");
            foreach (var tr in Table(doc, "Totale kosten over 30 jaar").QuerySelectorAll("tbody tr"))
            {
                var row = Row(d, VariantOf(tr));
                Assert.Equal(Display.TcoRange(Tco(row)), Note(tr.QuerySelectorAll("td")[0]));
                checkedRanges++;
            }
            foreach (var tr in Table(doc, "Kosten per maand").QuerySelectorAll("tbody tr"))
            {
                var row = Row(d, VariantOf(tr));
                Assert.Equal(Display.MonthlyRange(Monthly(row)), Note(tr.QuerySelectorAll("td").Last()));
                checkedRanges++;
            }
            // The chart reads the same ranges out (its text alternative) and draws one whisker per bar.
            var chart = doc.QuerySelectorAll("figure.chart").First();
            Assert.Equal(6, chart.QuerySelectorAll("path.bar-range").Length / 2);
            foreach (var row in rows.Where(r => r.GetProperty("dwelling").GetString() == d))
                Assert.Contains($"{Display.Tco(row.GetProperty("tco_30y_eur").GetDecimal())} ({Display.TcoRange(Tco(row))})", chart.QuerySelector("desc")!.TextContent);
        }
        // The variant pages show the same 30-year ranges per dwelling.
        foreach (var variant in rows.Select(r => r.GetProperty("variant").GetString()!).Distinct())
        {
            var doc = BuiltSite.Page($"{N}/varianten/{variant}/index.html");
            var perDwelling = doc.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.EndsWith("kosten per voorbeeldhuis", StringComparison.Ordinal));
            foreach (var tr in perDwelling.QuerySelectorAll("tbody tr"))
            {
                string dwelling = tr.QuerySelector("th a")!.GetAttribute("href")!.Split('/')[^2];
                Assert.Equal(Display.TcoRange(Tco(Row(dwelling, variant))), Note(tr.QuerySelectorAll("td")[1]));
                checkedRanges++;
            }
        }
        Assert.Equal(3 * 6 * 3, checkedRanges);
    }

    [Fact]
    public void Bounds_are_rounded_to_a_thousand_and_up_front_costs_to_a_hundred()
    {
        foreach (var d in Dwellings)
        {
            var doc = BuiltSite.Page($"{N}/woningen/{d}/index.html");
            foreach (var note in Table(doc, "Totale kosten over 30 jaar").QuerySelectorAll("td small").Select(s => s.TextContent))
                Assert.Matches(@"^€\u00a0\d{1,3}\.\d{3}\.000 tot €\u00a0\d{1,3}\.\d{3}\.000$|^€\u00a0\d{1,3}\.000 tot €\u00a0\d{1,3}\.000$", note);
            foreach (var total in doc.QuerySelectorAll("table[id^='oneoff'] tr.total td.num"))
                Assert.Matches(@"^ongeveer €\u00a0[\d.]*\d00$", FiguresMatchOpenDataTests.Figure(total));
        }
    }

    [Fact]
    public void No_cost_table_has_a_calibration_or_correction_line()
    {
        foreach (var page in BuiltSite.Pages.Where(p => p.Contains("/woningen/") || p.Contains("/varianten/")))
        {
            var doc = BuiltSite.Page(page);
            foreach (var table in doc.QuerySelectorAll("table"))
            {
                string caption = table.QuerySelector("caption")!.TextContent;
                if (!caption.Contains("kosten", StringComparison.OrdinalIgnoreCase) && !caption.Contains("maand")) continue;
                foreach (var th in table.QuerySelectorAll("th"))
                {
                    Assert.DoesNotContain("correctie", th.TextContent, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("niet nader benoemd", th.TextContent, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("afgeleid", th.TextContent, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public void The_monthly_table_adds_up_and_the_study_figure_stands_apart_with_its_reason()
    {
        var doc = BuiltSite.Page($"{N}/woningen/vrijstaand-voor-1980/index.html");
        var table = Table(doc, "Kosten per maand");
        static decimal Euro(string s) => decimal.Parse(s.Replace("€", "").Replace("\u00a0", "").Replace(".", "").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var tr in table.QuerySelectorAll("tbody tr"))
        {
            var cells = tr.QuerySelectorAll("td").Select(FiguresMatchOpenDataTests.Figure).ToArray();
            Assert.InRange(Euro(cells[0]) + Euro(cells[1]) - Euro(cells[2]), -1m, 1m); // rounding of the parts
        }
        var gas = table.QuerySelectorAll("tbody tr").Single(tr => VariantOf(tr) == "gasketel").QuerySelectorAll("td").Select(FiguresMatchOpenDataTests.Figure).ToArray();
        Assert.Equal(["€\u00a0122", "€\u00a048", "€\u00a0170", "€\u00a0157"], gas);
        Assert.Contains("€\u00a013 per maand lager", table.ParentElement!.ParentElement!.QuerySelector("details")!.TextContent);
    }

    [Fact]
    public void Goedkoopst_is_named_only_where_the_ranges_do_not_overlap()
    {
        // The study's margins: every dwelling has options whose ranges overlap the lowest one's.
        AssertMarks(BuiltSite.Files);
        string inShort = BuiltSite.Page($"{N}/woningen/vrijstaand-voor-1980/index.html").GetElementById("in-het-kort")!.ParentElement!.TextContent;
        Assert.DoesNotContain("voor dit huis het goedkoopst", inShort);
        Assert.Contains("geen duidelijk goedkoopste keuze", inShort);
        // More than three close options are counted, not named (named, the point ran to eleven lines on a phone): the
        // table right after it marks each of them, and the count is theirs.
        var detached = BuiltSite.Page($"{N}/woningen/vrijstaand-voor-1980/index.html");
        int close = Table(detached, "Totale kosten over 30 jaar").QuerySelectorAll("tr.is-about-equal").Length;
        Assert.Equal(5, close);
        string first = detached.GetElementById("in-het-kort")!.ParentElement!.QuerySelector("li")!.TextContent.Replace('\u00a0', ' ');
        Assert.Matches(@"^Over 30 jaar is er voor dit huis geen duidelijk goedkoopste keuze\. Vijf keuzes kosten ongeveer even veel: "
            + @"van € [\d.]+ tot € [\d.]+\. In de tabel staan ze als 'ongeveer even duur'\.", first);
        Assert.DoesNotContain("warmtepomp", first);
        // Up front no option is named alone (the one with the lowest total read as the one to take): the span over the
        // close options, each end named, the amounts those options' own tables give.
        var closeNames = Table(detached, "Totale kosten over 30 jaar").QuerySelectorAll("tr.is-about-equal").Select(tr => tr.QuerySelector("th a")!.TextContent).ToList();
        string Upfront(string name) => Table(detached, "Eenmalige kosten en subsidie: " + name.ToLowerInvariant())
            .QuerySelector("tr.total td.num")!.ChildNodes[0].TextContent.Replace('\u00a0', ' ').Replace("ongeveer ", "");
        decimal Amount(string euro) => decimal.Parse(euro.Replace("€ ", "").Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);
        string last = detached.GetElementById("in-het-kort")!.ParentElement!.QuerySelectorAll("li")[^1].TextContent.Replace('\u00a0', ' ');
        var upfront = System.Text.RegularExpressions.Regex.Match(last,
            @"^Wat u vooraf betaalt, verschilt bij deze keuzes: van ongeveer (€ [\d.]+) voor de (.+) tot ongeveer (€ [\d.]+) voor de (.+), na subsidie\.$");
        Assert.True(upfront.Success, last);
        Assert.Equal(Upfront(upfront.Groups[2].Value), upfront.Groups[1].Value);
        Assert.Equal(Upfront(upfront.Groups[4].Value), upfront.Groups[3].Value);
        Assert.Equal(closeNames.Min(c => Amount(Upfront(c))), Amount(upfront.Groups[1].Value));
        Assert.Equal(closeNames.Max(c => Amount(Upfront(c))), Amount(upfront.Groups[3].Value));
        // Without gas and per month alike: options inside each other's margins are named together, none as the lowest.
        foreach (var page in BuiltSite.Files.All.Keys.Where(k => k.StartsWith($"{N}/woningen/", StringComparison.Ordinal) && k.EndsWith(".html", StringComparison.Ordinal)))
        {
            string summary = BuiltSite.Page(page).GetElementById("in-het-kort")!.ParentElement!.TextContent;
            Assert.DoesNotContain("het minst", summary);
            Assert.DoesNotContain("het laagst", summary);
        }
        string terraced = BuiltSite.Page($"{N}/woningen/tussenwoning-1980-2000/index.html").GetElementById("in-het-kort")!.ParentElement!.TextContent;
        // All four options without gas are close: counted, not named.
        Assert.Matches(@"De vier keuzes zonder aardgas liggen dicht bij elkaar: van € \d", terraced.Replace('\u00a0', ' '));
        Assert.Matches(@"Per maand liggen .+ dicht bij elkaar: van € \d+ tot € \d+ in het eerste jaar", terraced.Replace('\u00a0', ' '));
        // All six close on the newest house: "alle zes".
        string newest = BuiltSite.Page($"{N}/woningen/tussenwoning-na-2000/index.html").GetElementById("in-het-kort")!.ParentElement!.TextContent;
        Assert.Contains("Alle zes keuzes kosten ongeveer even veel", newest);
        // There the options without gas are among the close ones: their span would repeat the first point's, so the
        // point says what it means for leaving gas.
        Assert.DoesNotContain("zonder aardgas liggen", newest);
        Assert.Contains("De vier keuzes zonder aardgas horen daar ook bij. Van het gas af gaan is voor dit huis dus niet duidelijk duurder.", newest);

        // Without margins and what-ifs every range is a point: one winner per dwelling, named as such.
        string content = RepoPaths.CopyToTemp(RepoPaths.Content);
        File.Delete(Path.Combine(content, "assumptions", "uncertainty.yaml"));
        var result = SiteBuilder.Build(new BuildOptions(content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: Path.Combine(RepoPaths.Root, "themes")));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        AssertMarks(result.Files!);
        var doc = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(result.Files!.All[$"{N}/woningen/vrijstaand-voor-1980/index.html"]));
        var cheapest = Table(doc, "Totale kosten over 30 jaar").QuerySelectorAll("tr.is-cheapest").Single();
        Assert.Equal("gasketel", VariantOf(cheapest));
        Assert.Contains("goedkoopst", cheapest.TextContent);
        Assert.Contains("de gasketel voor dit huis het goedkoopst", doc.GetElementById("in-het-kort")!.ParentElement!.TextContent);
        // Clearly the cheapest: what it asks up front, for it alone.
        Assert.Matches(@"^Vooraf betaalt u voor de gasketel ongeveer € [\d.]+\.$",
            doc.GetElementById("in-het-kort")!.ParentElement!.QuerySelectorAll("li")[^1].TextContent.Replace('\u00a0', ' '));
    }

    [Fact]
    public void Some_of_the_options_without_gas_close_together_are_named()
    {
        // An air/water heat pump ten times its price: the three heat networks stay close, the heat pump drops out.
        string content = RepoPaths.CopyToTemp(RepoPaths.Content);
        string yaml = Path.Combine(content, "putten", "bijsteren-husselerveld", "neighbourhood.yaml");
        string text = File.ReadAllText(yaml);
        const string price = "amounts: {vrijstaand-voor-1980: 16540,";
        Assert.Contains(price, text);
        File.WriteAllText(yaml, text.Replace(price, "amounts: {vrijstaand-voor-1980: 165400,"));
        var result = SiteBuilder.Build(new BuildOptions(content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: Path.Combine(RepoPaths.Root, "themes")));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        var doc = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(result.Files!.All[$"{N}/woningen/vrijstaand-voor-1980/index.html"]));
        var points = doc.GetElementById("in-het-kort")!.ParentElement!.QuerySelectorAll("li").Select(li => li.TextContent.Replace('\u00a0', ' ')).ToList();
        Assert.Contains(points, p => System.Text.RegularExpressions.Regex.IsMatch(p,
            @"^Zonder aardgas liggen het mini-warmtenet, het (kleinschalige|grootschalige) warmtenet en het (kleinschalige|grootschalige) warmtenet dicht bij elkaar: van € [\d.]+ tot € [\d.]+\.$"));
        Assert.DoesNotContain(points, p => p.Contains("keuzes zonder aardgas", StringComparison.Ordinal));
    }

    /// <summary>Each TCO table marks exactly the options the core's rule names, and says "goedkoopst" only when it is clear.</summary>
    private static void AssertMarks(SiteFiles files)
    {
        var rows = Rows(files);
        var parser = new HtmlParser();
        foreach (var d in Dwellings)
        {
            var outcome = Comparison.Cheapest(rows.Where(r => r.GetProperty("dwelling").GetString() == d)
                .Select(r => (r.GetProperty("variant").GetString()!, Tco(r))).ToList());
            var doc = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(files.All[$"{N}/woningen/{d}/index.html"]));
            var table = Table(doc, "Totale kosten over 30 jaar");
            var marked = table.QuerySelectorAll(outcome.Clear ? "tr.is-cheapest" : "tr.is-about-equal").ToList();
            Assert.Empty(table.QuerySelectorAll(outcome.Clear ? "tr.is-about-equal" : "tr.is-cheapest"));
            // When every choice is among the closest, no row is marked (a badge on every row says nothing): the note says it.
            bool all = !outcome.Clear && outcome.Options.Count == table.QuerySelectorAll("tbody tr").Length;
            Assert.Equal(all ? [] : outcome.Options.Order(), marked.Select(VariantOf).Order());
            Assert.Equal(all, table.ParentElement!.NextElementSibling!.TextContent.StartsWith("Alle keuzes zijn ongeveer even duur", StringComparison.Ordinal));
            foreach (var tr in marked)
                Assert.Contains(outcome.Clear ? "goedkoopst" : "ongeveer even duur", tr.QuerySelector(".badge")!.TextContent);
            if (!outcome.Clear && !all) Assert.True(marked.Count > 1);
            // The chart's sentence leads with the outcome: the lowest bar is named first only when it is clearly the cheapest.
            string summary = doc.QuerySelector("figure[aria-labelledby^='tco-chart'] .chart-summary")!.TextContent;
            if (outcome.Clear) Assert.StartsWith("Het laagst is ", summary, StringComparison.Ordinal);
            else
            {
                Assert.Contains(" zijn over 30 jaar ongeveer even duur", summary, StringComparison.Ordinal);
                Assert.DoesNotContain("laagst", summary, StringComparison.Ordinal);
                Assert.Contains("De bedragen lopen van ", summary, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_heat_network_page_shows_what_lower_take_up_does_to_the_gap_per_home()
    {
        var doc = BuiltSite.Page($"{N}/varianten/mini-collectief/index.html");
        var table = Table(doc, "Als niet iedereen meedoet");
        var json = JsonDocument.Parse(BuiltSite.Files.All["data/participation.json"]).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("variant").GetString() == "mini-collectief").ToList();
        var trs = table.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(json.Count, trs.Count);
        Assert.Equal(["50% doet mee", "70% doet mee", "80% doet mee", "100% doet mee (zoals de studie)"], trs.Select(tr => tr.QuerySelector("th")!.TextContent.Trim()));
        var perHome = trs.Select(tr => decimal.Parse(FiguresMatchOpenDataTests.Figure(tr.QuerySelectorAll("td")[2]).Replace("€", "").Replace("\u00a0", "").Replace(".", ""),
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(perHome.Zip(perHome.Skip(1)).All(p => p.First > p.Second), "the gap per home falls as more homes join");
        Assert.Contains("bijdrage van de bewoners", table.ParentElement!.ParentElement!.TextContent);
    }
}

/// <summary>Issue 10: the open data's CO2 follows from the energy in the same row and the factors on the assumptions page.</summary>
public class Co2OpenDataTests
{
    [Fact]
    public void Every_rows_co2_follows_from_its_own_energy_use()
    {
        var rows = JsonDocument.Parse(BuiltSite.Files.All["data/results.json"]).RootElement.EnumerateArray().ToArray();
        var perGJ = new Dictionary<string, decimal>();
        foreach (var r in rows)
        {
            decimal gas = r.GetProperty("gas_m3_per_year").GetDecimal(), el = r.GetProperty("electricity_kwh_per_year").GetDecimal();
            decimal heat = r.GetProperty("heat_gj_per_year").GetDecimal(), co2 = r.GetProperty("co2_kg_per_year").GetDecimal();
            if (heat == 0m)
            {
                // Gas 1,788 kg/m3 and electricity 0,34 kg/kWh (assumptions page); open data rounds each figure to 0,01.
                Assert.InRange(co2 - (gas * 1.788m + el * 0.34m), -0.02m, 0.02m);
                continue;
            }
            // A heat network: the same kg per GJ for every house on it (the network's electricity per GJ delivered).
            string variant = r.GetProperty("variant").GetString()!;
            decimal kgPerGJ = co2 / heat;
            if (perGJ.TryGetValue(variant, out var seen)) Assert.InRange(kgPerGJ - seen, -0.01m, 0.01m);
            else perGJ[variant] = kgPerGJ;
        }
        Assert.Equal(3, perGJ.Count);
        // The detached house's gas boiler: 1.280 m3 a year (the gas the costs use), so 2.288,64 kg, not the 2.503 of 1.400 m3.
        var boiler = rows.Single(r => r.GetProperty("dwelling").GetString() == "vrijstaand-voor-1980" && r.GetProperty("variant").GetString() == "gasketel");
        Assert.Equal(2288.64m, boiler.GetProperty("co2_kg_per_year").GetDecimal());
    }
}

/// <summary>Issue 10: what a house needs for a variant follows what that variant really changes.</summary>
public class WhatAHouseNeedsTests
{
    [Fact]
    public void A_hybrid_keeps_its_gas_connection_so_electric_cooking_is_not_listed_as_needed()
    {
        var doc = BuiltSite.Page("putten/bijsteren-husselerveld/woningen/vrijstaand-voor-1980/index.html");
        var needs = doc.GetElementById("in-huis")!.ParentElement!.QuerySelectorAll("dl.key-facts > div")
            .ToDictionary(div => div.QuerySelector("dt a")!.GetAttribute("href")!.Split('/')[^2], div => div.QuerySelector("dd")!.TextContent);
        Assert.DoesNotMatch("Nodig:[^.]*koken", needs["hybride-warmtepomp"]);
        // The study charges it all the same (the one-off table lists it): the resident is told, not left to wonder.
        Assert.EndsWith("De studie rekent wel de kosten van elektrisch koken (inductie) mee. Dat is niet nodig, want u houdt een gasaansluiting.",
            needs["hybride-warmtepomp"]);
        Assert.DoesNotContain("De studie rekent wel", needs["lucht-water-warmtepomp"]);
        Assert.Contains("elektrisch koken", needs["lucht-water-warmtepomp"]);
        Assert.Contains("elektrisch koken", needs["mini-collectief"]);
        // Lists read as a sentence: lower case, "en" before the last item.
        Assert.Matches(@"Nodig: elektrisch koken \(inductie\), .+ en .+\.$", needs["lucht-water-warmtepomp"]);
    }
}

public class ReconcilingTextTests
{
    /// <summary>
    /// The study's monthly figure is € 13 under the sum of the lines for the gas boiler and € 26 for the hybrid (two gas
    /// appliances): each amount is said for its own choices. One text said "€ 13" for both, under a column that differed by 27.
    /// </summary>
    [Fact]
    public void A_difference_of_another_amount_is_said_for_its_own_choice()
    {
        var doc = BuiltSite.Page("putten/bijsteren-husselerveld/woningen/vrijstaand-voor-1980/index.html");
        var monthly = doc.QuerySelectorAll("table").First(t => t.Id!.StartsWith("monthly", StringComparison.Ordinal));
        var texts = monthly.ParentElement!.NextElementSibling!.NextElementSibling!.QuerySelectorAll("p").Select(p => p.TextContent).ToList();
        Assert.Contains(texts, t => t.StartsWith("Bij de gasketel: de studie komt €\u00a013 per maand lager uit", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Bij de hybride warmtepomp: de studie komt €\u00a026 per maand lager uit", StringComparison.Ordinal));
        var study = monthly.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th a")!.TextContent, r => r.QuerySelectorAll("td").Select(c => c.FirstChild!.TextContent).ToList());
        Assert.Equal(["€\u00a0170", "€\u00a0157"], study["Gasketel"][2..4]);
        Assert.Equal(["€\u00a0128", "€\u00a0101"], study["Hybride warmtepomp"][2..4]);
    }
}

/// <summary>Issue 10: a hybrid heat pump still burns gas, so no page calls it gas-free.</summary>
public class GasFreeTests
{
    [Fact]
    public void No_page_calls_an_option_that_burns_gas_gas_free()
    {
        var rows = JsonDocument.Parse(BuiltSite.Files.All["data/results.json"]).RootElement.EnumerateArray().ToArray();
        var burnsGas = rows.Where(r => r.GetProperty("gas_m3_per_year").GetDecimal() > 0m).Select(r => r.GetProperty("variant").GetString()!).ToHashSet();
        Assert.Contains("hybride-warmtepomp", burnsGas);
        var names = BuiltSite.Page("putten/bijsteren-husselerveld/index.html").QuerySelectorAll("a[href*='varianten/']")
            .Where(a => burnsGas.Contains(a.GetAttribute("href")!.Split('/')[^2])).Select(a => a.TextContent.Trim().ToLowerInvariant()).Distinct().ToList();
        Assert.NotEmpty(names);
        foreach (var page in BuiltSite.Pages)
        {
            string text = BuiltSite.Page(page).Body!.TextContent;
            foreach (var sentence in text.Split('.', '!', '?'))
            {
                bool gasFree = sentence.Contains("zonder aardgas", StringComparison.OrdinalIgnoreCase) || sentence.Contains("aardgasvrij", StringComparison.OrdinalIgnoreCase);
                if (!gasFree) continue;
                // A sentence about going without gas may name only options that burn none.
                foreach (var name in names)
                    Assert.False(sentence.Contains(name, StringComparison.OrdinalIgnoreCase) && !sentence.Contains("gebruikt nog", StringComparison.OrdinalIgnoreCase)
                                 && !sentence.Contains("houdt", StringComparison.OrdinalIgnoreCase) && !sentence.Contains("niet", StringComparison.OrdinalIgnoreCase),
                        $"{page}: \"{sentence.Trim()}\" calls {name} gas-free");
            }
        }
    }
}
