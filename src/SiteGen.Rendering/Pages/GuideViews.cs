using SiteGen.Content.Model;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Pages;

/// <summary>One term on the glossary page (layouts/glossary.sbn).</summary>
public sealed record GlossaryEntryView(string Id, string Term, string? Full, string Definition, string Source, string? SourceHref);

/// <summary>The markup for one marked use of a term (partials/term.sbn).</summary>
public sealed record TermView(string Text, string Href, string? Full, string Definition);

/// <summary>A link to a place a resident can go next (partials/help.sbn).</summary>
public sealed record HelpLinkView(string Title, string Text, string Href);

/// <summary>"Waar kan ik terecht?": the municipality's contact and the links of help.yaml (partials/help.sbn).</summary>
public sealed record HelpView(string? Municipality, ContactView? Contact, IReadOnlyList<HelpLinkView> Links);

/// <summary>One statement for tenants with its source (partials/tenants.sbn).</summary>
public sealed record TenantStatementView(string Text, string Source, string? SourceHref);

/// <summary>The municipality's current phase in its step plan.</summary>
public sealed record PhaseView(int Number, int Total, string Title, string Plan, string Href);

/// <summary>"Wanneer moet ik kiezen?" on a dwelling page: the neighbourhood's timing.md and the current phase.</summary>
public sealed record TimingView(string Title, SafeHtml Narrative, PhaseView? Phase);

/// <summary>Builds the glossary page and the view models of the help, tenants and timing sections.</summary>
public static class GuideViews
{
    /// <summary>The id a term has on the glossary page.</summary>
    public static string Anchor(GlossaryTerm t) => "begrip-" + t.Id;

    public static IReadOnlyList<GlossaryEntryView> Entries(IReadOnlyList<GlossaryTerm> terms) =>
        terms.OrderBy(t => t.Term, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.IgnoreCase))
            .Select(t => new GlossaryEntryView(Anchor(t), t.Term, t.Full, t.Definition, t.Reference.Text, t.Reference.Address)).ToList();

    /// <summary>The page body with the first use of every term marked by the theme's term partial.</summary>
    public static string MarkTerms(string body, IReadOnlyList<GlossaryTerm> terms, Theme theme, string page, string glossaryPage) =>
        GlossaryMarker.Mark(body, terms, (t, text) =>
            theme.RenderPartial("term", new TermView(text, SitePaths.Relative(page, glossaryPage + "#" + Anchor(t)),
                // The full form explains the abbreviation itself, not another form of the term ("totale kosten" for TCO).
                string.Equals(text, t.Term, StringComparison.Ordinal) ? t.Full : null, t.Definition)));

    public static HelpView Help(Municipality m, ContactView? contact, HelpContent help) =>
        new(m.Name, contact, help.Links.Select(l => new HelpLinkView(l.Title, l.Text, l.Url)).ToList());

    public static IReadOnlyList<TenantStatementView> Tenants(HelpContent help) =>
        help.Tenants.Select(s => new TenantStatementView(s.Text, s.Reference.Text, s.Reference.Address)).ToList();

    public static PhaseView? Phase(Neighbourhood n, IReadOnlyDictionary<string, StepPlan> plans, string page)
    {
        if (n.CurrentPhase is not { } phase || !plans.TryGetValue(phase.Plan, out var plan)) return null;
        int index = plan.Steps.ToList().FindIndex(s => s.Id == phase.Step);
        if (index < 0) return null;
        return new PhaseView(index + 1, plan.Steps.Count, plan.Steps[index].Title, plan.Title, SitePaths.Relative(page, SitePaths.StepPlans(n) + "#plan-" + plan.Id));
    }
}
