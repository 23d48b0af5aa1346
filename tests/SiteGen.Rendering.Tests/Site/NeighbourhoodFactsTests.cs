using SiteGen.Rendering.Tests.Plain;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// The neighbourhood's facts at the precision their content asks for (<c>decimals</c>): a review of the first release
/// called "45,45%" false precision. The page of assumptions keeps the exact figure.
/// </summary>
public class NeighbourhoodFactsTests
{
    [Fact]
    public void Facts_are_shown_with_the_decimals_their_content_gives()
    {
        var doc = Sites.Page(Sites.Putten, "putten/bijsteren-husselerveld/index.html");
        var facts = doc.QuerySelectorAll("dl.key-facts > div")
            .ToDictionary(d => Sites.Normalise(d.QuerySelector("dt")!.TextContent).Trim(), d => Sites.Normalise(d.QuerySelector("dd")!.TextContent).Trim());
        Assert.Equal("45%", facts["Objecten met label A of beter"]); // 0.4545, no decimals given
        Assert.Equal("45%", facts["Objecten zonder bekend energielabel"]); // 0.4457
        Assert.Equal("8,27 MWh per jaar", facts["Gemiddelde warmtevraag per woning"]); // decimals: 2
        Assert.Equal("2.172 objecten", facts["Verblijfsobjecten in de wijk"]);

        var zonnedal = Sites.Page(Sites.Zonnedal, "zonnedal/de-akkers/index.html");
        Assert.Contains("9,4 MWh per jaar", Sites.Normalise(zonnedal.QuerySelector("dl.key-facts")!.TextContent)); // decimals: 1

        string assumptions = Sites.Normalise(Sites.Page(Sites.Putten, "putten/bijsteren-husselerveld/uitgangspunten/index.html").Body!.TextContent);
        Assert.Contains("45,45%", assumptions);
    }

    [Theory]
    [InlineData("vrijstaand-voor-1980", "F (huizen zoals dit: D, E, F of G)")]
    [InlineData("tussenwoning-1980-2000", "D")]
    [InlineData("tussenwoning-na-2000", "B (huizen zoals dit: A of B)")]
    public void A_dwelling_page_names_the_label_its_calculator_starts_from(string dwelling, string expected)
    {
        // "Energielabel D, E, F, G" stood above a calculator that said "Zoals het voorbeeldhuis (label F)".
        var doc = Sites.Page(Sites.Putten, $"putten/bijsteren-husselerveld/woningen/{dwelling}/index.html");
        var facts = doc.QuerySelectorAll("dl.key-facts > div")
            .ToDictionary(d => Sites.Normalise(d.QuerySelector("dt")!.TextContent).Trim(), d => Sites.Normalise(d.QuerySelector("dd")!.TextContent).Trim());
        Assert.Equal(expected, facts["Energielabel"]);
        string start = doc.QuerySelector("#calc-label option[value='']")!.TextContent;
        Assert.Equal($"Zoals het voorbeeldhuis (label {expected[0]})", start);
    }
}
