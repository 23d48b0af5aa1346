namespace SiteGen.Rendering.Tests.Plain;

/// <summary>"Waar kan ik terecht?", "Wanneer moet ik kiezen?" and the tenants' section: content from help.yaml and timing.md.</summary>
public class HelpTests
{
    private const string Putten = "putten/bijsteren-husselerveld/";

    private static IEnumerable<string> DwellingAndVariantPages(Rendering.Pipeline.SiteFiles files) =>
        Sites.Pages(files).Where(p => p.Contains("/woningen/") || p.Contains("/varianten/"));

    [Fact]
    public void Every_dwelling_and_variant_page_says_where_to_go_with_the_municipality_s_contact()
    {
        foreach (var (site, files) in Sites.Both)
            foreach (var page in DwellingAndVariantPages(files))
            {
                var doc = Sites.Page(files, page);
                var section = doc.QuerySelector("main section.help");
                Assert.True(section is not null, $"{site} {page}: no 'Waar kan ik terecht?'");
                Assert.Equal("Waar kan ik terecht?", section!.QuerySelector("h2")!.TextContent);
                string contact = site == "putten" ? "https://www.putten.nl" : "https://www.zonnedal.example/energieloket";
                Assert.Contains(section.QuerySelectorAll("a"), a => a.GetAttribute("href") == contact);
            }
    }

    [Fact]
    public void Putten_pages_link_to_the_ISDE_at_RVO_and_to_the_Warmtefonds()
    {
        foreach (var page in DwellingAndVariantPages(Sites.Putten))
        {
            var links = Sites.Page(Sites.Putten, page).QuerySelectorAll("main section.help a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Contains(links, h => h.StartsWith("https://www.rvo.nl/", StringComparison.Ordinal) && h.Contains("isde"));
            Assert.Contains(links, h => h.StartsWith("https://www.warmtefonds.nl/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Dwelling_pages_say_when_to_choose_with_the_current_phase_and_no_dates_the_sources_do_not_give()
    {
        foreach (var page in Sites.Pages(Sites.Putten).Where(p => p.Contains("/woningen/")))
        {
            var doc = Sites.Page(Sites.Putten, page);
            var heading = doc.GetElementById("kiezen");
            Assert.NotNull(heading);
            Assert.Equal("Wanneer moet ik kiezen?", heading!.TextContent);
            string text = Sites.Normalise(heading.ParentElement!.TextContent);
            Assert.Contains("cv-ketel toch aan vervanging toe", text);
            Assert.Contains("Bij stap 3 van 5: Beleid en organisatie", text);
            // The study gives no date for the boiler or for a street's turn; 2050 is the national aim it names, 2025 the study.
            foreach (System.Text.RegularExpressions.Match year in System.Text.RegularExpressions.Regex.Matches(text, @"\b(19|20)\d\d\b"))
                Assert.Contains(year.Value, new[] { "2025", "2050" });
        }
    }

    [Fact]
    public void Tenants_read_that_the_landlord_decides_and_that_the_heat_network_subsidy_is_not_for_landlords()
    {
        foreach (var page in DwellingAndVariantPages(Sites.Putten))
        {
            var section = Sites.Page(Sites.Putten, page).GetElementById("huurders")?.ParentElement;
            Assert.True(section is not null, $"{page}: no section for tenants");
            string text = Sites.Normalise(section!.TextContent);
            Assert.Contains("beslist de verhuurder", text);
            Assert.Contains("niet beschikbaar voor verhuurders", text);
            Assert.Contains("Bron: IF Technology (2025), §8.4.2", text);
        }
    }
}
