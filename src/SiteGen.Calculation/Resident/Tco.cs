using SiteGen.Calculation.HeatDemand;
using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Resident;

/// <summary>
/// The resident's 30-year total cost of ownership and start-year monthly cost for one dwelling and
/// one variant (study ch. 8; MODEL.md §4). Costs incl. VAT.
/// </summary>
/// <remarks>
/// TCO = sum of PV(one-off items) + A x (variable + fixed), with q = (1+g)/(1+r), A = sum q^t over the
/// horizon and PV(item in year y) = amount x q^y. With g = r (the study) A = 30 and q^15 = 1.
/// Build one <see cref="Tco"/> per neighbourhood: it caches everything that does not depend on the dwelling.
/// </remarks>
public sealed class Tco
{
    private readonly NeighbourhoodInput _input;
    private readonly Assumptions _a;
    private readonly decimal _annuity;
    private readonly decimal _reinvestFactor;
    private readonly int _reinvestYear;
    private readonly decimal _kwhPerM3;
    private readonly Citation _factorSource;
    private readonly bool _study;
    // Per cost category (index = (int)CostCategory): 1 - margin and 1 + margin, computed once instead of per line and bound.
    private readonly decimal[] _lowFactor, _highFactor;
    // Per variant's list of fixed costs: its annual and monthly lines, which no dwelling changes (made once, shared).
    private readonly Dictionary<IReadOnlyList<AnnualCost>, FixedLines> _fixedLines = new(ReferenceEqualityComparer.Instance);

    public Tco(NeighbourhoodInput input)
    {
        _input = input;
        _a = input.Assumptions;
        _study = input.Method == HeatDemandMethod.Study;
        decimal q = (1m + _a.Indexation.Value) / (1m + _a.DiscountRate.Value);
        _annuity = AnnuityFactor(q, (int)_a.HorizonYears.Value);
        _reinvestYear = (int)_a.ReinvestmentYear.Value;
        _reinvestFactor = DecimalMath.Pow(q, _reinvestYear);
        _kwhPerM3 = HeatDemandModel.KilowattHourPerM3(_a, input.Method);
        _factorSource = HeatDemandModel.FactorSource(_a, input.Method);
        var categories = Enum.GetValues<CostCategory>();
        _lowFactor = new decimal[categories.Length];
        _highFactor = new decimal[categories.Length];
        foreach (var category in categories)
        {
            decimal margin = _a.InvestmentMargin(category);
            _lowFactor[(int)category] = 1m - margin;
            _highFactor[(int)category] = 1m + margin;
        }
        foreach (var v in input.Variants)
        {
            _fixedLines.TryAdd(v.FixedCosts, MakeFixedLines(v.FixedCosts));
            foreach (var d in input.Dwellings) _plans[(v, d)] = new PlanSlot();
        }
    }

    /// <summary>
    /// What one dwelling x variant's evaluation looks up before it computes anything: the insulation it needs, its
    /// one-off lines and their sums, the variant's fixed lines, the study's monthly omission and every reconciling amount
    /// (none depends on the dwelling's energy). A plan is made at the first evaluation of a dwelling and variant this Tco
    /// was built with; a resident's adapted ones (the calculator evaluates thousands) get none.
    /// </summary>
    private sealed record Plan(InsulationTarget Target, OneOffs OneOffs, FixedLines Fixed, Omission? Omission,
        ReconcilingAmount[] Reconciliations);

    private sealed class PlanSlot
    {
        public Plan? Plan;
    }

    // Its keys are set in the constructor and never change; a slot's plan is set once, under a lock.
    private readonly Dictionary<(VariantInput, DwellingInput), PlanSlot> _plans = [];

    private Plan? PlanOf(VariantInput v, DwellingInput d)
    {
        if (!_plans.TryGetValue((v, d), out var slot)) return null;
        if (Volatile.Read(ref slot.Plan) is { } plan) return plan;
        lock (slot)
        {
            if (slot.Plan is null)
            {
                var costs = v.Costs.TryGetValue(d.Id, out var found) ? found : [];
                var oneOffs = Gather(costs, detail: true, out _, out _, out _)!;
                var omission = OmissionOf(v, detail: true);
                Volatile.Write(ref slot.Plan, new Plan(v.Insulation.TryGetValue(d.Id, out var t) ? t : InsulationTarget.None,
                    oneOffs, _fixedLines[v.FixedCosts], omission, Reconciliations(oneOffs, omission)));
            }
            return slot.Plan;
        }
    }

    /// <summary>
    /// A cost's one-off lines. They depend on the cost alone (not on the dwelling's energy, the prices or the method), so
    /// a plan's are made once, with the plan, and shared by every evaluation of it, as a variant's fixed lines are: lines
    /// are immutable records, which a result holds and nobody changes.
    /// </summary>
    private sealed class CostLines
    {
        public required LineKind Kind { get; init; }
        /// <summary>The cost category whose margin moves the cost's own lines, or <see cref="OneOffSums.Fixed"/>.</summary>
        public required sbyte Move { get; init; }
        public LineItem? Purchase { get; init; }
        public LineItem? Subsidy { get; init; }
        /// <summary>The subsidy line as the resident sees it (the amount the source states, when it states one).</summary>
        public LineItem? ResidentSubsidy { get; init; }
        /// <summary>The study's share of the price against the amount it states for the measure: bookkeeping, shown apart.</summary>
        public ReconcilingAmount? SubsidyDifference { get; init; }
        public LineItem? Replacement { get; init; }
        /// <summary>A calibration's reconciling amount: a calibration is never a line of the bill.</summary>
        public ReconcilingAmount? Calibration { get; init; }
    }

