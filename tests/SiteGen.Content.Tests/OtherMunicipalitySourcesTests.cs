using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>
/// A new site starts from a copy of the example's shared files, which cite the Putten study and choices of the municipality
/// of Putten: a communicator's site for Zeewolde showed "Aanname gemeente Putten" as the source of its ranges, with no word
/// from the build. Such a source is a warning (SG024) at its publisher.
/// </summary>
public class OtherMunicipalitySourcesTests
{
    private static List<Diagnostic> Findings(string root) =>
        ContentLoader.Load(root, new DateOnly(2025, 12, 1)).Diagnostics.Items.Where(d => d.Code == Codes.OtherMunicipality).ToList();

    [Fact]
    public void The_example_names_its_own_municipality_only()
    {
        Assert.Empty(Findings(RepoPaths.Content));
    }

    [Fact]
    public void A_site_of_another_municipality_is_warned_at_each_source_of_Putten()
    {
        string root = RepoPaths.CopyToTemp(RepoPaths.Content);
        // What 'sitegen new municipality' writes, in place of the example's municipality.
        Directory.Move(Path.Combine(root, "putten"), Path.Combine(root, "zeewolde"));
        string head = Path.Combine(root, "zeewolde", "municipality.yaml");
        File.WriteAllText(head, File.ReadAllText(head).Replace("name: Gemeente Putten", "name: Gemeente Zeewolde"));

        var found = Findings(root);
        var lines = File.ReadAllLines(Path.Combine(root, "sources.yaml"));
        int Publisher(string id) => Array.FindIndex(lines, Array.IndexOf(lines, id + ":"), l => l.TrimStart().StartsWith("publisher:")) + 1;
        Assert.Equal([("putten-study", Publisher("putten-study")), ("putten-municipality", Publisher("putten-municipality"))],
            found.Select(f => (f.Message.Split('\'')[1], f.Line)).ToList());
        Assert.All(found, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.All(found, f => Assert.Contains("is van of voor de gemeente Putten, maar Putten staat niet op deze site", f.Message));
    }
}
