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

    /// <summary>The link to an input on the assumptions page, relative to the page being drawn.</summary>
    public string CiteHref(string key)
    {
        // A relative link depends on the page's folder only, and so does the link to the assumptions page; a link to an
        // input is that link and the input's anchor. So the links are made once per way of reaching the assumptions page
        // ("aannames/", "../aannames/"), not once per page: most pages have a folder of their own.
        var folder = Page.AsSpan(0, Page.LastIndexOf('/') + 1);
        if (_citeHrefs is null || !folder.SequenceEqual(_citeFolder))
        {
            _citeFolder = folder.ToString();
            string assumptions = Href(SitePaths.Assumptions(N));
            if (!_citeHrefsByWay.TryGetValue(assumptions, out _citeHrefs))
                _citeHrefsByWay[assumptions] = _citeHrefs = new Dictionary<string, string>(StringComparer.Ordinal);
        }
        if (!_citeHrefs.TryGetValue(key, out var href))
            _citeHrefs[key] = href = Href(SitePaths.Assumptions(N) + "#" + SitePaths.Anchor(key));
        return href;
    }

    private readonly Dictionary<string, Dictionary<string, string>> _citeHrefsByWay = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _citeHrefs;
    private string _citeFolder = "";

    /// <summary>A unique id within the page being rendered (a table can appear twice through shortcodes).</summary>
    public string UniqueId(string stem) => $"{stem}-{++_uniqueIds}";
    public void StartPage(string page)
    {
        Page = page;
        _uniqueIds = 0;
    }

    /// <summary>Links to the inputs a set of figures rests on, once each, in a stable order.</summary>
    /// <remarks>
    /// Grouped by kind (prices, costs, subsidies, the study's own figures), and inputs with the same name merged into
    /// one link (the same price cited for three dwellings is one input to a resident).
    /// </remarks>
    public IReadOnlyList<Link> Sources(IEnumerable<Citation> citations)
    {
        // One pass with two sets instead of a chain of DistinctBy and OrderBy: every table of every page asks (about 1% of
        // a large build's CPU as LINQ). The first citation of a key and the first input of a name win, as they did.
        _sourceKeys.Clear();
        _sourceTexts.Clear();
        var links = new List<Link>();
        foreach (var c in citations)
        {
            if (c.Key == Citation.Formula.Key || !_sourceKeys.Add(c.Key)) continue;
            string text = InputName(c.Key);
            if (_sourceTexts.Add(text)) links.Add(new Link(text, CiteHref(c.Key), Group: SourceGroupOf(c)));
        }
        // The names are unique now, so the order is total and the sort's instability does not show.
        links.Sort(static (a, b) => GroupRank(a.Group) - GroupRank(b.Group) is var byGroup and not 0 ? byGroup : string.CompareOrdinal(a.Text, b.Text));
        return links;
    }

    // Reused by Sources: a view draws one neighbourhood's pages on one thread.
    private readonly HashSet<string> _sourceKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sourceTexts = new(StringComparer.Ordinal);

    private static readonly string[] GroupOrder =
        ["Prijzen en tarieven", "Kosten van installaties en aanpassingen", "Subsidies", "CO2", "Gegevens en rekenregels van de studie"];

    // A group's place in GroupOrder; its titles are those very strings (SourceGroupOf), so a reference comparison finds them.
    private static int GroupRank(string? group)
    {
        for (int i = 0; i < GroupOrder.Length; i++)
            if (ReferenceEquals(GroupOrder[i], group)) return i;
        return -1;
    }

    private static string SourceGroupOf(Citation c)
    {
        var local = c.Key.AsSpan(c.Key.IndexOf(':') + 1);
        if (local.StartsWith("energy.", StringComparison.Ordinal) || local.StartsWith("heat_tariffs.", StringComparison.Ordinal)) return GroupOrder[0];
        if (local.StartsWith("costs.", StringComparison.Ordinal)) return GroupOrder[1];
        if (local.StartsWith("subsidies.", StringComparison.Ordinal)) return GroupOrder[2];
        if (local.StartsWith("emissions.", StringComparison.Ordinal)) return GroupOrder[3];
        return GroupOrder[4];
    }

    public string InputName(string key) => _inputNames.TryGetValue(key, out var name) ? name : key;

    /// <summary>Everything a result's figures rest on: costs, prices, subsidies and the CO2 factors.</summary>
    public static IEnumerable<Citation> Citations(ResidentResult r) =>
        CostCitations(r).Concat(r.Co2Lines.Select(l => l.Factor.Source));

    /// <summary>What the costs of a result rest on (not its CO2): the items a resident sees, the annual costs, and the study's bookkeeping.</summary>
    public static IEnumerable<Citation> CostCitations(ResidentResult r) =>
        r.ResidentOneOffs.Select(l => l.Source).Concat(r.Annual.Select(l => l.Source)).Concat(r.Reconciliations.Select(x => x.Source));

    /// <summary>A dwelling's results in the scenario's variant order (made once per view: each of its tables and charts asks).</summary>
    public IReadOnlyList<ResidentResult> ForDwelling(string dwelling) =>
        Memo(dwelling).Results ??= N.Variants.Select(v => R.Resident(dwelling, v.Id)).ToList();

    // What a dwelling's tables, charts and sentences ask for again and again, worked out once: a view draws one
    // neighbourhood's pages on one thread, and its results do not change.
    private sealed class DwellingMemo
    {
        public IReadOnlyList<ResidentResult>? Results;
        public ComparisonOutcome? CheapestTco, LowestMonthly;
    }

    private readonly Dictionary<string, DwellingMemo> _memo = new(StringComparer.Ordinal);

    private DwellingMemo Memo(string dwelling)
    {
        if (!_memo.TryGetValue(dwelling, out var memo)) _memo[dwelling] = memo = new DwellingMemo();
        return memo;
    }

    /// <summary>A variant's name inside a sentence: "de hybride warmtepomp", lower-case unless it starts with an abbreviation.</summary>
    public string NameInSentence(string variant) => Labels.InSentence(N.Variant(variant).Name);

    private static string Difference(decimal v) =>
        v == 0m ? DutchFormat.Euro(0m) : v > 0m ? "+" + DutchFormat.Space + DutchFormat.Euro(v) : DutchFormat.Euro(v);

    /// <summary>The cheapest rule over 30 years for one dwelling (issue 13): one winner only when the ranges do not overlap.</summary>
    public ComparisonOutcome CheapestTco(string dwelling) => Memo(dwelling).CheapestTco ??= Comparison.CheapestTco(ForDwelling(dwelling));

    public ComparisonOutcome LowestMonthly(string dwelling) => Memo(dwelling).LowestMonthly ??= Comparison.LowestMonthly(ForDwelling(dwelling));

    /// <summary>The badge a result gets: "goedkoopst" when it clearly is, "ongeveer even duur" when it is among the closest.</summary>
    /// <remarks>
    /// None when every choice is among the closest: the badge on every row said nothing, and a screen reader repeated it
    /// after each amount. The note under the table says that they are all about equal (<see cref="AllAboutEqual"/>).
    /// </remarks>
    private (string? Badge, string? Class, bool Marked) Mark(ComparisonOutcome outcome, string variant, string cheapest) =>
        !outcome.Options.Contains(variant) || AllAboutEqual(outcome) ? (null, null, false)
        : outcome.Clear ? (cheapest, "badge--cheapest", true)
        : ("ongeveer even duur", "badge--about-equal", true);

    /// <summary>Whether no choice stands apart: every one of them is about as expensive as the cheapest.</summary>
    public bool AllAboutEqual(ComparisonOutcome outcome) => !outcome.Clear && outcome.Options.Count >= N.Variants.Count;

    /// <summary>The sentence a table's note starts with when all choices are about equal; else nothing.</summary>
    private string AllAboutEqualNote(ComparisonOutcome outcome) => AllAboutEqual(outcome)
        ? "Alle keuzes zijn ongeveer even duur: de verschillen vallen binnen de onzekerheid van de cijfers. " : "";

    /// <summary>A marked row stands out only when one option is clearly cheapest; rows that are about equal are marked in text.</summary>
    private static string? RowClass(ComparisonOutcome outcome, bool marked) => !marked ? null : outcome.Clear ? "is-cheapest" : "is-about-equal";

    /// <summary>The plain sentence under a table or chart that explains a marking without a winner.</summary>
    public string AboutEqualNote(ComparisonOutcome outcome, string what) => outcome.Clear
        ? $"{Labels.Capitalise(NameInSentence(outcome.Lowest))} is {what} het goedkoopst, ook als de kosten tegenvallen."
        : $"{Labels.Capitalise(Labels.JoinAnd(outcome.Options.Select(NameInSentence).ToList()))} zijn {what} ongeveer even duur: "
          + "de verschillen vallen binnen de onzekerheid van de cijfers. U kunt dus ook op andere punten kiezen.";

    /// <summary>The 30-year cost of every variant for one dwelling with its range, compared with the gas boiler.</summary>
    public Table TcoTable(string dwelling)
    {
        var results = ForDwelling(dwelling);
        var outcome = CheapestTco(dwelling);
        decimal? reference = Reference is null ? null : Display.TcoValue(R.Resident(dwelling, Reference.Id).Tco);
        var rows = results.Select(r =>
        {
            var v = N.Variant(r.VariantId);
            var (badge, badgeClass, marked) = Mark(outcome, r.VariantId, "goedkoopst");
            string diff = reference is null ? "" : v.Id == Reference!.Id ? "basis" : Difference(Display.TcoValue(r.Tco) - reference.Value);
            return new Row(
            [
                new Cell(v.Name, Header: true, Href: Href(SitePaths.Variant(N, v.Id)), Badge: badge, BadgeClass: badgeClass),
                new Cell(Display.Tco(r.Tco), Num: true, Note: Display.TcoRange(r.TcoRange)),
                new Cell(diff, Num: true),
                new Cell(Display.Monthly(r.MonthlyCost), Num: true),
            ], RowClass(outcome, marked));
        }).ToList();
        string years = DutchFormat.Number(N.Input.Assumptions.HorizonYears.Value);
        return new Table(UniqueId("tco"), $"Totale kosten over {years} jaar: {N.Dwelling(dwelling).Name.ToLowerInvariant()}",
            [new Cell("Keuze"), new Cell($"Totaal over {years} jaar", Num: true),
             new Cell("Verschil met gasketel", Num: true), new Cell("Per maand", Num: true)],
            rows, Sources(results.SelectMany(r => r.ResidentOneOffs.Select(l => l.Source).Concat(r.Annual.Select(l => l.Source))
                .Concat(r.Reconciliations.Where(x => x.TcoAmount != 0m).Select(x => x.Source)))),
            AllAboutEqualNote(outcome) + "Bedragen inclusief btw, na aftrek van subsidie, afgerond op € 10. Onder elk bedrag staat tussen welke bedragen het "
            + $"waarschijnlijk ligt. Per maand: het eerste jaar{AsTheStudy}.",
            Explanations(results, r => r.TcoAmount != 0m || r.UpfrontAmount != 0m));
    }

    /// <summary>
    /// Where the study's bookkeeping differs from the items shown: once per kind of difference, in plain Dutch. One text
    /// for all the choices it applies to when its amount is the same for each; else a text per amount, naming its choices
    /// (the gas boiler's and the hybrid's monthly differences are € 13 and € 26: one text said € 13 for both).
    /// </summary>
    private IReadOnlyList<string> Explanations(IEnumerable<ResidentResult> results, Func<ReconcilingAmount, bool> relevant) =>
        results.SelectMany(r => r.Reconciliations.Where(relevant).Select(x => (r.VariantId, Text: x.Describe(a => DutchFormat.Euro(DecimalMath.RoundHalfUp(a))), x.Id)))
            .GroupBy(t => t.Id)
            .SelectMany(kind =>
            {
                var byText = kind.GroupBy(t => t.Text, StringComparer.Ordinal).ToList();
                return byText.Select(g => byText.Count == 1 && g.Count() > 1
                    ? g.Key
                    : $"Bij {Labels.JoinAnd(g.Select(t => NameInSentence(t.VariantId)).Distinct().ToList())}: {char.ToLowerInvariant(g.Key[0])}{g.Key[1..]}");
            })
            .Distinct(StringComparer.Ordinal).ToList();

    public ChartView TcoChart(string dwelling)
    {
        var results = ForDwelling(dwelling);
        var outcome = CheapestTco(dwelling);
        var bars = results.Select(r =>
        {
            var (badge, _, marked) = Mark(outcome, r.VariantId, "goedkoopst");
            var range = DisplayRounding.TcoRange(r.TcoRange);
            return new Bar(N.Variant(r.VariantId).Name + (badge is null ? "" : $" ({badge})"), Display.TcoValue(r.Tco), Display.Tco(r.Tco), marked && outcome.Clear,
                Range: new BarRange(range.Low, range.High, Display.TcoRange(r.TcoRange)));
        }).ToList();
        string years = DutchFormat.Number(N.Input.Assumptions.HorizonYears.Value);
        return BarChart.Layout(UniqueId("tco-chart"), $"Totale kosten over {years} jaar per keuze",
            "euro, inclusief btw en na subsidie; de streep toont tussen welke bedragen het waarschijnlijk ligt", bars,
            Summary(results, r => Display.TcoValue(r.Tco), r => Display.Tco(r.Tco), outcome, $"over {years} jaar"));
    }

    /// <summary>
    /// Start-year monthly cost per variant: energy and fixed costs, which add up to the total. Where the study prints
    /// another monthly figure (it leaves out part of the fixed costs), that figure stands next to it, with the reason.
    /// </summary>
    public Table MonthlyTable(string dwelling)
    {
        var results = ForDwelling(dwelling);
        var outcome = LowestMonthly(dwelling);
        bool anyDifference = results.Any(r => DecimalMath.RoundHalfUp(r.MonthlyCostRecomputed) != DecimalMath.RoundHalfUp(r.MonthlyCost));
        var rows = results.Select(r =>
        {
            var v = N.Variant(r.VariantId);
            decimal energy = r.ResidentMonthly.Where(l => l.Kind == LineKind.Variable).Sum(l => l.Amount);
            decimal fixedCost = r.ResidentMonthly.Where(l => l.Kind == LineKind.Fixed).Sum(l => l.Amount);
            // The columns must add up on the page: the total is the sum of the rounded parts' sources, rounded once.
            var (badge, badgeClass, marked) = Mark(outcome, r.VariantId, "laagst");
            var cells = new List<Cell>
            {
                new(v.Name, Header: true, Href: Href(SitePaths.Variant(N, v.Id)), Badge: badge, BadgeClass: badgeClass),
                new(Display.Monthly(energy), Num: true),
                new(Display.Monthly(fixedCost), Num: true),
                new(Display.Monthly(r.MonthlyCostRecomputed), Num: true),
            };
            if (anyDifference) cells.Add(new Cell(Display.Monthly(r.MonthlyCost), Num: true, Note: Display.MonthlyRange(r.MonthlyRange)));
            else cells[^1] = cells[^1] with { Note = Display.MonthlyRange(r.MonthlyRange) };
            return new Row(cells, RowClass(outcome, marked));
        }).ToList();
        var headers = new List<Cell> { new("Keuze"), new("Energie", Num: true), new("Vaste lasten", Num: true), new("Totaal per maand", Num: true) };
        if (anyDifference) headers.Add(new Cell("Volgens de studie", Num: true));
        string note = AllAboutEqualNote(outcome) + "Eerste jaar, inclusief btw, zonder de aankoop van installaties. Afgerond op hele euro's; door afronding kan de som een euro afwijken. "
                      + (anyDifference
                          ? "De studie noemt voor sommige keuzes een lager bedrag per maand; daaronder staat tussen welke bedragen het ligt als energie goedkoper of duurder wordt."
                          : "Onder het totaal staat tussen welke bedragen het ligt als energie goedkoper of duurder wordt.")
                      + (outcome.Clear ? " Laagst betekent: ook als energie goedkoper of duurder wordt, blijft deze keuze per maand het laagst." : "");
        return new Table(UniqueId("monthly"), $"Kosten per maand in het eerste jaar: {N.Dwelling(dwelling).Name.ToLowerInvariant()}",
            headers, rows, Sources(results.SelectMany(r => r.ResidentMonthly.Select(l => l.Source))), note,
            Explanations(results, x => x.MonthlyAmount != 0m));
    }

    public ChartView MonthlyChart(string dwelling)
    {
        var results = ForDwelling(dwelling);
        var outcome = LowestMonthly(dwelling);
        var bars = results.Select(r =>
        {
            var (badge, _, marked) = Mark(outcome, r.VariantId, "laagst");
            var range = DisplayRounding.MonthlyRange(r.MonthlyRange);
            return new Bar(N.Variant(r.VariantId).Name + (badge is null ? "" : $" ({badge})"), DecimalMath.RoundHalfUp(r.MonthlyCost),
                Display.Monthly(r.MonthlyCost), marked && outcome.Clear, Range: new BarRange(range.Low, range.High, Display.MonthlyRange(r.MonthlyRange)));
        }).ToList();
        return BarChart.Layout(UniqueId("monthly-chart"), "Kosten per maand in het eerste jaar",
            $"euro per maand, inclusief btw{AsTheStudy}; de streep toont het bedrag als energie goedkoper of duurder wordt", bars,
            Summary(results, r => DecimalMath.RoundHalfUp(r.MonthlyCost), r => Display.Monthly(r.MonthlyCost), outcome, "per maand"));
    }

    /// <summary>
    /// A chart's sentence. With a clear cheapest choice: "Het laagst is de gasketel (€ ...), het hoogst het kleinschalige
    /// warmtenet (€ ...)." and then that it stays cheapest. Without one, that comes first, and the amounts follow as a span
    /// ("De bedragen lopen van € ... (de gasketel) tot € ... (...)."): the lowest bar is then not the one to choose.
    /// </summary>
    private string Summary(IReadOnlyList<ResidentResult> results, Func<ResidentResult, decimal> value, Func<ResidentResult, string> shown,
        ComparisonOutcome outcome, string what)
    {
        var low = results.MinBy(value)!;
        var high = results.MaxBy(value)!;
        string note = AboutEqualNote(outcome, what);
        if (value(low) == value(high)) return $"Alle keuzes kosten ongeveer evenveel ({shown(low)}). {note}";
        return outcome.Clear
            ? $"Het laagst is {NameInSentence(low.VariantId)} ({shown(low)}), het hoogst {NameInSentence(high.VariantId)} ({shown(high)}). {note}"
            : $"{note} De bedragen lopen van {shown(low)} ({NameInSentence(low.VariantId)}) tot {shown(high)} ({NameInSentence(high.VariantId)}).";
    }

    /// <summary>
    /// One-off costs and subsidies of one variant for one dwelling, with when they fall due: only what a resident pays
    /// or receives (subsidies at the amount the study states per measure). The up-front total is rounded to € 100.
    /// </summary>
    public Table OneOffTable(string dwelling, string variant)
    {
        var r = R.Resident(dwelling, variant);
        var rows = r.ResidentOneOffs.Select(l => new Row(
        [
            new Cell(Labels.Line(l), Header: true, Badge: Badge(l.Source.Basis), BadgeClass: BadgeClass(l.Source.Basis)),
            new Cell(l.Year is 0 ? "nu" : $"over {l.Year} jaar", Num: false),
            new Cell(Display.Money(l.Amount), Num: true),
        ])).ToList();
        bool subsidised = r.ResidentOneOffs.Any(l => l.Kind == LineKind.Subsidy);
        rows.Add(new Row([new Cell(subsidised ? "Nu te betalen, na subsidie" : "Nu te betalen", Header: true), new Cell("nu"),
            new Cell("ongeveer " + Display.Upfront(r.ResidentUpfront), Num: true, Note: Display.UpfrontRange(r.ResidentUpfrontRange))], "total"));
        var notes = new List<string> { "Het totaal is afgerond op € 100; eronder staat tussen welke bedragen het waarschijnlijk ligt." };
        if (r.ResidentOneOffs.Any(l => l.Year > 0)) notes.Add("Een vervanging later telt in de totale kosten mee met het prijspeil van nu.");
        return new Table(UniqueId("oneoff"), $"Eenmalige kosten en subsidie: {N.Variant(variant).Name.ToLowerInvariant()}",
            [new Cell("Post"), new Cell("Wanneer"), new Cell("Bedrag", Num: true)], rows,
            Sources(r.ResidentOneOffs.Select(l => l.Source).Concat(r.Reconciliations.Where(x => x.UpfrontAmount != 0m || x.TcoAmount != 0m).Select(x => x.Source))),
            string.Join(" ", notes), Explanations([r], x => x.UpfrontAmount != 0m || x.TcoAmount != 0m));
    }

    public static string? Badge(Basis b) => b switch
    {
        Basis.Inferred => "afgeleid",
        Basis.Calibration => "correctie",
        Basis.External => "externe bron",
        Basis.Assumption => "aanname",
        Basis.Example => "voorbeeld",
        _ => null,
    };

    public static string? BadgeClass(Basis b) => b switch
    {
        Basis.Inferred or Basis.External or Basis.Assumption or Basis.Example => "badge--inferred",
        Basis.Calibration => "badge--calibration",
        _ => null,
    };

    /// <summary>", volgens de studie" where the monthly cost is the study's (method study: without part of the fixed costs), else nothing.</summary>
    private string AsTheStudy => N.Input.Method == SiteGen.Calculation.Inputs.HeatDemandMethod.Study ? ", volgens de studie" : "";

    /// <summary>CO2 per year of every variant for one dwelling, from the same energy use as the costs.</summary>
    public Table Co2Table(string dwelling)
    {
        var results = ForDwelling(dwelling);
        decimal? reference = Reference is null ? null : Display.Co2Value(R.Resident(dwelling, Reference.Id).Co2Kg);
        var rows = results.Select(r =>
        {
            var v = N.Variant(r.VariantId);
            decimal kg = Display.Co2Value(r.Co2Kg);
            string diff = reference is null ? "" : v.Id == Reference!.Id ? "basis"
                : reference.Value == 0m ? "" : DutchFormat.Percent((kg - reference.Value) / reference.Value);
            return new Row([new Cell(v.Name, Header: true, Href: Href(SitePaths.Variant(N, v.Id))), new Cell(Display.Co2(r.Co2Kg), Num: true), new Cell(diff, Num: true)]);
        }).ToList();
        return new Table(UniqueId("co2"), $"CO2-uitstoot per jaar: {N.Dwelling(dwelling).Name.ToLowerInvariant()}",
            [new Cell("Keuze"), new Cell("CO2 per jaar", Num: true), new Cell("Verschil met gasketel", Num: true)],
            rows, Sources(results.SelectMany(r => r.Co2Lines.Select(l => l.Factor.Source))),
            "Berekend voor dit huis, met hetzelfde gas-, stroom- en warmteverbruik als de kosten. Bij een warmtenet telt de stroom "
            + "die het warmtenet per geleverde GJ gebruikt.");
    }

    /// <summary>
    /// What lower take-up does to a heat network (issue 13): the funding gap in total and per connection at each share,
    /// and what each home would pay if the gap were passed on as a connection contribution (study §8.2).
    /// </summary>
    public Table? ParticipationTable(string variant)
    {
        var c = R.Collective(variant);
        if (c is null || c.Participation.Count == 0) return null;
        var rows = c.Participation.Select(p => new Row(
        [
            // "doet mee" with the share: on a phone the column's header is not shown above a row's own header.
            new Cell(DutchFormat.Percent(p.Share) + " doet mee" + (p.IsStudyCase ? " (zoals de studie)" : ""), Header: true),
            new Cell(DutchFormat.Number(p.Connections), Num: true),
            new Cell(DutchFormat.Euro(DutchFormat.RoundTo(p.FundingGapTotal, 1000m)), Num: true,
                Note: p.FundingGapLow != p.FundingGapHigh ? $"{DutchFormat.Euro(DutchFormat.RoundTo(p.FundingGapLow, 1000m))} tot {DutchFormat.Euro(DutchFormat.RoundTo(p.FundingGapHigh, 1000m))}" : null),
            new Cell(DutchFormat.Euro(DutchFormat.RoundTo(p.ContributionPerHome, 100m)), Num: true),
        ])).ToList();
        var input = N.Input.Variants.First(v => v.Id == variant).Collective!;
        var citations = c.Participation.Select(p => p.ShareSource).Concat(input.Capex.Select(x => x.Amount.Source))
            .Append(N.Input.Assumptions.WaccPublic.Source).Append(N.Input.Assumptions.VatFactor.Source);
        return new Table(UniqueId("participation"), $"Als niet iedereen meedoet: {N.Variant(variant).Name.ToLowerInvariant()}",
            [new Cell("Deel van de huizen dat meedoet"), new Cell("Aansluitingen", Num: true), new Cell("Tekort warmtebedrijf (zonder btw)", Num: true),
             new Cell("Per huis als aansluitbijdrage (met btw)", Num: true)],
            rows, Sources(citations),
            "Het tekort (de onrendabele top) is wat er bij de start ontbreekt om het warmtenet rendabel te maken. Hoe minder huizen meedoen, "
            + "hoe groter het tekort per huis: de leidingen en de warmtebron kosten bijna evenveel, maar er betalen minder huizen mee. "
            + "De studie noemt een bijdrage van de bewoners bij de aansluiting als één manier om het tekort te dekken; subsidie of geld van de gemeente zijn andere. "
            + "Publiek warmtebedrijf, zonder subsidie. Tekort afgerond op € 1.000, met eronder de marge van de investering; per huis afgerond op € 100.");
    }

    /// <summary>The funding gap of a collective variant: modelled and, where the study gives one, published.</summary>
    public Table BusinessCaseTable(string variant)
    {
        var c = R.Collective(variant) ?? throw new InvalidOperationException($"'{variant}' is not a collective variant");
        var gaps = c.BusinessCase.FundingGaps.Where(g => g.Subsidy == SubsidyCase.None || g.Applicable || g.Published is not null).ToList();
        var rows = gaps.Select(g => new Row(
        [
            new Cell($"{Labels.Capitalise(Labels.Operator(g.Operator))}, {Labels.Subsidy(g.Subsidy)}", Header: true),
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
        doc is null ? SafeHtml.Empty : NarrativeHtml.Render(doc, sc => Shortcode(sc, theme), target => Href($"{N.Id}/{target}"));
}
