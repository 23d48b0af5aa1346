using SiteGen.Calculation;
using SiteGen.Calculation.Inputs;

namespace SiteGen.Content.Model;

/// <summary>A document values cite (content/sources.yaml).</summary>
public sealed record SourceDocument(string Id, string Short, string Title, string Publisher, DateOnly Date, string? Url, string? Reference);

/// <summary>Where one value comes from: a document, the place in it, how it was obtained and why.</summary>
public sealed record Reference(SourceDocument Document, string Ref, Basis Basis, string? Notes, string? Url)
{
    public string Text => $"{Document.Short}, {Ref}";
    public string? Address => Url ?? Document.Url;
}

/// <summary>One dated value of a parameter.</summary>
public sealed record ParameterValue(DateOnly From, decimal Value, Reference Reference, DateOnly? ValidUntil, string File, int Line, int Column);

/// <summary>A shared assumption in the OpenFisca manner: description, unit, values keyed by the date they apply from.</summary>
public sealed record Parameter(string Id, string Group, string Description, string Unit, IReadOnlyList<ParameterValue> Values)
{
    /// <summary>The value in force on <paramref name="asOf"/>, or the newest when no date is pinned.</summary>
    public ParameterValue? ValueAt(DateOnly? asOf) =>
        asOf is null ? Values[^1] : Values.LastOrDefault(v => v.From <= asOf.Value);
}

/// <summary>A value of a neighbourhood scenario, listed on the assumptions page (one row per input).</summary>
public sealed record ScenarioValue(string Key, string Label, string Unit, IReadOnlyList<(string? Dwelling, decimal Value)> Values, Reference Reference);

public sealed record Fact(string Id, string Label, decimal Value, string Unit, int Decimals, Reference Reference);

public sealed record DwellingInfo(
    string Id, string Name, string HouseType, string BuildPeriod, IReadOnlyList<string> Labels, Narrative? Narrative);

public sealed record VariantInfo(string Id, int Number, string Name, VariantKind Kind, string? Description, Narrative? Narrative)
{
    public bool IsCollective => Kind == VariantKind.HeatNetwork;
}

/// <summary>A Markdown file with front matter. <see cref="BodyLine"/> is the 1-based line the body starts on.</summary>
public sealed record Narrative(
    string Path,
    string Title,
    string? Summary,
    IReadOnlyList<string> Pros,
    IReadOnlyList<string> Cons,
    string Body,
    int BodyLine,
    IReadOnlyList<Shortcode> Shortcodes)
{
    /// <summary>Relative addresses in the body (as written) that name a file of the neighbourhood's bestanden/ folder,
    /// to that file relative to the neighbourhood folder ("bestanden/kaart.png"); the renderer rewrites them per page.</summary>
    public IReadOnlyDictionary<string, string> LocalLinks { get; init; } = new Dictionary<string, string>();
}

/// <summary>An image or document in a neighbourhood's bestanden/ folder, copied to the output as it is.</summary>
public sealed record ContentFile(string Name, string FullPath, string DisplayPath);

/// <summary>A shortcode in narrative, e.g. {{&lt; tco-table dwelling="x" &gt;}}, with its position in the file.</summary>
public sealed record Shortcode(string Name, IReadOnlyDictionary<string, string> Args, int Line, int Column, int Index, int Length);

public sealed record Step(string Id, string Title, string Text, string? Duration);

public sealed record StepPlan(string Id, string Title, string Summary, string Audience, string? Duration, Reference Reference, IReadOnlyList<Step> Steps);

public sealed record CurrentPhase(string Plan, string Step);

public sealed class Neighbourhood
{
    /// <summary>"municipality/slug", e.g. "putten/bijsteren-husselerveld": also its URL path.</summary>
    public required string Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string ScenarioPath { get; init; }
    public required NeighbourhoodInput Input { get; init; }
    public required IReadOnlyList<DwellingInfo> Dwellings { get; init; }
    public required IReadOnlyList<VariantInfo> Variants { get; init; }
    public required IReadOnlyList<Fact> Facts { get; init; }
    public required IReadOnlyList<ScenarioValue> ScenarioValues { get; init; }
    /// <summary>Shared parameters this neighbourhood overrides, with the value it uses instead.</summary>
    public required IReadOnlyList<Parameter> Overrides { get; init; }
    public required IReadOnlyList<string> StepPlans { get; init; }
    public CurrentPhase? CurrentPhase { get; init; }
    public Narrative? Index { get; init; }
    /// <summary>timing.md: when a resident should choose (natural replacement moment, the study's phasing).</summary>
    public Narrative? Timing { get; init; }
    public DateOnly? AsOf { get; init; }
    /// <summary>Earlier publications (history.json), oldest first.</summary>
    public IReadOnlyList<History.Publication> History { get; init; } = [];
    /// <summary>
    /// Costs needed only when the gas connection goes (electric cooking): a variant that keeps burning gas does not list
    /// them as something the house needs, even where the study counts them in its costs.
    /// </summary>
    public IReadOnlySet<string> CostsOnlyWithoutGas { get; init; } = new HashSet<string>();
    /// <summary>Where the neighbourhood's folder is, for 'sitegen publish'.</summary>
    public string Folder { get; init; } = "";
    /// <summary>Scaffold placeholders ("nog invullen"...) affect this neighbourhood: its pages show a "concept" banner.</summary>
    public bool HasPlaceholders { get; init; }
    /// <summary>Images and documents of its bestanden/ folder, published at "&lt;Id&gt;/bestanden/&lt;name&gt;".</summary>
    public IReadOnlyList<ContentFile> Files { get; init; } = [];
    /// <summary>
    /// The findings about its own folder (warnings: a neighbourhood with errors is not loaded), also part of the load's
    /// findings; the build cache keeps them, so a build that does not read the folder again reports them as well.
    /// </summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Findings { get; init; } = [];
    /// <summary>The valid_until dates its folder's reading compared with the day of the build (see <see cref="Deadline"/>).</summary>
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    public DwellingInfo Dwelling(string id) => Dwellings.First(d => d.Id == id);
    public VariantInfo Variant(string id) => Variants.First(v => v.Id == id);
}

