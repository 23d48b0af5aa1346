using AngleSharp.Html.Parser;
using SiteGen.Rendering.Pages;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// A long list of cards (a country's municipalities, a city's neighbourhoods) is grouped by first letter with the letters
/// to jump to on top; a list of a few screens stays a plain list.
/// </summary>
public sealed class LetterIndexTests : IDisposable
{
    private readonly string _root;

    public LetterIndexTests() => _root = BuiltSite.CopyFictional();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Content => Path.Combine(_root, "content");
    private string Themes => Path.Combine(_root, "themes");

    private static Card CardFor(string slug) => new(slug, "", slug + "/");

    [Fact]
    public void Cards_are_grouped_by_the_first_letter_of_their_folder_from_a_long_list_on()
    {
        var slugs = Enumerable.Range(0, CardLetter.From - 1).Select(i => $"b-{i:00}").ToList();
        Assert.Empty(CardLetter.Group(slugs.Select(s => (s, CardFor(s))).ToList()));

        // Digits first, then the letters in order; each letter's cards in the order they came.
        slugs.AddRange(["zuid", "3-hoven", "de-akkers", "abdij", "Aa"]);
        var groups = CardLetter.Group(slugs.Select(s => (s, CardFor(s))).ToList());
        Assert.Equal(["0-9", "A", "B", "D", "Z"], groups.Select(g => g.Letter));
        Assert.Equal(["letter-0-9", "letter-a", "letter-b", "letter-d", "letter-z"], groups.Select(g => g.Id));
        Assert.Equal(["abdij", "Aa"], groups[1].Cards.Select(c => c.Title));
        Assert.Equal(slugs.Where(s => s.StartsWith("b-", StringComparison.Ordinal)), groups[2].Cards.Select(c => c.Title));
        Assert.Equal(slugs.Count, groups.Sum(g => g.Cards.Count));
    }

    /// <summary>Zonnedal with this many more neighbourhoods, copies of De Akkers named after places A to Z.</summary>
    private void AddNeighbourhoods(int count)
    {
        string from = Path.Combine(Content, "zonnedal", "de-akkers");
        for (int i = 0; i < count; i++)
        {
            string name = $"{(char)('A' + i % 26)}wijk {i}";
            string to = Path.Combine(Content, "zonnedal", name.ToLowerInvariant().Replace(' ', '-'));
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                string dest = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                File.Copy(file, dest);
            }
            string yaml = Path.Combine(to, "neighbourhood.yaml");
            File.WriteAllLines(yaml, File.ReadAllLines(yaml).Select(l => l.StartsWith("name:", StringComparison.Ordinal) ? $"name: {name} (fictief)" : l));
        }
    }

    [Fact]
    public void A_municipality_of_many_neighbourhoods_lists_them_by_letter_and_every_letter_leads_to_its_cards()
    {
        AddNeighbourhoods(26); // A to Z: more than CardLetter.From
        var files = BuiltSite.Build(Content, Themes); // fails on a broken link or anchor: every letter's target exists

        var doc = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(files.All["index.html"]));
        var letters = doc.QuerySelectorAll("nav.letter-index a").Select(a => (a.TextContent, a.GetAttribute("href")!)).ToList();
        Assert.Equal(Enumerable.Range(0, 26).Select(i => ($"{(char)('A' + i)}", $"#letter-{(char)('a' + i)}")), letters);
        Assert.Equal("Kies een letter", doc.QuerySelector("nav.letter-index")!.GetAttribute("aria-label"));
        // Each letter's heading is the anchor, its cards follow it; every neighbourhood has its card once, De Akkers under D.
        var groups = doc.QuerySelectorAll("section.letter-group").ToList();
        Assert.Equal(letters.Select(l => l.Item2[1..]), groups.Select(g => g.QuerySelector("h3")!.Id!));
        Assert.Equal(26 + 2, groups.Sum(g => g.QuerySelectorAll(".card h4 a").Length));
        Assert.Contains("De Akkers (fictief)", groups[3].QuerySelectorAll(".card h4 a").Select(a => a.TextContent));
        Assert.All(groups, g => Assert.Equal("#letters", g.QuerySelector(".letter-group__back a")!.GetAttribute("href")));
        Assert.All(groups.SelectMany(g => g.QuerySelectorAll(".card h4 a")), a => Assert.True(files.Contains($"{a.GetAttribute("href")}index.html")));
    }

    [Fact]
    public void On_a_site_of_several_municipalities_the_page_of_a_large_one_lists_by_letter_and_a_small_one_does_not()
    {
        AddNeighbourhoods(26); // A to Z: more than CardLetter.From
        string second = Path.Combine(Content, "zonnewijk");
        Directory.CreateDirectory(second);
        foreach (var file in Directory.GetFiles(Path.Combine(Content, "zonnedal"), "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(Path.Combine(Content, "zonnedal"), f).Contains("wijk-", StringComparison.Ordinal)))
        {
            string dest = Path.Combine(second, Path.GetRelativePath(Path.Combine(Content, "zonnedal"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        string yaml = Path.Combine(second, "municipality.yaml");
        File.WriteAllLines(yaml, File.ReadAllLines(yaml).Where(l => !l.StartsWith("logo:", StringComparison.Ordinal))
            .Select(l => l.StartsWith("name:", StringComparison.Ordinal) ? "name: \"Gemeente Zonnewijk (fictief voorbeeld)\"" : l));
        var files = BuiltSite.Build(Content, Themes);

        string Page(string path) => System.Text.Encoding.UTF8.GetString(files.All[path]);
        Assert.Equal(26, new HtmlParser().ParseDocument(Page("zonnedal/index.html")).QuerySelectorAll("nav.letter-index a").Length);
        // Two municipalities and Zonnewijk's two neighbourhoods: plain lists, as before.
        foreach (var page in new[] { "index.html", "zonnewijk/index.html" })
        {
            var doc = new HtmlParser().ParseDocument(Page(page));
            Assert.Null(doc.QuerySelector("nav.letter-index"));
            Assert.Equal(2, doc.QuerySelectorAll("main .card h3 a").Length);
        }
    }
}
