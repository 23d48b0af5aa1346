using AngleSharp.Html.Parser;
using SiteGen.Rendering.Tests.Plain;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// The pages promise only the step plans a neighbourhood has: a communicator's neighbourhood with only the plan for one's
/// own house read "Wilt u samen met buren een warmtenet? Zie de stappenplannen voor een warmtenet" on every dwelling page,
/// and a page of step plans that announced a plan for a heat network and a marked phase it did not have.
/// </summary>
public sealed class StepPlanPromisesTests : IDisposable
{
    private readonly string _root = BuiltSite.CopyFictional();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Text(SiteGen.Rendering.Pipeline.SiteFiles site, string path) =>
        Sites.Normalise(new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(site.All[path])).QuerySelector("main")!.TextContent);

    [Fact]
    public void A_neighbourhood_with_the_plan_for_ones_own_house_only_promises_no_heat_network_plan()
    {
        string yaml = Path.Combine(_root, "content", "zonnedal", "molenkwartier", "neighbourhood.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("step_plans: [individueel, kleinschalig-warmtenet, gemeente-fasering]", "step_plans: [individueel]"));
        var site = BuiltSite.Build(Path.Combine(_root, "content"), Path.Combine(_root, "themes"));

        var dwellings = site.All.Keys.Where(k => k.StartsWith("zonnedal/molenkwartier/woningen/", StringComparison.Ordinal) && k.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(dwellings);
        foreach (var page in dwellings)
        {
            string text = Text(site, page);
            Assert.Contains("Uw stappenplan", text);
            Assert.DoesNotContain("Wilt u samen met buren een warmtenet?", text);
        }
        Assert.Contains("Stappenplannen voor Molenkwartier (fictief) Wat kunt u zelf doen? Uw eigen route", Text(site, "zonnedal/molenkwartier/stappenplannen/index.html"));

        // De Akkers has a plan for a heat network, and is in one of its steps now.
        Assert.Contains("Wilt u samen met buren een warmtenet? Zie de stappenplannen voor een warmtenet.",
            Text(site, site.All.Keys.First(k => k.StartsWith("zonnedal/de-akkers/woningen/", StringComparison.Ordinal))));
        Assert.Contains("Stappenplannen voor De Akkers (fictief) Wat kunt u zelf doen en hoe start een groep buren een warmtenet? "
            + "De huidige fase van de gemeente is gemarkeerd.", Text(site, "zonnedal/de-akkers/stappenplannen/index.html"));
    }
}
