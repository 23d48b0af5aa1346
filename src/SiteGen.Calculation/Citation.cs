namespace SiteGen.Calculation;

/// <summary>How a value came to be: the distinction MODEL.md §2 draws (S / I / X / calibration).</summary>
public enum Basis
{
    /// <summary>Printed in the cited source.</summary>
    Stated,
    /// <summary>Back-solved from published figures; not printed anywhere.</summary>
    Inferred,
    /// <summary>From an external public source the study relies on without printing it.</summary>
    External,
    /// <summary>A constant that exists only to reproduce published figures; the consistent method ignores it.</summary>
    Calibration,
    /// <summary>A choice the municipality makes itself (a margin, a what-if), not a fact from a document.</summary>
    Assumption,
    /// <summary>An illustrative value (e.g. a source's worked example), not a confirmed current figure; the build warns.</summary>
    Example,
}

/// <summary>
/// Where a figure comes from. The core passes citations through untouched so that every line
/// item on a page can link to the assumption it rests on; it never interprets them.
/// </summary>
/// <param name="Key">Stable id of the input (an assumption id or a scenario path); used as anchor.</param>
/// <param name="Text">Human-readable reference, e.g. "IF Technology (2025), Tabel 8.5".</param>
public sealed record Citation(string Key, string Text, Basis Basis)
{
    public static readonly Citation Formula = new("formula", "berekend", Basis.Stated);
}

/// <summary>A number with its citation: the unit of every input the core reads.</summary>
public readonly record struct Quantity(decimal Value, Citation Source)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
