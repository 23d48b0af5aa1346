// sitegen-scale: writes a synthetic country for whole-build benchmarks (bench/scale.sh, bench/README.md).
//
//   sitegen-scale --out DIR (--neighbourhoods N | --pages P) [--seed S] [--per-municipality M]
//                 [--themed-every K] [--fixture DIR]
//
// DIR/content/ gets the fictional fixture's shared files (sources, assumptions, step plans) and N synthetic
// neighbourhoods spread over municipalities of 8-22 neighbourhoods each (about M on average, as CBS buurten are).
// Each neighbourhood is varied from the fixture's two (De Akkers: method study, Molenkwartier: consistent):
// 2-4 dwellings drawn from ten archetypes, gas use, labels, costs, subsidies, facts, 2-4 variants (gas boiler,
// hybrid and air/water heat pumps, a mini or a large heat network), step plans, an occasional local electricity
// price, and Markdown narrative with the fixture's shortcodes. Every K-th municipality gets the fixture's house
// style (DIR/themes/<municipality>/, logo and colours). All of it is deterministic from the seed.
// Nothing here is real: every name and number is invented. The program reuses nothing from src/: it only writes text.
using System.Globalization;
using System.Text;

var o = Options.Parse(args);
if (o is null) return 2;
var fixture = o.Fixture ?? FindFixture();
if (fixture is null || !Directory.Exists(Path.Combine(fixture, "content")))
{
    Console.Error.WriteLine("sitegen-scale: fixture folder not found; pass --fixture tests/fixtures/fictional");
    return 2;
}
var content = Path.Combine(o.Out, "content");
var themes = Path.Combine(o.Out, "themes");
if (Directory.Exists(o.Out)) Directory.Delete(o.Out, recursive: true);
Directory.CreateDirectory(content);
foreach (var shared in new[] { "assumptions", "step-plans" })
    CopyDir(Path.Combine(fixture, "content", shared), Path.Combine(content, shared));
File.Copy(Path.Combine(fixture, "content", "sources.yaml"), Path.Combine(content, "sources.yaml"));

var gen = new Generator(o.Seed);
int neighbourhoods = 0, pages = 2, municipalities = 0; // 2: the home page and the open-data page
var usedMunicipalities = new HashSet<string>();
bool Done() => o.Pages > 0 ? pages >= o.Pages : neighbourhoods >= o.Neighbourhoods;
while (!Done())
{
    var (name, slug) = gen.MunicipalityName(usedMunicipalities);
    var themed = o.ThemedEvery > 0 && municipalities % o.ThemedEvery == 0;
    municipalities++;
    var dir = Path.Combine(content, slug);
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, "municipality.yaml"), gen.Municipality(name, slug, themed));
    if (themed) CopyDir(Path.Combine(fixture, "themes", "zonnedal"), Path.Combine(themes, slug));
    var count = gen.Rng.Next(Math.Max(1, o.PerMunicipality - 7), o.PerMunicipality + 8);
    var names = gen.NeighbourhoodNames(count);
    for (var i = 0; i < count && !Done(); i++)
    {
        var n = gen.Neighbourhood(names[i], name);
        n.Write(Path.Combine(dir, n.Slug));
        neighbourhoods++;
        pages += n.Pages;
    }
}
Console.WriteLine($"sitegen-scale: {neighbourhoods} neighbourhoods in {municipalities} municipalities, {pages} pages expected, seed {o.Seed}: {content}");
return 0;

static string? FindFixture()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        var candidate = Path.Combine(d.FullName, "tests", "fixtures", "fictional");
        if (Directory.Exists(candidate)) return candidate;
    }
    return null;
}

static void CopyDir(string from, string to)
{
    Directory.CreateDirectory(to);
    foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    foreach (var d in Directory.GetDirectories(from)) CopyDir(d, Path.Combine(to, Path.GetFileName(d)));
}

sealed record Options(string Out, int Neighbourhoods, int Pages, int Seed, int PerMunicipality, int ThemedEvery, string? Fixture)
{
    public static Options? Parse(string[] args)
    {
        string? outDir = null, fixture = null;
        int n = 0, pages = 0, seed = 12, per = 15, themed = 5;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--out": outDir = Next(); break;
                case "--neighbourhoods": n = Int(); break;
                case "--pages": pages = Int(); break;
                case "--seed": seed = Int(); break;
                case "--per-municipality": per = Int(); break;
                case "--themed-every": themed = Int(); break;
                case "--fixture": fixture = Next(); break;
                default:
                    Console.Error.WriteLine($"sitegen-scale: unknown argument '{args[i]}'");
                    return null;
            }
        }
        if (outDir is null || (n <= 0 && pages <= 0) || per < 1)
        {
            Console.Error.WriteLine("usage: sitegen-scale --out DIR (--neighbourhoods N | --pages P) [--seed S] [--per-municipality M] [--themed-every K] [--fixture DIR]");
            return null;
        }
        return new Options(outDir, n, pages, seed, per, themed, fixture);
    }
}

