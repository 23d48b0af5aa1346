using SiteGen.Content.History;
using SiteGen.Rendering.Pages;
using SiteGen.Rendering.Tests.Plain;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>The page of what changed speaks to residents: a value per dwelling names the dwelling and is formatted.</summary>
public class ChangesPageTests
{
    [Fact]
    public void The_example_has_no_changes_since_its_first_publication()
    {
        // Its record of 13 November 2025 was made before the loan, the margins and the participation table were inputs:
        // the page listed 17 of them as changed, "Was: (niet aanwezig)". The record now holds every input, same results.
        var doc = Sites.Page(Sites.Putten, "putten/bijsteren-husselerveld/wat-is-er-veranderd/index.html");
        Assert.Contains("Sinds 13 november 2025 is er niets veranderd.", Sites.Normalise(doc.QuerySelector("main")!.TextContent));
        Assert.Empty(doc.QuerySelectorAll("main table"));
    }

    /// <summary>The example built after one edit of <paramref name="yaml"/> and the removal of <paramref name="unrecorded"/> from its last publication.</summary>
    private static AngleSharp.Html.Dom.IHtmlDocument ChangesAfter(string find, string replace, string unrecorded)
    {
        string content = SiteGen.Content.Tests.RepoPaths.CopyToTemp(SiteGen.Content.Tests.RepoPaths.Content);
        string yaml = Path.Combine(content, "putten", "bijsteren-husselerveld", "neighbourhood.yaml");
        string text = File.ReadAllText(yaml);
        Assert.Contains(find, text);
        File.WriteAllText(yaml, text.Replace(find, replace));
        string history = Path.Combine(content, "putten", "bijsteren-husselerveld", "history.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(history))!;
        Assert.True(json["publications"]![0]!["inputs"]!.AsObject().Remove(unrecorded));
        File.WriteAllText(history, json.ToJsonString());
        var files = BuiltSite.Build(content);
        return Sites.Page(files, "putten/bijsteren-husselerveld/wat-is-er-veranderd/index.html");
    }

    [Fact]
    public void A_value_per_dwelling_names_each_dwelling_and_shows_its_amount_and_a_new_input_is_not_a_change()
    {
        // history.json keeps such a value as "id: value; id: value"; the page showed exactly that.
        var doc = ChangesAfter("tussenwoning-na-2000: 4950}", "tussenwoning-na-2000: 5000}", "loan.max_amount");
        var tables = doc.QuerySelectorAll("main table").ToList();
        // The stated amount is what residents read; the totals keep the study's share, so no result changes.
        Assert.Equal(["Gewijzigde uitgangspunten", "Nieuw in de berekening"],
            tables.Select(t => Sites.Normalise(t.QuerySelector("caption")!.TextContent)).Select(c => c.Split(" (")[0]).ToList());
        var row = Assert.Single(tables[0].QuerySelectorAll("tbody tr"));
        Assert.Contains("warmtepomp (bedrag in de bron)", row.QuerySelector("th")!.TextContent);
        Assert.Equal("Vrijstaande woning van voor 1980: € 5.660; Tussenwoning van 1980 tot 2000: € 5.660; Tussenwoning van na 2000: € 4.950",
            Sites.Normalise(row.QuerySelectorAll("td")[0].TextContent));
        Assert.Equal("Vrijstaande woning van voor 1980: € 5.660; Tussenwoning van 1980 tot 2000: € 5.660; Tussenwoning van na 2000: € 5.000",
            Sites.Normalise(row.QuerySelectorAll("td")[1].TextContent));
        // The input the last publication did not have: its value, not "Was: (niet aanwezig)".
        var added = Assert.Single(tables[1].QuerySelectorAll("tbody tr"));
        Assert.Equal("Hoogste leenbedrag van de Energiebespaarlening", added.QuerySelector("th")!.TextContent);
        Assert.Equal("€ 27.000", Sites.Normalise(added.QuerySelectorAll("td")[0].TextContent));
        Assert.DoesNotContain("niet aanwezig", doc.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void Text_in_another_form_is_shown_as_it_is()
    {
        var names = new Dictionary<string, string> { ["a"] = "Huis A" };
        Assert.Equal($"Huis A: €{SiteGen.Rendering.Formatting.DutchFormat.Space}1.200; €{SiteGen.Rendering.Formatting.DutchFormat.Space}300",
            ChangeView.Value(new PublishedInput("x", null, "a: 1200; 300", "EUR", null, "bron"), id => names[id]));
        Assert.Equal("zie de studie", ChangeView.Value(new PublishedInput("x", null, "zie de studie", "EUR", null, "bron"), id => names[id]));
        Assert.Equal("(niet aanwezig)", ChangeView.Value(null, id => names[id]));
    }
}
