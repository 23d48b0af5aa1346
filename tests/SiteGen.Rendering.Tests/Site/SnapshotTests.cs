using SiteGen.Content.Tests;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// Approved golden HTML of a dwelling page and a variant page. A change in the output fails these tests until
/// it is approved on purpose: SITEGEN_APPROVE=1 dotnet test tests/SiteGen.Rendering.Tests --filter SnapshotTests
/// rewrites the files under Snapshots/, and the diff is reviewed in version control.
/// </summary>
public class SnapshotTests
{
    public static IEnumerable<object[]> Pages() =>
    [
        ["dwelling-vrijstaand-voor-1980.html", "putten/bijsteren-husselerveld/woningen/vrijstaand-voor-1980/index.html"],
        ["variant-mini-collectief.html", "putten/bijsteren-husselerveld/varianten/mini-collectief/index.html"],
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_matches_its_approved_snapshot(string snapshot, string page)
    {
        string path = Path.Combine(RepoPaths.Root, "tests", "SiteGen.Rendering.Tests", "Snapshots", snapshot);
        string actual = BuiltSite.Text(page);
        if (Environment.GetEnvironmentVariable("SITEGEN_APPROVE") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no approved snapshot {snapshot}; approve with SITEGEN_APPROVE=1 (see class comment)");
        string approved = File.ReadAllText(path);
        if (approved == actual) return;
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        int line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        Assert.Fail($"{page} differs from Snapshots/{snapshot} at line {line + 1}:\n approved: {(line < a.Length ? a[line] : "<end>")}\n actual:   {(line < b.Length ? b[line] : "<end>")}\n"
                    + "If the change is intended, approve it: SITEGEN_APPROVE=1 dotnet test tests/SiteGen.Rendering.Tests --filter SnapshotTests");
    }
}
