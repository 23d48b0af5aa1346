using System.Text;
using SiteGen.Calculation;
using SiteGen.Calculation.Collective;
using SiteGen.Calculation.Inputs;
using SiteGen.Content.Model;
using SiteGen.Rendering.Formatting;
using SiteGen.Rendering.Markdown;
using SiteGen.Rendering.OpenData;
using SiteGen.Rendering.Pipeline;
using SiteGen.Rendering.Text;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Pages;

/// <summary>
/// Draws every page of the site: one method per page kind, each preparing a view model for its layout in
/// themes/&lt;theme&gt;/layouts/. The dwelling page is drawn by <see cref="DwellingPage"/> with layouts/dwelling.hbs.
/// </summary>
/// <param name="maxDegreeOfParallelism">Neighbourhoods drawn at once; -1 for as many as the machine has cores, 1 for a sequential build.</param>
public sealed class SiteRenderer(SiteContent content, IReadOnlyList<(Neighbourhood N, NeighbourhoodResult R)> results, ThemeSet themes,
    int maxDegreeOfParallelism = -1)
{

    public const string SiteName = "Van het gas af";

    /// <param name="reuse">For a neighbourhood whose inputs did not change: its files in the previous output, carried over unrendered.</param>
    /// <returns>The files each neighbourhood produced.</returns>
    /// <param name="progress">Called with (drawn, to draw) after each neighbourhood and once at the end, from any thread, serialised.</param>
    /// <param name="drawn">Called with a neighbourhood's index once the renderer no longer needs its entry of the results (from any thread).</param>
    public Dictionary<string, List<string>> RenderAll(SiteFiles files, Func<Neighbourhood, IReadOnlyList<SiteFiles.Carried>?>? reuse = null,
        Action<int, int>? progress = null, Action<int>? drawn = null)
    {
        files.Add(SitePaths.Home, HomePage());
        if (ByMunicipality)
            foreach (var m in content.Municipalities) files.Add(SitePaths.Municipality(m.Id), MunicipalityPage(m));
        files.Add(SitePaths.OpenData, OpenDataPage());
        var produced = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Which neighbourhoods are carried over is decided first, in order (the callback looks at the previous output).
        var previous = results.Select(x => reuse?.Invoke(x.N)).ToArray();
        var ids = results.Select(x => x.N.Id).ToArray();
        // The others are drawn in parallel: each neighbourhood's pages depend only on the shared, read-only content,
        // its own view (which numbers the page's unique ids) and a fresh template context per render. The results are
        // merged in the neighbourhoods' order, so the site is byte for byte what a sequential build makes, and a
        // template error is reported for the first failing neighbourhood, as a sequential build would. Each file is
        // prepared as soon as it is drawn (for a build that writes: staged and scanned, its bytes dropped), so the
        // merge only orders what was kept of it.
        var made = new (List<(string Path, SiteFiles.Rendered File)>? Files, Exception? Error)[results.Count];
        var todo = Enumerable.Range(0, results.Count).Where(i => previous[i] is null).ToArray();
        int done = 0;
        Parallel.ForEach(todo, Content.Loading.Cores.Options(maxDegreeOfParallelism), i =>
        {
            var (n, r) = results[i];
            try
            {
                made[i] = (Draw(files, n, r), null);
            }
            catch (Exception e)
            {
                made[i] = (null, e);
            }
            drawn?.Invoke(i);
            if (progress is not null) lock (made) progress(++done, todo.Length);
        });
        if (progress is not null && todo.Length > 0) progress(todo.Length, todo.Length);
        for (int i = 0; i < results.Count; i++)
        {
            if (previous[i] is { } carried)
            {
                var (n, r) = results[i];
                string calculator = CalculatorFiles.CalculatorPath(n);
                foreach (var file in carried) files.CarryOver(file);
                var paths = carried.Select(p => p.Path).ToList();
                // An output made before the calculator file was listed with its neighbourhood: make it once more.
                if (!paths.Contains(calculator))
                {
                    files.Add(calculator, CalculatorViews.CalculatorJson(n, r));
                    paths.Add(calculator);
                    paths.Sort(StringComparer.Ordinal);
                }
                produced[n.Id] = paths;
                drawn?.Invoke(i);
                continue;
            }
            var (own, error) = made[i];
            if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            // Its own list of what it added (ordinal, as the manifest keeps it): diffing the whole site's path set
            // before and after each neighbourhood made the render step quadratic.
            foreach (var (path, file) in own!) files.Add(path, file);
            produced[ids[i]] = own.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
            made[i] = default; // what was kept of the files now lives in files only
        }
        // Every municipality's theme publishes its assets, also when none of its pages was re-rendered.
        foreach (var m in content.Municipalities)
        {
            themes.For(m.Id);
            if (m.Style.Colours.Count > 0) files.Add(HouseStyleCss(m.Id), HouseStyleTokens(m.Style));
        }
        foreach (var theme in themes.Loaded)
            foreach (var (path, bytes) in theme.Assets)
                files.Add($"assets/{theme.Name}/{path}", bytes);
        return produced;
    }

    /// <summary>
    /// Draws one neighbourhood's pages and files and prepares each as soon as it is drawn (see <see cref="SiteFiles.Prepare"/>);
    /// from any thread. Returns them in the order drawn, for the caller to add to the site in the neighbourhoods' order.
    /// </summary>
    public List<(string Path, SiteFiles.Rendered File)> Draw(SiteFiles files, Neighbourhood n, NeighbourhoodResult r)
    {
        var own = new List<(string, SiteFiles.Rendered)>();
        void Add(string path, byte[] bytes) => own.Add((path, files.Prepare(path, bytes)));
        RenderNeighbourhood((path, text) => own.Add((path, files.Prepare(path, text))), Add, n, r);
        // The calculator's data file depends on the neighbourhood's inputs only, so it belongs to the neighbourhood's
        // files: carried over with its pages, not recomputed (the personal model is the costliest part of a rebuild).
        Add(CalculatorFiles.CalculatorPath(n), CalculatorViews.CalculatorJson(n, r));
        CalculatorViews.Forget(r);
        return own;
    }

    private void RenderNeighbourhood(Action<string, PageText> add, Action<string, byte[]> addBytes, Neighbourhood n, NeighbourhoodResult r)
    {
        var view = new NeighbourhoodView(content, n, r);
        var theme = themes.For(n.Id[..n.Id.IndexOf('/')]);
        add(SitePaths.Neighbourhood(n), NeighbourhoodPage(view, theme));
        foreach (var d in n.Dwellings) add(SitePaths.Dwelling(n, d.Id), DwellingPage(view, theme, d));
        foreach (var v in n.Variants) add(SitePaths.Variant(n, v.Id), VariantPage(view, theme, v));
        add(SitePaths.StepPlans(n), StepPlansPage(view, theme));
        add(SitePaths.Assumptions(n), AssumptionsPage(view, theme));
        add(SitePaths.Changes(n), ChangesPage(view, theme));
        if (Municipality(n).Glossary.Count > 0) add(SitePaths.Glossary(n), GlossaryPage(view, theme));
        // Images and documents of bestanden/: all of them, byte for byte (also those no narrative links yet).
        foreach (var f in n.Files) addBytes(SitePaths.File(n, f), Content.Loading.FileBytes.Read(f.FullPath));
    }

    // ---- layout ------------------------------------------------------------------------------------

    /// <param name="own">For a page of a municipality that is not a neighbourhood's: the municipality whose house style it wears.</param>
    private PageText Layout(Theme theme, string page, string title, string layout, object model, IReadOnlyList<Link> crumbs, Neighbourhood? n,
        Municipality? own = null)
    {
        // The first use of every glossary term on the page links to its definition (GlossaryMarker): that needs the
        // layout's text. Otherwise the layout is drawn straight into the page (Theme.Body).
        object body = n is not null && layout != "glossary" && Municipality(n).Glossary is { Count: > 0 } terms
            ? new SafeHtml(GuideViews.MarkTerms(theme.Render(layout, model), terms, theme, page, SitePaths.Glossary(n)))
            : theme.Body(layout, model);
        var nav = new List<Link>();
        if (n is not null)
        {
            nav.Add(new Link("Overzicht wijk", SitePaths.Relative(page, SitePaths.Neighbourhood(n)), page == SitePaths.Neighbourhood(n)));
            nav.Add(new Link("Stappenplannen", SitePaths.Relative(page, SitePaths.StepPlans(n)), page == SitePaths.StepPlans(n)));
            nav.Add(new Link("Uitgangspunten en bronnen", SitePaths.Relative(page, SitePaths.Assumptions(n)), page == SitePaths.Assumptions(n)));
            if (Municipality(n).Glossary.Count > 0)
                nav.Add(new Link("Begrippen", SitePaths.Relative(page, SitePaths.Glossary(n)), page == SitePaths.Glossary(n)));
            nav.Add(new Link("Wat is er veranderd", SitePaths.Relative(page, SitePaths.Changes(n)), page == SitePaths.Changes(n)));
        }
        nav.Add(new Link("Open data", SitePaths.Relative(page, SitePaths.OpenData), page == SitePaths.OpenData));
        var m = n is null ? own : Municipality(n);
        var style = m?.Style ?? HouseStyle.None;
        var contact = Contact(style);
        // A theme's own images and files: their folder as published, from this page.
        string assets = SitePaths.Relative(page, $"assets/{theme.Name}/");
        var footer = new FooterView(m?.Name, n?.Name, n is null ? null : SitePaths.Relative(page, SitePaths.Assumptions(n)),
            style.FooterLinks.Select(l => new Link(l.Text, l.Url)).ToList(), contact, assets);
        string siteName = m?.Name ?? SiteName;
        string Asset(string path) => assets + path;
        string? logo = style.Logo is { } lg ? Asset(lg.File) : null;
        var frame = new LayoutModel(title, siteName, logo ?? Asset("favicon.svg"), Asset("css/tokens.css"),
            m is not null && style.Colours.Count > 0 ? SitePaths.Relative(page, HouseStyleCss(m.Id)) : null,
            Asset("css/site.css"), Asset("css/print.css"),
            // The municipality's name leads to its own page where the site has several (the home page lists them all).
            new HeaderView(siteName, SitePaths.Relative(page, m is not null && ByMunicipality ? SitePaths.Municipality(m.Id) : SitePaths.Home), logo, style.Logo?.Alt, assets),
            crumbs, nav, body, footer, Concept: n?.HasPlaceholders ?? content.HasPlaceholders, AssetsHref: assets);
        return theme.RenderPage("base", frame);
    }

    private static ContactView? Contact(HouseStyle style) => style.Contact is { } c
        ? new ContactView(c.Name, c.Url, c.Phone, c.Phone is null ? null : "tel:" + new string(c.Phone.Where(ch => char.IsDigit(ch) || ch == '+').ToArray()))
        : null;

    /// <summary>"Waar kan ik terecht?" for a dwelling or variant page: the municipality's contact and help.yaml's links.</summary>
    private HelpView Help(Neighbourhood n) => GuideViews.Help(Municipality(n), Contact(Municipality(n).Style), content.Help);

    /// <summary>The municipality's colours from municipality.yaml, as the design tokens they set; loaded after tokens.css.</summary>
    public static string HouseStyleCss(string municipality) => $"assets/{municipality}/css/house-style.css";

    private static byte[] HouseStyleTokens(HouseStyle style) => System.Text.Encoding.UTF8.GetBytes(
        "/* Made by SiteGen from the colours in municipality.yaml. */\n:root {\n"
        + string.Concat(style.Colours.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"  {HouseStyle.ColourTokens[c.Key]}: {c.Value};\n"))
        + "}\n");

    // By id ("municipality/slug"), built once: a linear search per page was quadratic in the site's size, and a build that
    // let go of the content's neighbourhoods (SiteContent.ListingsOnly) still finds their municipality.
    private readonly Dictionary<string, Municipality> _municipalities = content.Municipalities.ToDictionary(m => m.Id, StringComparer.Ordinal);

    private Municipality Municipality(Neighbourhood n) => _municipalities[n.Id[..n.Id.IndexOf('/')]];

    private static List<Link> Crumbs(string page, params (string Text, string Target)[] trail) =>
        trail.Select((t, i) => new Link(t.Text, SitePaths.Relative(page, t.Target), i == trail.Length - 1)).ToList();

    /// <summary>
    /// The trail of a neighbourhood's page: Home, on a site of several municipalities the municipality's page (where a
    /// resident finds the other neighbourhoods), the neighbourhood, and <paramref name="title"/> for a page under it.
    /// </summary>
    private List<Link> Crumbs(string page, Neighbourhood n, string? title = null)
    {
        var trail = new List<(string, string)> { ("Home", SitePaths.Home) };
        if (ByMunicipality && Municipality(n) is var m) trail.Add((m.Name, SitePaths.Municipality(m.Id)));
        trail.Add((n.Name, SitePaths.Neighbourhood(n)));
        if (title is not null) trail.Add((title, page));
        return Crumbs(page, [.. trail]);
    }

    // ---- pages -------------------------------------------------------------------------------------

    /// <summary>
    /// A site of more than one municipality (a province, the country) lists its municipalities on the home page and each
    /// municipality's neighbourhoods on a page of its own, as Hugo lists a section: one home page with every card grew
    /// with the site (445 KB at 2,000 neighbourhoods, 3 MB for the country) for a resident on a phone, and for the build.
    /// </summary>
    private bool ByMunicipality => content.Municipalities.Count > 1;

    /// <summary>
    /// The municipality of a site of one: its home page and open-data page are in its house style (theme, logo, name,
    /// contact), as every other page is. They were in the default look, so the logo on Putten's pages led to a page
    /// without it. A site of several keeps those pages neutral.
    /// </summary>
    private Municipality? Only => ByMunicipality ? null : content.Municipalities.FirstOrDefault();

    /// <summary>The theme of the site-wide pages (home, open data): the only municipality's, else the default.</summary>
    private Theme SiteWideTheme => Only is { } only ? themes.For(only.Id) : themes.Default;

    private PageText HomePage()
    {
        string page = SitePaths.Home;
        var theme = SiteWideTheme;
        if (ByMunicipality)
        {
            var places = content.Municipalities.Select(m => (m.Id, new Card(m.Name, NeighbourhoodsIn(m), SitePaths.Relative(page, SitePaths.Municipality(m.Id))))).ToList();
            return Layout(theme, page, SiteName, "home", new
            {
                Title = SiteName, Municipalities = Array.Empty<object>(), Places = places.Select(p => p.Item2).ToList(),
                PlaceLetters = CardLetter.Group(places),
            }, [], null);
        }
        var municipalities = content.Municipalities.Select(m =>
        {
            var cards = NeighbourhoodCards(m, page);
            return new { m.Name, Neighbourhoods = cards.Select(c => c.Card).ToList(), NeighbourhoodLetters = CardLetter.Group(cards) };
        }).ToList();
        return Layout(theme, page, SiteName, "home", new
        {
            Title = SiteName, Municipalities = municipalities, Places = Array.Empty<Card>(), PlaceLetters = Array.Empty<CardLetter>(),
        }, [], null, Only);
    }

    /// <summary>A municipality's neighbourhoods as cards, each with its folder name; also those an incremental build kept without reading them.</summary>
    private static List<(string Slug, Card Card)> NeighbourhoodCards(Municipality m, string page) =>
        m.Listed.Select(n => (n.Slug, new Card(n.Name, n.Summary ?? $"Wat kost verwarmen zonder aardgas in {n.Name}?",
            SitePaths.Relative(page, SitePaths.Neighbourhood(n.Id))))).ToList();

    /// <summary>"3 wijken: De Akkers, Molenkwartier en Zuid." for a municipality's card; of more than three, the number and the first three.</summary>
    private static string NeighbourhoodsIn(Municipality m)
    {
        var names = m.Listed.Select(n => n.Name).ToList();
        string count = names.Count == 1 ? "1 wijk" : $"{names.Count} wijken";
        if (names.Count == 0) return "Nog geen wijken.";
        if (names.Count <= 3)
            return $"{count}: {(names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " en " + names[^1])}.";
        return $"{count}, onder andere {names[0]}, {names[1]} en {names[2]}.";
    }

    private PageText MunicipalityPage(Municipality m)
    {
        string page = SitePaths.Municipality(m.Id);
        // In the municipality's house style, as its neighbourhoods' pages are: a resident sees it from here on.
        var cards = NeighbourhoodCards(m, page);
        return Layout(themes.For(m.Id), page, m.Name, "municipality", new
            {
                Title = m.Name, Neighbourhoods = cards.Select(c => c.Card).ToList(), NeighbourhoodLetters = CardLetter.Group(cards),
            },
            Crumbs(page, ("Home", SitePaths.Home), (m.Name, page)), null, m);
    }

    private PageText NeighbourhoodPage(NeighbourhoodView view, Theme theme)
    {
        var n = view.N;
        string page = SitePaths.Neighbourhood(n);
        view.StartPage(page);
        var facts = n.Facts.Select(f => new Fact(f.Label, FactValue(f), view.CiteHref($"{n.Id}:facts.{f.Id}"))).ToList();
        var model = new
        {
            Title = n.Name,
            Lead = n.Index?.Summary ?? "",
            Municipality = Municipality(n).Name,
            Facts = facts,
            Chooser = Chooser.Build(view),
            Overview = new[] { OverviewTable(view, tco: true), OverviewTable(view, tco: false) },
            Narrative = view.Narrative(n.Index, theme),
            Dwellings = n.Dwellings.Select(d => new Card(d.Name, d.Narrative?.Summary ?? "", view.Href(SitePaths.Dwelling(n, d.Id)))).ToList(),
            Variants = n.Variants.Select(v => new Card($"{v.Number}. {v.Name}", v.Narrative?.Summary ?? v.Description ?? "", view.Href(SitePaths.Variant(n, v.Id)))).ToList(),
            StepPlansHref = view.Href(SitePaths.StepPlans(n)),
            AssumptionsHref = view.Href(SitePaths.Assumptions(n)),
        };
        return Layout(theme, page, n.Name, "neighbourhood", model, Crumbs(page, n), n);
    }

    /// <summary>The six variants side by side for every reference dwelling.</summary>
    private static Table OverviewTable(NeighbourhoodView view, bool tco)
    {
        var n = view.N;
        var headers = new List<Cell> { new("Keuze") };
        headers.AddRange(n.Dwellings.Select(d => new Cell(d.Name, Num: true)));
        var outcomes = n.Dwellings.ToDictionary(d => d.Id, d => tco ? view.CheapestTco(d.Id) : view.LowestMonthly(d.Id));
        // Houses for which every choice is about equal: their column has no badges, and the note names them.
        var allEqual = n.Dwellings.Where(d => view.AllAboutEqual(outcomes[d.Id])).Select(d => "de " + d.Name.ToLowerInvariant()).ToList();
        var rows = n.Variants.Select(v =>
        {
            var cells = new List<Cell> { new(v.Name, Header: true, Href: view.Href(SitePaths.Variant(n, v.Id))) };
            foreach (var d in n.Dwellings)
            {
                var r = view.R.Resident(d.Id, v.Id);
                var outcome = outcomes[d.Id];
                // No badge in a column where every choice is about equal (the note says so): it would stand on every row.
                string? badge = !outcome.Options.Contains(v.Id) || view.AllAboutEqual(outcome) ? null : outcome.Clear ? (tco ? "goedkoopst" : "laagst") : "ongeveer even duur";
                cells.Add(new Cell(tco ? Display.Tco(r.Tco) : Display.Monthly(r.MonthlyCost), Num: true,
                    Badge: badge, BadgeClass: badge is null ? null : outcome.Clear ? "badge--cheapest" : "badge--about-equal"));
            }
            return new Row(cells);
        }).ToList();
        return new Table(view.UniqueId(tco ? "overview-tco" : "overview-monthly"),
            tco ? $"Totale kosten over {n.Input.Assumptions.HorizonYears.Value} jaar per voorbeeldhuis" : "Kosten per maand in het eerste jaar per voorbeeldhuis",
            headers, rows, view.Sources(view.R.Residents.SelectMany(NeighbourhoodView.CostCitations)),
            (tco ? "Inclusief btw, na subsidie, afgerond op € 10." : "Inclusief btw, zonder de aankoop van installaties, afgerond op € 1.")
            + " 'Goedkoopst' staat er alleen als een keuze ook bij tegenvallende kosten goedkoper blijft dan alle andere; "
            + "anders staat bij de keuzes die dicht bij elkaar liggen 'ongeveer even duur'"
            + (allEqual.Count > 0 ? $", behalve bij {Labels.JoinAnd(allEqual)}: daar zijn alle keuzes ongeveer even duur" : "")
            + ". Op de pagina van elk voorbeeldhuis staan de marges.");
    }

    private PageText DwellingPage(NeighbourhoodView view, Theme theme, DwellingInfo d)
    {
        var n = view.N;
        string page = SitePaths.Dwelling(n, d.Id);
        view.StartPage(page);
        var input = n.Input.Dwellings.First(x => x.Id == d.Id);
        var results = view.ForDwelling(d.Id);
        var plan = n.StepPlans.Select(id => content.StepPlans[id]).FirstOrDefault(p => p.Audience == "bewoner");
        var inShort = InShort(view, d.Id);
        var model = new
        {
            Title = d.Name,
            Lead = d.Narrative?.Summary ?? "",
            Horizon = DutchFormat.Number(n.Input.Assumptions.HorizonYears.Value),
            // One point per question (over the horizon, without natural gas, per month, up front): a list reads better on a
            // phone than one paragraph. The joined text stays for themes that still print one paragraph.
            InShortPoints = inShort,
            InShort = string.Join(" ", inShort),
            Facts = DwellingFacts(view, d, input),
            Narrative = view.Narrative(d.Narrative, theme),
            TcoTable = view.TcoTable(d.Id),
            TcoChart = view.TcoChart(d.Id),
            MonthlyChart = view.MonthlyChart(d.Id),
            MonthlyTable = view.MonthlyTable(d.Id),
            Changes = results.Select(r => Changes(view, d, r)).ToList(),
            OneOffTables = n.Variants.Select(v => new { v.Name, Table = view.OneOffTable(d.Id, v.Id) }).ToList(),
            Co2Table = view.Co2Table(d.Id),
            StepPlan = plan is null ? null : StepPlanView(plan, n),
            StepPlansHref = view.Href(SitePaths.StepPlans(n)),
            // Whether a group of neighbours finds how to start a heat network on the page of step plans: not every neighbourhood has such a plan.
            HasNetworkPlans = n.StepPlans.Any(id => content.StepPlans[id].Audience == "initiatief"),
            AssumptionsHref = view.Href(SitePaths.Assumptions(n)),
            BreakEven = CalculatorViews.BreakEven(view, d.Id),
            Calculator = CalculatorViews.Build(view, d.Id, SitePaths.Relative(page, $"assets/{theme.Name}/js/calculator.js")),
            Timing = n.Timing is null ? null : new TimingView(n.Timing.Title, view.Narrative(n.Timing, theme), GuideViews.Phase(n, content.StepPlans, page)),
            Tenants = GuideViews.Tenants(content.Help),
            Help = Help(n),
        };
        return Layout(theme, page, d.Name, "dwelling", model,
            Crumbs(page, n, d.Name), n);
    }

    /// <summary>
    /// A fact of the neighbourhood at the precision its content asks for (<c>decimals</c>, default none; for a share, of
    /// the percentage): "45%", not the study's "45,45%". The page of assumptions, where the fact links to, shows it exact.
    /// </summary>
    private static string FactValue(Content.Model.Fact f) => f.Unit == "share"
        ? DutchFormat.Percent(f.Value, f.Decimals)
        : Display.Value(DecimalMath.RoundHalfUp(f.Value, f.Decimals), f.Unit);

    /// <summary>
    /// The tables in a few plain points, for a resident who would rather not compare six rows: what is cheapest over
    /// the horizon, without natural gas (only options that burn no gas at all) and per month, each only when it clearly
    /// is (otherwise which options are about equal, and the span of their figures), and what it asks up front. Every
    /// figure is the same computed and rounded figure the tables show.
    /// </summary>
    private static List<string> InShort(NeighbourhoodView view, string dwelling)
    {
        var n = view.N;
        string years = DutchFormat.Number(n.Input.Assumptions.HorizonYears.Value);
        var all = view.ForDwelling(dwelling);
        var byId = all.ToDictionary(r => r.VariantId);
        var outcome = view.CheapestTco(dwelling);
        string Name(string id) => view.NameInSentence(id);
        var points = new List<string>();
        if (outcome.Clear)
            points.Add($"Over {years} jaar is {Name(outcome.Lowest)} voor dit huis het goedkoopst: {Display.Tco(byId[outcome.Lowest].Tco)}, "
                        + $"waarschijnlijk tussen {Display.TcoRange(byId[outcome.Lowest].TcoRange).Replace(" tot ", " en ")}.");
        else if (outcome.Options.Count <= 3)
            points.Add($"Over {years} jaar zijn {Labels.JoinAnd(outcome.Options.Select(Name).ToList())} voor dit huis ongeveer even duur "
                        + $"({Labels.JoinAnd(outcome.Options.Select(id => Display.Tco(byId[id].Tco)).ToList())}). "
                        + "De verschillen vallen binnen de onzekerheid van de cijfers; u kunt dus ook op andere punten kiezen.");
        else
        {
            var totals = outcome.Options.Select(id => byId[id].Tco).ToList();
            // Four or more names made this point eleven lines long on a phone: the table right after it marks the same options.
            string count = outcome.Options.Count == all.Count ? "Alle " + Labels.Count(all.Count) : Labels.Capitalise(Labels.Count(outcome.Options.Count));
            points.Add($"Over {years} jaar is er voor dit huis geen duidelijk goedkoopste keuze. {count} keuzes kosten ongeveer even veel: "
                        + $"van {Display.Tco(totals.Min())} tot {Display.Tco(totals.Max())}. "
                        + (view.AllAboutEqual(outcome) ? "" : "In de tabel staan ze als 'ongeveer even duur'. ") + "U kunt dus ook op andere punten kiezen.");
        }
        // Without natural gas: only options that burn none (a hybrid heat pump still does).
        var gasFree = all.Where(r => r.GasM3 == 0m).ToList();
        if (gasFree.Count > 0 && gasFree.Count < all.Count)
        {
            var free = Calculation.Resident.Comparison.CheapestTco(gasFree);
            // Differences inside the margins name no winner: the options and the span of their figures. When they are
            // all the options without gas, they are not named one by one (four names ran to six lines on a phone).
            // When no option is clearly cheapest and the close gas-free ones are all among the close ones, their span
            // repeats the first point's: say what it means for leaving gas instead.
            if (!outcome.Clear && !free.Clear && free.Options.Count > 1 && free.Options.All(outcome.Options.Contains))
                points.Add((free.Options.Count == gasFree.Count ? $"De {Labels.Count(gasFree.Count)} keuzes zonder aardgas"
                               : Labels.Capitalise(Labels.JoinAnd(free.Options.Select(Name).ToList())))
                           + " horen daar ook bij. Van het gas af gaan is voor dit huis dus niet duidelijk duurder.");
            else if (!outcome.Options.SequenceEqual(free.Options))
                points.Add(free.Clear || free.Options.Count == 1
                    ? $"Zonder aardgas is {Name(free.Lowest)} het goedkoopst: {Display.Tco(byId[free.Lowest].Tco)}."
                    : (free.Options.Count < gasFree.Count ? $"Zonder aardgas liggen {Labels.JoinAnd(free.Options.Select(Name).ToList())}"
                        : $"De {Labels.Count(gasFree.Count)} keuzes zonder aardgas liggen")
                      + $" dicht bij elkaar: van {Display.Tco(free.Options.Min(id => byId[id].Tco))} tot {Display.Tco(free.Options.Max(id => byId[id].Tco))}.");
        }
        var monthly = view.LowestMonthly(dwelling);
        points.Add(monthly.Clear
            ? $"De laagste kosten per maand heeft {Name(monthly.Lowest)}: {Display.Monthly(byId[monthly.Lowest].MonthlyCost)} in het eerste jaar."
            : $"Per maand liggen {Labels.JoinAnd(monthly.Options.Select(Name).ToList())} dicht bij elkaar: "
              + $"van {Display.Monthly(monthly.Options.Min(id => byId[id].MonthlyCost))} tot {Display.Monthly(monthly.Options.Max(id => byId[id].MonthlyCost))} in het eerste jaar.");
        // Up front: for the clearly cheapest option its amount; else the span over the options about equally expensive,
        // each end named. One of them named alone read as the one to take.
        string Upfront(string id) => Display.Upfront(byId[id].ResidentUpfront);
        bool Subsidised(string id) => byId[id].ResidentOneOffs.Any(l => l.Kind == Calculation.Resident.LineKind.Subsidy);
        var close = (outcome.Clear ? new[] { outcome.Lowest } : outcome.Options).OrderBy(id => byId[id].ResidentUpfront).ToList();
        string least = close[0], most = close[^1];
        string afterSubsidy = Subsidised(least) || Subsidised(most) ? ", na subsidie" : "";
        points.Add(close.Count == 1 ? $"Vooraf betaalt u voor {Name(least)} ongeveer {Upfront(least)}{afterSubsidy}."
            : Upfront(least) == Upfront(most) ? $"Vooraf betaalt u voor elk van deze keuzes ongeveer {Upfront(least)}{afterSubsidy}."
            : $"Wat u vooraf betaalt, verschilt bij deze keuzes: van ongeveer {Upfront(least)} voor {Name(least)} "
              + $"tot ongeveer {Upfront(most)} voor {Name(most)}{afterSubsidy}.");
        return points;
    }

    /// <summary>
    /// The house in three facts. The heat demand follows the method: the study charges every variant the
    /// label-D gas use; the consistent method starts from today's gas use (each variant then insulates its own way).
    /// </summary>
    private static List<Fact> DwellingFacts(NeighbourhoodView view, DwellingInfo d, DwellingInput input)
    {
        var a = view.N.Input.Assumptions;
        var method = view.N.Input.Method;
        decimal kwhPerM3 = Calculation.HeatDemand.HeatDemandModel.KilowattHourPerM3(a, method);
        string factorKey = Calculation.HeatDemand.HeatDemandModel.FactorSource(a, method).Key;
        var heat = method == HeatDemandMethod.Study && input.GasLabelD is { } gasD
            ? new Fact("Warmtevraag waarmee de studie rekent (bij label D)", HeatDemand(gasD.Value * kwhPerM3), view.CiteHref(factorKey))
            : new Fact("Warmtevraag nu, zonder extra isolatie", HeatDemand(input.GasCurrent.Value * kwhPerM3), view.CiteHref(factorKey));
        return
        [
            // The example's own label, which the calculator starts from, and the labels of the houses it stands for
            // ("Energielabel D, E, F, G" above a calculator that said "label F" read as a contradiction).
            new("Energielabel", d.Labels.Count == 1 && d.Labels[0] == input.Label || input.Label == "unknown" ? string.Join(", ", d.Labels)
                : $"{input.Label} (huizen zoals dit: {Labels.JoinOr(d.Labels)})"),
            new("Gasverbruik nu", Display.Value(input.GasCurrent.Value, "m3") + " per jaar", view.CiteHref(input.GasCurrent.Source.Key)),
            heat,
        ];
    }

    /// <summary>A heat demand no more precise than the gas use it comes from (given to 100 m³): "ongeveer 10.300 kWh per jaar".</summary>
    private static string HeatDemand(decimal kwh) => "ongeveer " + DutchFormat.WithUnit(DutchFormat.RoundTo(kwh, 100m), 0, "kWh") + " per jaar";

    /// <summary>What a variant asks of this house, from the items it costs (insulation, radiators, ventilation...).</summary>
    private static object Changes(NeighbourhoodView view, DwellingInfo d, Calculation.Resident.ResidentResult r)
    {
        var v = view.N.Variant(r.VariantId);
        bool keepsGas = r.GasM3 > 0m;
        var changes = r.ResidentOneOffs.Where(l => l.Year == 0 && l.Kind == Calculation.Resident.LineKind.Cost
                                         && l.Category is CostCategory.Adaptation or CostCategory.Insulation or CostCategory.ConnectionFee).ToList();
        bool NotNeeded(Calculation.Resident.LineItem l) => keepsGas && view.N.CostsOnlyWithoutGas.Contains(l.Id);
        var items = changes.Where(l => !NotNeeded(l)).Select(l => Labels.Lower(Labels.Line(l))).ToList();
        // The study charges them all the same (its costs table lists them): said here, so "nothing needed" does not hide a cost.
        var charged = changes.Where(NotNeeded).Select(l => Labels.Lower(Labels.Line(l))).ToList();
        string? also = charged.Count == 0 ? null : $"De studie rekent wel de kosten van {Labels.JoinAnd(charged)} mee. Dat is niet nodig, want u houdt een gasaansluiting.";
        var target = view.N.Input.Variants.First(x => x.Id == v.Id).Insulation.GetValueOrDefault(d.Id);
        string suitability = target switch
        {
            InsulationTarget.LabelB => $"Vraagt isolatie tot energielabel B (dit voorbeeldhuis heeft nu label {string.Join("-", d.Labels)}).",
            InsulationTarget.LabelD => $"Vraagt isolatie tot energielabel D (dit voorbeeldhuis heeft nu label {string.Join("-", d.Labels)}).",
            _ => items.Count == 0 ? "Geen aanpassingen in huis nodig." : "Geen extra isolatie nodig voor dit voorbeeldhuis.",
        };
        return new { v.Name, Href = view.Href(SitePaths.Variant(view.N, v.Id)), Items = items, Suitability = suitability, Charged = also };
    }

    /// <summary>What the page of step plans answers, from the plans this neighbourhood has: no promise of a plan it lacks.</summary>
    private static string StepPlansLead(IReadOnlyList<StepPlan> plans, Neighbourhood n)
    {
        var questions = new List<string>();
        if (plans.Any(p => p.Audience == "bewoner")) questions.Add("wat kunt u zelf doen");
        if (plans.Any(p => p.Audience == "initiatief")) questions.Add("hoe start een groep buren een warmtenet");
        if (plans.Any(p => p.Audience == "gemeente")) questions.Add("welke stappen zet de gemeente");
        if (questions.Count == 0) return "";
        string lead = Labels.Capitalise(Labels.JoinAnd(questions)) + "?";
        return plans.Any(p => p.Id == n.CurrentPhase?.Plan) ? lead + " De huidige fase van de gemeente is gemarkeerd." : lead;
    }

    private static StepPlanView StepPlanView(StepPlan plan, Neighbourhood n)
    {
        bool hasCurrent = n.CurrentPhase?.Plan == plan.Id;
        return new StepPlanView(plan.Id, plan.Title, plan.Summary, plan.Duration, plan.Reference.Text,
            plan.Steps.Select((s, i) => new StepView(i + 1, s.Title, StepHtml.GetValue(s, static s => NarrativeHtml.Inline(s.Text)), s.Duration,
                hasCurrent && n.CurrentPhase!.Step == s.Id)).ToList(), hasCurrent);
    }

    // The step plans are shared content: each step's text is drawn from its Markdown once, not again on every page
    // that shows its plan (held as long as the step itself).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Step, SafeHtml> StepHtml = new();

    private PageText VariantPage(NeighbourhoodView view, Theme theme, VariantInfo v)
    {
        var n = view.N;
        string page = SitePaths.Variant(n, v.Id);
        view.StartPage(page);
        var perDwelling = new Table(view.UniqueId("per-dwelling"), $"{v.Name}: kosten per voorbeeldhuis",
            [new Cell("Voorbeeldhuis"), new Cell(n.Dwellings.Any(d => view.R.Resident(d.Id, v.Id).ResidentOneOffs.Any(l => l.Kind == Calculation.Resident.LineKind.Subsidy)) ? "Nu te betalen, na subsidie" : "Nu te betalen", Num: true),
             new Cell($"Totaal over {DutchFormat.Number(n.Input.Assumptions.HorizonYears.Value)} jaar", Num: true), new Cell("Per maand", Num: true)],
            n.Dwellings.Select(d =>
            {
                var r = view.R.Resident(d.Id, v.Id);
                return new Row([new Cell(d.Name, Header: true, Href: view.Href(SitePaths.Dwelling(n, d.Id))),
                    new Cell("ongeveer " + Display.Upfront(r.ResidentUpfront), Num: true),
                    new Cell(Display.Tco(r.Tco), Num: true, Note: Display.TcoRange(r.TcoRange)), new Cell(Display.Monthly(r.MonthlyCost), Num: true)]);
            }).ToList(),
            view.Sources(n.Dwellings.SelectMany(d => NeighbourhoodView.CostCitations(view.R.Resident(d.Id, v.Id)))),
            "Inclusief btw. Nu te betalen afgerond op € 100, totalen op € 10, met eronder tussen welke bedragen het waarschijnlijk ligt.");
        var collective = view.R.Collective(v.Id);
        var narrative = v.Narrative;
        bool narrativeShowsBusinessCase = narrative?.Shortcodes.Any(s => s.Name == "business-case") ?? false;
        var model = new
        {
            Title = v.Name,
            Number = v.Number,
            Lead = narrative?.Summary ?? v.Description ?? "",
            Narrative = view.Narrative(narrative, theme),
            Pros = narrative?.Pros ?? [],
            Cons = narrative?.Cons ?? [],
            HasProsCons = (narrative?.Pros.Count ?? 0) + (narrative?.Cons.Count ?? 0) > 0,
            PerDwelling = perDwelling,
            Collective = collective is null ? null : new
            {
                Facts = CollectiveFacts(view, v, collective),
                BusinessCase = narrativeShowsBusinessCase ? null : view.BusinessCaseTable(v.Id),
                Participation = view.ParticipationTable(v.Id),
                SolarThermal = collective.Technics.SolarThermal is { } pt ? SolarThermalNote(pt) : null,
            },
            StepPlansHref = view.Href(SitePaths.StepPlans(n)),
            Tenants = GuideViews.Tenants(content.Help),
            Help = Help(n),
        };
        return Layout(theme, page, v.Name, "variant", model,
            Crumbs(page, n, v.Name), n);
    }

    private static List<Fact> CollectiveFacts(NeighbourhoodView view, VariantInfo v, CollectiveResult c)
    {
        var t = c.Technics;
        var input = view.N.Input.Variants.First(x => x.Id == v.Id).Collective!;
        return
        [
            new("Schaal", Labels.Scale(t.ScaleClass), view.CiteHref("regulation.mini_max_connections")),
            new("Wet collectieve warmte", Labels.Wcw(t.WcwRegime), view.CiteHref("regulation.wcw_light_max_connections")),
            new("Warmtenetten Investeringssubsidie (WIS)", t.WisEligible ? "komt in aanmerking (250 aansluitingen of meer)" : "komt niet in aanmerking (minder dan 250 aansluitingen)", view.CiteHref("regulation.wis_min_connections")),
            new("Woningen in het gebied", DutchFormat.Number(input.Dwellings.Value), view.CiteHref(input.Dwellings.Source.Key)),
            new("Aansluitgraad", DutchFormat.Percent(input.ConnectionRate.Value), view.CiteHref(input.ConnectionRate.Source.Key)),
            new("Aangesloten woningequivalenten", DutchFormat.Number(t.ConnectedWeq)),
            new("Warmtevraag van de aangesloten gebouwen", DutchFormat.WithUnit(t.ConnectedDemandMWh, 0, "MWh") + " per jaar"),
            new("Warmteverlies in het net", DutchFormat.Percent(input.NetworkLoss.Value), view.CiteHref(input.NetworkLoss.Source.Key)),
            new("Warmteproductie", DutchFormat.WithUnit(t.ProductionMWh, 0, "MWh") + " per jaar"),
            new("Elektriciteit per aangesloten woning", DutchFormat.WithUnit(t.ElectricityPerWeqMWh, 2, "MWh") + " per jaar", view.CiteHref(input.TotalElectricityMWh.Source.Key)),
            new("CO2 per aangesloten woning", Display.Co2(t.Co2PerWeqKg) + " per jaar", view.CiteHref("emissions.co2_electricity")),
            new("Investering warmtebedrijf (zonder btw)", DutchFormat.Euro(DutchFormat.RoundTo(c.BusinessCase.Capex, 1000m)), view.CiteHref(input.Capex[0].Amount.Source.Key)),
        ];
    }

    private static string SolarThermalNote(SolarThermalResult pt) =>
        $"Voor het zonnecollectorenveld geeft de studie {DutchFormat.Number(pt.PublishedPanels ?? 0m)} panelen en {DutchFormat.WithUnit(pt.PublishedAreaM2 ?? 0m, 0, "m²")}. "
        + $"Met de opbrengst per paneel uit dezelfde tabel ({DutchFormat.WithUnit(pt.YieldPerPanelKwh, 0, "kWh")}) zijn er {DutchFormat.Number(pt.Panels)} panelen "
        + $"en {DutchFormat.WithUnit(pt.AreaM2, 0, "m²")} nodig. Op dit punt klopt tabel 6.2 van de studie niet.";

    private PageText StepPlansPage(NeighbourhoodView view, Theme theme)
    {
        var n = view.N;
        string page = SitePaths.StepPlans(n);
        view.StartPage(page);
        var model = new
        {
            Title = $"Stappenplannen voor {n.Name}",
            Lead = StepPlansLead(n.StepPlans.Select(id => content.StepPlans[id]).ToList(), n),
            Plans = n.StepPlans.Select(id => StepPlanView(content.StepPlans[id], n)).ToList(),
        };
        return Layout(theme, page, model.Title, "steps", model,
            Crumbs(page, n, "Stappenplannen"), n);
    }

    private static readonly Dictionary<string, string> GroupTitles = new()
    {
        // In the order the assumptions page shows them: what residents pay first, the study's machinery last.
        ["energy"] = "Energieprijzen", ["heat_tariffs"] = "Warmtetarieven (maximumtarieven van de ACM, inclusief btw)", ["subsidies"] = "Subsidies",
        ["finance"] = "Rekenregels totale kosten", ["emissions"] = "CO2-uitstoot", ["technology"] = "Techniek",
        ["heat_demand"] = "Warmtevraag", ["label_savings"] = "Besparing door isolatie (Tabel 10.1)", ["tax"] = "Belasting",
        ["business_case"] = "Businesscase warmtebedrijf", ["regulation"] = "Schaal en regels",
        ["uncertainty"] = "Onzekerheid en wat-als-prijzen", ["participation"] = "Deelname aan een warmtenet", ["loan"] = "Lenen bij het Nationaal Warmtefonds",
        ["calibration"] = "Correcties om de studie na te rekenen",
    };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Group, string Id, DateOnly? AsOf), Table> _commonGroups = new();

    private PageText AssumptionsPage(NeighbourhoodView view, Theme theme)
    {
        var n = view.N;
        string page = SitePaths.Assumptions(n);
        view.StartPage(page);
        Row ParameterRow(Parameter p, bool overridden)
        {
            var v = p.ValueAt(n.AsOf)!;
            string? note = v.Reference.Notes;
            if (overridden) note = "Aangepast voor deze wijk. " + note;
            if (p.Values.Count > 1) note = (note is null ? "" : note + " ") + "Eerdere waarden: " + string.Join("; ",
                p.Values.Where(x => x != v).Select(x => $"{Display.Value(x.Value, p.Unit)} vanaf {DutchFormat.Date(x.From)}"));
            return new Row(
            [
                new Cell(p.Description, Header: true, Badge: NeighbourhoodView.Badge(v.Reference.Basis), BadgeClass: NeighbourhoodView.BadgeClass(v.Reference.Basis), Note: note),
                new Cell(Display.Value(v.Value, p.Unit), Num: true),
                new Cell(v.Reference.Text, Href: v.Reference.Address, Note: $"geldt vanaf {DutchFormat.Date(v.From)}"),
            ], null, SitePaths.Anchor(p.Id));
        }
        var shared = content.Parameters.Select(p => n.Overrides.FirstOrDefault(o => o.Id == p.Id) is { } o ? (o, true) : (p, false)).ToList();
        var groups = shared.GroupBy(x => x.Item1.Group)
            .OrderBy(g => GroupTitles.Keys.ToList().IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                string id = view.UniqueId("group-" + g.Key.Replace('_', '-'));
                Table Make() => new(id, GroupTitles.GetValueOrDefault(g.Key, g.Key),
                    [new Cell("Uitgangspunt"), new Cell("Waarde", Num: true), new Cell("Bron")],
                    g.Select(x => ParameterRow(x.Item1, x.Item2)).ToList(), []);
                // A group none of whose values this neighbourhood overrides is the same table on every page of the same
                // date: one object, which the theme's partial_cached draws once per build.
                return g.Any(x => x.Item2) ? Make() : _commonGroups.GetOrAdd((g.Key, id, n.AsOf), _ => Make());
            }).ToList();
        var scenarioRows = n.ScenarioValues.Select(s => new Row(
        [
            new Cell(s.Label, Header: true, Badge: NeighbourhoodView.Badge(s.Reference.Basis), BadgeClass: NeighbourhoodView.BadgeClass(s.Reference.Basis), Note: s.Reference.Notes),
            new Cell(string.Join("; ", s.Values.Select(v => (v.Dwelling is null ? "" : n.Dwelling(v.Dwelling).Name + ": ") + Display.Value(v.Value, s.Unit))), Num: false),
            new Cell(s.Reference.Text, Href: s.Reference.Address),
        ], null, SitePaths.Anchor(s.Key))).Concat(n.Facts.Select(f => new Row(
        [
            new Cell(f.Label, Header: true), new Cell(Display.Value(f.Value, f.Unit)), new Cell(f.Reference.Text, Href: f.Reference.Address),
        ], null, SitePaths.Anchor($"{n.Id}:facts.{f.Id}")))).ToList();
        var lastChange = content.Parameters.Select(p => p.ValueAt(n.AsOf)!.From).Concat(n.Overrides.Select(p => p.ValueAt(n.AsOf)!.From)).Max();
        var model = new
        {
            Title = "Uitgangspunten en bronnen",
            Neighbourhood = n.Name,
            Method = Labels.Method(n.Input.Method),
            LastChange = DutchFormat.Date(lastChange),
            Groups = groups,
            Scenario = new Table(view.UniqueId("scenario"), $"Gegevens van {n.Name}",
                [new Cell("Gegeven"), new Cell("Waarde"), new Cell("Bron")], scenarioRows, []),
            Documents = content.Sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => new { s.Title, s.Publisher, Date = DutchFormat.Date(s.Date), s.Url, s.Reference }).ToList(),
        };
        return Layout(theme, page, $"Uitgangspunten en bronnen: {n.Name}", "assumptions", model,
            Crumbs(page, n, "Uitgangspunten en bronnen"), n);
    }

    /// <summary>"Begrippen": every term of the municipality's glossary, explained once, with its source.</summary>
    private PageText GlossaryPage(NeighbourhoodView view, Theme theme)
    {
        var n = view.N;
        string page = SitePaths.Glossary(n);
        view.StartPage(page);
        var model = new
        {
            Title = "Begrippen",
            Neighbourhood = n.Name,
            Terms = GuideViews.Entries(Municipality(n).Glossary),
        };
        return Layout(theme, page, $"Begrippen: {n.Name}", "glossary", model,
            Crumbs(page, n, "Begrippen"), n);
    }

    /// <summary>"Wat is er veranderd": now against the last publication, and the changelog of all publications.</summary>
    private PageText ChangesPage(NeighbourhoodView view, Theme theme)
    {
        var n = view.N;
        string page = SitePaths.Changes(n);
        view.StartPage(page);
        var now = Content.History.NeighbourhoodHistory.Snapshot(content, n, view.R, "nu", null);
        var last = n.History.Count > 0 ? n.History[^1] : null;
        var current = Content.History.Changes.Between(last, now);
        var log = n.History.Select((p, i) => (p, report: Content.History.Changes.Between(i == 0 ? null : n.History[i - 1], p)))
            .Reverse()
            .Select(x => new
            {
                Date = DutchFormat.Date(DateOnly.ParseExact(x.p.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                x.p.Note,
                First = x.report.Since is null,
                Tables = ChangeView.Tables(view, x.report, $"log-{x.p.Date}"),
            }).ToList();
        var model = new
        {
            Title = $"Wat is er veranderd in {n.Name}?",
            HasPublication = last is not null,
            LastDate = last is null ? "" : DutchFormat.Date(DateOnly.ParseExact(last.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            HasChanges = current.Any,
            Current = ChangeView.Tables(view, current, "now"),
            Log = log,
            AssumptionsHref = view.Href(SitePaths.Assumptions(n)),
        };
        return Layout(theme, page, model.Title, "changes", model,
            Crumbs(page, n, "Wat is er veranderd"), n);
    }

    private PageText OpenDataPage()
    {
        string page = SitePaths.OpenData;
        var theme = SiteWideTheme;
        Table Columns(string id, string caption, (string Name, string Text)[] cols) =>
            new(id, caption, [new Cell("Kolom"), new Cell("Betekenis")], cols.Select(c => new Row([new Cell(c.Name, Header: true), new Cell(c.Text)])).ToList(), []);
        // The site's own first neighbourhood as the example of an id, not the one the product ships with.
        string example = content.Municipalities.SelectMany(m => m.Listed).Select(n => n.Id).FirstOrDefault() ?? "gemeente/wijk";
        var results = Columns("columns-results", "Kolommen van results.json en results.csv",
        [
            ("neighbourhood", $"wijk: gemeente/wijk, bijvoorbeeld {example}"),
            ("dwelling", "voorbeeldhuis (id)"), ("variant", "keuze (id)"),
            ("gas_m3_per_year", "aardgas in m³ per jaar waarmee de kosten zijn berekend; dat kan afwijken van het huidige gasverbruik op de pagina van het huis"),
            ("electricity_kwh_per_year", "elektriciteit voor verwarming in kWh per jaar"),
            ("heat_gj_per_year", "warmte uit een warmtenet in GJ per jaar (0 bij een eigen installatie)"),
            ("co2_kg_per_year", "CO2-uitstoot in kg per jaar"),
            ("investment_eur", "eenmalige kosten nu, voor aftrek van subsidie, in euro incl. btw. Hierin zitten ook de bedragen die de studie zonder uitleg bij een keuze optelt; de pagina's zetten die apart en tonen ze niet als kosten"),
            ("subsidy_eur", "subsidie in euro waarmee de totale kosten zijn berekend. Is de subsidie een deel van de prijs, dan is dit dat deel; de pagina's noemen het bedrag dat de studie zelf noemt. "
                + "Daarom is investment_eur min subsidy_eur niet altijd wat de pagina 'nu te betalen' noemt"),
            ("tco_30y_eur", "totale kosten over 30 jaar in euro incl. btw (contante waarde)"),
            ("monthly_cost_start_year_eur", "kosten per maand in het eerste jaar in euro incl. btw, zoals de studie ze rekent: zonder een deel van de vaste lasten van gastoestellen (vermoedelijk het onderhoud). De pagina's tonen daarnaast de optelsom van de posten"),
            ("tco_30y_low_eur", "totale kosten over 30 jaar als alles meevalt: lagere investeringen en lagere energieprijzen"),
            ("tco_30y_high_eur", "totale kosten over 30 jaar als alles tegenvalt: hogere investeringen en hogere energieprijzen"),
            ("monthly_cost_start_year_low_eur", "kosten per maand in het eerste jaar bij lagere energieprijzen"),
            ("monthly_cost_start_year_high_eur", "kosten per maand in het eerste jaar bij hogere energieprijzen"),
        ]);
        var participation = Columns("columns-participation", "Kolommen van participation.json",
        [
            ("neighbourhood", "wijk"), ("variant", "collectieve keuze (id)"),
            ("participation_share", "deel van de huizen dat meedoet (als fractie)"),
            ("study_assumption", "true voor het deel dat de studie zelf aanneemt"),
            ("connections", "aangesloten woningequivalenten bij dat deel"),
            ("operator", "public: een publiek warmtebedrijf"),
            ("subsidy", "none: zonder subsidie"),
            ("wacc", "rendementseis (als fractie)"),
            ("funding_gap_total_eur", "onrendabele top in euro, zonder btw (publiek warmtebedrijf, zonder subsidie)"),
            ("funding_gap_per_connection_eur", "onrendabele top per aansluiting"),
            ("funding_gap_total_low_eur", "onrendabele top als de investering meevalt (min de marge op collectieve kosten)"),
            ("funding_gap_total_high_eur", "onrendabele top als de investering tegenvalt (plus de marge op collectieve kosten)"),
            ("connection_contribution_per_home_incl_vat_eur", "onrendabele top per aansluiting incl. btw: wat elk huis zou betalen als de hele top als aansluitbijdrage wordt doorberekend"),
        ]);
        var breakEven = Columns("columns-break-even", "Kolommen van break-even.json",
        [
            ("neighbourhood", "wijk"), ("dwelling", "voorbeeldhuis (id)"), ("variant", "keuze (id)"),
            ("break_even_gas_m3_per_year", "gasverbruik in m³ per jaar waarboven deze keuze over 30 jaar goedkoper is dan een gasketel die nog niet aan vervanging toe is. "
                + "null als dat tussen 300 en 5.000 m³ niet gebeurt: de keuze is daar altijd duurder, of al goedkoper bij 300 m³"),
            ("break_even_gas_m3_per_year_natural_moment", "hetzelfde als de gasketel toch aan vervanging toe is"),
        ]);
        var cases = Columns("columns-business-cases", "Kolommen van business-cases.json",
        [
            ("neighbourhood", "wijk"), ("variant", "collectieve keuze (id)"), ("operator", "public (publiek) of commercial (commercieel)"),
            ("subsidy", "none, wis, sde of wis+sde"), ("subsidy_applicable", "false als de subsidie voor dit net niet geldt; de bedragen in die rij zijn dan die zonder deze subsidie"),
            ("wacc", "rendementseis (als fractie)"), ("connections", "aangesloten woningequivalenten"),
            ("funding_gap_total_eur", "nagerekende onrendabele top in euro, zonder btw"),
            ("funding_gap_per_connection_eur", "nagerekende onrendabele top per aansluiting"),
            ("published_funding_gap_total_eur", "onrendabele top volgens de studie (null als de studie hem niet geeft)"),
        ]);
        var model = new
        {
            Title = "Open data",
            Files = new[]
            {
                new Link("results.json", SitePaths.Relative(page, OpenDataFiles.ResultsJson)),
                new Link("results.csv", SitePaths.Relative(page, OpenDataFiles.ResultsCsv)),
                new Link("business-cases.json", SitePaths.Relative(page, OpenDataFiles.BusinessCasesJson)),
                new Link("participation.json", SitePaths.Relative(page, OpenDataFiles.ParticipationJson)),
                new Link("break-even.json", SitePaths.Relative(page, OpenData.CalculatorFiles.BreakEvenJson)),
            },
            // What a reader of the files needs besides the columns.
            Notes = new[]
            {
                "Hoeveelheden zijn afgerond op 0,01. De pagina's ronden verder af: totalen over 30 jaar op € 10, bedragen per maand op € 1, CO2 op hele kilo's.",
                "Met welke uitgangspunten de cijfers zijn berekend (energieprijzen, subsidies, CO2 per m³ en per kWh, de rente voor de contante waarde), staat met bron en datum op de pagina 'Uitgangspunten en bronnen' van elke wijk.",
                "break-even.json rekent met de rekenhulp op de pagina van het huis (eigenaar, zonder lening, gemiddelde energieprijzen) en is afgerond op 5 m³. "
                    + "Die rekenhulp weegt alleen de energieprijzen; de tabellen van de studie kunnen bij hetzelfde gasverbruik een andere keuze voordeliger noemen.",
                "Per wijk staat in data/gemeente/wijk/calculator.json wat de rekenhulp op de pagina's van die wijk gebruikt.",
            },
            ResultsColumns = results,
            BusinessCaseColumns = cases,
            ParticipationColumns = participation,
            BreakEvenColumns = breakEven,
        };
        return Layout(theme, page, "Open data", "open-data", model, Crumbs(page, ("Home", SitePaths.Home), ("Open data", page)), null, Only);
    }
}
