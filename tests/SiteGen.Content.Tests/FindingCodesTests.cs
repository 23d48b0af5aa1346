using System.Reflection;
using SiteGen.Content.Diagnostics;

namespace SiteGen.Content.Tests;

/// <summary>The README's table of finding codes is the one a communicator looks a code up in: it lists every code, once.</summary>
public class FindingCodesTests
{
    [Fact]
    public void The_readme_lists_every_finding_code_once_and_no_other()
    {
        var codes = typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).Order().ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var rows = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\| (SG\d{3}) \|")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(codes, rows);
    }
}
