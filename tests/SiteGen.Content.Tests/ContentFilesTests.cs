using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;
using SiteGen.Content.Model;

namespace SiteGen.Content.Tests;

/// <summary>Issue 8: images and documents of a narrative in a neighbourhood's bestanden/ folder.</summary>
public class ContentFilesTests
{
    private static readonly ContentFile[] Files = [new("kaart.png", "/x/kaart.png", "x/kaart.png"), new("rapport.pdf", "/x/rapport.pdf", "x/rapport.pdf")];

    [Theory]
    [InlineData("bestanden/kaart.png", "", "bestanden/kaart.png")]
    [InlineData("./bestanden/rapport.pdf#page=3", "", "bestanden/rapport.pdf")]
    [InlineData("../bestanden/kaart.png", "dwellings", "bestanden/kaart.png")]
    [InlineData("../bestanden/rapport.pdf", "variants", "bestanden/rapport.pdf")]
    [InlineData("../variants/../bestanden/kaart.png", "dwellings", "bestanden/kaart.png")]
    public void A_link_is_resolved_against_the_folder_of_its_Markdown_file(string url, string folder, string expected)
    {
        var (target, error) = ContentFiles.Resolve(url, folder, Files);
        Assert.Null(error);
        Assert.Equal(expected, target);
    }

    [Theory]
    [InlineData("../../andere-wijk/bestanden/x.png", "dwellings", "wijst buiten de map van deze wijk")]
    [InlineData("../bestanden/kaart.png", "", "wijst buiten de map van deze wijk")]
    [InlineData("bestanden/kaart.png", "dwellings", "is geen bestand in de map bestanden/ van deze wijk")]
    [InlineData("../bestanden/ontbreekt.png", "variants", "daarin staan: kaart.png, rapport.pdf")]
    [InlineData("bestanden/Kaart.png", "", "het bestand heet 'kaart.png'")]
    [InlineData("../variants/gasketel.md", "dwellings", "is geen bestand in de map bestanden/ van deze wijk")]
    public void A_link_to_a_missing_file_or_out_of_the_neighbourhood_says_why(string url, string folder, string fragment)
    {
        var (target, error) = ContentFiles.Resolve(url, folder, Files);
        Assert.Null(target);
        Assert.Contains(fragment, error);
    }

    [Fact]
    public void The_fictional_fixture_has_a_map_and_a_report_that_its_narratives_link()
    {
        var (content, diag) = ContentLoader.Load(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"), Putten.BuildDate);
        Assert.True(content is not null, string.Join("\n", diag.Items));
        var n = content.Neighbourhoods.Single(x => x.Id == "zonnedal/de-akkers");
        Assert.Equal(["kaart-de-akkers.svg", "rapport-de-akkers.pdf"], n.Files.Select(f => f.Name));
        Assert.Equal("bestanden/kaart-de-akkers.svg", n.Index!.LocalLinks["bestanden/kaart-de-akkers.svg"]);
        Assert.Equal("bestanden/kaart-de-akkers.svg", n.Dwelling("rijwoning-1965").Narrative!.LocalLinks["../bestanden/kaart-de-akkers.svg"]);
        Assert.Equal("bestanden/rapport-de-akkers.pdf", n.Variant("buurtwarmtenet").Narrative!.LocalLinks["../bestanden/rapport-de-akkers.pdf#page=1"]);
        Assert.DoesNotContain(diag.Items, d => d.Code == Codes.FileSystem);
    }

    [Fact]
    public void Every_file_in_bestanden_is_checked_and_a_large_image_is_a_warning()
    {
        string root = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"));
        string dir = Path.Combine(root, "zonnedal", "de-akkers", "bestanden");
        byte[] png = Convert.FromHexString("89504E470D0A1A0A");
        File.WriteAllBytes(Path.Combine(dir, "groot.png"), [.. png, .. new byte[3 * 1024 * 1024]]);
        File.WriteAllText(Path.Combine(dir, "notities.docx"), "geen plaatje");
        File.WriteAllText(Path.Combine(dir, "nep.pdf"), "<html>");
        File.WriteAllText(Path.Combine(dir, "eng.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onload=\"alert(1)\"/></svg>");
        File.WriteAllBytes(Path.Combine(dir, "foto wijk.png"), png);
        File.WriteAllText(Path.Combine(dir, ".DS_Store"), "ignored");
        var diag = new DiagnosticBag();
        var files = ContentFiles.Read(root, Path.Combine(root, "zonnedal", "de-akkers"), "zonnedal/de-akkers", diag);
        Assert.Equal(["groot.png", "kaart-de-akkers.svg", "rapport-de-akkers.pdf"], files.Select(f => f.Name));
        string Message(string name, Severity severity) =>
            Assert.Single(diag.Items, d => d.Path.EndsWith("bestanden/" + name, StringComparison.Ordinal) && d.Severity == severity).Message;
        Assert.Contains("3 MB", Message("groot.png", Severity.Warning));
        Assert.Contains("mogen png, jpg, jpeg, webp, svg (afbeeldingen) en pdf (documenten)", Message("notities.docx", Severity.Error));
        Assert.Contains("is geen PDF-bestand", Message("nep.pdf", Severity.Error));
        Assert.Contains("onload=", Message("eng.svg", Severity.Error));
        Assert.Contains("'foto-wijk.png'", Message("foto wijk.png", Severity.Error));
        Assert.All(diag.Items, d => Assert.Equal(Codes.FileSystem, d.Code));
        Assert.Equal(5, diag.Items.Count);
    }
}