/// <summary>A dwelling type: labels run A (best) to G (worst).</summary>
sealed record Archetype(string Id, string Name, string HouseType, string Period, string[] Labels, string Label, int Gas, double Size, string Text);

sealed record Dwelling(Archetype A, int Gas, int GasD, int GasB)
{
    public string Id => A.Id;
    public bool WorseThan(char label) => A.Label[0] > label;
}

sealed class Generator(int seed)
{
    public Random Rng { get; } = new(seed);
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    static readonly string[] Prefixes = ["Zon", "Berg", "Water", "Heide", "Linde", "Eiken", "Bloem", "Molen", "Veen", "Zand",
        "Beek", "Hoog", "Laag", "Wilgen", "Vogel", "Klaver", "Rozen", "Dennen", "Haven", "Kerk"];
    static readonly string[] Suffixes = ["dal", "veld", "oord", "horst", "dijk", "broek", "hoven", "wijk", "rade", "loo",
        "meer", "burg", "dorp", "stein", "sum"];
    static readonly string[] Directions = ["", "Noord-", "Zuid-", "Oost-", "West-", "Nieuw-", "Oud-"];
    static readonly string[] Places = ["De Akkers", "Molenkwartier", "Het Centrum", "De Horst", "Kerkbuurt", "Stationsbuurt",
        "De Bongerd", "Oranjewijk", "Bloemenbuurt", "Schildersbuurt", "Vogelbuurt", "Rivierenbuurt", "De Weide", "Het Hof",
        "Dorpskern", "Noorderpark", "De Eng", "Burgemeesterswijk", "Componistenbuurt", "De Kamp", "Lindenhof", "Het Veld",
        "De Bleek", "Sluiskwartier", "Havenkwartier", "De Meent", "Schoolbuurt", "Tuindorp", "De Brink", "Zeeheldenbuurt",
        "Waterwijk", "Bosrand", "Parkwijk", "De Hoven", "Kloosterveld", "Fabriekskwartier", "Spoorzone", "Dijkzicht",
        "Buitenveld", "Het Laar"];
    static readonly (string Primary, string Link)[] Colours = [("#00594f", "#00594f"), ("#1d3f75", "#1d3f75"),
        ("#7a1f3d", "#7a1f3d"), ("#3b3b3b", "#005a9c"), ("#5a2d82", "#5a2d82")];

    static readonly Archetype[] Archetypes =
    [
        new("tussenwoning-voor-1945", "Tussenwoning van voor 1945", "tussenwoning", "voor-1945", ["E", "F", "G"], "F", 1650, 1.0,
            "een tussenwoning van voor de oorlog, met buren aan twee kanten en veel enkel glas"),
        new("rijwoning-1965", "Rijwoning uit 1965", "tussenwoning", "voor-1975", ["E", "F", "G"], "E", 1350, 1.0,
            "een rijwoning uit de jaren zestig, met een plat dak en een ongeïsoleerde vloer"),
        new("appartement-1970", "Appartement uit 1970", "appartement", "1945-1980", ["C", "D", "E"], "D", 850, 0.75,
            "een appartement in een flat uit de jaren zeventig, met buren boven, onder en opzij"),
        new("portiekflat-1958", "Portiekwoning uit 1958", "appartement", "1945-1980", ["D", "E", "F"], "E", 950, 0.7,
            "een portiekwoning uit de wederopbouw, met een gedeeld trappenhuis"),
        new("twee-onder-een-kap-1990", "Twee-onder-een-kapwoning uit 1990", "twee-onder-een-kap", "na-1975", ["C", "D"], "C", 1500, 1.15,
            "een ruime twee-onder-een-kapwoning uit de jaren negentig, redelijk geïsoleerd"),
        new("hoekwoning-2005", "Hoekwoning uit 2005", "hoekwoning", "na-1980", ["A", "B"], "B", 1050, 1.0,
            "een hoekwoning uit 2005, al goed geïsoleerd, met dubbel glas overal"),
        new("vrijstaand-1932", "Vrijstaande woning uit 1932", "vrijstaand", "voor-1945", ["F", "G"], "G", 2450, 1.45,
            "een vrijstaande jarendertigwoning, groot en tochtig"),
        new("woonboerderij-1910", "Woonboerderij uit 1910", "vrijstaand", "voor-1945", ["F", "G"], "G", 3100, 1.7,
            "een verbouwde woonboerderij met een hoog dak en dikke, ongeïsoleerde muren"),
        new("hoekwoning-1982", "Hoekwoning uit 1982", "hoekwoning", "1975-1990", ["C", "D", "E"], "D", 1400, 1.05,
            "een hoekwoning uit de jaren tachtig, met spouwmuurisolatie maar een koud dak"),
        new("tussenwoning-2012", "Tussenwoning uit 2012", "tussenwoning", "na-2000", ["A", "B"], "A", 780, 0.9,
            "een nieuwe tussenwoning, goed geïsoleerd, met vloerverwarming beneden"),
    ];

