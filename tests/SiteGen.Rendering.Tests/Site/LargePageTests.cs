using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>Issue 12: a page of a national site (the home page lists 13,500 neighbourhoods) is rendered whole.</summary>
public class LargePageTests
{
    [Fact]
    public void A_render_of_more_than_a_megabyte_is_not_cut_off()
    {
        string dir = Content.Tests.RepoPaths.TempFolder("sitegen-test-");
        Directory.CreateDirectory(Path.Combine(dir, "partials"));
        File.WriteAllText(Path.Combine(dir, "partials", "list.sbn"), "<ul>{{ for i in items }}<li>{{ i }}</li>{{ end }}</ul>");
        var theme = Theme.Load("groot", [dir, Path.Combine(Content.Tests.RepoPaths.Root, "themes", "default")]);
        var items = Enumerable.Range(0, 150_000).Select(i => $"wijk-{i:000000}").ToList();

        string html = theme.RenderPartial("list", items);

        Assert.True(html.Length > 2_000_000, $"{html.Length} characters");
        Assert.EndsWith("<li>wijk-149999</li></ul>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("...", html, StringComparison.Ordinal);
    }
}