    /// <summary>What a subsidy pays on a cost of this amount: its fixed amount, or its share of the price.</summary>
    private static decimal Grant(PlannedSubsidy s, decimal amount) => s.Amount?.Value ?? s.ShareOfCost!.Value.Value * amount;

    private CostLines MakeCostLines(PlannedCost cost)
    {
        var kind = cost.Category == CostCategory.Calibration ? LineKind.Calibration : LineKind.Cost;
        decimal amount = cost.Amount.Value;
        LineItem? purchase = null, subsidyLine = null, residentSubsidy = null, replacement = null;
        ReconcilingAmount? difference = null, calibration = null;
        decimal grant = 0m, pv = 0m, calibrationPv = 0m;
        if (cost.PurchasedNow)
        {
            purchase = new LineItem(cost.Id, cost.Label, kind, cost.Category, 0, amount, amount, cost.Amount.Source);
            if (kind == LineKind.Calibration) calibrationPv = amount;
            if (cost.Subsidy is { } s)
            {
                grant = Grant(s, amount);
                var source = s.Amount?.Source ?? s.ShareOfCost!.Value.Source;
                subsidyLine = new LineItem(s.Id, s.Label, LineKind.Subsidy, cost.Category, 0, -grant, -grant, source);
                if (s.StatedAmount is { } same && s.Amount is null && same.Value == grant)
                    residentSubsidy = subsidyLine with { Source = same.Source }; // the source states this very amount
                else if (s.StatedAmount is { } stated && s.Amount is null)
                {
                    // The resident sees the amount the study states for this measure (Tabel 8.7); the TCO keeps the
                    // share the study computes with. The difference is bookkeeping, shown apart.
                    residentSubsidy = subsidyLine with { Amount = -stated.Value, PresentValue = -stated.Value, Source = stated.Source };
                    decimal gap = stated.Value - grant;
                    difference = new ReconcilingAmount(DifferenceId(s.Id, cost.Id), gap, gap, 0m,
                        ShareText(s.ShareOfCost!.Value.Value, more: gap < 0m), s.ShareOfCost!.Value.Source);
                }
                else
                    residentSubsidy = subsidyLine;
            }
        }
        if (cost.ReplacedAtReinvestmentYear)
        {
            pv = amount * _reinvestFactor;
            replacement = new LineItem(ReplacementId(cost.Id), cost.Label, kind, cost.Category, _reinvestYear, amount, pv, cost.Amount.Source);
            if (kind == LineKind.Calibration) calibrationPv += pv;
        }
        if (kind == LineKind.Calibration)
            calibration = new ReconcilingAmount(cost.Id, calibrationPv, amount, 0m,
                "De studie komt voor deze keuze {bedrag} hoger uit dan de optelsom van de posten. " +
                "Waar dat verschil vandaan komt, zegt de studie niet. Daarom staat het hier apart en niet als kostenpost.",
                cost.Amount.Source);
        return new CostLines
        {
            Kind = kind, Move = kind == LineKind.Calibration ? OneOffSums.Fixed : (sbyte)cost.Category,
            Purchase = purchase, Subsidy = subsidyLine, ResidentSubsidy = residentSubsidy, SubsidyDifference = difference,
            Replacement = replacement, Calibration = calibration,
        };
    }

    /// <summary>A variant's fixed annual costs as lines: per year (with their present value) and per month.</summary>
    private sealed record FixedLines(LineItem[] Annual, LineItem[] Monthly);

    private FixedLines MakeFixedLines(IReadOnlyList<AnnualCost> costs)
    {
        var annual = new LineItem[costs.Count];
        var monthly = new LineItem[costs.Count];
        for (int i = 0; i < costs.Count; i++)
        {
            var f = costs[i];
            annual[i] = new LineItem(f.Id, f.Label, LineKind.Fixed, null, null, f.Amount.Value, f.Amount.Value * _annuity, f.Amount.Source);
            decimal m = f.Amount.Value / 12m;
            monthly[i] = annual[i] with { Amount = m, PresentValue = m };
        }
        return new FixedLines(annual, monthly);
    }

    /// <summary>Sum over t = 1..horizon of q^t: what one euro a year at year-0 prices is worth over the horizon.</summary>
    public decimal Annuity => _annuity;

    public static decimal AnnuityFactor(decimal q, int horizon)
    {
        decimal sum = 0m, term = 1m;
        for (int t = 1; t <= horizon; t++)
        {
            term *= q;
            sum += term;
        }
        return sum;
    }

