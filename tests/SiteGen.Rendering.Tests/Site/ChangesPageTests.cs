using SiteGen.Content.History;
using SiteGen.Rendering.Pages;
using SiteGen.Rendering.Tests.Plain;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>The page of what changed speaks to residents: a value per dwelling names the dwelling and is formatted.</summary>
public class ChangesPageTests
{
    [Fact]
    public void A_value_per_dwelling_names_each_dwelling_and_shows_its_amount()
    {
        // history.json keeps such a value as "id: value; id: value"; the page showed exactly that.
        var doc = Sites.Page(Sites.Putten, "putten/bijsteren-husselerveld/wat-is-er-veranderd/index.html");
        var row = doc.QuerySelectorAll("table tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent.Contains("warmtepomp (bedrag in de bron)") && tr.TextContent.Contains("4.950"));
        string now = Sites.Normalise(row.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal("Vrijstaande woning van voor 1980: € 5.660; Tussenwoning van 1980 tot 2000: € 5.660; Tussenwoning van na 2000: € 4.950", now);
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
