using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Pages;

// View models: everything a template shows, already computed and formatted. Templates only display.

public sealed record Link(string Text, string Href, bool Current = false, string? Group = null) : ITemplateMembers
{
    public bool TryGetMember(string name, out object? value)
    {
        value = name switch { "text" => Text, "href" => Href, "current" => Member.Of(Current), "group" => Group, _ => Member.Unknown };
        return Member.Found(value);
    }
}

/// <summary>The inputs a table rests on, under one heading ("Prijzen en tarieven", "Subsidies"...).</summary>
public sealed record SourceGroup(string Title, IReadOnlyList<Link> Links) : ITemplateMembers
{
    public bool TryGetMember(string name, out object? value)
    {
        value = name switch { "title" => Title, "links" => Links, _ => Member.Unknown };
        return Member.Found(value);
    }
}

public sealed record Cell(string Text, bool Num = false, bool Header = false, string? Href = null, string? Badge = null, string? BadgeClass = null, string? Note = null)
    : ITemplateMembers
{
    public bool TryGetMember(string name, out object? value)
    {
        value = name switch
        {
            "text" => Text, "num" => Member.Of(Num), "header" => Member.Of(Header), "href" => Href, "badge" => Badge,
            "badge_class" => BadgeClass, "note" => Note, _ => Member.Unknown,
        };
        return Member.Found(value);
    }
}

public sealed record Row(IReadOnlyList<Cell> Cells, string? Class = null, string? Id = null) : ITemplateMembers
{
    public bool TryGetMember(string name, out object? value)
    {
        value = name switch { "cells" => Cells, "class" => Class, "id" => Id, _ => Member.Unknown };
        return Member.Found(value);
    }
}

/// <summary>A data table: caption, column headers, rows, and the inputs its figures rest on.</summary>
/// <param name="Explanations">Plain sentences shown with the sources: where the study's bookkeeping differs from the items shown.</param>
public sealed record Table(string Id, string Caption, IReadOnlyList<Cell> Headers, IReadOnlyList<Row> Rows, IReadOnlyList<Link> Sources, string? Note = null,
    IReadOnlyList<string>? Explanations = null) : ITemplateMembers
{
    public IReadOnlyList<string> Explanations { get; init; } = Explanations ?? [];

    public bool TryGetMember(string name, out object? value)
    {
        value = name switch
        {
            "id" => Id, "caption" => Caption, "headers" => Headers, "rows" => Rows, "sources" => Sources, "note" => Note,
            "explanations" => Explanations, "source_groups" => SourceGroups, _ => Member.Unknown,
        };
        return Member.Found(value);
    }

    /// <summary>The sources by kind, in the order of their first appearance; links without a group come last.</summary>
    public IReadOnlyList<SourceGroup> SourceGroups
    {
        get
        {
            // A loop over the few groups a table has, not GroupBy: every table's partial reads this (0.6% of a large build).
            var groups = new List<SourceGroup>();
            foreach (var link in Sources)
            {
                string title = link.Group ?? "Overige uitgangspunten";
                SourceGroup? group = null;
                foreach (var g in groups)
                    if (g.Title == title) { group = g; break; }
                if (group is null) groups.Add(group = new SourceGroup(title, new List<Link>()));
                ((List<Link>)group.Links).Add(link);
            }
            return groups;
        }
    }
}

public sealed record Fact(string Term, string Value, string? Href = null);

public sealed record StepView(int Number, string Title, SafeHtml TextHtml, string? Duration, bool Current);

public sealed record StepPlanView(string Id, string Title, string Summary, string? Duration, string Source, IReadOnlyList<StepView> Steps, bool HasCurrent);

public sealed record Card(string Title, string Text, string Href);

/// <summary>
/// The cards of a long list (a country's municipalities, a city's neighbourhoods) that start with one letter, so a
/// resident on a phone can jump to theirs instead of scrolling past hundreds of cards (<c>partials/card-index.sbn</c>).
/// </summary>
/// <param name="Letter">"A" to "Z", or "0-9" for what starts with a digit.</param>
/// <param name="Id">The group's anchor on the page: "letter-a", "letter-0-9".</param>
public sealed record CardLetter(string Letter, string Id, IReadOnlyList<Card> Cards)
{
    /// <summary>A list of this many cards or more is grouped; a shorter one fits a few screens and stays a plain list.</summary>
    public const int From = 25;

    /// <summary>
    /// The cards grouped by the first letter of their folder name (a slug: "de-akkers", "s-hertogenbosch"), letters in
    /// order, digits first; the cards keep their order within a letter. Empty for a list shorter than <see cref="From"/>.
    /// </summary>
    public static IReadOnlyList<CardLetter> Group(IReadOnlyList<(string Slug, Card Card)> cards)
    {
        if (cards.Count < From) return [];
        return cards.GroupBy(c => LetterOf(c.Slug))
            .OrderBy(g => g.Key, StringComparer.Ordinal) // "0-9" sorts before "A"
            .Select(g => new CardLetter(g.Key, "letter-" + g.Key.ToLowerInvariant(), g.Select(c => c.Card).ToList()))
            .ToList();
    }

    private static string LetterOf(string slug) =>
        slug.Length > 0 && char.IsAsciiLetter(slug[0]) ? char.ToUpperInvariant(slug[0]).ToString() : "0-9";
}

/// <summary>The site header: the name (or the municipality's logo) linking home.</summary>
/// <param name="AssetsHref">The theme's published assets folder from this page, ending in '/': a theme's own image is
/// <c>{{ assets_href }}wapen.svg</c>.</param>
public sealed record HeaderView(string SiteName, string HomeHref, string? LogoHref, string? LogoAlt, string AssetsHref = "");

/// <summary>The footer: who publishes, where the figures come from, and the municipality's own links.</summary>
public sealed record FooterView(string? Municipality, string? Neighbourhood, string? AssumptionsHref, IReadOnlyList<Link> Links, ContactView? Contact,
    string AssetsHref = "");

/// <summary>Where a resident can ask: the municipality's energieloket or contact.</summary>
public sealed record ContactView(string Name, string? Href, string? Phone, string? PhoneHref);

/// <summary>What the base layout needs around a page body.</summary>
public sealed record LayoutModel(
    string Title,
    string SiteName,
    string FaviconHref,
    string TokensCssHref,
    string? HouseStyleCssHref,
    string CssHref,
    string PrintCssHref,
    HeaderView Header,
    IReadOnlyList<Link> Breadcrumbs,
    IReadOnlyList<Link> Nav,
    object Body, // SafeHtml, or the page's layout drawn in place (LayoutBody)
    FooterView Footer,
    bool Concept = false, // scaffold placeholders affect this page: base layout shows the "concept" banner
    string AssetsHref = ""); // the theme's published assets folder from this page, ending in '/'

/// <summary>A computed figure inside narrative text, linked to the page that explains it.</summary>
public sealed record InlineValueView(string Text, string Href);