    /// <param name="network">For heat-network variants: the network's technical figures (its electricity use carries the CO2).</param>
    /// <param name="detail">
    /// False: the totals only (TCO, monthly cost, investment, subsidy, energy, CO2), for callers that evaluate the model
    /// thousands of times and read nothing else (the calculator's coefficients). The ranges are then the central figure,
    /// and the one-off, annual, monthly and CO2 lines, the resident's lines and the reconciling amounts are left empty: the
    /// totals are the same sums, in the same order, of the same figures.
    /// </param>
    public ResidentResult Evaluate(DwellingInput d, VariantInput v, Collective.HeatNetworkTechnics? network = null, bool detail = true) =>
        Run(d, v, network, detail, result: true, out _)!;

    /// <summary>
    /// The totals only, without a result object (not even CO2): what <see cref="Evaluate"/> with <c>detail: false</c>
    /// reports of them, from the same run. For the calculator's coefficients, which need nothing else.
    /// </summary>
    public ResidentTotals Totals(DwellingInput d, VariantInput v, Collective.HeatNetworkTechnics? network = null)
    {
        Run(d, v, network, detail: false, result: false, out var totals);
        return totals;
    }

    /// <param name="result">False: <paramref name="totals"/> only (returns null).</param>
    private ResidentResult? Run(DwellingInput d, VariantInput v, Collective.HeatNetworkTechnics? network, bool detail, bool result,
        out ResidentTotals totals)
    {
        var a = _a;
        // A dwelling x variant this Tco was not built with (a resident's adapted variant) looks its parts up here.
        var plan = PlanOf(v, d);
        var target = plan?.Target ?? (v.Insulation.TryGetValue(d.Id, out var t) ? t : InsulationTarget.None);
        GasBasis basis;
        try
        {
            basis = HeatDemandModel.CostBasis(d, target, _input.Method, a);
        }
        catch (CalculationException e)
        {
            throw new CalculationException($"woning '{d.Id}' met variant '{v.Id}': {e.Message}");
        }
        decimal heatKwh = basis.M3 * _kwhPerM3;

        // Energy use and the variable cost it brings (Tabel 8.2, 5.2). Kept on the stack: without detail no line is made.
        decimal gas = 0m, el = 0m, heatGJ = 0m;
        var energy = new EnergyCosts();
        int energyCount = 1;
        switch (v.Kind)
        {
            case VariantKind.GasBoiler:
                gas = basis.M3;
                energy[0] = new("energy.gas", gas * a.GasPrice.Value, a.GasPrice.Source);
                break;
            case VariantKind.HybridHeatPump:
                el = heatKwh * a.HybridHeatShare.Value / a.ScopHybrid.Value;
                gas = basis.M3 * (1m - a.HybridHeatShare.Value);
                if (_study && v.VariableCostOverride.TryGetValue(d.Id, out var published))
                    energy[0] = new("energy.hybrid", published.Value, published.Source);
                else
                {
                    energy[0] = new("energy.gas", gas * a.GasPrice.Value, a.GasPrice.Source);
                    energy[1] = new("energy.electricity", el * a.ElectricityPrice.Value, a.ElectricityPrice.Source);
                    energyCount = 2;
                }
                break;
            case VariantKind.AirWaterHeatPump:
                el = heatKwh / a.ScopAirWater.Value;
                energy[0] = new("energy.electricity", el * a.ElectricityPrice.Value, a.ElectricityPrice.Source);
                break;
            default:
                heatGJ = heatKwh * HeatDemandModel.GigajoulePerKilowattHour;
                energy[0] = new("energy.heat", heatGJ * a.HeatTariffVariable.Value, a.HeatTariffVariable.Source);
                break;
        }
        ReadOnlySpan<EnergyCost> variable = ((ReadOnlySpan<EnergyCost>)energy)[..energyCount];

        // Annual lines: variable, then fixed. A variant's fixed lines are made once per neighbourhood (the constructor);
        // a variant this Tco was not built with (a resident's adapted one) gets them made here, when lines are asked for.
        var fixedLines = plan?.Fixed ?? _fixedLines.GetValueOrDefault(v.FixedCosts) ?? (detail ? MakeFixedLines(v.FixedCosts) : null);
        var annual = detail ? new LineItem[variable.Length + v.FixedCosts.Count] : [];
        decimal variableTotal = 0m, fixedTotal = 0m;
        for (int i = 0; i < variable.Length; i++)
        {
            if (detail) annual[i] = Variable(variable[i]);
            variableTotal += variable[i].Amount;
        }
        for (int i = 0; i < v.FixedCosts.Count; i++)
        {
            if (detail) annual[variable.Length + i] = fixedLines!.Annual[i];
            fixedTotal += v.FixedCosts[i].Amount.Value;
        }

        // One-off items: purchase at year 0 (with its subsidy), replacement at the reinvestment year without subsidy.
        // Alongside, the resident's view (issue 13): the same items without the study's bookkeeping, plus the
        // reconciling amounts that bring them back to the published totals. Each line goes in with the category whose
        // margin moves it in the low/high estimate (OneOffSums.Fixed: none).
        // A planned dwelling x variant has its one-offs gathered once: they depend on its costs alone.
        // Without detail and without a plan nothing is made: the calculator's coefficients run the model thousands of times.
        decimal investment, subsidy, oneOffPv;
        var oneOffs = plan?.OneOffs;
        if (oneOffs is not null) (investment, subsidy, oneOffPv) = (oneOffs.Investment, oneOffs.Subsidy, oneOffs.Pv);
        else oneOffs = Gather(v.Costs.TryGetValue(d.Id, out var c) ? c : [], detail, out investment, out subsidy, out oneOffPv);

        // Start-year monthly cost (Tabel 8.9): no indexation, no investments; the study leaves out
        // the upkeep of gas appliances (calibration, MODEL.md §4.5).
        var omitted = plan is not null ? plan.Omission : OmissionOf(v, detail);
        bool omit = omitted is not null;
        var monthly = detail ? new LineItem[annual.Length + (omit ? 1 : 0)] : [];
        decimal monthlyTotal = 0m;
        // The annual lines' amounts, in their order (variable, then fixed): without detail there are no lines.
        for (int i = 0; i < variable.Length + v.FixedCosts.Count; i++)
        {
            decimal m;
            if (i < variable.Length)
            {
                m = variable[i].Amount / 12m;
                if (detail) monthly[i] = annual[i] with { Amount = m, PresentValue = m };
            }
            else if (fixedLines is not null)
            {
                var line = fixedLines.Monthly[i - variable.Length];
                m = line.Amount;
                if (detail) monthly[i] = line;
            }
            else
                m = v.FixedCosts[i - variable.Length].Amount.Value / 12m;
            monthlyTotal += m;
        }
        decimal recomputedMonthly = monthlyTotal;
        decimal omission = 0m;
        if (omitted is { } o)
        {
            omission = o.Amount;
            if (detail) monthly[^1] = o.Line!;
            monthlyTotal += omission;
        }
        decimal tco = oneOffPv + (variableTotal + fixedTotal) * _annuity;
        decimal upfront = investment - subsidy;
        decimal residentUpfront = detail ? oneOffs!.ResidentUpfront : 0m;
        LineItem[]? residentOneOffs = detail ? oneOffs!.Resident : null;
        CentralLines? central = detail
            ? new CentralLines
            {
                Model = this, Dwelling = d, Variant = v, Network = network,
                OneOffs = oneOffs!.Lines, Moves = oneOffs.Moves,
                Annual = annual, Monthly = monthly, MonthlyOmission = omission, FixedTotal = fixedTotal,
            }
            : null;
        // Without detail the ranges are the central figures. The bounds' objects are made only when read (explain does).
        CostRange tcoRange = CostRange.Exact(tco), monthlyRange = CostRange.Exact(monthlyTotal), upfrontRange = CostRange.Exact(upfront);
        if (central is not null)
        {
            Bounds(central, oneOffs!.Bounds, out var low, out var high);
            // Min/Max only guard the ordering; with factors of 1 the bounds equal the central figure exactly.
            tcoRange = new CostRange(Math.Min(low.Tco, tco), tco, Math.Max(high.Tco, tco));
            monthlyRange = new CostRange(Math.Min(low.Monthly, monthlyTotal), monthlyTotal, Math.Max(high.Monthly, monthlyTotal));
            upfrontRange = new CostRange(Math.Min(low.Upfront, upfront), upfront, Math.Max(high.Upfront, upfront));
        }

        if (v.Kind == VariantKind.HeatNetwork && network is null)
            throw new CalculationException($"variant '{v.Id}' is een warmtenet zonder blok 'collective'; vul de gegevens van het warmtenet in onder 'collective'");
        totals = new ResidentTotals(tco, monthlyTotal, investment, subsidy, variableTotal, fixedTotal);
        if (!result) return null;
        var co2 = Co2(gas, el, heatGJ, network, detail, out decimal co2Total);

        return new ResidentResult
        {
            Central = central,
            DwellingId = d.Id,
            VariantId = v.Id,
            Kind = v.Kind,
            GasBasisM3 = basis.M3,
            HeatDemandKwh = heatKwh,
            GasM3 = gas,
            ElectricityKwh = el,
            HeatGJ = heatGJ,
            Co2Kg = co2Total,
            Co2Lines = co2,
            OneOffs = central?.OneOffs ?? (IReadOnlyList<LineItem>)[],
            Annual = annual,
            Monthly = monthly,
            Investment = investment,
            Subsidy = subsidy,
            VariableCostPerYear = variableTotal,
            FixedCostPerYear = fixedTotal,
            Tco = tco,
            MonthlyCost = monthlyTotal,
            TcoRange = tcoRange,
            MonthlyRange = monthlyRange,
            UpfrontRange = upfrontRange,
            ResidentOneOffs = residentOneOffs ?? (IReadOnlyList<LineItem>)[],
            ResidentMonthly = omit && detail ? monthly[..^1] : monthly,
            Reconciliations = !detail ? [] : plan?.Reconciliations ?? Reconciliations(oneOffs!, omitted),
            ResidentUpfront = residentUpfront,
            MonthlyCostRecomputed = recomputedMonthly,
        };
    }

