using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>The glossary, help and timing content kinds: what Putten ships, and mistakes found at their line.</summary>
public class GuideContentTests
{
    [Fact]
    public void Putten_ships_a_sourced_glossary_help_links_tenants_and_a_timing_text()
    {
        var (content, diag) = ContentLoader.Load(RepoPaths.Content, new DateOnly(2025, 12, 1));
        Assert.True(content is not null, string.Join("\n", diag.Sorted()));
        var putten = content!.Municipalities.Single(m => m.Id == "putten");
        Assert.True(putten.Glossary.Count >= 16);
        Assert.All(putten.Glossary, t => Assert.False(string.IsNullOrWhiteSpace(t.Reference.Ref)));
        Assert.Contains(putten.Glossary, t => t is { Term: "WEQ", Full: "woningequivalent" });
        Assert.Equal(["isde", "warmtefonds"], content.Help.Links.Select(l => l.Id));
        Assert.Contains(content.Help.Tenants, s => s.Text.Contains("niet beschikbaar voor verhuurders") && s.Reference.Ref == "§8.4.2");
        Assert.NotNull(content.Neighbourhoods.Single().Timing);
    }

    [Fact]
    public void A_municipality_term_replaces_the_shared_one_with_the_same_id()
    {
        var (content, diag) = ContentLoader.Load(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"), new DateOnly(2025, 12, 1));
        Assert.True(content is not null, string.Join("\n", diag.Sorted()));
        var terms = content!.Municipalities.Single().Glossary;
        Assert.Single(terms, t => t.Id == "warmtenet");
        Assert.Contains("Zonnedal", terms.Single(t => t.Id == "warmtenet").Definition);
        Assert.Contains(terms, t => t.Id == "isde");
        Assert.Contains(terms, t => t.Id == "buurtwarmtenet");
    }

    [Fact]
    public void Mistakes_in_a_glossary_and_in_help_yaml_are_reported_at_their_line()
    {
        string root = RepoPaths.CopyToTemp(RepoPaths.Content);
        File.WriteAllText(Path.Combine(root, "putten", "glossary.yaml"), """
            warmtenet:
              term: warmtenet
              definitoin: Een typfout.
              source: putten-study
              ref: "§4.2"
            gj:
              term: GJ
              definition: Zonder bron.
            Fout-ID:
              term: fout
              definition: Geen geldige id.
              source: putten-study
              ref: "§1"
            """);
        File.WriteAllText(Path.Combine(root, "help.yaml"), """
            links:
              - id: isde
                title: ISDE
                text: Subsidie.
                url: javascript:alert(1)
            """);
        var (content, diag) = ContentLoader.Load(root, new DateOnly(2025, 12, 1));
        Assert.Null(content);
        var items = diag.Items.ToList();
        Assert.Contains(items, d => d.Path.EndsWith("putten/glossary.yaml") && d is { Line: 3, Code: Codes.UnknownKey });
        Assert.Contains(items, d => d.Path.EndsWith("putten/glossary.yaml") && d is { Line: 7, Code: Codes.MissingSource } || d.Path.EndsWith("putten/glossary.yaml") && d is { Line: 6 or 7, Code: Codes.MissingKey });
        Assert.Contains(items, d => d.Path.EndsWith("putten/glossary.yaml") && d.Line == 9);
        Assert.Contains(items, d => d.Path.EndsWith("help.yaml") && d is { Line: 5 } && (d.Code == Codes.UnsafeLink || d.Code == Codes.WrongType));
    }
}