    public (string Name, string Slug) MunicipalityName(HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var baseName = Prefixes[Rng.Next(Prefixes.Length)] + Suffixes[Rng.Next(Suffixes.Length)];
            var dir = Directions[Rng.Next(Directions.Length)];
            var name = dir + baseName;
            if (attempt > 50) name += " " + (used.Count + 1).ToString(Inv);
            var slug = Slug(name);
            if (used.Add(slug)) return (name, slug);
        }
    }

    public string[] NeighbourhoodNames(int count)
    {
        var order = Places.OrderBy(_ => Rng.Next()).ToList();
        var names = new string[count];
        for (var i = 0; i < count; i++)
            names[i] = i < order.Count ? order[i] : order[i % order.Count] + " " + (i / order.Count + 1).ToString(Inv);
        return names;
    }

    public string Municipality(string name, string slug, bool themed)
    {
        var (primary, link) = Colours[Rng.Next(Colours.Length)];
        var sb = new StringBuilder();
        sb.Append("# SYNTHETIC municipality written by bench/SiteGen.Scale for benchmarks. It does not exist.\n");
        sb.Append($"name: \"Gemeente {name} (synthetisch)\"\n");
        if (themed)
        {
            sb.Append($"logo: {{file: logo.svg, alt: \"Gemeente {name} (synthetisch)\"}}\n");
            sb.Append($"colours: {{primary: \"{primary}\", primary_text: \"#ffffff\", link: \"{link}\"}}\n");
        }
        sb.Append($"contact: {{name: \"Energieloket {name} (synthetisch)\", url: \"https://www.{slug}.example/energieloket\", phone: \"14 0{Rng.Next(100, 999).ToString(Inv)}\"}}\n");
        sb.Append("footer_links:\n");
        sb.Append($"  privacy: https://www.{slug}.example/privacy\n");
        sb.Append($"  accessibility: https://www.{slug}.example/toegankelijkheidsverklaring\n");
        return sb.ToString();
    }

    public Neighbourhood Neighbourhood(string name, string municipality)
    {
        var study = Rng.NextDouble() < 0.3;
        var dwellingCount = Rng.Next(2, 5);
        var dwellings = Archetypes.OrderBy(_ => Rng.Next()).Take(dwellingCount).Select(a =>
        {
            var gas = Round(a.Gas * (0.8 + 0.4 * Rng.NextDouble()), 10);
            var gasD = a.Label[0] > 'D' ? Round(gas * (0.88 + 0.06 * Rng.NextDouble()), 10) : gas;
            var gasB = a.Label[0] > 'B' ? Round(gas * (0.72 + 0.1 * Rng.NextDouble()), 10) : gas;
            return new Dwelling(a, gas, gasD, gasB);
        }).ToList();
        var hybrid = Rng.NextDouble() < 0.6;
        var airWater = !hybrid || Rng.NextDouble() < 0.8;
        var network = Rng.NextDouble() < 0.5 ? (Rng.NextDouble() < 0.55 ? "mini" : "large") : null;
        return new Neighbourhood(this, name, municipality, study, dwellings, hybrid, airWater, network);
    }

    public int Round(double v, int step) => (int)Math.Round(v / step) * step;
    public int Between(int lo, int hi, int step) => Round(lo + (hi - lo) * Rng.NextDouble(), step);
    public static string F(double v) => v.ToString("0.###", Inv);
    public static string I(int v) => v.ToString(Inv);

    public static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        return string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}

