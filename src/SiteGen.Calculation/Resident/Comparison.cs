namespace SiteGen.Calculation.Resident;

/// <summary>
/// The outcome of comparing options by their ranges. <see cref="Options"/> is ordered by central figure,
/// lowest first. When <see cref="Clear"/> it holds exactly one option: the clearly cheapest. Otherwise it
/// holds every option whose range overlaps the lowest one's: they are "ongeveer even duur".
/// </summary>
public sealed record ComparisonOutcome(bool Clear, IReadOnlyList<string> Options)
{
    /// <summary>The option with the lowest central figure (also when it is not clearly cheapest).</summary>
    public string Lowest => Options[0];
}

/// <summary>
/// The "cheapest" rule (issue 13): an option is clearly cheapest only when its high estimate lies below the
/// low estimate of every other option. Otherwise no single winner is named; the options whose range overlaps
/// the range of the option with the lowest central figure are about equal, and the choice can rest on other grounds.
/// </summary>
public static class Comparison
{
    public static ComparisonOutcome Cheapest(IReadOnlyList<(string Id, CostRange Range)> options)
    {
        if (options.Count == 0) throw new ArgumentException("nothing to compare", nameof(options));
        // Stable order by central figure: ties keep the order given (the scenario's variant order).
        var ordered = options.Select((o, i) => (o.Id, o.Range, i)).OrderBy(o => o.Range.Central).ThenBy(o => o.i).ToList();
        var lowest = ordered[0];
        bool clear = ordered.Skip(1).All(o => lowest.Range.High < o.Range.Low);
        if (clear) return new ComparisonOutcome(true, [lowest.Id]);
        var equal = ordered.Where(o => o.i == lowest.i || o.Range.Overlaps(lowest.Range)).Select(o => o.Id).ToList();
        return new ComparisonOutcome(false, equal);
    }

    /// <summary>Which variant is cheapest over 30 years for one dwelling (results of that dwelling only).</summary>
    public static ComparisonOutcome CheapestTco(IEnumerable<ResidentResult> results) =>
        Cheapest(results.Select(r => (r.VariantId, r.TcoRange)).ToList());

    /// <summary>Which variant has the lowest start-year monthly cost for one dwelling.</summary>
    public static ComparisonOutcome LowestMonthly(IEnumerable<ResidentResult> results) =>
        Cheapest(results.Select(r => (r.VariantId, r.MonthlyRange)).ToList());
}
