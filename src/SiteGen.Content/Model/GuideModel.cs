namespace SiteGen.Content.Model;

/// <summary>
/// A word residents meet on the pages, explained once in plain Dutch (content/glossary.yaml, and a municipality's own
/// content/&lt;municipality&gt;/glossary.yaml, whose terms add to or replace the shared ones by id).
/// </summary>
/// <param name="Term">The word as it is written in running text, e.g. "warmtenet" or "WEQ".</param>
/// <param name="Full">For an abbreviation: the words it stands for ("woningequivalent").</param>
/// <param name="Also">Other forms of the term that count as a use of it in text ("warmtenetten").</param>
public sealed record GlossaryTerm(string Id, string Term, string? Full, IReadOnlyList<string> Also, string Definition, Reference Reference);

/// <summary>A place a resident can go next (content/help.yaml): a web page with one sentence about it.</summary>
public sealed record HelpLink(string Id, string Title, string Text, string Url, Reference? Reference);

/// <summary>One statement of the tenants' section (content/help.yaml), with its source.</summary>
public sealed record HelpStatement(string Text, Reference Reference);

/// <summary>What every dwelling and variant page offers besides the figures: where to go, and what tenants need to know.</summary>
public sealed record HelpContent(IReadOnlyList<HelpLink> Links, IReadOnlyList<HelpStatement> Tenants)
{
    public static readonly HelpContent None = new([], []);
}
