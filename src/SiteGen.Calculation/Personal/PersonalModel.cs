using SiteGen.Calculation.Collective;
using SiteGen.Calculation.HeatDemand;
using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;

namespace SiteGen.Calculation.Personal;

/// <summary>
/// Personal figures for a resident's own house (issue 11). Always the consistent heat-demand method
/// (Bijlage 1 factor, gas after each variant's own insulation via Tabel 10.1, calibrations left out), also
/// when the neighbourhood's reference figures use the study method. It evaluates the ordinary
/// <see cref="Tco"/> with a modified dwelling, variant and neighbourhood input; it has no formulas of its own
/// beyond the loan annuity.
/// </summary>
/// <remarks>
/// What the inputs change:
/// <list type="bullet">
/// <item>Gas use and label replace the reference dwelling's; the label sets the Tabel 10.1 saving. A label already
/// at or above a variant's insulation target drops that variant's insulation costs and subsidies (the house is
/// there already); a worse label keeps the reference dwelling's insulation cost (the study has no other).</item>
/// <item>Price setting: <see cref="PriceScenarios.Multiplier"/> on gas, electricity and the variable heat tariff.
/// Fixed costs (gas connection, standing charge, metering, delivery-set rent, maintenance) are not energy prices
/// and stay as they are.</item>
/// <item>Boiler not yet due (default): the gas boiler variant does not buy a boiler now; the existing one lasts
/// until the reinvestment year, when it is replaced. Boiler due (natural moment): the gas boiler variant buys one
/// now and at the reinvestment year (the study's item set), and the hybrid heat pump, which works with a boiler,
/// also buys one now (it then lasts the horizon, as the study assumes for the hybrid's boiler). Variants without a
/// boiler avoid the purchase either way.</item>
/// <item>Tenant: energy and fixed costs only, no investment or subsidy; natural moment and loan do not apply.</item>
/// <item>Loan (owners): the up-front cost after subsidy, up to the fund's maximum, as an annuity: the instalment is
/// added to the start-year monthly cost, the interest over the term to the 30-year total.</item>
/// </list>
/// </remarks>
public sealed class PersonalModel
{
    private readonly NeighbourhoodInput _input;
    private readonly Dictionary<PriceSetting, Tco> _tco = new();
    private readonly Dictionary<PriceSetting, Dictionary<string, HeatNetworkTechnics>> _technics = new();

    public static readonly Citation PersonalGas = new("personal.gas_m3", "uw eigen gasverbruik", Basis.Stated);

    public PersonalModel(NeighbourhoodInput input)
    {
        _input = input;
        foreach (var price in PriceScenarios.All)
        {
            var a = input.Assumptions;
            decimal m = PriceScenarios.Multiplier(a, price);
            var priced = a with
            {
                GasPrice = Scale(a.GasPrice, m),
                ElectricityPrice = Scale(a.ElectricityPrice, m),
                HeatTariffVariable = Scale(a.HeatTariffVariable, m),
            };
            var consistent = new NeighbourhoodInput
            {
                Id = input.Id, Method = HeatDemandMethod.Consistent, Assumptions = priced,
                Dwellings = input.Dwellings, Variants = input.Variants,
            };
            _tco[price] = new Tco(consistent);
            var technics = new Dictionary<string, HeatNetworkTechnics>();
            foreach (var v in input.Variants)
                if (v.Collective is not null)
                    technics[v.Id] = HeatNetworkTechnics.Compute(v.Collective, priced, HeatDemandMethod.Consistent);
            _technics[price] = technics;
        }
    }

    public NeighbourhoodInput Input => _input;
    public decimal Annuity => _tco[PriceSetting.Central].Annuity;

    private static Quantity Scale(Quantity q, decimal m) => m == 1m ? q : q with { Value = q.Value * m };

    /// <param name="detail">False: <see cref="PersonalResult.Detail"/> holds the totals only (see <see cref="Tco.Evaluate"/>).</param>
    public PersonalResult Evaluate(string dwellingId, string variantId, PersonalInputs p, bool detail = true)
    {
        var run = Prepare(dwellingId, variantId, p);
        var r = run.Evaluate(detail);
        return p.Tenant ? Tenant(run, r, p) : Owner(run, r, p);
    }

    /// <summary>
    /// An owner's figures for <paramref name="p"/> and a tenant's for the same inputs, from one evaluation of the core:
    /// without the boiler timing (a tenant's figures ignore it) both rest on the same items.
    /// </summary>
    public (PersonalResult Owner, PersonalResult Tenant) EvaluateOwnerAndTenant(string dwellingId, string variantId, PersonalInputs p, bool detail = true)
    {
        var run = PrepareOwnerAndTenant(dwellingId, variantId, p);
        var r = run.Evaluate(detail);
        return (Owner(run, r, p), Tenant(run, r, p with { Tenant = true }));
    }

