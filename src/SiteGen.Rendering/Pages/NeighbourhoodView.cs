using SiteGen.Calculation;
using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;
using SiteGen.Content.Model;
using SiteGen.Rendering.Charts;
using SiteGen.Rendering.Formatting;
using SiteGen.Rendering.Markdown;
using SiteGen.Rendering.Text;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// The figures of one neighbourhood prepared for display: tables, charts and inline values, shared by the
/// pages and by narrative shortcodes. Links are made relative to <see cref="Page"/>, the file being written.
/// </summary>
public sealed class NeighbourhoodView
{
    private readonly Dictionary<string, string> _inputNames;
    private int _uniqueIds;

    public NeighbourhoodView(SiteContent content, Neighbourhood n, NeighbourhoodResult result)
    {
        Content = content;
        N = n;
        R = result;
        _inputNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in content.Parameters) _inputNames[p.Id] = p.Description;
        foreach (var v in n.ScenarioValues) _inputNames.TryAdd(v.Key, v.Label);
        Reference = n.Variants.FirstOrDefault(v => v.Kind == VariantKind.GasBoiler);
    }

    public SiteContent Content { get; }
    public Neighbourhood N { get; }
    public NeighbourhoodResult R { get; }
    /// <summary>The variant others are compared with (the gas boiler), if the neighbourhood has one.</summary>
    public VariantInfo? Reference { get; }
    public string Page { get; set; } = "";

    public string Href(string target) => SitePaths.Relative(Page, target);
    public string CiteHref(string key) => Href(SitePaths.Assumptions(N) + "#" + SitePaths.Anchor(key));

    /// <summary>A unique id within the page being rendered (a table can appear twice through shortcodes).</summary>
    public string UniqueId(string stem) => $"{stem}-{++_uniqueIds}";
    public void StartPage(string page)
    {
        Page = page;
        _uniqueIds = 0;
    }

    /// <summary>Links to the inputs a set of figures rests on, once each, in a stable order.</summary>
    public IReadOnlyList<Link> Sources(IEnumerable<Citation> citations) =>
        citations.Where(c => c.Key != Citation.Formula.Key).DistinctBy(c => c.Key)
            .Select(c => new Link(InputName(c.Key), CiteHref(c.Key)))
            .OrderBy(l => l.Text, StringComparer.Ordinal).ToList();

    public string InputName(string key) => _inputNames.TryGetValue(key, out var name) ? name : key;

    public static IEnumerable<Citation> Citations(ResidentResult r) =>
        r.OneOffs.Select(l => l.Source).Concat(r.Annual.Select(l => l.Source)).Concat(r.Monthly.Select(l => l.Source))
            .Concat(r.Co2Lines.Select(l => l.Factor.Source));

    public IReadOnlyList<ResidentResult> ForDwelling(string dwelling) =>
        N.Variants.Select(v => R.Resident(dwelling, v.Id)).ToList();

    private string CheapestVariant(string dwelling) =>
        ForDwelling(dwelling).OrderBy(r => Display.TcoValue(r.Tco)).ThenBy(r => r.Tco).First().VariantId;

    private static string Difference(decimal v) =>
        v == 0m ? DutchFormat.Euro(0m) : v > 0m ? "+" + DutchFormat.Space + DutchFormat.Euro(v) : DutchFormat.Euro(v);

    /// <summary>The 30-year cost of every variant for one dwelling, cheapest marked, compared with the gas boiler.</summary>
    public Table TcoTable(string dwelling)
    {
        var results = ForDwelling(dwelling);
        string cheapest = CheapestVariant(dwelling);
        decimal? reference = Reference is null ? null : Display.TcoValue(R.Resident(dwelling, Reference.Id).Tco);
        var rows = results.Select(r =>
        {
            var v = N.Variant(r.VariantId);
            bool isCheapest = r.VariantId == cheapest;
            string diff = reference is null ? "" : v.Id == Reference!.Id ? "basis" : Difference(Display.TcoValue(r.Tco) - reference.Value);
            return new Row(
            [
                new Cell(v.Name, Header: true, Href: Href(SitePaths.Variant(N, v.Id)),
                    Badge: isCheapest ? "goedkoopst" : null, BadgeClass: isCheapest ? "badge--cheapest" : null),
                new Cell(Display.Tco(r.Tco), Num: true),
                new Cell(diff, Num: true),
                new Cell(Display.Monthly(r.MonthlyCost), Num: true),
            ], isCheapest ? "is-cheapest" : null);
        }).ToList();
        return new Table(UniqueId("tco"), $"Totale kosten over {N.Input.Assumptions.HorizonYears.Value} jaar: {N.Dwelling(dwelling).Name.ToLowerInvariant()}",
            [new Cell("Keuze"), new Cell($"Totaal over {N.Input.Assumptions.HorizonYears.Value} jaar", Num: true),
             new Cell("Verschil met gasketel", Num: true), new Cell("Per maand", Num: true)],
            rows, Sources(results.SelectMany(Citations)),
            "Bedragen inclusief btw, na aftrek van subsidie. Totalen afgerond op € 10. Per maand: het eerste jaar, afgerond op € 1.");
    }

    public ChartView TcoChart(string dwelling)
    {
        string cheapest = CheapestVariant(dwelling);
        var bars = ForDwelling(dwelling).Select(r => new Bar(
            N.Variant(r.VariantId).Name + (r.VariantId == cheapest ? " (goedkoopst)" : ""),
            Display.TcoValue(r.Tco), Display.Tco(r.Tco), r.VariantId == cheapest)).ToList();
        return BarChart.Layout(UniqueId("tco-chart"), $"Totale kosten over {N.Input.Assumptions.HorizonYears.Value} jaar per keuze",
            "euro, inclusief btw en na subsidie", bars, Summary(ForDwelling(dwelling), r => Display.TcoValue(r.Tco), r => Display.Tco(r.Tco)));
    }

    /// <summary>Start-year monthly cost per variant: energy, fixed costs, and the study's correction where it applies.</summary>
    public Table MonthlyTable(string dwelling)
    {
        var results = ForDwelling(dwelling);
        bool anyCorrection = results.Any(r => r.Monthly.Any(l => l.Kind == LineKind.Calibration));
        decimal cheapest = results.Min(r => DecimalMath.RoundHalfUp(r.MonthlyCost));
        var rows = results.Select(r =>
        {
            var v = N.Variant(r.VariantId);
            decimal energy = r.Monthly.Where(l => l.Kind == LineKind.Variable).Sum(l => l.Amount);
            decimal fixedCost = r.Monthly.Where(l => l.Kind == LineKind.Fixed).Sum(l => l.Amount);
            decimal correction = r.Monthly.Where(l => l.Kind == LineKind.Calibration).Sum(l => l.Amount);
            bool low = DecimalMath.RoundHalfUp(r.MonthlyCost) == cheapest;
            var cells = new List<Cell>
            {
                new(v.Name, Header: true, Href: Href(SitePaths.Variant(N, v.Id)), Badge: low ? "laagst" : null, BadgeClass: low ? "badge--cheapest" : null),
                new(Display.Monthly(energy), Num: true),
                new(Display.Monthly(fixedCost), Num: true),
            };
            if (anyCorrection) cells.Add(new Cell(correction == 0m ? DutchFormat.Euro(0m) : Display.Monthly(correction), Num: true));
            cells.Add(new Cell(Display.Monthly(r.MonthlyCost), Num: true));
            return new Row(cells, low ? "is-cheapest" : null);
        }).ToList();
        var headers = new List<Cell> { new("Keuze"), new("Energie", Num: true), new("Vaste lasten", Num: true) };
        if (anyCorrection) headers.Add(new Cell("Correctie studie", Num: true));
        headers.Add(new Cell("Totaal per maand", Num: true));
        string note = "Eerste jaar, inclusief btw, zonder de aankoop van installaties. Afgerond op hele euro's; door afronding kan de som een euro afwijken."
                      + (anyCorrection ? " De studie telt het onderhoud van gastoestellen niet mee in de maandlasten; die correctie staat apart." : "");
        return new Table(UniqueId("monthly"), $"Kosten per maand in het eerste jaar: {N.Dwelling(dwelling).Name.ToLowerInvariant()}",
            headers, rows, Sources(results.SelectMany(r => r.Monthly.Select(l => l.Source))), note);
    }

    public ChartView MonthlyChart(string dwelling)
    {
        var results = ForDwelling(dwelling);
        decimal low = results.Min(r => DecimalMath.RoundHalfUp(r.MonthlyCost));
        var bars = results.Select(r =>
        {
            bool isLow = DecimalMath.RoundHalfUp(r.MonthlyCost) == low;
            return new Bar(N.Variant(r.VariantId).Name + (isLow ? " (laagst)" : ""), DecimalMath.RoundHalfUp(r.MonthlyCost), Display.Monthly(r.MonthlyCost), isLow);
        }).ToList();
        return BarChart.Layout(UniqueId("monthly-chart"), "Kosten per maand in het eerste jaar", "euro per maand, inclusief btw", bars,
            Summary(results, r => DecimalMath.RoundHalfUp(r.MonthlyCost), r => Display.Monthly(r.MonthlyCost)));
    }

    /// <summary>"Het laagst is X (€ ...), het hoogst is Y (€ ...)." in the variants' own names.</summary>
    private string Summary(IReadOnlyList<ResidentResult> results, Func<ResidentResult, decimal> value, Func<ResidentResult, string> shown)
    {
        var low = results.MinBy(value)!;
        var high = results.MaxBy(value)!;
        return value(low) == value(high)
            ? $"Alle keuzes kosten ongeveer evenveel ({shown(low)})."
            : $"Het laagst is {N.Variant(low.VariantId).Name} ({shown(low)}), het hoogst is {N.Variant(high.VariantId).Name} ({shown(high)}).";
    }

    /// <summary>One-off costs and subsidies of one variant for one dwelling, with when they fall due.</summary>
    public Table OneOffTable(string dwelling, string variant)
    {
        var r = R.Resident(dwelling, variant);
        var rows = r.OneOffs.Select(l => new Row(
        [
            new Cell(Labels.Line(l), Header: true, Badge: Badge(l.Source.Basis), BadgeClass: BadgeClass(l.Source.Basis)),
            new Cell(l.Year is 0 ? "nu" : $"over {l.Year} jaar", Num: false),
            new Cell(Display.Money(l.Amount), Num: true),
        ])).ToList();
        rows.Add(new Row([new Cell("Nu te betalen, na subsidie", Header: true), new Cell("nu"), new Cell(Display.Money(r.Investment - r.Subsidy), Num: true)], "total"));
        return new Table(UniqueId("oneoff"), $"Eenmalige kosten en subsidie: {N.Variant(variant).Name.ToLowerInvariant()}",
            [new Cell("Post"), new Cell("Wanneer"), new Cell("Bedrag", Num: true)], rows, Sources(r.OneOffs.Select(l => l.Source)),
            r.OneOffs.Any(l => l.Year > 0) ? "Een vervanging later telt in de totale kosten mee met het prijspeil van nu." : null);
    }

    public static string? Badge(Basis b) => b switch
    {
        Basis.Inferred => "afgeleid",
        Basis.Calibration => "correctie",
        Basis.External => "externe bron",
        _ => null,
    };

    public static string? BadgeClass(Basis b) => b switch
    {
        Basis.Inferred or Basis.External => "badge--inferred",
        Basis.Calibration => "badge--calibration",
        _ => null,
    };

    /// <summary>CO2 per year of every variant for one dwelling.</summary>
    public Table Co2Table(string dwelling)
    {
        var results = ForDwelling(dwelling);
        decimal? reference = Reference is null ? null : DecimalMath.RoundHalfUp(R.Resident(dwelling, Reference.Id).Co2Kg);
        var rows = results.Select(r =>
        {
            var v = N.Variant(r.VariantId);
            decimal kg = DecimalMath.RoundHalfUp(r.Co2Kg);
            string diff = reference is null ? "" : v.Id == Reference!.Id ? "basis"
                : reference.Value == 0m ? "" : DutchFormat.Percent((kg - reference.Value) / reference.Value);
            return new Row([new Cell(v.Name, Header: true, Href: Href(SitePaths.Variant(N, v.Id))), new Cell(Display.Co2(r.Co2Kg), Num: true), new Cell(diff, Num: true)]);
        }).ToList();
        string note = N.Input.Method == HeatDemandMethod.Study
            ? "Zoals in de studie: gasketel en hybride met het huidige gasverbruik, de elektriciteit zoals de studie die noemt, warmtenetten per aangesloten woning."
            : "Berekend met hetzelfde energieverbruik als de kosten.";
        return new Table(UniqueId("co2"), $"CO2-uitstoot per jaar: {N.Dwelling(dwelling).Name.ToLowerInvariant()}",
            [new Cell("Keuze"), new Cell("CO2 per jaar", Num: true), new Cell("Verschil met gasketel", Num: true)],
            rows, Sources(results.SelectMany(r => r.Co2Lines.Select(l => l.Factor.Source))), note);
    }

    /// <summary>The funding gap of a collective variant: modelled and, where the study gives one, published.</summary>
    public Table BusinessCaseTable(string variant)
    {
        var c = R.Collective(variant) ?? throw new InvalidOperationException($"'{variant}' is not a collective variant");
        var gaps = c.BusinessCase.FundingGaps.Where(g => g.Subsidy == SubsidyCase.None || g.Applicable || g.Published is not null).ToList();
        var rows = gaps.Select(g => new Row(
        [
            new Cell($"{Capitalise(Labels.Operator(g.Operator))}, {Labels.Subsidy(g.Subsidy)}", Header: true),
            new Cell(g.Published is { } p ? DutchFormat.Euro(p.Value) : "niet gepubliceerd", Num: true),
            new Cell(g.Applicable ? DutchFormat.Euro(DutchFormat.RoundTo(g.Total, 1000m)) : "niet van toepassing", Num: true),
            new Cell(g.Applicable ? DutchFormat.Euro(DutchFormat.RoundTo(g.PerConnection, 100m)) : "", Num: true),
        ])).ToList();
        var input = N.Input.Variants.First(v => v.Id == variant).Collective!;
        var citations = input.Capex.Select(x => x.Amount.Source).Append(input.OpexElectricity.Source)
            .Concat(input.PublishedFundingGaps.Values.Select(q => q.Source))
            .Append(N.Input.Assumptions.WaccPublic.Source).Append(N.Input.Assumptions.WaccCommercial.Source);
        if (input.Wis is { } w) citations = citations.Append(w.Source);
        if (input.SdeAnnual is { } s) citations = citations.Append(s.Source);
        // How far our model is from the study, where both give a figure: said in the note, never assumed.
        var compared = gaps.Where(g => g.Applicable && g.Published is { Value: not 0m }).ToList();
        decimal? deviation = compared.Count == 0 ? null : compared.Max(g => Math.Abs(g.Total - g.Published!.Value.Value) / Math.Abs(g.Published!.Value.Value));
        var published = input.PublishedFundingGaps.Values.FirstOrDefault();
        string note = "De onrendabele top is het bedrag dat bij de start nodig is om het warmtenet rendabel te maken (bedragen zonder btw). "
            + (published.Source is { } p ? $"'Volgens de studie' komt uit {p.Text}. " : "De studie noemt zelf geen onrendabele top. ")
            + "'Nagerekend' is onze eigen berekening met de gegevens uit de studie"
            + (deviation is { } dev ? $"; die wijkt tot {DutchFormat.Percent(dev)} af van de studie, omdat de studie niet alle aannames noemt. " : ". ")
            + "Nagerekende bedragen afgerond op € 1.000 (per aansluiting op € 100).";
        return new Table(UniqueId("business-case"), $"Onrendabele top: {N.Variant(variant).Name.ToLowerInvariant()}",
            [new Cell("Exploitatie en subsidie"), new Cell("Volgens de studie", Num: true), new Cell("Nagerekend", Num: true), new Cell("Nagerekend per aansluiting", Num: true)],
            rows, Sources(citations), note);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>An inline computed value for narrative, linked to the dwelling page where it is explained.</summary>
    public InlineValueView InlineValue(string dwelling, string variant, string field)
    {
        var r = R.Resident(dwelling, variant);
        string text = field switch
        {
            "tco" => Display.Tco(r.Tco),
            "monthly" => Display.Monthly(r.MonthlyCost) + " per maand",
            "investment" => Display.Money(r.Investment),
            "subsidy" => Display.Money(r.Subsidy),
            "co2" => Display.Co2(r.Co2Kg) + " CO2 per jaar",
            _ => throw new InvalidOperationException($"unknown value field '{field}'"),
        };
        return new InlineValueView(text, Href(SitePaths.Dwelling(N, dwelling)));
    }

    public InlineValueView InlineAssumption(string id)
    {
        var p = N.Overrides.FirstOrDefault(o => o.Id == id) ?? Content.Parameter(id);
        var v = p.ValueAt(N.AsOf)!;
        return new InlineValueView(Display.Value(v.Value, p.Unit), CiteHref(id));
    }

    /// <summary>Renders one narrative shortcode with the theme's partials (the content layer has already checked its arguments).</summary>
    public string Shortcode(Shortcode sc, Theme theme) => sc.Name switch
    {
        "tco-table" => theme.RenderPartial("table", TcoTable(sc.Args["dwelling"])),
        "monthly-chart" => theme.RenderPartial("bar-chart", MonthlyChart(sc.Args["dwelling"])) + theme.RenderPartial("table", MonthlyTable(sc.Args["dwelling"])),
        "business-case" => theme.RenderPartial("table", BusinessCaseTable(sc.Args["variant"])),
        "value" => theme.RenderPartial("inline-value", InlineValue(sc.Args["dwelling"], sc.Args["variant"], sc.Args["field"])),
        "assumption" => theme.RenderPartial("inline-value", InlineAssumption(sc.Args["id"])),
        _ => throw new InvalidOperationException($"unknown shortcode '{sc.Name}'"),
    };

    public SafeHtml Narrative(Narrative? doc, Theme theme) =>
        doc is null ? SafeHtml.Empty : NarrativeHtml.Render(doc, sc => Shortcode(sc, theme));
}
