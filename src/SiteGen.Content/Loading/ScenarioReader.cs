using SiteGen.Calculation.HeatDemand;
using SiteGen.Calculation;
using SiteGen.Calculation.Inputs;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;
using static SiteGen.Content.Yaml.UnitRanges;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Loading;

/// <summary>
/// Reads a neighbourhood's scenario (neighbourhood.yaml) into calculation inputs plus what the pages show.
/// Catalogue entries (costs, subsidies) are defined once and referenced by id from the variants.
/// </summary>
internal sealed partial class ScenarioReader(References refs, ParameterReader parameterReader, IReadOnlyList<Parameter> shared)
{
    /// <summary>Each dwelling's current energy label, for the checks on the variants that follow the dwellings.</summary>
    private Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, HeatDemandMethod> Methods = new()
    {
        ["study"] = HeatDemandMethod.Study, ["consistent"] = HeatDemandMethod.Consistent,
    };
    private static readonly Dictionary<string, VariantKind> Kinds = new()
    {
        ["gas-boiler"] = VariantKind.GasBoiler, ["hybrid-heat-pump"] = VariantKind.HybridHeatPump,
        ["air-water-heat-pump"] = VariantKind.AirWaterHeatPump, ["heat-network"] = VariantKind.HeatNetwork,
    };
    private static readonly Dictionary<string, CostCategory> Categories = new()
    {
        ["installation"] = CostCategory.Installation, ["adaptation"] = CostCategory.Adaptation,
        ["insulation"] = CostCategory.Insulation, ["connection-fee"] = CostCategory.ConnectionFee,
        ["calibration"] = CostCategory.Calibration,
    };
    private static readonly Dictionary<string, InsulationTarget> Targets = new()
    {
        ["D"] = InsulationTarget.LabelD, ["B"] = InsulationTarget.LabelB,
    };
    private static readonly Dictionary<string, CapexRole> Roles = new()
    {
        ["heat-source"] = CapexRole.HeatSource, ["solar-thermal"] = CapexRole.SolarThermal,
        ["heat-pump-plant"] = CapexRole.HeatPumpPlant, ["network"] = CapexRole.Network,
        ["delivery-sets"] = CapexRole.DeliverySets, ["individual-heat-pumps"] = CapexRole.IndividualHeatPumps,
        ["grid-connection"] = CapexRole.GridConnection,
    };
    private static readonly Dictionary<string, BusinessCaseMethod> BusinessMethods =
        BusinessCaseMethod.All.ToDictionary(m => m.Name);
    private static readonly Dictionary<string, SubsidyCase> SubsidyCases = new()
    {
        ["none"] = SubsidyCase.None, ["wis"] = SubsidyCase.Wis, ["sde"] = SubsidyCase.Sde, ["wis+sde"] = SubsidyCase.WisAndSde,
    };

    private static readonly Dictionary<string, string> SubsidyWords = new()
    {
        ["none"] = "zonder subsidie", ["wis"] = "met WIS", ["sde"] = "met SDE++", ["wis+sde"] = "met WIS en SDE++",
    };

    private sealed record CostDef(string Id, string Label, CostCategory Category, InsulationTarget Insulates,
        Dictionary<string, decimal> Amounts, decimal? All, Reference Reference, bool OnlyWithoutGas = false);
    private sealed record SubsidyDef(string Id, string Label, string? ShareParameter, Dictionary<string, decimal> Amounts, decimal? All, Reference? Reference)
    {
        /// <summary>Amounts the source states per measure (cost id), for a share-of-cost subsidy: what residents see (issue 13).</summary>
        public Dictionary<string, (Dictionary<string, decimal> Amounts, decimal? All)> Stated { get; init; } = [];
        public Reference? StatedReference { get; init; }
    }

    public sealed record Result(
        NeighbourhoodInput Input, string Name, List<DwellingInfo> Dwellings, List<VariantInfo> Variants,
        List<Fact> Facts, List<ScenarioValue> Values, List<Parameter> Overrides, List<string> StepPlans,
        CurrentPhase? Phase, DateOnly? AsOf, YamlContext Context, YamlMappingNode Root, Dictionary<string, YamlNode> Nodes,
        IReadOnlySet<string> OnlyWithoutGas);

    private List<string> _declaredCosts = [], _declaredSubsidies = [];

    private static List<string> Declared(MapReader? m) =>
        m is null ? [] : m.Node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(MapReader.IsSlug).ToList();