public sealed record Municipality
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public HouseStyle Style { get; init; } = HouseStyle.None;
    public required IReadOnlyList<Neighbourhood> Neighbourhoods { get; init; }
    /// <summary>Neighbourhoods an incremental build did not read (see <see cref="KeptNeighbourhood"/>), in folder order.</summary>
    public IReadOnlyList<KeptNeighbourhood> Kept { get; init; } = [];
    /// <summary>Neighbourhoods drawn as soon as they were read and then let go (see <see cref="Loading.ContentLoader.Load"/>), in folder order.</summary>
    public IReadOnlyList<KeptNeighbourhood> Drawn { get; init; } = [];
    /// <summary>Every neighbourhood, read, drawn or kept, in folder order: what the site-wide pages list.</summary>
    public IEnumerable<KeptNeighbourhood> Listed => Neighbourhoods.Select(KeptNeighbourhood.Of).Concat(Kept).Concat(Drawn).OrderBy(k => k.Slug, StringComparer.Ordinal);
    /// <summary>The glossary for this municipality's pages: the shared terms with its own (glossary.yaml) added.</summary>
    public IReadOnlyList<GlossaryTerm> Glossary { get; init; } = [];
}

/// <summary>
/// A neighbourhood an incremental build did not read: nothing it depends on changed since the output was built, so its
/// pages stay as they are. What the site-wide pages need of it (its name and summary for the home page, whether it is a
/// concept) comes from the build cache, with the findings its folder gave when it was read.
/// </summary>
public sealed record KeptNeighbourhood(string Id, string Slug, string Name, string? Summary, bool HasPlaceholders,
    IReadOnlyList<Diagnostics.Diagnostic> Findings, IReadOnlyList<Deadline> Deadlines)
{
    /// <summary>What the build cache keeps of a neighbourhood that was read.</summary>
    // No findings or dates: the one empty list, not the reader's (two empty lists per neighbourhood to a build's end).
    public static KeptNeighbourhood Of(Neighbourhood n) => new(n.Id, n.Slug, n.Name, n.Index?.Summary, n.HasPlaceholders,
        n.Findings.Count == 0 ? [] : n.Findings, n.Deadlines.Count == 0 ? [] : n.Deadlines);
}

/// <summary>
/// A valid_until date that reading content compared with the day of the build, and whether it had passed. Findings
/// read on one day hold on another day when every such date is on the same side of it.
/// </summary>
public sealed record Deadline(DateOnly Date, bool Passed)
{
    public bool HoldsOn(DateOnly day) => Date < day == Passed;
}

/// <summary>Everything in content/, loaded and validated.</summary>
public sealed record SiteContent
{
    public required string Root { get; init; }
    public required IReadOnlyDictionary<string, SourceDocument> Sources { get; init; }
    public required IReadOnlyList<Parameter> Parameters { get; init; }
    public required IReadOnlyList<Municipality> Municipalities { get; init; }
    public required IReadOnlyDictionary<string, StepPlan> StepPlans { get; init; }
    /// <summary>Where a resident can go next, and what tenants need to know (help.yaml; empty without it).</summary>
    public HelpContent Help { get; init; } = HelpContent.None;

    /// <summary>Any content file still holds a scaffold placeholder (see Loading.Placeholders).</summary>
    public bool HasPlaceholders { get; init; }

    public IEnumerable<Neighbourhood> Neighbourhoods => Municipalities.SelectMany(m => m.Neighbourhoods);

    /// <summary>
    /// The same content with every neighbourhood as its listing only (<see cref="Municipality.Listed"/>): what the
    /// site-wide pages need. A build holding this instead lets go of each neighbourhood once its pages are drawn.
    /// </summary>
    public SiteContent ListingsOnly() => this with
    {
        Municipalities = Municipalities.Select(m => m with { Neighbourhoods = [], Kept = m.Listed.ToList(), Drawn = [] }).ToList(),
    };
    public Parameter Parameter(string id) => Parameters.First(p => p.Id == id);
}

/// <summary>A municipality's own look and contact details (municipality.yaml): shown on every page of its neighbourhoods.</summary>
public sealed record HouseStyle(Logo? Logo, IReadOnlyDictionary<string, string> Colours, Contact? Contact, IReadOnlyList<FooterLink> FooterLinks)
{
    public static readonly HouseStyle None = new(null, new Dictionary<string, string>(), null, []);

    /// <summary>The colour keys a municipality may set, and the design token each one sets.</summary>
    public static readonly IReadOnlyDictionary<string, string> ColourTokens = new Dictionary<string, string>
    {
        ["primary"] = "--sg-color-primary", ["primary_text"] = "--sg-color-primary-contrast", ["link"] = "--sg-color-link",
    };
    public static IEnumerable<string> ColourKeys => ColourTokens.Keys;

    /// <summary>The footer links a municipality may set, with the text residents see.</summary>
    public static readonly (string Key, string Text)[] FooterLinkKeys =
        [("privacy", "Privacyverklaring"), ("accessibility", "Toegankelijkheidsverklaring"), ("colophon", "Colofon")];
}

/// <summary>A logo file in themes/&lt;municipality&gt;/assets/, with the position of 'logo.file' for findings.</summary>
public sealed record Logo(string File, string Alt, string Path, int Line, int Column);

public sealed record Contact(string Name, string? Url, string? Phone);

public sealed record FooterLink(string Text, string Url);
