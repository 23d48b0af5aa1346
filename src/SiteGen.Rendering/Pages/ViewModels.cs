namespace SiteGen.Rendering.Pages;

// View models: everything a template shows, already computed and formatted. Templates only display.

public sealed record Link(string Text, string Href, bool Current = false);

public sealed record Cell(string Text, bool Num = false, bool Header = false, string? Href = null, string? Badge = null, string? BadgeClass = null, string? Note = null);

public sealed record Row(IReadOnlyList<Cell> Cells, string? Class = null, string? Id = null);

/// <summary>A data table: caption, column headers, rows, and the inputs its figures rest on.</summary>
public sealed record Table(string Id, string Caption, IReadOnlyList<Cell> Headers, IReadOnlyList<Row> Rows, IReadOnlyList<Link> Sources, string? Note = null);

public sealed record Fact(string Term, string Value, string? Href = null);

public sealed record StepView(int Number, string Title, string TextHtml, string? Duration, bool Current);

public sealed record StepPlanView(string Id, string Title, string Summary, string? Duration, string Source, IReadOnlyList<StepView> Steps, bool HasCurrent);

public sealed record Card(string Title, string Text, string Href);

/// <summary>What the base layout needs around a page body.</summary>
public sealed record LayoutModel(
    string Title,
    string SiteName,
    string HomeHref,
    string TokensCssHref,
    string CssHref,
    string PrintCssHref,
    IReadOnlyList<Link> Breadcrumbs,
    IReadOnlyList<Link> Nav,
    string Body,
    string FooterHtml,
    bool Concept = false); // scaffold placeholders affect this page: base layout shows the "concept" banner
