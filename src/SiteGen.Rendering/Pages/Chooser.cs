using System.Text;
using SiteGen.Content.Model;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// "Welke woning lijkt op de mijne?": radio buttons for house type, build period and label. Without
/// JavaScript, CSS :has() rules (generated here, inline) show the one reference dwelling that fits best;
/// without CSS every dwelling link shows. The best fit is scored: house type weighs most, then label, then period;
/// where the best example has another label or is another kind of house, a note says so.
/// </summary>
public static class Chooser
{
    public sealed record Option(string Id, string Value, string Label);
    public sealed record Group(string Name, string Legend, IReadOnlyList<Option> Options);
    public sealed record Result(string Dwelling, string Name, string Href);
    /// <summary>Said with the answer when the best example differs from the house in a way that moves its costs.</summary>
    /// <param name="Kind">
    /// "label" (another energy label: other insulation costs), "type" (no example of this kind of house) or "closer" (examples of
    /// this kind of house exist, but one of another kind is closer in age and label).
    /// </param>
    public sealed record Note(string Kind, string Text);
    /// <param name="Css">Selectors built from validated ids only (no content text), so the theme may write it as is.</param>
    public sealed record Model(IReadOnlyList<Group> Groups, IReadOnlyList<Result> Results, Themes.SafeHtml Css, IReadOnlyList<Note> Notes);

    private static readonly Note[] Notes =
    [
        new("label", "Let op: dit voorbeeldhuis heeft een ander energielabel dan uw huis. Wat isoleren kost, kan voor u dus heel anders zijn. "
                     + "Op de pagina van het voorbeeldhuis kunt u uw eigen gasverbruik en energielabel invullen."),
        new("type", "Let op: geen voorbeeldhuis is hetzelfde soort huis als het uwe. Een groter of kleiner huis gebruikt meer of minder energie. "
                    + "Op de pagina van het voorbeeldhuis kunt u uw eigen gasverbruik invullen."),
        new("closer", "Let op: dit voorbeeldhuis is een ander soort huis dan het uwe. Het lijkt wel het meest op uw huis in bouwjaar en energielabel. "
                      + "Een groter of kleiner huis gebruikt meer of minder energie. Op de pagina van het voorbeeldhuis kunt u uw eigen gasverbruik invullen."),
    ];

    public static readonly (string Value, string Label, string[] Labels)[] LabelGroups =
    [
        ("a-b", "A of B (of beter)", ["A", "B"]),
        ("c-d", "C of D", ["C", "D"]),
        ("e-g", "E, F of G", ["E", "F", "G"]),
        ("onbekend", "Weet ik niet", []),
    ];

    public const string OtherType = "anders";

    public static Model Build(NeighbourhoodView view)
    {
        var n = view.N;
        var types = n.Dwellings.Select(d => d.HouseType).Distinct().Select(t => new Option($"c-type-{t}", t, TypeLabel(t)))
            .Append(new Option($"c-type-{OtherType}", OtherType, "Een ander type huis")).ToList();
        var periods = n.Dwellings.Select(d => d.BuildPeriod).Distinct().Select(p => new Option($"c-period-{p}", p, PeriodLabel(p))).ToList();
        var labels = LabelGroups.Select(l => new Option($"c-label-{l.Value}", l.Value, l.Label)).ToList();

        var css = new StringBuilder(".chooser__result{display:none}");
        // Per dwelling, the answers that lead to it; its selectors are written straight into the style sheet.
        // The same for each note: the answers whose best example has another label, or is another kind of house.
        var selectors = new Dictionary<string, List<(string Type, string Period, string Label)>>();
        var noted = Notes.ToDictionary(x => x.Kind, _ => new List<(string Type, string Period, string Label)>());
        foreach (var t in types)
            foreach (var p in periods)
                foreach (var l in LabelGroups)
                {
                    var best = n.Dwellings.OrderByDescending(d => Score(d, t.Value, p.Value, l.Labels)).First();
                    if (!selectors.TryGetValue(best.Id, out var list)) selectors[best.Id] = list = [];
                    list.Add((t.Id, p.Id, l.Value));
                    if (l.Labels.Length > 0 && !SharesLabel(best.Labels, l.Labels)) noted["label"].Add((t.Id, p.Id, l.Value));
                    // "No example is your kind of house" only where that is so: else the example is closer in age and label.
                    if (best.HouseType != t.Value) noted[n.Dwellings.Any(d => d.HouseType == t.Value) ? "closer" : "type"].Add((t.Id, p.Id, l.Value));
                }
        void Show(List<(string Type, string Period, string Label)> list, string target)
        {
            if (list.Count == 0) return;
            for (int i = 0; i < list.Count; i++)
                css.Append(i == 0 ? "" : ",").Append(".chooser:has(#").Append(list[i].Type).Append(":checked):has(#").Append(list[i].Period)
                    .Append(":checked):has(#c-label-").Append(list[i].Label).Append(":checked) ").Append(target);
            css.Append("{display:block}");
        }
        foreach (var (dwelling, list) in selectors.OrderBy(kv => kv.Key, StringComparer.Ordinal)) Show(list, $"[data-dwelling=\"{dwelling}\"]");
        // A note is hidden (the attribute) until its answers are given, also without the style sheet.
        foreach (var note in Notes) Show(noted[note.Kind], $"[data-note=\"{note.Kind}\"]");
        // Until all three questions are answered, a prompt stands where the answer will come.
        css.Append(".chooser:has([name=type]:checked):has([name=period]:checked):has([name=label]:checked) .chooser__prompt{display:none}");

        return new Model(
            [new Group("type", "Wat voor huis heeft u?", types), new Group("period", "Wanneer is uw huis gebouwd?", periods),
             new Group("label", "Welk energielabel heeft uw huis?", labels)],
            n.Dwellings.Select(d => new Result(d.Id, d.Name, view.Href(SitePaths.Dwelling(n, d.Id)))).ToList(),
            new Themes.SafeHtml(css.ToString()), Notes);
    }

    private static int Score(DwellingInfo d, string type, string period, string[] labels) =>
        (d.HouseType == type ? 4 : 0) + (SharesLabel(d.Labels, labels) ? 3 : 0) + (d.BuildPeriod == period ? 2 : 0);

    // A loop, not Intersect: scored for every dwelling and answer, it made a set each time.
    private static bool SharesLabel(IReadOnlyList<string> labels, string[] group)
    {
        foreach (string l in labels)
            if (Array.IndexOf(group, l) >= 0) return true;
        return false;
    }

    public static string TypeLabel(string type) => type switch
    {
        "vrijstaand" => "Vrijstaand huis",
        "tussenwoning" => "Tussenwoning (rijtjeshuis)",
        "hoekwoning" => "Hoekwoning",
        "twee-onder-een-kap" => "Twee-onder-een-kapwoning",
        "appartement" => "Appartement",
        _ => char.ToUpperInvariant(type[0]) + type[1..].Replace('-', ' '),
    };

    public static string PeriodLabel(string period)
    {
        if (period.StartsWith("voor-", StringComparison.Ordinal)) return "Voor " + period[5..];
        if (period.StartsWith("na-", StringComparison.Ordinal)) return "Na " + period[3..];
        var parts = period.Split('-');
        return parts.Length == 2 ? $"{parts[0]} tot {parts[1]}" : period;
    }
}