    /// <summary>The study's monthly omission for a variant: what it leaves out of the start-year monthly cost (negative).</summary>
    private readonly record struct Omission(decimal Amount, LineItem? Line, ReconcilingAmount? Reconciling);

    /// <summary>
    /// A variant's monthly omission, with its calibration line and its reconciling amount given <paramref name="detail"/>;
    /// null when nothing is left out. It depends on the variant and the assumptions alone: a plan's is made once.
    /// </summary>
    private Omission? OmissionOf(VariantInput v, bool detail)
    {
        var perAppliance = _a.MonthlyOmissionPerGasAppliance;
        if (!_study || v.GasAppliances <= 0 || perAppliance.Value == 0m) return null;
        decimal amount = -v.GasAppliances * perAppliance.Value / 12m;
        if (!detail) return new Omission(amount, null, null);
        return new Omission(amount,
            new LineItem("calibration.monthly_omission", null, LineKind.Calibration, null, null, amount, amount, perAppliance.Source),
            new ReconcilingAmount("calibration.monthly_omission", 0m, 0m, amount,
                "De studie komt {bedrag} per maand lager uit dan de optelsom van de posten. " +
                "Zij telt in de maandlasten een deel van de vaste kosten (vermoedelijk het onderhoud) niet mee, in de totale kosten over 30 jaar wel. " +
                "Dat verschil staat hier apart.",
                perAppliance.Source));
    }