    /// <summary>The figures of <see cref="Evaluate"/> without a result object: what the calculator's coefficients fit, thousands of times per neighbourhood.</summary>
    public PersonalFigures Figures(string dwellingId, string variantId, PersonalInputs p)
    {
        var run = Prepare(dwellingId, variantId, p);
        var t = run.Totals();
        return p.Tenant ? TenantFigures(t, run.Tco.Annuity) : OwnerFigures(t, p).Figures;
    }

    /// <summary>The figures of <see cref="EvaluateOwnerAndTenant"/> without result objects.</summary>
    public (PersonalFigures Owner, PersonalFigures Tenant) FiguresOwnerAndTenant(string dwellingId, string variantId, PersonalInputs p)
    {
        var run = PrepareOwnerAndTenant(dwellingId, variantId, p);
        var t = run.Totals();
        return (OwnerFigures(t, p).Figures, TenantFigures(t, run.Tco.Annuity));
    }

    private Run PrepareOwnerAndTenant(string dwellingId, string variantId, PersonalInputs p)
    {
        if (p.Tenant || p.NaturalMoment)
            throw new ArgumentException("an owner's and a tenant's figures share one evaluation only without the boiler timing", nameof(p));
        return Prepare(dwellingId, variantId, p);
    }

    /// <summary>One evaluation's inputs: the reference dwelling and variant, the resident's versions of them, the core for the price setting.</summary>
    private readonly record struct Run(DwellingInput Reference, VariantInput Variant, DwellingInput Dwelling, VariantInput Adapted, Tco Tco,
        HeatNetworkTechnics? Network)
    {
        public ResidentResult Evaluate(bool detail) => Tco.Evaluate(Dwelling, Adapted, Network, detail);
        public ResidentTotals Totals() => Tco.Totals(Dwelling, Adapted, Network);
    }

    private Run Prepare(string dwellingId, string variantId, PersonalInputs p)
    {
        // The calculator's coefficients call this thousands of times per neighbourhood: no capturing lambdas here.
        var d = Find(_input.Dwellings, dwellingId, x => x.Id) ?? throw new CalculationException($"onbekende woning '{dwellingId}'");
        var v = Find(_input.Variants, variantId, x => x.Id) ?? throw new CalculationException($"onbekende variant '{variantId}'");
        if (p.GasM3 is < 0m) throw new CalculationException($"het gasverbruik moet 0 of meer zijn; er staat {p.GasM3}");
        string label = p.Label ?? d.Label;
        var dwelling = new DwellingInput
        {
            Id = d.Id,
            Label = label,
            GasCurrent = p.GasM3 is { } gas ? new Quantity(gas, PersonalGas) : d.GasCurrent,
        };
        var variant = Adapted(v, d.Id, label, p.NaturalMoment && !p.Tenant);
        return new Run(d, v, dwelling, variant, _tco[p.Price], _technics[p.Price].GetValueOrDefault(v.Id));
    }

    /// <summary>A tenant's figures: energy and fixed costs only, over the horizon and per month.</summary>
    private static PersonalFigures TenantFigures(ResidentTotals r, decimal annuity)
    {
        decimal annual = r.VariableCostPerYear + r.FixedCostPerYear;
        return new PersonalFigures(annual * annuity, annual / 12m, null);
    }

    private static PersonalResult Tenant(Run run, ResidentResult r, PersonalInputs p)
    {
        var f = TenantFigures(r.Totals, run.Tco.Annuity);
        return new PersonalResult
        {
            DwellingId = run.Reference.Id, VariantId = run.Variant.Id, Inputs = p, GasM3 = run.Dwelling.GasCurrent.Value, Label = run.Dwelling.Label,
            Detail = r, Annuity = run.Tco.Annuity, Tco30y = f.Tco30y, MonthlyStartYear = f.MonthlyStartYear, UpfrontAfterSubsidy = null,
        };
    }

    /// <summary>An owner's figures: the TCO and monthly cost, with the loan's interest and instalment when a loan is chosen.</summary>
    private (PersonalFigures Figures, LoanTerms? Loan, decimal? Borrowed, decimal? Instalment, decimal? Interest) OwnerFigures(ResidentTotals r, PersonalInputs p)
    {
        decimal upfront = r.Upfront;
        decimal total = r.Tco, monthly = r.MonthlyCost;
        LoanTerms? loan = null;
        decimal? borrowed = null, instalment = null, interest = null;
        if (p.Loan)
        {
            loan = LoanTerms.From(_input.Assumptions, p.LowIncome);
            borrowed = loan.Borrowed(upfront);
            instalment = borrowed.Value * loan.MonthlyPerEuro;
            interest = borrowed.Value * loan.InterestPerEuro;
            monthly += instalment.Value;
            total += interest.Value;
        }
        return (new PersonalFigures(total, monthly, upfront), loan, borrowed, instalment, interest);
    }

