using SiteGen.Rendering.Tests.Plain;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// "Per maand ... volgens de studie" only where the monthly cost is the study's: under the consistent method it is the
/// sum of the items, and a communicator's own neighbourhood read "volgens de studie" on every dwelling page.
/// </summary>
public class MethodWordingTests
{
    private static string MainText(string path) => Sites.Normalise(Sites.Page(Sites.Zonnedal, path).QuerySelector("main")!.TextContent);

    private static string DwellingPage(string neighbourhood) =>
        Sites.Zonnedal.All.Keys.First(k => k.StartsWith($"zonnedal/{neighbourhood}/woningen/", StringComparison.Ordinal) && k.EndsWith(".html", StringComparison.Ordinal));

    [Fact]
    public void The_monthly_cost_is_the_studys_only_under_the_study_method()
    {
        string study = MainText(DwellingPage("de-akkers")), consistent = MainText(DwellingPage("molenkwartier"));
        Assert.Contains("Per maand: het eerste jaar, volgens de studie.", study);
        Assert.Contains("euro per maand, inclusief btw, volgens de studie;", study);
        Assert.Contains("Per maand: het eerste jaar.", consistent);
        Assert.DoesNotContain("volgens de studie", consistent);
    }
}
