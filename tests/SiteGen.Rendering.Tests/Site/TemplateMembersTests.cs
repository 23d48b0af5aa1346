using Scriban;
using Scriban.Runtime;
using SiteGen.Rendering.Charts;
using SiteGen.Rendering.Pages;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// The view models that hand their members to templates themselves (<see cref="ITemplateMembers"/>) must answer exactly
/// what Scriban's own reflection would: the same names, in the same order, with the same values. Otherwise a page would
/// change, or a member added to a record later would be missing from its lookup.
/// </summary>
public sealed class TemplateMembersTests
{
    // One of each, every member set to a value of its own, so a name answered with another member's value shows.
    private static readonly object[] Samples =
    [
        new Link("Gasprijs", "../uitgangspunten/#gas", Current: true, Group: "Prijzen en tarieven"),
        new SourceGroup("Subsidies", [new Link("ISDE", "#isde")]),
        new Cell("€ 12.340", Num: true, Header: false, Href: "varianten/gasketel/", Badge: "goedkoopst", BadgeClass: "badge--cheapest",
            Note: "€ 11.000 tot € 14.000"),
        new Row([new Cell("Gasketel", Header: true)], Class: "is-cheapest", Id: "rij-gasketel"),
        new Table("tco-1", "Totale kosten over 30 jaar", [new Cell("Keuze")], [new Row([new Cell("Gasketel")])],
            [new Link("Gasprijs", "#gas", Group: "Prijzen en tarieven"), new Link("ISDE", "#isde", Group: "Subsidies")], "Afgerond op € 10.",
            ["De studie telt hier anders."]),
        new ChartView("tco-chart-1", "Totale kosten", "euro", "640", "300", "14", "Het laagst is de gasketel.",
            [Bar()], "0", [new ChartPattern("patroon-1", 1, "Aanschaf", "aanschaf")], "Samenvatting"),
        Bar(),
        new ChartWhisker("10", "90", "25", "20", "30"),
    ];

    private static ChartRow Bar() => new("4", "12", "16", ["Gasketel"], "100", "20", "340", "24", true,
        [new ChartSegment(1, "patroon-1", "100", "200")], new ChartBox("100", "20", "340", "24"), "450", "36", false, "€ 12.340",
        new ChartWhisker("300", "380", "32", "28", "36"));

    [Fact]
    public void Every_view_model_that_answers_its_own_members_is_checked_here()
    {
        var answering = typeof(Theme).Assembly.GetTypes().Where(t => typeof(ITemplateMembers).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => t.FullName).Order(StringComparer.Ordinal);
        Assert.Equal(answering, Samples.Select(s => s.GetType().FullName).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void They_answer_what_Scribans_own_accessor_reads()
    {
        var context = new TemplateContext { MemberFilter = Theme.ViewModelOnly, MemberRenamer = StandardMemberRenamer.Default };
        foreach (var sample in Samples)
        {
            string type = sample.GetType().Name;
            var scriban = context.GetMemberAccessor(sample);
            var names = scriban.GetMembers(context, default, sample).ToList();
            Assert.NotEmpty(names);
            Assert.Equal(names, Theme.TemplateMembers(sample.GetType()).Select(m => m.Name));
            foreach (string name in names)
            {
                Assert.True(scriban.TryGetValue(context, default, sample, name, out var expected));
                Assert.True(((ITemplateMembers)sample).TryGetMember(name, out var actual), $"{type} does not answer '{name}'");
                // Equal in depth: a table's source groups are made anew at each read.
                Assert.Equivalent(expected, actual, strict: true);
            }
            Assert.False(((ITemplateMembers)sample).TryGetMember("no_such_member", out _), type);
            Assert.False(((ITemplateMembers)sample).TryGetMember("Text", out _), type); // the C# name is not the template's
        }
    }

    [Fact]
    public void A_template_reads_them_and_an_unknown_member_is_still_an_error()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitegen-members-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "partials"));
            Directory.CreateDirectory(Path.Combine(dir, "layouts"));
            File.WriteAllText(Path.Combine(dir, "partials", "cells" + Theme.Extension),
                "{{ for c in items }}[{{ c.text }}|{{ c.num }}|{{ if c.header }}kop{{ else }}cel{{ end }}|{{ c.badge_class }}]{{ end }}");
            File.WriteAllText(Path.Combine(dir, "partials", "wrong" + Theme.Extension), "{{ for c in items }}{{ c.colour }}{{ end }}");
            var theme = Theme.Load("members", [dir]);
            Assert.Equal("[€ 1 &amp; 2|true|kop|badge--x][b|false|cel|]",
                theme.RenderPartial("cells", new[] { new Cell("€ 1 & 2", Num: true, Header: true, BadgeClass: "badge--x"), new Cell("b") }));
            var e = Assert.Throws<ThemeException>(() => theme.RenderPartial("wrong", new[] { new Cell("a") }));
            Assert.Contains("colour", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