    public Result? Read(string id, YamlNode? root, YamlContext ctx, Func<DateOnly?, IReadOnlyList<Parameter>, Assumptions?> resolve)
    {
        var map = MapReader.From(root, ctx, "het scenario");
        if (map is null) return null;
        var values = new List<ScenarioValue>();

        string? name = map.String("name");
        var method = map.Enum("method", Methods);
        DateOnly? asOf = map.Get("as_of", required: false) is { } a ? References.ParseDate(a, ctx, "'as_of'") : null;
        var stepPlans = map.StringList("step_plans", required: false) ?? [];
        // Where references are written, so a finding about them points there.
        var nodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (map.Get("step_plans", required: false) is YamlSequenceNode planNodes)
            foreach (var p in planNodes.Children.OfType<YamlScalarNode>()) nodes.TryAdd("step_plans." + p.Value, p);
        CurrentPhase? phase = null;
        if (map.Map("current_phase", "'current_phase'", required: false) is { } cp)
        {
            var plan = cp.Slug("plan");
            var step = cp.Slug("step");
            if (cp.Get("plan", required: false) is { } pn) nodes["current_phase.plan"] = pn;
            if (cp.Get("step", required: false) is { } sn) nodes["current_phase.step"] = sn;
            cp.Done();
            if (plan is not null && step is not null) phase = new CurrentPhase(plan, step);
        }
        var overrides = parameterReader.ReadOverrides(map.Map("overrides", "'overrides'", required: false), shared);
        var facts = ReadFacts(map.Sequence("facts", required: false), ctx);

        var dwellingsMap = map.Map("dwellings", "'dwellings'");
        var costsMap = map.Map("costs", "'costs'", required: false);
        var subsidiesMap = map.Map("subsidies", "'subsidies'", required: false);
        // A misspelt section ("cots:") is one mistake, reported as an unknown key with "bedoelt u 'costs'?". Read on, every
        // use of its ids would be reported too (27 findings for one letter): the rest waits until the name is right.
        if (dwellingsMap is null && map.HasNearMiss("dwellings") || costsMap is null && map.HasNearMiss("costs")
            || subsidiesMap is null && map.HasNearMiss("subsidies"))
        {
            map.Get("variants", required: false);
            map.Done();
            return null;
        }
        var (dwellingInputs, dwellingInfos) = ReadDwellings(dwellingsMap, id, values);
        _labels = dwellingInputs.ToDictionary(d => d.Id, d => d.Label);
        // References are checked against every id written down, valid or not: an invalid entry is reported once, not at each use.
        var dwellingIds = Declared(dwellingsMap);
        _declaredCosts = Declared(costsMap);
        _declaredSubsidies = Declared(subsidiesMap);
        var costs = ReadCosts(costsMap, dwellingIds, id, values);
        var subsidies = ReadSubsidies(subsidiesMap, dwellingIds, id, values);
        var variantsMap = map.Map("variants", "'variants'");
        map.Done();

        var assumptions = resolve(asOf, overrides);
        CheckStated(ctx, asOf, overrides);
        var variantInputs = new List<VariantInput>();
        var variantInfos = new List<VariantInfo>();
        if (variantsMap is not null)
        {
            foreach (var (vid, keyNode, node) in variantsMap.Entries())
            {
                if (!MapReader.IsSlug(vid))
                {
                    ctx.Error(keyNode, Codes.WrongType, $"de id van variant '{vid}' moet bestaan uit kleine letters, cijfers en '-', bijvoorbeeld 'warmtepomp'");
                    continue;
                }
                int first = values.Count;
                var v = ReadVariant(vid, MapReader.From(node, ctx, $"variant '{vid}'"), dwellingIds, costs, subsidies, assumptions, id, values);
                if (v is null) continue;
                // The overview numbers the choices: two with one number read as "1. Gasketel" and "1. Hybride warmtepomp".
                if (variantInfos.FirstOrDefault(x => x.Number == v.Value.Info.Number) is { } same)
                    ctx.Error(((YamlMappingNode)node).Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "number" }).Value ?? node,
                        Codes.DuplicateKey, $"variant '{vid}' heeft nummer {same.Number}, net als variant '{same.Id}'; geef elke variant een eigen nummer");
                // Three heat networks each have "Woningen in het gebied": where inputs are listed, each says whose it is.
                string own = $"({v.Value.Info.Name})";
                for (int i = first; i < values.Count; i++)
                    if (!values[i].Label.Contains(own, StringComparison.Ordinal))
                        values[i] = values[i] with { Label = $"{values[i].Label} {own}" };
                variantInputs.Add(v.Value.Input);
                variantInfos.Add(v.Value.Info);
            }
            if (variantInputs.Count == 0 && !ctx.Diag.HasErrors)
                ctx.Error(variantsMap.Node, Codes.MissingKey, "het scenario noemt geen varianten; zet er minstens één onder 'variants'");
        }
        if (method == HeatDemandMethod.Study) CheckFixedEnergy(ctx, asOf, overrides);
        if (name is null || method is null || assumptions is null || ctx.Diag.HasErrors) return null;

        var input = new NeighbourhoodInput
        {
            Id = id, Method = method.Value, Assumptions = assumptions, Dwellings = dwellingInputs, Variants = variantInputs,
        };
        return new Result(input, name, dwellingInfos, variantInfos, facts, values, overrides, stepPlans, phase, asOf, ctx, map.Node, nodes,
            costs.Values.Where(c => c.OnlyWithoutGas).Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
    }

    private static int ErrorCount(YamlContext ctx) => ctx.Diag.Items.Count(d => d.Severity == Severity.Error);

    private List<Fact> ReadFacts(YamlSequenceNode? seq, YamlContext ctx)
    {
        var facts = new List<Fact>();
        if (seq is null) return facts;
        foreach (var item in seq.Children)
        {
            var f = MapReader.From(item, ctx, "een feit");
            if (f is null) continue;
            var fid = f.Slug("id");
            var label = f.String("label");
            var unit = f.String("unit");
            var decimals = f.Int("decimals", required: false, min: 0, max: 4);
            // A unit the catalogue does not know (hectare): not negative, and no more decimals than the page shows, so
            // `1.250` hectare (read as 1,25 and shown as "1 hectare") is caught.
            var value = unit is null ? f.Decimal("value", min: 0m)
                : f.Number("value", ForFact(unit) ?? new UnitRange(unit, 0m, decimal.MaxValue, decimals is null ? $"een feit in {unit} zonder 'decimals'" : $"een feit in {unit} met 'decimals: {decimals}'",
                    MaxDecimals: decimals ?? 0));
            var reference = refs.Read(f);
            f.Done();
            if (fid is null || label is null || value is null || unit is null || reference is null) continue;
            facts.Add(new Fact(fid, label, value.Value, unit, decimals ?? 0, reference));
        }
        return facts;
    }

    private (List<DwellingInput>, List<DwellingInfo>) ReadDwellings(MapReader? map, string nid, List<ScenarioValue> values)
    {
        var inputs = new List<DwellingInput>();
        var infos = new List<DwellingInfo>();
        if (map is null) return (inputs, infos);
        var ctx = map.Context;
        foreach (var (did, keyNode, node) in map.Entries())
        {
            if (!MapReader.IsSlug(did))
            {
                ctx.Error(keyNode, Codes.WrongType, $"de id van woning '{did}' moet bestaan uit kleine letters, cijfers en '-', bijvoorbeeld 'tussenwoning-1980-2000'");
                continue;
            }
            var d = MapReader.From(node, ctx, $"woning '{did}'");
            if (d is null) continue;
            var name = d.String("name");
            var houseType = d.Slug("house_type");
            var period = d.Slug("build_period");
            var labels = d.StringList("labels");
            var label = d.String("label");
            var gas = d.Map("gas_m3", $"'gas_m3' van woning '{did}'");
            // The model reads any other text as "label unknown": `X` or `f` would silently change the figures.
            if (label is not null && !IsEnergyLabel(label))
            {
                ctx.Error(d.Get("label", required: false)!, Codes.WrongType, $"'{label}' is geen energielabel; schrijf A tot en met G in een hoofdletter (of A+ tot A++++)");
                label = null;
            }
            if (labels is not null && labels.FirstOrDefault(l => !IsEnergyLabel(l)) is { } wrong)
            {
                ctx.Error(d.Get("labels", required: false)!, Codes.WrongType, $"'{wrong}' in 'labels' is geen energielabel; schrijf A tot en met G in een hoofdletter (of A+ tot A++++)");
                labels = null;
            }
            d.Done();
            if (gas is null) continue;
            var current = Sourced(gas, "current", $"{nid}:dwellings.{did}.gas_m3.current", "Gasverbruik nu", "m3", did, values, range: Get("m3/year"));
            var labelD = Sourced(gas, "label_d", $"{nid}:dwellings.{did}.gas_m3.label_d", "Gasverbruik na isolatie naar label D", "m3", did, values, required: false, range: Get("m3/year"));
            var labelB = Sourced(gas, "label_b", $"{nid}:dwellings.{did}.gas_m3.label_b", "Gasverbruik na isolatie naar label B", "m3", did, values, required: false, range: Get("m3/year"));
            // Insulation saves gas: a use after it above the use before is a typing mistake (a digit too many or too few).
            foreach (var (key, after, before, what) in new[] { ("label_d", labelD, current, "nu"), ("label_b", labelB, labelD ?? current, labelD is null ? "nu" : "na isolatie naar label D") })
                if (after is { } a && before is { } b && a.Value > b.Value)
                    ctx.Error(gas.Get(key, required: false)!, Codes.OutOfRange,
                        $"het gasverbruik van woning '{did}' na isolatie ({key}: {UnitRange.Dutch(a.Value)}) is hoger dan {what} ({UnitRange.Dutch(b.Value)}); isoleren bespaart gas, controleer de getallen");
            gas.Done();
            if (name is null || houseType is null || period is null || labels is null || label is null || current is null) continue;
            inputs.Add(new DwellingInput { Id = did, Label = label, GasCurrent = current.Value, GasLabelD = labelD, GasLabelB = labelB });
            infos.Add(new DwellingInfo(did, name, houseType, period, labels, null));
        }
        return (inputs, infos);
    }

    private static bool IsEnergyLabel(string label) => EnergyLabel().IsMatch(label);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(A\+{0,4}|[B-G])$")]
    private static partial System.Text.RegularExpressions.Regex EnergyLabel();

    /// <summary>A single sourced number: {value: 1400, source: ..., ref: ...}.</summary>
    private Quantity? Sourced(MapReader parent, string key, string citeKey, string label, string unit, string? dwelling,
        List<ScenarioValue> values, bool required = true, UnitRange? range = null)
    {
        var m = parent.Map(key, $"'{key}'", required);
        if (m is null) return null;
        var v = range is null ? m.Decimal("value", min: 0m) : m.Number("value", range);
        var reference = refs.Read(m);
        m.Done();
        if (v is null || reference is null) return null;
        values.Add(new ScenarioValue(citeKey, label, unit, [(dwelling, v.Value)], reference));
        return new Quantity(v.Value, References.Cite(citeKey, reference));
    }

    /// <summary>Per-dwelling amounts: 'amount: 1900' for every dwelling, or 'amounts: {dwelling: value}'.</summary>
    private (Dictionary<string, decimal> Amounts, decimal? All) ReadAmounts(MapReader m, IReadOnlyList<string> dwellings, UnitRange range, bool required = true)
    {
        var amounts = new Dictionary<string, decimal>();
        var all = m.Number("amount", range, required: false);
        var perDwelling = m.Map("amounts", $"'amounts' van {m.What}", required: false);
        // A misspelt 'amount' is reported once, as an unknown key with "bedoelt u 'amount'?".
        if (all is null && perDwelling is null && required && !m.Context.Diag.HasErrors && !m.HasNearMiss("amount") && !m.HasNearMiss("amounts"))
            m.Context.Error(m.Node, Codes.MissingKey, $"{m.What} heeft een bedrag nodig: 'amount: <getal>' (hetzelfde voor elke woning) of 'amounts: {{<woning>: <getal>}}'");
        // 'amounts: {}' gave every dwelling nothing for this item, without a word.
        if (perDwelling is not null && perDwelling.Node.Children.Count == 0 && required)
            m.Context.Error(perDwelling.Node, Codes.MissingKey, $"'amounts' van {m.What} is leeg: geef een bedrag per woning, bijvoorbeeld 'amounts: {{{dwellings.FirstOrDefault() ?? "woning"}: 2000}}'");
        if (perDwelling is not null)
        {
            foreach (var (did, keyNode, node) in perDwelling.Entries())
            {
                if (!dwellings.Contains(did))
                {
                    m.Context.Error(keyNode, Codes.UnknownReference, $"woning '{did}' bestaat niet in dit scenario; wel bestaan: {string.Join(", ", dwellings)}");
                    continue;
                }
                if (MapReader.ReadNumber(node, m.Context, $"het bedrag voor '{did}'", range) is { } v) amounts[did] = v;
            }
        }
        return (amounts, all);
    }

    private Dictionary<string, CostDef> ReadCosts(MapReader? map, IReadOnlyList<string> dwellings, string nid, List<ScenarioValue> values)
    {
        var result = new Dictionary<string, CostDef>();
        if (map is null) return result;
        foreach (var (cid, _, node) in map.Entries())
        {
            var c = MapReader.From(node, map.Context, $"kostenpost '{cid}'");
            if (c is null) continue;
            var label = c.String("label");
            var category = c.Enum("category", Categories);
            var insulates = c.Enum("insulates_to", Targets, required: false);
            bool onlyWithoutGas = c.Bool("only_without_gas", required: false) ?? false;
            int errors = ErrorCount(c.Context);
            var (amounts, all) = ReadAmounts(c, dwellings, Get("EUR"));
            bool amountsInvalid = ErrorCount(c.Context) > errors; // reported there; its uses are not reported again
            var reference = refs.Read(c);
            c.Done();
            if (label is null || category is null || reference is null || amountsInvalid) continue;
            string key = $"{nid}:costs.{cid}";
            values.Add(new ScenarioValue(key, label, "EUR", all is { } x ? [(null, x)] : amounts.Select(kv => ((string?)kv.Key, kv.Value)).ToList(), reference));
            result[cid] = new CostDef(cid, label, category.Value, insulates ?? InsulationTarget.None, amounts, all, reference, onlyWithoutGas);
        }
        return result;
    }

    // Subsidies with amounts under 'stated': which share they go with, where they are written and from which source.
    private readonly List<(string Subsidy, string Share, YamlNode Node, Reference Source)> _stated = [];

    /// <summary>
    /// The amounts a source prints under 'stated' go with the share that source used. Once the share in force comes from
    /// another source (a new ISDE rule), residents would see the old amounts beside costs computed with the new share.
    /// </summary>
    private void CheckStated(YamlContext ctx, DateOnly? asOf, IReadOnlyList<Parameter> overrides)
    {
        foreach (var (sid, share, node, source) in _stated)
        {
            if (FromOtherSource(share, asOf, overrides, source) is not { } inForce) continue;
            ctx.Warning(node, Codes.Expired,
                $"de bedragen onder 'stated' van subsidie '{sid}' komen uit {source.Text}, maar '{share}' rekent nu met "
                + $"{inForce.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} uit {inForce.Reference.Text} (vanaf {inForce.From:d-M-yyyy}); "
                + "de pagina's tonen dan subsidiebedragen die niet bij de berekening passen. Werk de bedragen bij met de nieuwe bron, of haal 'stated' weg");
        }
    }

    /// <summary>The value of parameter <paramref name="id"/> in force (the neighbourhood's own first), when another document than <paramref name="source"/> gives it.</summary>
    private ParameterValue? FromOtherSource(string id, DateOnly? asOf, IReadOnlyList<Parameter> overrides, Reference source) =>
        (overrides.FirstOrDefault(o => o.Id == id) ?? shared.FirstOrDefault(p => p.Id == id))?.ValueAt(asOf) is { } inForce
        && inForce.Reference.Document.Id != source.Document.Id ? inForce : null;

    // Variants whose energy cost the study prints (variable_cost_override): where it is written and from which source.
    private readonly List<(string Variant, YamlNode Node, Reference Source)> _fixedEnergy = [];

    /// <summary>
    /// Under method: study a variant's printed energy cost stands in for its computed one, at the prices the study used.
    /// Once the gas or electricity price in force comes from another source, every other option follows the new price
    /// and this one does not ("Per maand € 101 -> € 101" after a price rise), which the communicator is told.
    /// </summary>
    private void CheckFixedEnergy(YamlContext ctx, DateOnly? asOf, IReadOnlyList<Parameter> overrides)
    {
        foreach (var (vid, node, source) in _fixedEnergy)
            foreach (var (price, name) in new[] { ("energy.gas_price", "gasprijs"), ("energy.electricity_price", "stroomprijs") })
            {
                if (FromOtherSource(price, asOf, overrides, source) is not { } inForce) continue;
                ctx.Warning(node, Codes.Expired,
                    $"de energiekosten onder 'variable_cost_override' van variant '{vid}' komen uit {source.Text}, maar de {name} komt nu uit "
                    + $"{inForce.Reference.Text} (vanaf {inForce.From:d-M-yyyy}); deze variant volgt de nieuwe prijs niet, de andere wel. "
                    + "Werk de bedragen bij met de nieuwe prijzen, of reken met 'method: consistent'");
                break;
            }
    }

    private Dictionary<string, SubsidyDef> ReadSubsidies(MapReader? map, IReadOnlyList<string> dwellings, string nid, List<ScenarioValue> values)
    {
        var result = new Dictionary<string, SubsidyDef>();
        if (map is null) return result;
        foreach (var (sid, _, node) in map.Entries())
        {
            var s = MapReader.From(node, map.Context, $"subsidie '{sid}'");
            if (s is null) continue;
            var label = s.String("label");
            var share = s.String("share_of_cost", required: false);
            bool shareInvalid = false;
            if (s.Get("valid_until", required: false) is { } untilNode
                && References.ParseDate(untilNode, s.Context, "'valid_until'") is { } until && parameterReader.HasPassed(until))
                s.Context.Warning(untilNode, Codes.Expired, $"subsidie '{sid}' is afgelopen op {until:d-M-yyyy}; controleer of ze nog geldt en werk haar bij of haal haar weg");
            if (share is not null && share != "subsidies.isde_heat_pump_share")
            {
                s.Context.Error(s.Get("share_of_cost", required: false)!, Codes.UnknownReference,
                    $"'share_of_cost' moet een subsidieaandeel uit de gedeelde parameters noemen, bijvoorbeeld subsidies.isde_heat_pump_share; er staat '{share}'");
                shareInvalid = true;
            }
            // A misspelt 'share_of_cost' is one mistake (an unknown key, "bedoelt u 'share_of_cost'?"), not a subsidy
            // without amounts or source whose 'stated' block is out of place.
            bool shareMisspelt = share is null && s.HasNearMiss("share_of_cost");
            shareInvalid |= shareMisspelt;
            Dictionary<string, decimal> amounts = [];
            decimal? all = null;
            Reference? reference = null;
            if (share is null && !shareMisspelt)
            {
                int errors = ErrorCount(s.Context);
                (amounts, all) = ReadAmounts(s, dwellings, Get("EUR"));
                shareInvalid |= ErrorCount(s.Context) > errors; // reported there; its uses are not reported again
                reference = refs.Read(s);
            }
            var statedMap = s.Map("stated", $"'stated' van subsidie '{sid}'", required: false);
            var (stated, statedReference) = shareMisspelt ? ([], null) : ReadStated(statedMap, share, dwellings, sid, nid, label, values);
            if (statedMap is not null && share is not null && statedReference is not null) _stated.Add((sid, share, statedMap.Node, statedReference));
            s.Done();
            if (label is null || shareInvalid || (share is null && reference is null)) continue;
            if (reference is not null)
                values.Add(new ScenarioValue($"{nid}:subsidies.{sid}", label, "EUR",
                    all is { } x ? [(null, x)] : amounts.Select(kv => ((string?)kv.Key, kv.Value)).ToList(), reference));
            result[sid] = new SubsidyDef(sid, label, share, amounts, all, reference) { Stated = stated, StatedReference = statedReference };
        }
        return result;
    }

    /// <summary>
    /// stated: {source, ref, per_cost: {&lt;cost&gt;: {amount | amounts}}} of a share-of-cost subsidy: the amounts the
    /// source prints per measure (Tabel 8.7). Residents see these; the TCO keeps the share (issue 13).
    /// </summary>
    private (Dictionary<string, (Dictionary<string, decimal>, decimal?)>, Reference?) ReadStated(MapReader? m, string? share,
        IReadOnlyList<string> dwellings, string sid, string nid, string? label, List<ScenarioValue> values)
    {
        var result = new Dictionary<string, (Dictionary<string, decimal>, decimal?)>();
        if (m is null) return (result, null);
        if (share is null)
            m.Context.Error(m.Node, Codes.UnknownKey, $"'stated' hoort bij een subsidie met 'share_of_cost'; subsidie '{sid}' geeft haar bedragen rechtstreeks, haal 'stated' weg");
        var perCost = m.Map("per_cost", $"'per_cost' van de genoemde bedragen van subsidie '{sid}'");
        var reference = refs.Read(m);
        m.Done();
        if (perCost is not null)
            foreach (var (cid, keyNode, node) in perCost.Entries())
            {
                // A misspelt cost would be a stated amount no line ever shows: residents would see the share instead.
                if (!_declaredCosts.Contains(cid))
                {
                    perCost.Context.Error(keyNode, Codes.UnknownReference,
                        $"kostenpost '{cid}' onder 'per_cost' van subsidie '{sid}' staat niet onder 'costs'; wel daar staan: {string.Join(", ", _declaredCosts)}");
                    continue;
                }
                var c = MapReader.From(node, perCost.Context, $"het genoemde bedrag van subsidie '{sid}' op '{cid}'");
                if (c is null) continue;
                var amounts = ReadAmounts(c, dwellings, Get("EUR"));
                c.Done();
                result[cid] = amounts;
                if (reference is not null && label is not null)
                    values.Add(new ScenarioValue($"{nid}:subsidies.{sid}.stated.{cid}", $"{label} (bedrag in de bron)", "EUR",
                        amounts.Item2 is { } x ? [(null, x)] : amounts.Item1.Select(kv => ((string?)kv.Key, kv.Value)).ToList(), reference));
            }
        return (result, reference);
    }

    private (VariantInput Input, VariantInfo Info)? ReadVariant(string vid, MapReader? v, IReadOnlyList<string> dwellings,
        Dictionary<string, CostDef> costs, Dictionary<string, SubsidyDef> subsidies, Assumptions? a, string nid, List<ScenarioValue> values)
    {
        if (v is null) return null;
        var ctx = v.Context;
        var number = v.Int("number", min: 1, max: 99);
        var name = v.String("name");
        var kind = v.Enum("kind", Kinds);
        var gasAppliances = v.Int("gas_appliances", required: false, min: 0, max: 5);
        var fixedCosts = ReadFixedCosts(v.Sequence("fixed_costs"), ctx, vid, a, nid, values);
        var overrideMap = v.Map("variable_cost_override", "'variable_cost_override'", required: false);
        var electricityMap = v.Map("published_electricity_kwh", "'published_electricity_kwh'", required: false);
        var oneOffSeq = v.Sequence("one_off", required: false);
        var collectiveMap = v.Map("collective", "'collective'", required: false);
        v.Done();

        var perDwelling = dwellings.ToDictionary(d => d, _ => new List<PlannedCost>());
        var insulation = new Dictionary<string, InsulationTarget>();
        if (oneOffSeq is not null)
        {
            foreach (var item in oneOffSeq.Children)
            {
                var o = MapReader.From(item, ctx, $"een eenmalige post van variant '{vid}'");
                if (o is null) continue;
                var costId = o.String("cost");
                var replaced = o.Bool("replaced", required: false) ?? false;
                var subsidyId = o.String("subsidy", required: false);
                var only = o.StringList("dwellings", required: false);
                o.Done();
                if (costId is null) continue;
                if (!costs.TryGetValue(costId, out var cost))
                {
                    if (_declaredCosts.Contains(costId)) continue; // written down but invalid: reported where it is defined
                    ctx.Error(o.Get("cost", required: false) ?? o.Node, Codes.UnknownReference, $"kostenpost '{costId}' staat niet onder 'costs'; wel daar staan: {string.Join(", ", costs.Keys)}");
                    continue;
                }
                SubsidyDef? subsidy = null;
                if (subsidyId is not null && !subsidies.TryGetValue(subsidyId, out subsidy))
                {
                    if (_declaredSubsidies.Contains(subsidyId)) continue;
                    ctx.Error(o.Get("subsidy", required: false) ?? o.Node, Codes.UnknownReference, $"subsidie '{subsidyId}' staat niet onder 'subsidies'; wel daar staan: {string.Join(", ", subsidies.Keys)}");
                    continue;
                }
                if (o.Get("dwellings", required: false) is YamlSequenceNode onlyNodes)
                    foreach (var onlyItem in onlyNodes.Children)
                        if (onlyItem is YamlScalarNode { Value: { } d } && !dwellings.Contains(d))
                            ctx.Error(onlyItem, Codes.UnknownReference, $"woning '{d}' bestaat niet in dit scenario; wel bestaan: {string.Join(", ", dwellings)}");
                foreach (var d in only ?? dwellings)
                {
                    if (!dwellings.Contains(d)) continue;
                    decimal? amount = cost.All ?? (cost.Amounts.TryGetValue(d, out var x) ? x : null);
                    if (amount is null)
                    {
                        // Left out, a dwelling would cost nothing for this item. A cost with no amounts at all was reported where it is defined.
                        if (cost.Amounts.Count > 0)
                            ctx.Error(o.Node, Codes.UnknownReference, $"kostenpost '{costId}' heeft geen bedrag voor woning '{d}'; vul het aan onder 'amounts'");
                        continue;
                    }
                    var quantity = new Quantity(amount.Value, References.Cite($"{nid}:costs.{cost.Id}", cost.Reference));
                    PlannedSubsidy? planned = null;
                    if (subsidy is not null)
                    {
                        if (subsidy.ShareParameter is { } sp)
                        {
                            Quantity? stated = subsidy.Stated.TryGetValue(cost.Id, out var st) && subsidy.StatedReference is { } sr
                                && (st.All ?? (st.Amounts.TryGetValue(d, out var sv) ? sv : null)) is { } statedAmount
                                ? new Quantity(statedAmount, References.Cite($"{nid}:subsidies.{subsidy.Id}.stated.{cost.Id}", sr))
                                : null;
                            planned = a is null || ShareQuantity(sp, a) is not { } shareQ ? null : new PlannedSubsidy(subsidy.Id, subsidy.Label, shareQ, null, stated);
                        }
                        else if ((subsidy.All ?? (subsidy.Amounts.TryGetValue(d, out var sa) ? sa : null)) is { } grant)
                            planned = new PlannedSubsidy(subsidy.Id, subsidy.Label, null,
                                new Quantity(grant, References.Cite($"{nid}:subsidies.{subsidy.Id}", subsidy.Reference!)));
                        else
                            ctx.Error(o.Node, Codes.UnknownReference, $"subsidie '{subsidy.Id}' heeft geen bedrag voor woning '{d}'; vul het aan onder 'amounts'");
                    }
                    // A line copied twice would silently charge the house twice.
                    if (perDwelling[d].Any(x => x.Id == cost.Id))
                    {
                        ctx.Error(o.Node, Codes.DuplicateKey, $"variant '{vid}' rekent kostenpost '{costId}' voor woning '{d}' al eerder; haal deze regel weg of beperk haar met 'dwellings'");
                        continue;
                    }
                    perDwelling[d].Add(new PlannedCost(cost.Id, cost.Label, cost.Category, quantity, replaced, planned));
                    if (cost.Insulates != InsulationTarget.None)
                    {
                        insulation[d] = cost.Insulates;
                        // A house that already has the label is charged for nothing it needs (issue 10): say so where it is written.
                        if (_labels.TryGetValue(d, out var current) && HeatDemandModel.MeetsTarget(current, cost.Insulates))
                            ctx.Warning(o.Node, Codes.NotNeeded,
                                $"variant '{vid}' rekent woning '{d}' de kosten voor '{cost.Label}' aan, maar die woning heeft al label {current}; "
                                + $"laat woning '{d}' weg bij deze kostenpost of controleer het label");
                    }
                }
            }
        }

        var overrides = ReadPerDwelling(overrideMap, dwellings, $"{nid}:variants.{vid}.variable_cost_override", "Energiekosten per jaar", "EUR/year", values);
        if (overrideMap is not null && overrides.Count > 0) _fixedEnergy.Add((vid, overrideMap.Node, values[^1].Reference));
        var electricity = ReadPerDwelling(electricityMap, dwellings, $"{nid}:variants.{vid}.published_electricity_kwh", "Elektriciteitsverbruik volgens de studie", "kWh/year", values);

        CollectiveInput? collective = null;
        string? description = null;
        if (kind == VariantKind.HeatNetwork)
        {
            if (collectiveMap is not null)
                (collective, description) = ReadCollective(collectiveMap, vid, nid, values);
            else if (!v.HasNearMiss("collective")) // a misspelt 'collective' is reported as an unknown key
                ctx.Error(v.Node, Codes.MissingKey, $"variant '{vid}' is een warmtenet en heeft een blok 'collective' nodig");
        }
        else if (collectiveMap is not null)
            ctx.Error(collectiveMap.Node, Codes.UnknownKey, $"variant '{vid}' is geen warmtenet (kind: heat-network), dus hoort er geen blok 'collective' bij");

        if (number is null || name is null || kind is null || fixedCosts is null) return null;
        if (kind == VariantKind.HeatNetwork && collective is null) return null;
        var input = new VariantInput
        {
            Id = vid, Kind = kind.Value, FixedCosts = fixedCosts,
            Costs = perDwelling.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<PlannedCost>)kv.Value),
            Insulation = insulation, GasAppliances = gasAppliances ?? 0,
            VariableCostOverride = overrides, PublishedElectricityKwh = electricity, Collective = collective,
        };
        return (input, new VariantInfo(vid, number.Value, name, kind.Value, description, null));
    }

    /// <summary>Only subsidy-share parameters may be named by 'share_of_cost' (checked when the subsidy is read).</summary>
    private static Quantity? ShareQuantity(string parameterId, Assumptions a) => parameterId switch
    {
        "subsidies.isde_heat_pump_share" => a.IsdeHeatPumpShare,
        _ => null,
    };

    private Dictionary<string, Quantity> ReadPerDwelling(MapReader? m, IReadOnlyList<string> dwellings, string key, string label, string unit, List<ScenarioValue> values)
    {
        var result = new Dictionary<string, Quantity>();
        if (m is null) return result;
        var (amounts, all) = ReadAmounts(m, dwellings, Get(unit));
        var reference = refs.Read(m);
        m.Done();
        if (reference is null) return result;
        var cite = References.Cite(key, reference);
        foreach (var d in dwellings)
            if ((all ?? (amounts.TryGetValue(d, out var x) ? x : null)) is { } value) result[d] = new Quantity(value, cite);
        values.Add(new ScenarioValue(key, label, unit, result.Select(kv => ((string?)kv.Key, kv.Value.Value)).ToList(), reference));
        return result;
    }

    private List<AnnualCost>? ReadFixedCosts(YamlSequenceNode? seq, YamlContext ctx, string vid, Assumptions? a, string nid, List<ScenarioValue> values)
    {
        if (seq is null) return null;
        var list = new List<AnnualCost>();
        foreach (var item in seq.Children)
        {
            var f = MapReader.From(item, ctx, $"een vaste last van variant '{vid}'");
            if (f is null) continue;
            var fid = f.Slug("id");
            var label = f.String("label");
            var parameter = f.String("parameter", required: false);
            Quantity? amount = null;
            if (parameter is not null)
            {
                amount = a is null ? null : ParameterQuantity(parameter, a);
                if (amount is null && a is not null)
                    ctx.Error(f.Node, Codes.UnknownReference, $"'{parameter}' is geen gedeelde parameter in euro per jaar; gebruik een van heat_tariffs.standing_charge, heat_tariffs.metering, heat_tariffs.delivery_set_rent");
            }
            else
            {
                var value = f.Number("value", Get("EUR/year"));
                var reference = refs.Read(f);
                if (value is not null && reference is not null && fid is not null && label is not null)
                {
                    string key = $"{nid}:variants.{vid}.fixed_costs.{fid}";
                    amount = new Quantity(value.Value, References.Cite(key, reference));
                    values.Add(new ScenarioValue(key, label, "EUR/year", [(null, value.Value)], reference));
                }
            }
            f.Done();
            if (fid is null || label is null || amount is null) continue;
            list.Add(new AnnualCost(fid, label, amount.Value));
        }
        return list;
    }

    private static Quantity? ParameterQuantity(string id, Assumptions a) => id switch
    {
        "heat_tariffs.standing_charge" => a.HeatTariffStandingCharge,
        "heat_tariffs.metering" => a.HeatTariffMetering,
        "heat_tariffs.delivery_set_rent" => a.HeatTariffDeliverySetRent,
        _ => null,
    };

    private (CollectiveInput?, string?) ReadCollective(MapReader c, string vid, string nid, List<ScenarioValue> values)
    {
        var ctx = c.Context;
        string p = $"{nid}:variants.{vid}.collective";
        var description = c.String("description", required: false);
        var dwellings = Sourced(c, "dwellings", $"{p}.dwellings", "Woningen in het gebied", "woningen", null, values, range: Get("count").Narrow(min: 2m)); // a network serves 2 or more (guide §2.2)
        var heat = Sourced(c, "dwelling_heat_gj", $"{p}.dwelling_heat_gj", "Warmtevraag woningen", "GJ/year", null, values, range: Get("GJ/year"));
        var utilities = Sourced(c, "utility_buildings", $"{p}.utility_buildings", "Utiliteitsgebouwen", "gebouwen", null, values, range: Get("count"));
        var utilityHeat = Sourced(c, "utility_heat_gj", $"{p}.utility_heat_gj", "Warmtevraag utiliteit", "GJ/year", null, values, range: Get("GJ/year"));
        var rate = Sourced(c, "connection_rate", $"{p}.connection_rate", "Aansluitgraad", "share", null, values, range: Get("share").Narrow(min: 0.01m));
        var loss = Sourced(c, "network_loss", $"{p}.network_loss", "Warmteverlies in het net", "share", null, values, range: Get("share").Narrow(max: 0.9m));
        var electricity = Sourced(c, "total_electricity_mwh", $"{p}.total_electricity_mwh", "Elektriciteitsverbruik van het systeem", "MWh/year", null, values, range: Get("MWh/year"));

        var capex = new List<CapexComponent>();
        if (c.Map("capex", "'capex'") is { } cm)
        {
            var reference = refs.Read(cm);
            var seq = cm.Sequence("components");
            cm.Done();
            if (seq is not null && reference is not null)
            {
                foreach (var item in seq.Children)
                {
                    var m = MapReader.From(item, ctx, "een investeringsonderdeel");
                    if (m is null) continue;
                    var id = m.Slug("id");
                    var label = m.String("label");
                    var role = m.Enum("role", Roles);
                    var amount = m.Number("amount", Get("EUR-project"));
                    m.Done();
                    if (id is null || label is null || role is null || amount is null) continue;
                    string key = $"{p}.capex.{id}";
                    values.Add(new ScenarioValue(key, label, "EUR", [(null, amount.Value)], reference));
                    capex.Add(new CapexComponent(id, label, role.Value, new Quantity(amount.Value, References.Cite(key, reference))));
                }
            }
        }

        Quantity? opexEl = null, opexMaint = null, opexMgmt = null;
        if (c.Map("opex", "'opex'") is { } om)
        {
            var reference = refs.Read(om);
            var el = om.Number("electricity", Get("EUR/year-project"));
            var maint = om.Number("maintenance", Get("EUR/year-project"));
            var mgmt = om.Number("management", Get("EUR/year-project"));
            om.Done();
            if (reference is not null && el is not null && maint is not null && mgmt is not null)
            {
                values.Add(new ScenarioValue($"{p}.opex", "Exploitatiekosten per jaar (elektriciteit, onderhoud, beheer)", "EUR/year",
                    [(null, el.Value), (null, maint.Value), (null, mgmt.Value)], reference));
                var cite = References.Cite($"{p}.opex", reference);
                (opexEl, opexMaint, opexMgmt) = (new Quantity(el.Value, cite), new Quantity(maint.Value, cite), new Quantity(mgmt.Value, cite));
            }
        }
        var rental = c.Bool("delivery_set_rental");
        var cold = Sourced(c, "cold_revenue", $"{p}.cold_revenue", "Opbrengst koeling per jaar", "EUR/year", null, values, required: false, range: Get("EUR/year-project"));
        var wis = Sourced(c, "wis", $"{p}.wis", "Warmtenetten Investeringssubsidie (WIS)", "EUR", null, values, required: false, range: Get("EUR-project"));
        Quantity? sdeAnnual = null, sdeYears = null;
        if (c.Map("sde", "'sde'", required: false) is { } sm)
        {
            var annual = sm.Number("annual", Get("EUR/year-project"));
            var years = sm.Int("years", min: 1, max: 30);
            var reference = refs.Read(sm);
            sm.Done();
            if (annual is not null && years is not null && reference is not null)
            {
                var cite = References.Cite($"{p}.sde", reference);
                values.Add(new ScenarioValue($"{p}.sde", "SDE++ per jaar", "EUR/year", [(null, annual.Value)], reference));
                (sdeAnnual, sdeYears) = (new Quantity(annual.Value, cite), new Quantity(years.Value, cite));
            }
        }
        SolarThermalInput? pt = null;
        if (c.Map("solar_thermal", "'solar_thermal'", required: false) is { } pm)
        {
            var reference = refs.Read(pm);
            var heatMwh = pm.Number("heat_mwh", Get("MWh/year"));
            var kw = pm.Decimal("panel_power_kw", min: 0.01m);
            var hours = pm.Number("full_load_hours", Get("hours/year"));
            var area = pm.Number("panel_area_m2", Get("m2"));
            var pubPanels = pm.Number("published_panels", Get("panels"), required: false);
            var pubArea = pm.Number("published_area_m2", Get("m2"), required: false);
            pm.Done();
            if (reference is not null && heatMwh is not null && kw is not null && hours is not null && area is not null)
            {
                var cite = References.Cite($"{p}.solar_thermal", reference);
                values.Add(new ScenarioValue($"{p}.solar_thermal", "Zonthermie: warmte (MWh per jaar), vermogen per paneel (kW), vollasturen per jaar, oppervlak per paneel (m²)", "",
                    [(null, heatMwh.Value), (null, kw.Value), (null, hours.Value), (null, area.Value)], reference));
                pt = new SolarThermalInput
                {
                    HeatMWh = new(heatMwh.Value, cite), PanelPowerKw = new(kw.Value, cite), FullLoadHours = new(hours.Value, cite),
                    PanelAreaM2 = new(area.Value, cite),
                    PublishedPanels = pubPanels is { } pp ? new Quantity(pp, cite) : null,
                    PublishedAreaM2 = pubArea is { } pa ? new Quantity(pa, cite) : null,
                };
            }
        }
        var method = c.Pick("business_case_method", BusinessMethods);
        var published = new Dictionary<(Operator, SubsidyCase), Quantity>();
        if (c.Map("published_funding_gaps", "'published_funding_gaps'", required: false) is { } gm)
        {
            var reference = refs.Read(gm);
            foreach (var (opKey, op) in new[] { ("public", Operator.Public), ("commercial", Operator.Commercial) })
            {
                if (gm.Map(opKey, $"'{opKey}' of 'published_funding_gaps'", required: false) is not { } om2) continue;
                foreach (var (caseKey, keyNode, node) in om2.Entries())
                {
                    if (!SubsidyCases.TryGetValue(caseKey, out var sc))
                    {
                        ctx.Error(keyNode, Codes.UnknownKey, $"onbekend subsidiegeval '{caseKey}'; mogelijk zijn: none, wis, sde, wis+sde");
                        continue;
                    }
                    if (MapReader.ReadNumber(node, ctx, $"de gepubliceerde onrendabele top '{opKey}/{caseKey}'", Get("EUR-gap")) is { } gap && reference is not null)
                    {
                        string key = $"{p}.published_funding_gaps.{opKey}.{caseKey}";
                        published[(op, sc)] = new Quantity(gap, References.Cite(key, reference));
                        values.Add(new ScenarioValue(key, $"Onrendabele top volgens de studie ({(op == Operator.Public ? "publiek" : "commercieel")}, {SubsidyWords[caseKey]})", "EUR", [(null, gap)], reference));
                    }
                }
            }
            gm.Done();
        }
        c.Done();

        if (dwellings is null || heat is null || utilities is null || utilityHeat is null || rate is null || loss is null
            || electricity is null || opexEl is null || rental is null || method is null || capex.Count == 0)
            return (null, description);
        return (new CollectiveInput
        {
            Dwellings = dwellings.Value, DwellingHeatGJ = heat.Value, UtilityBuildings = utilities.Value, UtilityHeatGJ = utilityHeat.Value,
            ConnectionRate = rate.Value, NetworkLoss = loss.Value, TotalElectricityMWh = electricity.Value, Capex = capex,
            OpexElectricity = opexEl.Value, OpexMaintenance = opexMaint!.Value, OpexManagement = opexMgmt!.Value,
            DeliverySetRental = rental.Value, ColdRevenue = cold, Wis = wis, SdeAnnual = sdeAnnual, SdeYears = sdeYears,
            SolarThermal = pt, Method = method, PublishedFundingGaps = published,
        }, description);
    }
}
