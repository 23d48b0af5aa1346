using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit.Abstractions;

namespace SiteGen.Rendering.Tests.Plain;

/// <summary>
/// Flesch–Douma, the Dutch adaptation of the Flesch reading ease: 206,835 − 0,93 × (words per sentence) − 77 × (syllables
/// per word). Roughly: 60–70 is plain language (B1), 50–60 fairly hard, below 50 hard.
/// </summary>
/// <remarks>
/// Syllables are counted by hand: every group of vowels (a, e, i, o, u, y and their accented forms) is one syllable,
/// so "ie", "oe", "eu", "ui", "aai", "eeuw" count once; a vowel with a diaeresis ("geïsoleerd") starts a new one; "ij"
/// is one syllable because j is not a vowel. A token without a vowel (a number, "kWh") counts as one word of one
/// syllable. This is the usual approximation; it is close enough to compare pages and to catch a text going hard.
/// Sentences end at . ! or ? followed by a space; every paragraph, list item and description ends one too.
/// </remarks>
public class ReadabilityTests(ITestOutputHelper output)
{
    private const string N = "putten/bijsteren-husselerveld/";

    /// <summary>
    /// The floor for the prose of the overview, dwelling and variant pages (narrative plus the sentences around it),
    /// calibrated on the text after issue 10 (measured 68,7 to 76,2; the lowest are the mini-warmtenet and
    /// lucht-waterwarmtepomp pages, with their tariff and funding-gap paragraphs). 65 leaves room for small edits and
    /// still catches a text drifting from plain (60-70) towards fairly hard (below 60). The assumptions page (about 40)
    /// and the changes page are reference pages of short labels and are reported, not held to the floor.
    /// </summary>
    public const double NarrativeFloor = 65;

    /// <summary>Generated sentences (the "In het kort" points, what each choice needs in the house) stay short.</summary>
    public const double GeneratedMaxWordsPerSentence = 20;

    public sealed record Score(int Sentences, int Words, int Syllables)
    {
        public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;
        public double SyllablesPerWord => Words == 0 ? 0 : (double)Syllables / Words;
        public double FleschDouma => 206.835 - 0.93 * WordsPerSentence - 77 * SyllablesPerWord;
        public static Score operator +(Score a, Score b) => new(a.Sentences + b.Sentences, a.Words + b.Words, a.Syllables + b.Syllables);
    }

    private static readonly Regex Vowels = new(@"[aeiouyáéíóúàèìòùâêîôû]+|[ëïöü]", RegexOptions.IgnoreCase);

    public static int Syllables(string word)
    {
        // A vowel with a diaeresis is its own match, so it starts a syllable: "geïsoleerd" is ge-ï-so-leerd.
        return Math.Max(1, Vowels.Matches(word).Count);
    }

    public static Score Measure(IEnumerable<string> blocks)
    {
        var total = new Score(0, 0, 0);
        foreach (var block in blocks)
        {
            var sentences = Regex.Split(block.Trim(), @"(?<=[.!?])\s+").Where(s => Regex.IsMatch(s, @"\p{L}")).ToList();
            foreach (var s in sentences)
            {
                var words = Regex.Matches(s, @"[\p{L}\p{N}][\p{L}\p{N}'’.,/-]*").Select(m => m.Value.TrimEnd('.', ',')).ToList();
                total += new Score(1, words.Count, words.Sum(Syllables));
            }
        }
        return total;
    }

    /// <summary>Prose of a page's main content: paragraphs, list items and descriptions, not tables, charts or source lines (the lists under a table of the inputs it rests on are reference, not prose).</summary>
    private static List<string> Prose(IHtmlDocument doc) =>
        doc.QuerySelectorAll("main p, main li, main dd")
            .Where(e => e.QuerySelector("p, li, dd") is null && e.Closest(".source") is null && !Sites.InsideAny(e, "table", "figure", "svg", "form", "nav"))
            .Select(e => Sites.Normalise(e.TextContent).Trim()).Where(t => t.Length > 0).ToList();

