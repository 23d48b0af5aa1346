using SiteGen.Content.History;
using SiteGen.Rendering.Formatting;

namespace SiteGen.Rendering.Pages;

/// <summary>A change report as tables (for the page) and as lines (for 'sitegen diff'): the same figures both ways.</summary>
public static class ChangeView
{
    /// <param name="dwellingName">A dwelling's name by its id, for a value per dwelling (<see cref="PublishedInput.Values"/>).</param>
    public static string Value(PublishedInput? p, Func<string, string> dwellingName) =>
        p is null ? "(niet aanwezig)" : p.Value is { } v ? Display.Value(v, p.Unit)
        // "Vrijstaande woning van voor 1980: € 5.660; ...", as a resident reads it; text in another form as it is.
        : p.Values() is { } values ? string.Join("; ", values.Select(x => (x.Dwelling is null ? "" : dwellingName(x.Dwelling) + ": ") + Display.Value(x.Value, p.Unit)))
        : p.Text ?? "";

    private static string Signed(decimal d, Func<decimal, string> format) =>
        d > 0 ? "+" + DutchFormat.Space + format(d) : format(d);

    public static IReadOnlyList<Table> Tables(NeighbourhoodView view, ChangeReport report, string idStem)
    {
        var n = view.N;
        string DwellingName(string id) => Name(n.Dwellings.FirstOrDefault(d => d.Id == id)?.Name, id);
        var tables = new List<Table>();
        // A value the last publication did not have is not a change of it: "Was: (niet aanwezig)" read as if it had been
        // nothing (a loan's rate, a margin). New and dropped inputs get tables of their own.
        Cell Source(InputChange c) =>
            new(c.New?.Source ?? c.Old?.Source ?? "", Note: c.New?.From is { } from ? $"geldt vanaf {DutchFormat.Date(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture))}" : null);
        var changed = report.Inputs.Where(c => c.Old is not null && c.New is not null).ToList();
        var added = report.Inputs.Where(c => c.Old is null).ToList();
        var dropped = report.Inputs.Where(c => c.Old is not null && c.New is null).ToList();
        if (changed.Count > 0)
            tables.Add(new Table(view.UniqueId($"changes-inputs-{idStem}"), "Gewijzigde uitgangspunten",
                [new Cell("Uitgangspunt"), new Cell("Was", Num: true), new Cell("Nu", Num: true), new Cell("Bron")],
                changed.Select(c => new Row(
                [
                    new Cell(c.Label, Header: true),
                    new Cell(Value(c.Old, DwellingName), Num: true),
                    new Cell(Value(c.New, DwellingName), Num: true),
                    Source(c),
                ])).ToList(), []));
        if (added.Count > 0)
            tables.Add(new Table(view.UniqueId($"changes-added-{idStem}"), "Nieuw in de berekening",
                [new Cell("Uitgangspunt"), new Cell("Waarde", Num: true), new Cell("Bron")],
                added.Select(c => new Row([new Cell(c.Label, Header: true), new Cell(Value(c.New, DwellingName), Num: true), Source(c)])).ToList(), [],
                "Met deze uitgangspunten rekende de vorige publicatie nog niet."));
        if (dropped.Count > 0)
            tables.Add(new Table(view.UniqueId($"changes-dropped-{idStem}"), "Niet meer in de berekening",
                [new Cell("Uitgangspunt"), new Cell("Was", Num: true), new Cell("Bron")],
                dropped.Select(c => new Row([new Cell(c.Label, Header: true), new Cell(Value(c.Old, DwellingName), Num: true), Source(c)])).ToList(), []));
        if (report.Results.Count > 0)
            tables.Add(new Table(view.UniqueId($"changes-results-{idStem}"), "Gevolgen per voorbeeldhuis en keuze",
                [new Cell("Voorbeeldhuis en keuze"), new Cell("Totaal 30 jaar: was", Num: true), new Cell("nu", Num: true), new Cell("verschil", Num: true),
                 new Cell("Per maand: was", Num: true), new Cell("nu", Num: true), new Cell("verschil", Num: true)],
                report.Results.Select(r => new Row(
                [
                    new Cell($"{DwellingName(r.Dwelling)}: {Name(n.Variants.FirstOrDefault(v => v.Id == r.Variant)?.Name, r.Variant)}", Header: true),
                    new Cell(Display.Tco(r.OldTco), Num: true), new Cell(Display.Tco(r.NewTco), Num: true),
                    new Cell(Signed(Display.TcoValue(r.NewTco) - Display.TcoValue(r.OldTco), d => DutchFormat.Euro(d)), Num: true),
                    new Cell(Display.Monthly(r.OldMonthly), Num: true), new Cell(Display.Monthly(r.NewMonthly), Num: true),
                    new Cell(Signed(r.NewMonthly - r.OldMonthly, d => DutchFormat.Euro(d, 2)), Num: true),
                ])).ToList(), [], "Totalen afgerond op € 10; het verschil per maand op de cent."));
        return tables;
    }

    private static string Name(string? name, string id) => name ?? id;

    /// <summary>The same report as terminal lines.</summary>
    public static IEnumerable<string> Lines(ChangeReport report, Func<string, string> dwellingName, Func<string, string> variantName)
    {
        if (report.Since is null) { yield return "  nog geen eerdere publicatie: 'sitegen publish' legt de huidige stand vast"; yield break; }
        if (!report.Any) { yield return $"  geen veranderingen sinds {report.Since}"; yield break; }
        foreach (var c in report.Inputs)
            yield return $"  {c.Label} ({c.Key}): {Value(c.Old, dwellingName)} -> {Value(c.New, dwellingName)}   [{c.New?.Source ?? c.Old?.Source}{(c.New?.From is { } f ? ", vanaf " + f : "")}]";
        foreach (var r in report.Results)
            yield return $"  {dwellingName(r.Dwelling)} / {variantName(r.Variant)}: TCO {Display.Tco(r.OldTco)} -> {Display.Tco(r.NewTco)} ({Signed(Display.TcoValue(r.NewTco) - Display.TcoValue(r.OldTco), d => DutchFormat.Euro(d))}), "
                         + $"per maand {Display.Monthly(r.OldMonthly)} -> {Display.Monthly(r.NewMonthly)} ({Signed(r.NewMonthly - r.OldMonthly, d => DutchFormat.Euro(d, 2))})";
    }
}