    /// <summary>The reconciling amounts of an evaluation with detail: the one-offs', then the monthly omission's.</summary>
    private static ReconcilingAmount[] Reconciliations(OneOffs oneOffs, Omission? omission) =>
        omission?.Reconciling is { } omitted ? [.. oneOffs.Reconciliations, omitted] : oneOffs.Reconciliations;

    /// <summary>
    /// The one-off items of one dwelling x variant: purchase at year 0 (with its subsidy), replacement at the
    /// reinvestment year without subsidy, their sums, and alongside the resident's view (issue 13): the same items
    /// without the study's bookkeeping, plus the reconciling amounts that bring them back to the published totals. Each
    /// line goes in with the category whose margin moves it in the low/high estimate (OneOffSums.Fixed: none).
    /// </summary>
    /// <param name="detail">False: the sums only (no lines, and null is returned).</param>
    private OneOffs? Gather(IReadOnlyList<PlannedCost> costs, bool detail,
        out decimal investment, out decimal subsidy, out decimal oneOffPv)
    {
        // Made only with detail (the null-forgiving uses below are all under `if (detail)`): the lines are gathered in this
        // thread's scratch buffers and copied into arrays of their exact length at the end; the sums per category that
        // the bounds start from stay on the stack.
        var scratch = detail ? OneOffScratch.Take(costs.Count * 3) : null; // a cost gives up to three lines: purchase, subsidy, replacement
        var sums = new OneOffSums();
        List<ReconcilingAmount>? reconciliations = null; // made at the first one: most evaluations have none
        investment = subsidy = oneOffPv = 0m;
        for (int ci = 0; ci < costs.Count; ci++)
        {
            var cost = costs[ci];
            // The consistent method leaves out every constant that only exists to match published figures.
            if (cost.Category == CostCategory.Calibration && !_study) continue;
            var lines = detail ? MakeCostLines(cost) : null;
            decimal amount = cost.Amount.Value;
            // A cost bought later (a resident's boiler that is not yet due) is not part of the year-0 spending.
            if (cost.PurchasedNow)
            {
                if (detail)
                {
                    scratch!.Add(lines!.Purchase!, lines.Move, ref sums);
                    if (lines.Kind == LineKind.Cost) scratch.AddResident(lines.Purchase!);
                }
                investment += amount;
                oneOffPv += amount;
            }
            if (cost.PurchasedNow && cost.Subsidy is { } s)
            {
                decimal grant = Grant(s, amount);
                subsidy += grant;
                oneOffPv -= grant;
                if (detail)
                {
                    // A share of the price follows the price; a fixed amount does not.
                    scratch!.Add(lines!.Subsidy!, s.ShareOfCost is not null ? lines.Move : OneOffSums.Fixed, ref sums);
                    scratch.AddResident(lines.ResidentSubsidy!);
                    if (lines.SubsidyDifference is { } difference) (reconciliations ??= []).Add(difference);
                }
            }
            if (cost.ReplacedAtReinvestmentYear)
            {
                if (detail)
                {
                    scratch!.Add(lines!.Replacement!, lines.Move, ref sums);
                    if (lines.Kind == LineKind.Cost) scratch.AddResident(lines.Replacement!);
                }
                oneOffPv += amount * _reinvestFactor;
            }
            if (detail && lines!.Calibration is { } calibration) (reconciliations ??= []).Add(calibration);
        }
        if (scratch is null) return null;
        var resident = scratch.ResidentLines();
        decimal residentUpfront = 0m;
        foreach (var l in resident)
            if (l.Year == 0) residentUpfront += l.Amount;
        var gathered = new OneOffs
        {
            Lines = scratch.Lines(), Moves = scratch.Moves(), Resident = resident, ResidentUpfront = residentUpfront,
            Reconciliations = reconciliations?.ToArray() ?? [],
            Bounds = OneOffBoundsOf(in sums), Investment = investment, Subsidy = subsidy, Pv = oneOffPv,
        };
        scratch.Release();
        return gathered;
    }

