using System.Text;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// The common assumptions' tables are drawn once per build (partial_cached on one object per group and date): a page
/// must read as it did when every table was drawn for it, and a neighbourhood's own values must stay its own.
/// </summary>
public sealed class CachedPartialTests : IDisposable
{
    private readonly string _root = BuiltSite.CopyFictional();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Page(Pipeline.SiteFiles site, string path) => Encoding.UTF8.GetString(site.Read(path));

    private static string Section(string page, string id)
    {
        int start = page.IndexOf($"<section aria-labelledby=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, id);
        return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_assumptions_pages_are_what_a_table_drawn_for_each_page_gives_and_an_override_stays_with_its_neighbourhood()
    {
        string themes = Path.Combine(_root, "themes");
        var cached = BuiltSite.Build(Path.Combine(_root, "content"), themes);
        // The same layout with the plain partial: every table drawn for its page.
        string layout = Path.Combine(themes, "default", "layouts", "assumptions.sbn");
        string text = File.ReadAllText(layout);
        Assert.Contains("partial_cached \"table\" t", text, StringComparison.Ordinal);
        File.WriteAllText(layout, text.Replace("partial_cached \"table\" t", "partial \"table\" t", StringComparison.Ordinal));
        var drawn = BuiltSite.Build(Path.Combine(_root, "content"), themes);

        const string akkers = "zonnedal/de-akkers/uitgangspunten/index.html", molen = "zonnedal/molenkwartier/uitgangspunten/index.html";
        foreach (var path in new[] { akkers, molen }) Assert.Equal(Page(drawn, path), Page(cached, path));

        // De Akkers' own electricity price is on its page only; the tables it does not override are the same on both.
        string own = Section(Page(cached, akkers), "gedeeld"), other = Section(Page(cached, molen), "gedeeld");
        Assert.Contains("Aangepast voor deze wijk", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Aangepast voor deze wijk", other, StringComparison.Ordinal);
        Assert.NotEqual(own, other);
        string Table(string section, int index) =>
            section.Split("<div class=\"table-scroll\"", StringSplitOptions.None)[index];
        int tables = own.Split("<div class=\"table-scroll\"").Length;
        Assert.True(tables > 3, own);
        Assert.Contains(Enumerable.Range(1, tables - 1), i => Table(own, i) == Table(other, i));
    }
}