    /// <summary>
    /// The written text of a page: its prose without the generated parts (key figures, the "In het kort" points,
    /// what each choice needs in the house, the notes under the heat-network figures).
    /// </summary>
    private static List<string> Narrative(IHtmlDocument doc)
    {
        var generated = Generated(doc).ToHashSet();
        var facts = doc.QuerySelectorAll("main dl.key-facts dd").Select(e => Sites.Normalise(e.TextContent).Trim()).ToHashSet();
        return Prose(doc).Where(t => !generated.Contains(t) && !facts.Contains(t)).ToList();
    }

    private static List<string> Generated(IHtmlDocument doc) =>
        doc.QuerySelectorAll("#in-het-kort + ul > li, section[aria-labelledby='in-huis'] dd, section[aria-labelledby='warmtenet'] p.note")
            .Select(e => Sites.Normalise(e.TextContent).Trim()).Where(t => t.Length > 0).ToList();

    [Fact]
    public void The_syllable_counter_follows_Dutch_vowel_groups()
    {
        Assert.Equal(3, Syllables("warmtepomp"));
        Assert.Equal(2, Syllables("huizen"));
        Assert.Equal(1, Syllables("eeuw"));
        Assert.Equal(4, Syllables("geïsoleerd"));
        Assert.Equal(2, Syllables("wijken"));
        Assert.Equal(1, Syllables("2.172"));
        var s = Measure(["De kat zit op de mat. Hij slaapt."]);
        Assert.Equal((2, 8, 8), (s.Sentences, s.Words, s.Syllables));
        Assert.Equal(206.835 - 0.93 * 4 - 77, s.FleschDouma, 6);
    }

    [Fact]
    public void Every_page_s_prose_is_scored_and_narrative_pages_stay_at_B1()
    {
        var low = new List<string>();
        foreach (var page in Sites.Pages(Sites.Putten).Where(p => p.StartsWith(N, StringComparison.Ordinal)))
        {
            var doc = Sites.Page(Sites.Putten, page);
            var all = Measure(Prose(doc));
            var written = Measure(Narrative(doc));
            output.WriteLine($"all prose {all.FleschDouma,5:0.0} ({all.WordsPerSentence:0.0} w/s, {all.SyllablesPerWord:0.00} syl/w, {all.Sentences} sentences); "
                             + $"narrative {written.FleschDouma,5:0.0} ({written.WordsPerSentence:0.0} w/s, {written.SyllablesPerWord:0.00} syl/w, {written.Sentences} sentences)  {page}");
            bool narrativePage = page == N + "index.html" || page.Contains("/woningen/") || page.Contains("/varianten/");
            if (narrativePage && written.FleschDouma < NarrativeFloor) low.Add($"{page}: {written.FleschDouma:0.0}");
        }
        Assert.True(low.Count == 0, $"below the floor of {NarrativeFloor}:\n" + string.Join("\n", low));
    }

    [Fact]
    public void Generated_sentences_stay_short()
    {
        var all = new Score(0, 0, 0);
        foreach (var page in Sites.Pages(Sites.Putten).Where(p => p.Contains("/woningen/") || p.Contains("/varianten/")))
        {
            var score = Measure(Generated(Sites.Page(Sites.Putten, page)));
            if (score.Sentences == 0) continue;
            output.WriteLine($"{score.FleschDouma,6:0.0}  {score.WordsPerSentence,5:0.0} w/s  {score.Sentences,3} generated sentences  {page}");
            all += score;
        }
        Assert.True(all.Sentences > 0);
        output.WriteLine($"all generated: {all.WordsPerSentence:0.0} words per sentence, Flesch–Douma {all.FleschDouma:0.0}");
        Assert.True(all.WordsPerSentence <= GeneratedMaxWordsPerSentence, $"generated sentences average {all.WordsPerSentence:0.0} words");
    }
}