    /// <summary>
    /// A dwelling x variant's one-off lines and their sums (<see cref="Gather"/>). A plan's are shared by every evaluation
    /// of it: the lines and arrays are only read, as a variant's fixed lines are.
    /// </summary>
    private sealed class OneOffs
    {
        public LineItem[] Lines { get; init; } = [];
        public sbyte[] Moves { get; init; } = [];
        public LineItem[] Resident { get; init; } = [];
        public decimal ResidentUpfront { get; init; }
        public ReconcilingAmount[] Reconciliations { get; init; } = [];
        /// <summary>Both bounds' one-off totals: they depend on the lines alone, so a plan's are computed once, with its lines.</summary>
        public OneOffBounds Bounds { get; init; }
        public decimal Investment { get; init; }
        public decimal Subsidy { get; init; }
        public decimal Pv { get; init; }
    }

    /// <summary>
    /// The low (<paramref name="factors"/>: 1 - margin per category) or high (1 + margin) estimate. Combination rule
    /// (issue 13): the low estimate takes every one-off cost at (1 - margin of its category) AND energy prices at the
    /// "lower" what-if; the high estimate the opposite. Both move together on purpose: the range spans the plausible
    /// extremes, not one-at-a-time sensitivities. Variable energy costs (gas, electricity, variable heat
    /// tariff, and the hybrid's published energy cost) follow the price factor; fixed annual costs (standing
    /// charges, maintenance, the ACM fixed heat tariffs) do not: they are not energy prices. Calibrations and
    /// fixed subsidies stay as they are; a subsidy that is a share of the price follows the price.
    /// </summary>
    private void Bounds(CentralLines central, in OneOffBounds oneOff, out BoundTotals low, out BoundTotals high)
    {
        // Both estimates in one pass over the central lines; each sum is the same sequence of the same operations as a
        // pass per estimate would make, so the figures are the same to the last digit.
        var a = _a;
        decimal lowPrice = a.PriceWhatIfLow?.Value ?? 1m, highPrice = a.PriceWhatIfHigh?.Value ?? 1m;
        AnnualTotals(central, lowPrice, highPrice, out decimal lowVariable, out decimal lowMonthly, out decimal highVariable, out decimal highMonthly);
        // The fixed annual costs move in neither estimate: their sum is the central one (the same additions in the same order).
        decimal fixedCost = central.FixedTotal;
        low = new BoundTotals(oneOff.LowPv + (lowVariable + fixedCost) * _annuity, oneOff.LowUpfront, lowMonthly + central.MonthlyOmission);
        high = new BoundTotals(oneOff.HighPv + (highVariable + fixedCost) * _annuity, oneOff.HighUpfront, highMonthly + central.MonthlyOmission);
    }

    private readonly record struct BoundTotals(decimal Tco, decimal Upfront, decimal Monthly);

    /// <summary>The one-off present value and year-0 amount of both bounds (<see cref="OneOffSums.Totals"/>).</summary>
    private readonly record struct OneOffBounds(decimal LowPv, decimal LowUpfront, decimal HighPv, decimal HighUpfront);

    private OneOffBounds OneOffBoundsOf(in OneOffSums sums)
    {
        sums.Totals(_lowFactor, _highFactor, out decimal lowPv, out decimal lowUpfront, out decimal highPv, out decimal highUpfront);
        return new OneOffBounds(lowPv, lowUpfront, highPv, highUpfront);
    }

    /// <summary>
    /// The low or high estimate of an evaluation with detail, as an object with its lines: made when read, from the same
    /// central lines, so with the very figures its range was computed from.
    /// </summary>
    internal ResidentBound Bound(CentralLines central, bool high)
    {
        // The sums per category again, from the same lines in the same order: the same figures as at the evaluation.
        var sums = OneOffSums.Of(central);
        Bounds(central, OneOffBoundsOf(in sums), out var lowTotals, out var highTotals);
        var (factors, priceWhatIf, totals) = high ? (_highFactor, _a.PriceWhatIfHigh, highTotals) : (_lowFactor, _a.PriceWhatIfLow, lowTotals);
        return new ResidentBound(priceWhatIf?.Value ?? 1m, priceWhatIf?.Source, totals.Tco, totals.Upfront, totals.Monthly, central, factors);
    }

