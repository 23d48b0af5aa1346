using System.Text.Json;
using SiteGen.Rendering.Formatting;
using SiteGen.Rendering.Pages;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>The break-even sentences on every dwelling page (shown without JavaScript) say what data/break-even.json says.</summary>
public sealed class BreakEvenSentenceTests
{
    [Fact]
    public void Every_dwelling_page_states_the_break_even_of_data_break_even_json()
    {
        using var json = JsonDocument.Parse(BuiltSite.Files.All["data/break-even.json"]);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        int pages = 0, sentences = 0;
        foreach (var group in rows.GroupBy(r => (N: r.GetProperty("neighbourhood").GetString()!, D: r.GetProperty("dwelling").GetString()!)))
        {
            string path = $"{group.Key.N}/woningen/{group.Key.D}/index.html";
            var page = BuiltSite.Page(path);
            pages++;
            var section = page.QuerySelector("section.break-even");
            Assert.True(section is not null, $"{path} has no break-even section");
            var items = section!.QuerySelectorAll("li[data-variant]").ToDictionary(li => li.GetAttribute("data-variant")!, li => li.TextContent);
            var within = group.Where(r => r.GetProperty("break_even_gas_m3_per_year").ValueKind == JsonValueKind.Number).ToList();
            Assert.Equal(within.Select(r => r.GetProperty("variant").GetString()!).Order(), items.Keys.Order());
            foreach (var r in within)
            {
                string variant = r.GetProperty("variant").GetString()!;
                string name = page.QuerySelector($"tr[data-variant='{variant}'] th")!.TextContent;
                string expected = $"Gebruikt u meer dan {DutchFormat.Number(r.GetProperty("break_even_gas_m3_per_year").GetDecimal())}\u00A0m³ gas per jaar, "
                    + $"dan is een {CalculatorViews.MidSentence(name)} over 30 jaar goedkoper dan een gasketel.";
                Assert.Equal(expected, items[variant]);
                sentences++;
            }
            if (within.Count == 0)
                Assert.False(string.IsNullOrWhiteSpace(section.QuerySelector(".break-even__none")?.TextContent), $"{path}: no sentence for 'no break-even'");
            else
                Assert.Null(section.QuerySelector(".break-even__none"));
        }
        Assert.True(pages >= 3 && sentences > 0, $"{pages} pages, {sentences} sentences");
    }
}
