using System.Text.RegularExpressions;
using SiteGen.Content.Tests;

namespace SiteGen.Rendering.Tests.Plain;

/// <summary>
/// No internal words on public pages: every page of the example and the fictional site is scanned for the names of
/// the tool, its files and its method, parameter ids and English working words. Ids inside links (href) are fine;
/// the open-data page may name its own download files.
/// </summary>
public class InternalWordsTests
{
    /// <summary>The download names the open-data page offers: the only file names a resident may see.</summary>
    private static readonly string[] DownloadNames = ["results.json", "results.csv", "business-cases.json", "calculator.json", "break-even.json", "participation.json"];

    private static Regex ParameterIds()
    {
        var groups = Directory.GetFiles(Path.Combine(RepoPaths.Content, "assumptions"), "*.yaml").Select(Path.GetFileNameWithoutExtension);
        return new Regex($@"\b(?:{string.Join("|", groups)})\.[a-z][a-z0-9_]*\b");
    }

    private static readonly (string What, Regex Pattern)[] Forbidden =
    [
        ("the model notes", new Regex(@"MODEL\.md", RegexOptions.IgnoreCase)),
        ("the tool's name", new Regex(@"SiteGen")),
        ("a content file name", new Regex(@"[\w-]\.(?:ya?ml|md)\b", RegexOptions.IgnoreCase)),
        ("a data file name", new Regex(@"[\w-]\.(?:json|csv)\b", RegexOptions.IgnoreCase)),
        // Also the plain word: above B1 ("klopt niet" says it), and a resident cannot tell it from the method's name.
        ("the method's internal name", new Regex(@"\bconsistent\b", RegexOptions.IgnoreCase)),
        ("a maintainer's instruction", new Regex(@"Zet op 0", RegexOptions.IgnoreCase)),
        ("an English working word", new Regex(@"\b(?:calibration|reconstructie|reconstruction|inferred|placeholder|TODO)\b", RegexOptions.IgnoreCase)),
        ("a dwelling id", new Regex(@"\b[a-z]+(?:-[a-z]+)*-\d{4}(?:-\d{4})?\b")),
        ("a unit as content writes it", new Regex(@"\bEUR\b|/year\b|\b(?:m3|GJ|MWh|kWh)/|\bm3\b")),
    ];

    public static IEnumerable<object[]> Sites() => [["putten"], ["zonnedal"]];

    [Theory]
    [MemberData(nameof(Sites))]
    public void No_page_shows_internal_words(string site)
    {
        var files = site == "putten" ? Plain.Sites.Putten : Plain.Sites.Zonnedal;
        var ids = ParameterIds();
        var hits = new List<string>();
        foreach (var page in Plain.Sites.Pages(files))
        {
            string text = Plain.Sites.VisibleText(Plain.Sites.Page(files, page));
            if (page == "open-data/index.html")
                foreach (var name in DownloadNames) text = text.Replace(name, "");
            foreach (var (what, pattern) in Forbidden.Append(("a parameter id", ids)))
                foreach (Match m in pattern.Matches(text))
                    hits.Add($"{page}: {what}: \"{Context(text, m.Index)}\"");
        }
        Assert.True(hits.Count == 0, $"{hits.Count} internal words on public pages:\n" + string.Join("\n", hits.Take(40)));
    }

    private static string Context(string text, int at)
    {
        int from = Math.Max(0, at - 40), to = Math.Min(text.Length, at + 40);
        return Plain.Sites.Normalise(text[from..to]);
    }

    [Fact]
    public void The_scan_finds_what_it_looks_for()
    {
        string[] bad = ["zie MODEL.md §4.6", "SiteGen-reconstructie", "uit neighbourhood.yaml", "methode 'consistent'", "Tabel 6.2 is niet consistent.", "Zet op 0 om", "basis: calibration",
            "60.000 EUR/year-income", "1.400 m3 per jaar", "vrijstaand-voor-1980: 5660", "tussenwoning-1980-2000: 5660"];
        foreach (var text in bad) Assert.Contains(Forbidden, f => f.Pattern.IsMatch(text));
        Assert.Matches(ParameterIds(), "tarief heat_tariffs.variable");
        Assert.Matches(ParameterIds(), "de gasprijs (energy.gas_price)");
        Assert.DoesNotMatch(ParameterIds(), "Een bedrag van 1.200 euro.");
    }
}