    /// <summary>The one-off lines of a bound, line by line (for <c>explain</c>): the rule of <see cref="Bound"/>.</summary>
    /// <param name="factors">Per cost category, 1 - margin (low) or 1 + margin (high).</param>
    internal static void OneOffBound(CentralLines central, decimal[] factors, Span<BoundLine> lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            var l = central.OneOffs[i];
            sbyte move = central.Moves[i];
            if (move == OneOffSums.Fixed)
            {
                lines[i] = new BoundLine(l, 1m, l.Amount, l.PresentValue);
                continue;
            }
            decimal f = factors[move], amount = l.Amount * f;
            // A year-0 line's present value is its amount (the same decimal), so is its product.
            lines[i] = new BoundLine(l, f, amount, l.Year == 0 ? amount : l.PresentValue * f);
        }
    }

    /// <summary>The annual lines of a bound, line by line (for <c>explain</c>): variable costs at the price factor, fixed costs as they are.</summary>
    internal static void AnnualBound(CentralLines central, decimal priceFactor, Span<BoundLine> lines)
    {
        bool pricesMove = !IsOne(priceFactor);
        var annual = central.Annual;
        for (int i = 0; i < lines.Length; i++)
        {
            var l = annual[i];
            lines[i] = l.Kind == LineKind.Variable && pricesMove
                ? new BoundLine(l, priceFactor, l.Amount * priceFactor, l.PresentValue * priceFactor)
                : new BoundLine(l, l.Kind == LineKind.Variable ? priceFactor : 1m, l.Amount, l.PresentValue);
        }
    }

    /// <summary>
    /// The annual side of both bounds: variable costs at each estimate's price factor, and the monthly sums in the
    /// central lines' order (fixed costs as they are).
    /// </summary>
    private static void AnnualTotals(CentralLines central, decimal lowPrice, decimal highPrice,
        out decimal lowVariable, out decimal lowMonthly, out decimal highVariable, out decimal highMonthly)
    {
        // Decimal arithmetic is most of an evaluation's time: each product is computed once, and a line that does not
        // move keeps its figures (x * 1 is x, to the last digit and scale).
        bool lowMoves = !IsOne(lowPrice), highMoves = !IsOne(highPrice);
        var annual = central.Annual;
        var monthlyLines = central.Monthly;
        lowVariable = highVariable = lowMonthly = highMonthly = 0m;
        for (int i = 0; i < annual.Length; i++)
        {
            var l = annual[i];
            decimal m = monthlyLines[i].Amount;
            if (l.Kind != LineKind.Variable)
            {
                lowMonthly += m;
                highMonthly += m;
                continue;
            }
            AddVariable(ref lowVariable, ref lowMonthly, l.Amount, m, lowPrice, lowMoves);
            AddVariable(ref highVariable, ref highMonthly, l.Amount, m, highPrice, highMoves);
        }
    }

    /// <summary>A variable line's year and month at one estimate's price factor (as they are when it does not move).</summary>
    private static void AddVariable(ref decimal variable, ref decimal monthly, decimal amount, decimal month, decimal price, bool moves)
    {
        if (moves)
        {
            variable += amount * price;
            monthly += month * price;
        }
        else
        {
            variable += amount;
            monthly += month;
        }
    }

    /// <summary>Exactly 1 with no trailing zeros: multiplying by it changes neither value nor scale.</summary>
    private static bool IsOne(decimal f) => f.Scale == 0 && f == 1m;

    // The same few texts and ids come back in every evaluation (the calculator runs the model thousands of times).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(decimal, bool), string> s_shareTexts = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_replacementIds = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), string> s_differenceIds = new();

    private static string ShareText(decimal share, bool more) => s_shareTexts.GetOrAdd((share, more), static k =>
        $"In de totale kosten rekent de studie met een subsidie van {Percent(k.Item1)} van de prijs. " +
        $"Dat is {{bedrag}} {(k.Item2 ? "meer" : "minder")} dan het subsidiebedrag dat de studie zelf noemt. Wij tonen het bedrag uit de studie; het verschil staat hier apart.");

    private static string ReplacementId(string cost) => s_replacementIds.GetOrAdd(cost, static c => c + ".replacement");

    private static string DifferenceId(string subsidy, string cost) =>
        s_differenceIds.GetOrAdd((subsidy, cost), static k => $"{k.Item1}.{k.Item2}.difference");

    /// <summary>"30%" for 0.30; a decimal comma when needed.</summary>
    private static string Percent(decimal share) =>
        (share * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    private LineItem Variable(EnergyCost e) =>
        new(e.Id, null, LineKind.Variable, null, null, e.Amount, e.Amount * _annuity, e.Source);

    /// <summary>
    /// This thread's buffers for an evaluation's one-off lines while they are made: the result keeps arrays of their exact
    /// length, not lists sized for the most lines its costs could give.
    /// </summary>
    private sealed class OneOffScratch
    {
        [ThreadStatic] private static OneOffScratch? t_free;

        private LineItem[] _lines = new LineItem[16], _resident = new LineItem[16];
        private sbyte[] _moves = new sbyte[16];
        private int _count, _residentCount;

        /// <summary>This thread's buffers, with room for <paramref name="capacity"/> lines; give them back with <see cref="Release"/>.</summary>
        public static OneOffScratch Take(int capacity)
        {
            // An evaluation does not start another, but if one ever did it would get buffers of its own.
            var scratch = t_free ?? new OneOffScratch();
            t_free = null;
            if (scratch._lines.Length < capacity)
            {
                scratch._lines = new LineItem[capacity];
                scratch._resident = new LineItem[capacity];
                scratch._moves = new sbyte[capacity];
            }
            return scratch;
        }

        public void Add(LineItem line, sbyte move, ref OneOffSums sums)
        {
            _moves[_count] = move;
            _lines[_count++] = line;
            sums.Add(line, move);
        }

        public void AddResident(LineItem line) => _resident[_residentCount++] = line;

        public LineItem[] Lines() => _lines.AsSpan(0, _count).ToArray();
        public sbyte[] Moves() => _moves.AsSpan(0, _count).ToArray();
        public LineItem[] ResidentLines() => _resident.AsSpan(0, _residentCount).ToArray();

        public void Release()
        {
            // Let go of the lines: the buffers outlive the result.
            _lines.AsSpan(0, _count).Clear();
            _resident.AsSpan(0, _residentCount).Clear();
            _count = _residentCount = 0;
            t_free = this;
        }
    }

    /// <summary>A variable energy cost before it becomes a line (with detail only).</summary>
    private readonly record struct EnergyCost(string Id, decimal Amount, Citation Source);

    /// <summary>At most two energy costs (a hybrid's gas and electricity), on the stack.</summary>
    [System.Runtime.CompilerServices.InlineArray(2)]
    private struct EnergyCosts
    {
        private EnergyCost _first;
    }

    /// <summary>
    /// CO2 per year of this house, from the same energy the costs use: gas and electricity times their factors, and
    /// for a heat network the share of the network's electricity that the heat this house takes needs.
    /// </summary>
    /// <param name="lines">False: the total only (no lines are made).</param>
    private Co2Line[] Co2(decimal gas, decimal el, decimal heatGJ, Collective.HeatNetworkTechnics? network, bool lines, out decimal total) =>
        Co2Lines(gas, el, network is null ? 0m : heatGJ * network.ElectricityMWh * 1000m / network.ConnectedDemandGJ, lines, out total);

    /// <summary>
    /// The study's own CO2 figures (Tabel 5.3, 6.4; MODEL.md §5): the gas boiler and hybrid on current gas use, the
    /// electricity Tabel 5.2 prints, a heat network's average per connected home. Under the consistent method these
    /// are the house's own figures.
    /// </summary>
    /// <remarks>No page shows them (the acceptance tests compare them with the study's tables): made when read.</remarks>
    internal Co2Line[] StudyCo2(ResidentResult r, CentralLines central, out decimal total)
    {
        var a = _a;
        if (!_study) // the consistent method: the house's own figures
        {
            total = r.Co2Kg;
            return (Co2Line[])r.Co2Lines;
        }
        var (d, v, network) = (central.Dwelling, central.Variant, central.Network);
        if (v.Kind == VariantKind.HeatNetwork)
        {
            if (network is null) throw new CalculationException($"variant '{v.Id}' is een warmtenet zonder blok 'collective'; vul de gegevens van het warmtenet in onder 'collective'");
            // One figure per connected WEQ, from MWh/WEQ rounded to 0.01 (Tabel 6.3/6.4).
            decimal kwh = DecimalMath.RoundHalfUp(network.ElectricityPerWeqMWh, 2) * 1000m;
            total = kwh * a.Co2Electricity.Value;
            return [new Co2Line("network-electricity", kwh, a.Co2Electricity, total)];
        }
        decimal co2Gas = v.Kind switch
        {
            VariantKind.GasBoiler => d.GasCurrent.Value,
            VariantKind.HybridHeatPump => d.GasCurrent.Value * (1m - a.HybridHeatShare.Value),
            _ => 0m,
        };
        decimal co2El = v.PublishedElectricityKwh.TryGetValue(d.Id, out var publishedEl) ? publishedEl.Value : r.ElectricityKwh;
        return Co2Lines(co2Gas, co2El, 0m, true, out total);
    }

    private Co2Line[] Co2Lines(decimal gas, decimal el, decimal networkKwh, bool detail, out decimal total)
    {
        var a = _a;
        var lines = detail ? new Co2Line[(gas > 0m ? 1 : 0) + (el > 0m ? 1 : 0) + (networkKwh > 0m ? 1 : 0)] : [];
        int i = 0;
        total = 0m;
        if (gas > 0m)
        {
            decimal kg = gas * a.Co2Gas.Value;
            if (detail) lines[i++] = new Co2Line("gas", gas, a.Co2Gas, kg);
            total += kg;
        }
        if (el > 0m)
        {
            decimal kg = el * a.Co2Electricity.Value;
            if (detail) lines[i++] = new Co2Line("electricity", el, a.Co2Electricity, kg);
            total += kg;
        }
        if (networkKwh > 0m)
        {
            decimal kg = networkKwh * a.Co2Electricity.Value;
            if (detail) lines[i] = new Co2Line("network-electricity", networkKwh, a.Co2Electricity, kg);
            total += kg;
        }
        return lines;
    }
}
