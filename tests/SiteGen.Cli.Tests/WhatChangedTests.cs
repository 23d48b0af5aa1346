using AngleSharp.Html.Parser;

namespace SiteGen.Cli.Tests;

/// <summary>A communicator raises the gas price from 1,14 to 1,50: the site and 'sitegen diff' tell what changed, by how much.</summary>
public class WhatChangedTests
{
    private static Workspace WithNewGasPrice()
    {
        var ws = new Workspace();
        ws.Edit("assumptions/energy.yaml", """
                2025-08-01:
                  value: 1.14
                  source: putten-study
                  ref: "§8.1, gemiddelde energieprijzen augustus 2025"
            """.Replace("\r", "").Replace("            ", "    "), """
                2025-08-01:
                  value: 1.14
                  source: putten-study
                  ref: "§8.1, gemiddelde energieprijzen augustus 2025"
                2026-01-01:
                  value: 1.50
                  source: putten-study
                  ref: "testwaarde januari 2026"
            """.Replace("\r", "").Replace("            ", "    "));
        return ws;
    }

    [Fact]
    public void Diff_prints_the_old_and_new_gas_price_and_the_hand_computed_effects()
    {
        using var ws = WithNewGasPrice();
        var run = CliRun.Of("diff", "--content", ws.Content);
        Assert.True(run.ExitCode == 0, run.Err);
        // The shipped history records the publication of 13 November 2025 (the study's figures).
        Assert.Contains("sinds de publicatie van 2025-11-13", run.Out);
        Assert.Contains("Prijs van aardgas voor huishoudens, inclusief btw (energy.gas_price): €\u00a01,14 per m³ -> €\u00a01,50 per m³", run.Out);
        Assert.Contains("vanaf 2026-01-01", run.Out);
        // Detached house, gas boiler: 1,280 m3 x 0.36 = 460.80 more a year; x 30 (g = r) = 13,824:
        // TCO 64,983.50 -> 78,807.50, shown as 64.980 -> 78.810 (difference of the shown values: 13.830);
        // monthly 156.83 -> 195.23 (+38.40).
        Assert.Contains("Vrijstaande woning van voor 1980 / Gasketel: TCO €\u00a064.980 -> €\u00a078.810 (+\u00a0€\u00a013.830), per maand €\u00a0157 -> €\u00a0195 (+\u00a0€\u00a038,40)", run.Out);
        // Terraced 1980-2000: 1,200 m3 x 0.36 x 30 = 12,960 (62,247.50 -> 75,207.50); monthly +36.00.
        Assert.Contains("Tussenwoning van 1980 tot 2000 / Gasketel: TCO €\u00a062.250 -> €\u00a075.210 (+\u00a0€\u00a012.960), per maand €\u00a0149 -> €\u00a0185 (+\u00a0€\u00a036,00)", run.Out);
        // Nothing else depends on the gas price in the study method: exactly 3 effect lines.
        Assert.Equal(3, run.Out.Split('\n').Count(l => l.Contains(" / ")));
    }

    [Fact]
    public void The_what_changed_page_shows_the_same_old_and_new_values()
    {
        using var ws = WithNewGasPrice();
        Assert.Equal(0, CliRun.Of("build", "--content", ws.Content, "--out", ws.Output).ExitCode);
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(ws.Output, "putten", "bijsteren-husselerveld", "wat-is-er-veranderd", "index.html")));
        var inputs = doc.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent == "Gewijzigde uitgangspunten");
        var gas = inputs.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("aardgas"));
        Assert.Equal(["€\u00a01,14 per m³", "€\u00a01,50 per m³"], gas.QuerySelectorAll("td.num").Select(c => c.TextContent.Trim()));
        Assert.Contains("1 januari 2026", gas.TextContent);
        var effects = doc.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent.StartsWith("Gevolgen", StringComparison.Ordinal));
        var rows = effects.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        var detached = rows.Single(r => r.TextContent.Contains("Vrijstaande woning van voor 1980: Gasketel"));
        Assert.Equal(["€\u00a064.980", "€\u00a078.810", "+\u00a0€\u00a013.830", "€\u00a0157", "€\u00a0195", "+\u00a0€\u00a038,40"],
            detached.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        // The changelog keeps the earlier publication.
        Assert.Contains("13 november 2025", doc.QuerySelector("#logboek")!.ParentElement!.TextContent);
    }

    [Fact]
    public void Publish_records_the_new_state_so_the_next_diff_is_empty_and_the_changelog_grows()
    {
        using var ws = WithNewGasPrice();
        Assert.Equal(0, CliRun.Of("publish", "--content", ws.Content, "--date", "2026-01-05", "--note", "Nieuwe gasprijs").ExitCode);
        var run = CliRun.Of("diff", "--content", ws.Content);
        Assert.Contains("geen veranderingen sinds 2026-01-05", run.Out);
        Assert.Equal(0, CliRun.Of("build", "--content", ws.Content, "--out", ws.Output).ExitCode);
        string page = File.ReadAllText(Path.Combine(ws.Output, "putten", "bijsteren-husselerveld", "wat-is-er-veranderd", "index.html"));
        Assert.Contains("5 januari 2026", page);
        Assert.Contains("Nieuwe gasprijs", page);
        Assert.Contains("13 november 2025", page);
        // A date in another form is a usage error, and nothing is recorded.
        string history = Path.Combine(ws.Content, "putten", "bijsteren-husselerveld", "history.json");
        string recorded = File.ReadAllText(history);
        Assert.Equal(2, CliRun.Of("publish", "--content", ws.Content, "--date", "5-1-2026").ExitCode);
        // So is one after today (residents would read "sinds <that day> niets veranderd"), and one before the last publication.
        string tomorrow = DateOnly.FromDateTime(DateTime.Today).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var future = CliRun.Of("publish", "--content", ws.Content, "--date", tomorrow);
        Assert.Equal(2, future.ExitCode);
        Assert.Contains($"--date {tomorrow} ligt na vandaag", future.Err);
        var earlier = CliRun.Of("publish", "--content", ws.Content, "--date", "2026-01-01");
        Assert.Equal(2, earlier.ExitCode);
        Assert.Contains("ligt voor de laatste publicatie van putten/bijsteren-husselerveld (2026-01-05)", earlier.Err);
        Assert.Equal(recorded, File.ReadAllText(history));
        // A second publication on the same day takes the first one's place, and says so.
        var again = CliRun.Of("publish", "--content", ws.Content, "--date", "2026-01-05", "--note", "Nogmaals");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("publicatie van 2026-01-05 voor putten/bijsteren-husselerveld vervangen", again.Out);
        Assert.Contains("met de notitie 'Nieuwe gasprijs'", again.Out);
        Assert.DoesNotContain("Nieuwe gasprijs", File.ReadAllText(history));
        Assert.Contains("Nogmaals", File.ReadAllText(history));
    }
}