    private PersonalResult Owner(Run run, ResidentResult r, PersonalInputs p)
    {
        var (f, loan, borrowed, instalment, interest) = OwnerFigures(r.Totals, p);
        return new PersonalResult
        {
            DwellingId = run.Reference.Id, VariantId = run.Variant.Id, Inputs = p, GasM3 = run.Dwelling.GasCurrent.Value, Label = run.Dwelling.Label,
            Detail = r, Annuity = run.Tco.Annuity, Tco30y = f.Tco30y, MonthlyStartYear = f.MonthlyStartYear, UpfrontAfterSubsidy = f.UpfrontAfterSubsidy,
            Loan = loan, LoanAmount = borrowed, LoanMonthly = instalment, LoanInterest = interest,
        };
    }

    // Indexed, without a capturing lambda or a boxed enumerator: one allocation less per evaluation.
    private static T? Find<T>(IReadOnlyList<T> items, string id, Func<T, string> idOf) where T : class
    {
        for (int i = 0; i < items.Count; i++)
            if (idOf(items[i]) == id) return items[i];
        return null;
    }

    // The adapted variant depends on only these four things; the calculator's coefficients ask for it thousands of times.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Variant, string Dwelling, bool Insulated, bool NaturalMoment), VariantInput> _adapted = new();

    private VariantInput Adapted(VariantInput v, string dwellingId, string label, bool naturalMoment)
    {
        var target = v.Insulation.TryGetValue(dwellingId, out var t) ? t : InsulationTarget.None;
        bool insulated = target != InsulationTarget.None && HeatDemandModel.MeetsTarget(label, target);
        var key = (v.Id, dwellingId, insulated, naturalMoment);
        return _adapted.TryGetValue(key, out var known) ? known : AddAdapted(key, v, label);
    }

    // Apart, so the lambda's captured variables are allocated only when the variant is adapted (a method that captures
    // allocates them on entry, on every call: 5 MB of a 2,000-page build).
    private VariantInput AddAdapted((string Variant, string Dwelling, bool Insulated, bool NaturalMoment) key, VariantInput v, string label) =>
        _adapted.GetOrAdd(key, _ => Adapt(v, key.Dwelling, label, key.NaturalMoment));

    /// <summary>The variant's one-off items for this resident: insulation they already have left out, the boiler timing applied.</summary>
    private VariantInput Adapt(VariantInput v, string dwellingId, string label, bool naturalMoment)
    {
        var costs = v.Costs.TryGetValue(dwellingId, out var c) ? c : [];
        var target = v.Insulation.TryGetValue(dwellingId, out var t) ? t : InsulationTarget.None;
        var adapted = new List<PlannedCost>(costs.Count + 1);
        foreach (var cost in costs)
        {
            if (cost.Category == CostCategory.Insulation && target != InsulationTarget.None && HeatDemandModel.MeetsTarget(label, target))
                continue;
            if (v.Kind == VariantKind.GasBoiler && !naturalMoment && IsBoiler(cost))
                adapted.Add(cost with { PurchasedNow = false });
            else
                adapted.Add(cost);
        }
        if (v.Kind == VariantKind.HybridHeatPump && naturalMoment && BoilerCost(dwellingId) is { } boiler)
            adapted.Add(boiler with { Id = boiler.Id + ".natural_moment", ReplacedAtReinvestmentYear = false, Subsidy = null });

        var byDwelling = new Dictionary<string, IReadOnlyList<PlannedCost>>(v.Costs) { [dwellingId] = adapted };
        return new VariantInput
        {
            Id = v.Id, Kind = v.Kind, FixedCosts = v.FixedCosts, Costs = byDwelling, Insulation = v.Insulation,
            GasAppliances = v.GasAppliances, VariableCostOverride = v.VariableCostOverride,
            PublishedElectricityKwh = v.PublishedElectricityKwh, Collective = v.Collective,
        };
    }

    /// <summary>
    /// Whether the boiler timing can change an owner's figures for this variant: only the gas boiler and the hybrid heat
    /// pump involve a boiler (<see cref="Adapt"/>); every other variant avoids the purchase either way. The calculator's
    /// coefficients evaluate the natural moment only where it applies.
    /// </summary>
    public bool BoilerTimingApplies(string variantId) =>
        (Find(_input.Variants, variantId, x => x.Id) ?? throw new CalculationException($"onbekende variant '{variantId}'")).Kind
            is VariantKind.GasBoiler or VariantKind.HybridHeatPump;

    private static bool IsBoiler(PlannedCost c) => c.Category == CostCategory.Installation && c.ReplacedAtReinvestmentYear;

    /// <summary>The gas boiler of the neighbourhood's gas-boiler variant for this dwelling, if there is one.</summary>
    private PlannedCost? BoilerCost(string dwellingId)
    {
        foreach (var v in _input.Variants)
            if (v.Kind == VariantKind.GasBoiler && v.Costs.TryGetValue(dwellingId, out var costs))
                foreach (var c in costs)
                    if (IsBoiler(c)) return c;
        return null;
    }
}