sealed class Neighbourhood(Generator g, string name, string municipality, bool study, List<Dwelling> dwellings,
    bool hybrid, bool airWater, string? network)
{
    public string Slug { get; } = Generator.Slug(name);
    public int Pages => 4 + dwellings.Count + Variants.Count; // index, stappenplannen, uitgangspunten, wat-is-er-veranderd
    List<string> Variants { get; } = new[] { "gasketel", hybrid ? "hybride-warmtepomp" : null, airWater ? "lucht-water-warmtepomp" : null,
        network == "mini" ? "buurtwarmtenet" : network == "large" ? "warmtenet" : null }.OfType<string>().ToList();
    readonly double price = 0.85 + 0.35 * g.Rng.NextDouble();
    static string F(double v) => Generator.F(v);
    static string I(int v) => Generator.I(v);
    const string Src = "source: voorbeeld-studie";

    public void Write(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "dwellings"));
        Directory.CreateDirectory(Path.Combine(dir, "variants"));
        File.WriteAllText(Path.Combine(dir, "neighbourhood.yaml"), Scenario());
        File.WriteAllText(Path.Combine(dir, "index.md"), Index());
        foreach (var d in dwellings) File.WriteAllText(Path.Combine(dir, "dwellings", d.Id + ".md"), DwellingText(d));
        foreach (var v in Variants) File.WriteAllText(Path.Combine(dir, "variants", v + ".md"), VariantText(v));
    }

    int Cost(int baseAmount, Dwelling? d = null) => g.Round(baseAmount * price * (d?.A.Size ?? 1.0), 50);

    /// <summary>A cost line: one amount for all dwellings, or amounts per dwelling.</summary>
    static void Amounts(StringBuilder sb, IEnumerable<(string Id, int Amount)> amounts)
    {
        var list = amounts.ToList();
        if (list.Select(a => a.Amount).Distinct().Count() == 1 && list.Count > 1) sb.Append($"    amount: {I(list[0].Amount)}\n");
        else sb.Append("    amounts: {").Append(string.Join(", ", list.Select(a => $"{a.Id}: {I(a.Amount)}"))).Append("}\n");
    }

    static string Dwellings(IEnumerable<Dwelling> ds) => "[" + string.Join(", ", ds.Select(d => d.Id)) + "]";

    string Scenario()
    {
        var sb = new StringBuilder();
        var t = g.Rng.Next(2, 9);
        sb.Append($"# SYNTHETIC scenario written by bench/SiteGen.Scale (varied from tests/fixtures/fictional). Every number is invented.\n");
        sb.Append($"name: {name} (synthetisch)\n");
        sb.Append($"method: {(study ? "study" : "consistent")}\n");
        var plans = new List<string> { "individueel" };
        if (network == "mini") plans.Add("mini-warmtenet");
        if (network == "large") { plans.Add("kleinschalig-warmtenet"); plans.Add("gemeente-fasering"); }
        sb.Append($"step_plans: [{string.Join(", ", plans)}]\n");
        if (network == "mini") sb.Append("current_phase: {plan: mini-warmtenet, step: quickscan-en-businesscase}\n");
        if (g.Rng.NextDouble() < 0.2)
        {
            sb.Append("\noverrides:\n  energy.electricity_price:\n    values:\n      2025-09-01:\n");
            sb.Append($"        value: {F(0.20 + g.Rng.Next(0, 10) / 100.0)}\n        {Src}\n        ref: \"§2.4 (synthetisch), stroomprijs van de energiecoöperatie\"\n");
        }
        var homes = g.Between(150, 3500, 10);
        sb.Append("\nfacts:\n");
        sb.Append($"  - {{id: objects, label: Verblijfsobjecten in de wijk, value: {I(homes + g.Rng.Next(5, 120))}, unit: objecten, {Src}, ref: \"Tabel 2.1 (synthetisch)\"}}\n");
        sb.Append($"  - {{id: homes, label: Woningen, value: {I(homes)}, unit: woningen, {Src}, ref: \"Tabel 2.1 (synthetisch)\"}}\n");
        sb.Append($"  - {{id: label_e_or_worse, label: Woningen met label E of slechter, value: {F(g.Rng.Next(5, 70) / 100.0)}, unit: share, {Src}, ref: \"Tabel 2.2 (synthetisch)\"}}\n");
        sb.Append($"  - {{id: average_heat_demand, label: Gemiddelde warmtevraag per woning, value: {F(g.Rng.Next(55, 130) / 10.0)}, unit: MWh/year, decimals: 1, {Src}, ref: \"§2.3 (synthetisch)\"}}\n");

        sb.Append("\ndwellings:\n");
        foreach (var d in dwellings)
        {
            sb.Append($"  {d.Id}:\n    name: {d.A.Name}\n    house_type: {d.A.HouseType}\n    build_period: {d.A.Period}\n");
            sb.Append($"    labels: [{string.Join(", ", d.A.Labels)}]\n    label: {d.A.Label}\n    gas_m3:\n");
            sb.Append($"      current: {{value: {I(d.Gas)}, {Src}, ref: \"Tabel 3.{I(t)} (synthetisch)\"}}\n");
            if (study)
            {
                sb.Append($"      label_d: {{value: {I(d.GasD)}, {Src}, ref: \"Tabel 3.{I(t)} (synthetisch)\"}}\n");
                sb.Append($"      label_b: {{value: {I(d.GasB)}, {Src}, ref: \"Tabel 3.{I(t)} (synthetisch)\"}}\n");
            }
        }

        var toD = dwellings.Where(d => d.WorseThan('D')).ToList();
        var toB = dwellings.Where(d => d.WorseThan('B')).ToList();
        var cold = dwellings.Where(d => d.WorseThan('C')).ToList();
        var worst = dwellings.Where(d => d.WorseThan('E')).ToList();
        var usesD = toD.Count > 0 && (hybrid || network is not null);
        var usesLowTemp = (hybrid && cold.Count > 0) || airWater;
        var lowTempDwellings = airWater ? dwellings : cold;
        void CostHead(string id, string label, string category, string table, string? insulatesTo = null)
        {
            sb.Append($"  {id}:\n    label: {label}\n    category: {category}\n");
            if (insulatesTo is not null) sb.Append($"    insulates_to: {insulatesTo}\n");
            sb.Append($"    {Src}\n    ref: \"{table} (synthetisch)\"\n");
        }
        sb.Append("\ncosts:\n");
        CostHead("gas_boiler", "HR-combiketel", "installation", "Tabel 4.2");
        Amounts(sb, dwellings.Select(d => (d.Id, Cost(d.A.HouseType == "appartement" ? 1900 : 2100))));
        if (hybrid) { CostHead("hybrid_heat_pump", "Hybride warmtepomp", "installation", "Tabel 4.2"); Amounts(sb, dwellings.Select(d => (d.Id, Cost(7200, d)))); }
        if (airWater) { CostHead("air_water_heat_pump", "Lucht/waterwarmtepomp", "installation", "Tabel 4.2"); Amounts(sb, dwellings.Select(d => (d.Id, Cost(14000, d)))); }
        if (Variants.Count > 1 && (hybrid || airWater || network is not null))
        { CostHead("electric_cooking", "Elektrisch koken (inductie)", "adaptation", "Tabel 4.3"); Amounts(sb, dwellings.Select(d => (d.Id, Cost(1500)))); }
        if (usesLowTemp && lowTempDwellings.Count > 0)
        { CostHead("low_temperature_heating", "Lagetemperatuurafgifte (radiatoren of vloerverwarming)", "adaptation", "Tabel 4.3"); Amounts(sb, lowTempDwellings.Select(d => (d.Id, Cost(3200, d)))); }
        if (airWater && worst.Count > 0)
        { CostHead("ventilation", "Ventilatiesysteem", "adaptation", "Tabel 4.3"); Amounts(sb, worst.Select(d => (d.Id, Cost(3900)))); }
        if (usesD) { CostHead("insulation_label_d", "Isolatie naar label D", "insulation", "Tabel 4.4", "D"); Amounts(sb, toD.Select(d => (d.Id, Cost(7500, d)))); }
        if (airWater && toB.Count > 0)
        { CostHead("insulation_label_b", "Isolatie naar label B", "insulation", "Tabel 4.4", "B"); Amounts(sb, toB.Select(d => (d.Id, Cost(d.WorseThan('D') ? 25000 : 15000, d)))); }
        if (network is not null)
        {
            CostHead("in_house_adaptations", "Aanpassingen in de woning voor het warmtenet (leidingwerk, afleverset plaatsen)", "adaptation", "Tabel 4.5");
            Amounts(sb, dwellings.Select(d => (d.Id, Cost(5600, d))));
            CostHead("connection_contribution", "Bijdrage aansluitkosten (BAK)", "connection-fee", "Tabel 4.5");
            Amounts(sb, dwellings.Select(d => (d.Id, Cost(3400))));
        }

        sb.Append("\nsubsidies:\n");
        if (hybrid || airWater) sb.Append("  isde_heat_pump:\n    label: ISDE-subsidie warmtepomp\n    share_of_cost: subsidies.isde_heat_pump_share\n");
        if (usesD)
        {
            sb.Append($"  isde_insulation_d:\n    label: ISDE-subsidie isolatie naar label D\n    {Src}\n    ref: \"Tabel 4.6 (synthetisch)\"\n");
            Amounts(sb, toD.Select(d => (d.Id, g.Round(Cost(7500, d) * 0.3, 10))));
        }
        if (airWater && toB.Count > 0)
        {
            sb.Append($"  isde_insulation_b:\n    label: ISDE-subsidie isolatie naar label B\n    {Src}\n    ref: \"Tabel 4.6 (synthetisch)\"\n");
            Amounts(sb, toB.Select(d => (d.Id, g.Round(Cost(d.WorseThan('D') ? 25000 : 15000, d) * 0.3, 10))));
        }
        if (network is not null)
            sb.Append($"  isde_connection:\n    label: ISDE-subsidie aansluiting op een warmtenet\n    {Src}\n    ref: \"Tabel 4.6 (synthetisch)\"\n    amount: 3330\n");

        sb.Append("\nvariants:\n");
        var number = 0;
        foreach (var v in Variants)
        {
            number++;
            sb.Append($"  {v}:\n    number: {I(number)}\n");
            switch (v)
            {
                case "gasketel":
                    sb.Append("    name: Gasketel\n    kind: gas-boiler\n    gas_appliances: 1\n    fixed_costs:\n");
                    sb.Append($"      - {{id: gas_fixed, label: Vaste kosten gasaansluiting en onderhoud ketel, value: {I(g.Between(500, 590, 5))}, {Src}, ref: \"Tabel 4.1 (synthetisch)\"}}\n");
                    sb.Append("    one_off:\n      - {cost: gas_boiler, replaced: true}\n");
                    break;
                case "hybride-warmtepomp":
                    sb.Append("    name: Hybride warmtepomp\n    kind: hybrid-heat-pump\n    gas_appliances: 1\n    fixed_costs:\n");
                    sb.Append($"      - {{id: gas_fixed, label: Vaste kosten gasaansluiting en onderhoud cv-ketel naast de warmtepomp, value: {I(g.Between(500, 590, 5))}, {Src}, ref: \"Tabel 4.1 (synthetisch)\"}}\n");
                    sb.Append($"      - {{id: heat_pump_maintenance, label: Onderhoud hybride warmtepomp, value: {I(g.Between(100, 160, 5))}, {Src}, ref: \"Tabel 4.1 (synthetisch)\"}}\n");
                    sb.Append("    one_off:\n      - {cost: hybrid_heat_pump, replaced: true, subsidy: isde_heat_pump}\n      - {cost: electric_cooking}\n");
                    if (cold.Count > 0) sb.Append($"      - {{cost: low_temperature_heating, dwellings: {Dwellings(cold)}}}\n");
                    if (toD.Count > 0) sb.Append($"      - {{cost: insulation_label_d, dwellings: {Dwellings(toD)}, subsidy: isde_insulation_d}}\n");
                    break;
                case "lucht-water-warmtepomp":
                    sb.Append("    name: Lucht/waterwarmtepomp\n    kind: air-water-heat-pump\n    fixed_costs:\n");
                    sb.Append($"      - {{id: heat_pump_maintenance, label: Onderhoud warmtepomp, value: {I(g.Between(200, 280, 5))}, {Src}, ref: \"Tabel 4.1 (synthetisch)\"}}\n");
                    sb.Append("    one_off:\n      - {cost: air_water_heat_pump, replaced: true, subsidy: isde_heat_pump}\n      - {cost: electric_cooking}\n");
                    sb.Append("      - {cost: low_temperature_heating}\n");
                    if (worst.Count > 0) sb.Append($"      - {{cost: ventilation, dwellings: {Dwellings(worst)}}}\n");
                    if (toB.Count > 0) sb.Append($"      - {{cost: insulation_label_b, dwellings: {Dwellings(toB)}, subsidy: isde_insulation_b}}\n");
                    break;
                default:
                    Network(sb, v, toD);
                    break;
            }
        }
        return sb.ToString();
    }

    void Network(StringBuilder sb, string id, List<Dwelling> toD)
    {
        var mini = network == "mini";
        sb.Append(mini ? "    name: Buurtwarmtenet\n" : "    name: Warmtenet voor de hele wijk\n");
        sb.Append("    kind: heat-network\n    fixed_costs:\n");
        sb.Append("      - {id: standing_charge, label: Vastrecht warmte, parameter: heat_tariffs.standing_charge}\n");
        sb.Append("      - {id: metering, label: Meettarief warmte, parameter: heat_tariffs.metering}\n");
        sb.Append("      - {id: delivery_set_rent, label: Huur afleverset, parameter: heat_tariffs.delivery_set_rent}\n");
        sb.Append("    one_off:\n      - {cost: electric_cooking}\n      - {cost: in_house_adaptations}\n");
        sb.Append("      - {cost: connection_contribution, subsidy: isde_connection}\n");
        if (toD.Count > 0) sb.Append($"      - {{cost: insulation_label_d, dwellings: {Dwellings(toD)}, subsidy: isde_insulation_d}}\n");
        // Scaled from the fixture's two networks: De Akkers (32 dwellings) and Molenkwartier (2,050 dwellings).
        var n = mini ? g.Rng.Next(12, 60) : g.Between(600, 3200, 10);
        var f = n / (mini ? 32.0 : 2050.0);
        int S(double v, int step) => Math.Max(step, g.Round(v * f * (0.9 + 0.2 * g.Rng.NextDouble()), step));
        sb.Append("    collective:\n");
        sb.Append(mini ? "      description: Mini-warmtenet voor één buurt, met een collectieve bodemwarmtepomp (synthetisch)\n"
                       : "      description: Middentemperatuur-warmtenet op restwarmte, met een centrale warmtepomp (synthetisch)\n");
        string Num(string key, string value, string table) => $"      {key}: {{value: {value}, {Src}, ref: \"{table} (synthetisch)\"}}\n";
        sb.Append(Num("dwellings", I(n), "§6.1"));
        sb.Append(Num("dwelling_heat_gj", I(S(mini ? 1150 : 61500, 10)), "Tabel 6.1"));
        var utility = mini ? 0 : Math.Max(1, (int)(24 * f));
        sb.Append(Num("utility_buildings", I(utility), "Tabel 6.1"));
        sb.Append(Num("utility_heat_gj", I(mini ? 0 : S(4800, 10)), "Tabel 6.1"));
        sb.Append(Num("connection_rate", F(mini ? 1.0 : g.Rng.Next(60, 90) / 100.0), "§6.1"));
        sb.Append(Num("network_loss", F(g.Rng.Next(15, 26) / 100.0), "§6.2"));
        sb.Append(Num("total_electricity_mwh", I(S(mini ? 105 : 2900, 1)), "Tabel 6.2"));
        sb.Append($"      capex:\n        {Src}\n        ref: \"Tabel 7.1 (synthetisch)\"\n        components:\n");
        if (mini)
        {
            sb.Append($"          - {{id: ground_loops, label: Bodemlussen, role: heat-source, amount: {I(S(180000, 1000))}}}\n");
            sb.Append($"          - {{id: heat_pump_plant, label: Warmtepompinstallatie, role: heat-pump-plant, amount: {I(S(120000, 1000))}}}\n");
            sb.Append($"          - {{id: network, label: Distributienet, role: network, amount: {I(S(420000, 1000))}}}\n");
            sb.Append($"          - {{id: delivery_sets, label: Afleversets, role: delivery-sets, amount: {I(n * 1600)}}}\n");
            sb.Append($"          - {{id: grid_connection, label: Elektriciteitsaansluiting, role: grid-connection, amount: {I(S(28000, 1000))}}}\n");
            sb.Append($"      opex: {{{Src}, ref: \"Tabel 7.2 (synthetisch)\", electricity: {I(S(24000, 100))}, maintenance: {I(S(9000, 100))}, management: {I(S(2500, 100))}}}\n");
            sb.Append("      delivery_set_rental: true\n      business_case_method: literal\n");
        }
        else
        {
            sb.Append($"          - {{id: waste_heat_coupling, label: Koppeling restwarmte, role: heat-source, amount: {I(S(2400000, 10000))}}}\n");
            sb.Append($"          - {{id: heat_pump_plant, label: Warmtepompinstallatie, role: heat-pump-plant, amount: {I(S(3200000, 10000))}}}\n");
            sb.Append($"          - {{id: network, label: Distributienet, role: network, amount: {I(S(26500000, 10000))}}}\n");
            sb.Append($"          - {{id: delivery_sets, label: Afleversets, role: delivery-sets, amount: {I(n * 1300)}}}\n");
            sb.Append($"          - {{id: grid_connection, label: Elektriciteitsaansluiting, role: grid-connection, amount: {I(S(350000, 10000))}}}\n");
            sb.Append($"      opex: {{{Src}, ref: \"Tabel 7.4 (synthetisch)\", electricity: {I(S(522000, 1000))}, maintenance: {I(S(420000, 1000))}, management: {I(S(140000, 1000))}}}\n");
            sb.Append("      delivery_set_rental: true\n");
            sb.Append($"      wis: {{value: {I(S(8900000, 10000))}, {Src}, ref: \"§7.5 (synthetisch)\"}}\n");
            sb.Append("      business_case_method: literal\n");
            if (g.Rng.NextDouble() < 0.5)
            {
                sb.Append($"      published_funding_gaps:\n        {Src}\n        ref: \"Tabel 7.6 (synthetisch)\"\n");
                sb.Append($"        public: {{none: {I(S(14650000, 10000))}}}\n        commercial: {{none: {I(S(20480000, 10000))}}}\n");
            }
        }
    }

    string Index()
    {
        var d = dwellings[g.Rng.Next(dwellings.Count)];
        var sb = new StringBuilder();
        sb.Append($"---\ntitle: {name} (synthetisch)\nsummary: \"Synthetisch voorbeeld: in {name} in {municipality} ziet u wat elke manier van verwarmen zonder aardgas kost.\"\n---\n\n");
        sb.Append($"**Let op:** Dit is een synthetische wijk, gemaakt om SiteGen op grote schaal te meten. De gemeente {municipality}, de wijk {name} en alle cijfers zijn verzonnen.\n\n");
        sb.Append($"## Waar gaat dit over?\n\n{name} heeft {string.Join(", ", dwellings.Select(x => x.A.Name.ToLowerInvariant()))}. ");
        sb.Append($"De gemeente liet uitzoeken hoe die huizen later zonder aardgas warm blijven. De studie vergelijkt {I(Variants.Count)} manieren.\n\n");
        sb.Append($"## Wat kost het?\n\nEen voorbeeld voor een {d.A.Name.ToLowerInvariant()}. De tabel laat de totale kosten over 30 jaar zien en wat u per maand betaalt.\n\n");
        sb.Append($"{{{{< tco-table dwelling=\"{d.Id}\" >}}}}\n\n");
        sb.Append("## Let op: dit zijn schattingen\n\nDe bedragen zijn schattingen. Zo rekent deze wijk met een gasprijs van {{< assumption id=\"energy.gas_price\" >}} ");
        sb.Append("en een stroomprijs van {{< assumption id=\"energy.electricity_price\" >}}. Gebruik de bedragen om keuzes te vergelijken. Ze zijn geen offerte.\n");
        return sb.ToString();
    }

    string DwellingText(Dwelling d)
    {
        var sb = new StringBuilder();
        sb.Append($"---\ntitle: {d.A.Name}\nsummary: \"Dit synthetische voorbeeldhuis staat voor {d.A.Text}.\"\n---\n\n");
        sb.Append($"## Welke huizen lijken hierop?\n\nDit voorbeeldhuis is {d.A.Text}. Zulke huizen hebben meestal energielabel {string.Join(", ", d.A.Labels)}. ");
        sb.Append($"Het gebruikt nu ongeveer {I(d.Gas)} kuub gas per jaar. Het huis en alle bedragen zijn verzonnen, om SiteGen te meten.\n\n");
        sb.Append("## Wat betekent dit voor verwarmen zonder aardgas?\n\n");
        foreach (var v in Variants)
        {
            var (label, field) = v switch
            {
                "gasketel" => ("Gasketel", "tco"),
                "hybride-warmtepomp" => ("Hybride warmtepomp", "monthly"),
                "lucht-water-warmtepomp" => ("Lucht-waterwarmtepomp", "investment"),
                _ => ("Warmtenet", "monthly"),
            };
            var what = field switch { "tco" => "Over 30 jaar kost dit", "monthly" => "Per maand betaalt u", _ => "Eenmalig kost dit" };
            sb.Append($"- **{label}.** {what} {{{{< value dwelling=\"{d.Id}\" variant=\"{v}\" field=\"{field}\" >}}}}.\n");
        }
        sb.Append($"\nDe gasketel stoot de meeste CO2 uit: {{{{< value dwelling=\"{d.Id}\" variant=\"gasketel\" field=\"co2\" >}}}}.\n\n");
        sb.Append("## Een voorbeeldhuis is een vereenvoudiging\n\nGeen huis is precies hetzelfde. Laat een energieadviseur naar uw eigen huis kijken voordat u kiest.\n");
        return sb.ToString();
    }

    string VariantText(string v)
    {
        var d = dwellings[g.Rng.Next(dwellings.Count)];
        var (title, summary, pros, cons, how) = v switch
        {
            "gasketel" => ("Gasketel", "U houdt uw cv-ketel op aardgas, zoals nu; dit is de vergelijking voor de andere keuzes.",
                new[] { "Goedkoop in aanschaf", "Er verandert niets in huis" }, new[] { "Veel uitstoot van CO2", "U blijft afhankelijk van de gasprijs" },
                "Een cv-ketel verbrandt aardgas. De warmte maakt water heet. Dat water gaat naar de radiatoren en naar de kraan."),
            "hybride-warmtepomp" => ("Hybride warmtepomp", "Een warmtepomp levert het meeste van de warmte en uw cv-ketel helpt op koude dagen.",
                new[] { "Veel minder aardgas en CO2 dan nu", "Past al bij een huis met energielabel D" }, new[] { "U gebruikt nog wat aardgas", "Onderhoud aan twee apparaten" },
                "Een warmtepomp haalt met stroom warmte uit de buitenlucht. Op koude dagen springt de ketel bij."),
            "lucht-water-warmtepomp" => ("Lucht-waterwarmtepomp", "Een warmtepomp haalt warmte uit de buitenlucht en vervangt uw cv-ketel helemaal.",
                new[] { "Helemaal geen aardgas meer", "U kiest zelf het moment" }, new[] { "Het huis moet goed geïsoleerd zijn (label B)", "Duur in aanschaf" },
                "Een warmtepomp haalt met stroom warmte uit de buitenlucht. U heeft geen cv-ketel en geen aardgas meer nodig."),
            _ => ("Warmtenet", "Warm water komt via buizen onder de straat naar uw huis; u heeft geen eigen ketel of warmtepomp meer.",
                new[] { "Label D is genoeg", "Geen buitenunit bij uw huis" }, new[] { "U bent afhankelijk van uw buren", "Het warmtebedrijf komt geld tekort" },
                "Een warmtenet is een netwerk van buizen onder de straat. Het brengt warm water naar de huizen."),
        };
        var sb = new StringBuilder();
        sb.Append($"---\ntitle: \"{title}\"\nsummary: \"{summary}\"\npros:\n");
        foreach (var p in pros) sb.Append($"  - {p}\n");
        sb.Append("cons:\n");
        foreach (var c in cons) sb.Append($"  - {c}\n");
        sb.Append($"---\n\n## Hoe werkt het?\n\n{how} Deze wijk rekent met een gasprijs van {{{{< assumption id=\"energy.gas_price\" >}}}}.\n\n");
        sb.Append($"## Wat kost het?\n\nVoor een {d.A.Name.ToLowerInvariant()} betaalt u {{{{< value dwelling=\"{d.Id}\" variant=\"{v}\" field=\"monthly\" >}}}}. ");
        sb.Append($"Over 30 jaar is dat {{{{< value dwelling=\"{d.Id}\" variant=\"{v}\" field=\"tco\" >}}}}.\n\n");
        sb.Append($"{{{{< tco-table dwelling=\"{d.Id}\" >}}}}\n\n");
        if (v is "buurtwarmtenet" or "warmtenet")
            sb.Append($"## Wie regelt wat?\n\nHet warmtebedrijf komt geld tekort. Dat tekort heet de onrendabele top.\n\n{{{{< business-case variant=\"{v}\" >}}}}\n");
        else
            sb.Append("## Wie regelt wat?\n\nU regelt dit zelf, met een installateur naar keuze.\n");
        return sb.ToString();
    }
}
