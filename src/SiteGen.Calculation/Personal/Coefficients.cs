using SiteGen.Calculation.HeatDemand;
using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Personal;

/// <summary>value = A + B x gas_m3.</summary>
public readonly record struct Affine(decimal A, decimal B)
{
    public decimal At(decimal gasM3) => A + B * gasM3;
}

/// <summary>The gas-dependent parts, per price setting: 30-year total and start-year monthly cost per m3.</summary>
public sealed record GasSlopes(decimal Tco, decimal Monthly);

/// <summary>The fixed parts of an owner's figures (no loan): 30-year total, monthly cost, up-front cost after subsidy.</summary>
public sealed record OwnerIntercepts(decimal Tco, decimal Monthly, decimal Upfront);

/// <summary>The fixed parts of a tenant's figures: energy and fixed costs only.</summary>
public sealed record TenantIntercepts(decimal Tco, decimal Monthly);

/// <summary>
/// One coefficient set of a dwelling x variant for one or more labels:
/// owner: Tco = Owner[moment].Tco + Slopes[price].Tco x gas, Monthly likewise, Upfront = Owner[moment].Upfront;
/// tenant: Tenant.Tco + Slopes[price].Tco x gas, Tenant.Monthly + Slopes[price].Monthly x gas.
/// </summary>
public sealed record CoefficientSet(
    IReadOnlyDictionary<PriceSetting, GasSlopes> Slopes,
    OwnerIntercepts Now,
    OwnerIntercepts NaturalMoment,
    TenantIntercepts Tenant);

public sealed record VariantCoefficients(string VariantId, IReadOnlyDictionary<string, int> SetByLabel, IReadOnlyList<CoefficientSet> Sets);

public sealed record DwellingCoefficients(string DwellingId, decimal DefaultGasM3, string DefaultLabel, IReadOnlyList<VariantCoefficients> Variants);

/// <summary>
/// Derives the calculator's coefficients from the core itself: every figure is evaluated at two gas uses and
/// checked at a third, so the page never re-implements the model. The model is affine in gas use for a fixed
/// label, price setting, boiler timing and tenure; labels (Tabel 10.1 jumps, insulation already done) are
/// separate coefficient sets. Fails loudly when a figure is not affine or not separable as exported.
/// </summary>
public static class Coefficients
{
    public const decimal GasLow = 1000m, GasHigh = 2000m, GasCheck = 3137m;
    public const int InterceptDecimals = 4, SlopeDecimals = 8;
    private const decimal Tolerance = 0.000001m;

    public static IReadOnlyList<DwellingCoefficients> Derive(PersonalModel model)
    {
        var result = new List<DwellingCoefficients>();
        foreach (var d in model.Input.Dwellings)
        {
            var variants = new List<VariantCoefficients>();
            foreach (var v in model.Input.Variants)
            {
                var sets = new List<CoefficientSet>();
                var byLabel = new Dictionary<string, int>();
                var target = v.Insulation.TryGetValue(d.Id, out var t) ? t : InsulationTarget.None;
                // Labels of one class give the same figures (HeatDemandModel.LabelClass): derived once per class.
                var byClass = new Dictionary<string, (CoefficientSet? Set, CalculationException? Error)>(StringComparer.Ordinal);
                foreach (var label in PersonalInputs.Labels)
                {
                    string cls = HeatDemandModel.LabelClass(label, target);
                    if (!byClass.TryGetValue(cls, out var derived))
                    {
                        try
                        {
                            derived = (Derive(model, d.Id, v.Id, label), null);
                        }
                        catch (CalculationException e)
                        {
                            derived = (null, e);
                        }
                        byClass[cls] = derived;
                    }
                    if (derived.Set is not { } set)
                    {
                        // Tabel 10.1 has no saving for this label path: the calculator does not offer the label.
                        if (label != d.Label) continue;
                        throw derived.Error!;
                    }
                    int index = sets.FindIndex(x => Equivalent(x, set));
                    if (index < 0)
                    {
                        index = sets.Count;
                        sets.Add(set);
                    }
                    byLabel[label] = index;
                }
                variants.Add(new VariantCoefficients(v.Id, byLabel, sets));
            }
            result.Add(new DwellingCoefficients(d.Id, d.GasCurrent.Value, d.Label, variants));
        }
        return result;
    }

    /// <summary>The coefficient set of one dwelling x variant for one label, derived from and checked against the core.</summary>
    public static CoefficientSet Derive(PersonalModel model, string dwelling, string variant, string label)
    {
        var slopes = new Dictionary<PriceSetting, GasSlopes>();
        OwnerIntercepts? now = null, natural = null;
        TenantIntercepts? tenant = null;
        // A variant without a boiler has the same figures whether the boiler is due or not: a third fewer model runs.
        var moments = model.BoilerTimingApplies(variant) ? BothMoments : NowOnly;
        foreach (var price in PriceScenarios.All)
        {
            foreach (bool moment in moments)
            {
                var p = new PersonalInputs { Label = label, Price = price, NaturalMoment = moment };
                // One set of evaluations serves every figure of these inputs: the model is the costly part of a build.
                // Without the boiler timing, a tenant's figures come from the same evaluations as the owner's.
                var fits = moment
                    ? FitAll(gas => model.Figures(dwelling, variant, p with { GasM3 = gas }), Owner, dwelling, variant)
                    : FitAll(gas => model.FiguresOwnerAndTenant(dwelling, variant, p with { GasM3 = gas }), OwnerAndTenant, dwelling, variant);
                var (tco, monthly, upfront) = (fits[0], fits[1], fits[2]);
                if (Math.Abs(upfront.B) > Tolerance)
                    throw new CalculationException($"{dwelling} / {variant}: de kosten vooraf hangen af van het gasverbruik ({upfront.B} euro per m3); de rekenhulp kan dit niet overnemen");
                var owner = new OwnerIntercepts(Intercept(tco.A), Intercept(monthly.A), Intercept(upfront.A));
                var slope = new GasSlopes(Slope(tco.B), Slope(monthly.B));
                Same(slopes, price, slope, dwelling, variant, "de invloed van het gasverbruik verschilt met het moment van vervangen van de ketel");
                var existing = moment ? natural : now;
                if (existing is null)
                {
                    if (moment) natural = owner; else now = owner;
                }
                else if (existing != owner)
                    throw new CalculationException($"{dwelling} / {variant}: het vaste deel hangt af van de prijsinstelling; de rekenhulp kan dit niet overnemen");

                // A tenant's figures ignore the boiler timing (PersonalModel), so one moment is enough.
                if (moment) continue;
                var (ttco, tmonthly) = (fits[3], fits[4]);
                if (new GasSlopes(Slope(ttco.B), Slope(tmonthly.B)) != slope)
                    throw new CalculationException($"{dwelling} / {variant}: de invloed van het gasverbruik is voor een huurder anders dan voor een eigenaar; de rekenhulp kan dit niet overnemen");
                var t = new TenantIntercepts(Intercept(ttco.A), Intercept(tmonthly.A));
                if (tenant is null) tenant = t;
                else if (tenant != t)
                    throw new CalculationException($"{dwelling} / {variant}: het vaste deel voor een huurder hangt af van de invoer; de rekenhulp kan dit niet overnemen");
            }
        }
        return new CoefficientSet(slopes, now!, natural ?? now!, tenant!);
    }

    private static readonly bool[] BothMoments = [false, true], NowOnly = [false];

    public static bool Equivalent(CoefficientSet x, CoefficientSet y) =>
        x.Now == y.Now && x.NaturalMoment == y.NaturalMoment && x.Tenant == y.Tenant
        && x.Slopes.Count == y.Slopes.Count && x.Slopes.All(kv => y.Slopes.TryGetValue(kv.Key, out var o) && o == kv.Value);

    private static void Same(Dictionary<PriceSetting, GasSlopes> slopes, PriceSetting price, GasSlopes slope, string d, string v, string what)
    {
        if (!slopes.TryGetValue(price, out var existing)) slopes[price] = slope;
        else if (existing != slope) throw new CalculationException($"{d} / {v}: {what}; de rekenhulp kan dit niet overnemen");
    }

    private static readonly (Func<PersonalFigures, decimal> Figure, string What)[] Owner =
    [
        (r => r.Tco30y, "totale kosten over 30 jaar"),
        (r => r.MonthlyStartYear, "maandlasten"),
        (r => r.UpfrontAfterSubsidy!.Value, "kosten vooraf"),
    ];

    private static readonly (Func<(PersonalFigures Owner, PersonalFigures Tenant), decimal> Figure, string What)[] OwnerAndTenant =
    [
        .. Owner.Select(f => (new Func<(PersonalFigures Owner, PersonalFigures Tenant), decimal>(r => f.Figure(r.Owner)), f.What)),
        (r => r.Tenant.Tco30y, "totale kosten over 30 jaar voor een huurder"),
        (r => r.Tenant.MonthlyStartYear, "maandlasten voor een huurder"),
    ];

    /// <summary>Fits value = a + b x gas through two evaluations of the core and checks a third.</summary>
    public static Affine Fit(PersonalModel model, string dwelling, string variant, PersonalInputs p, Func<PersonalFigures, decimal> figure, string what) =>
        FitAll(model, dwelling, variant, p, [(figure, what)])[0];

    /// <summary>Fits several figures of the same inputs from one set of three evaluations.</summary>
    public static Affine[] FitAll(PersonalModel model, string dwelling, string variant, PersonalInputs p,
        (Func<PersonalFigures, decimal> Figure, string What)[] figures) =>
        FitAll(gas => model.Figures(dwelling, variant, p with { GasM3 = gas }), figures, dwelling, variant);

    /// <param name="evaluate">The core's figures at a gas use.</param>
    private static Affine[] FitAll<T>(Func<decimal, T> evaluate, (Func<T, decimal> Figure, string What)[] figures, string dwelling, string variant)
    {
        var r1 = evaluate(GasLow);
        var r2 = evaluate(GasHigh);
        var r3 = evaluate(GasCheck);
        var fits = new Affine[figures.Length];
        for (int i = 0; i < figures.Length; i++)
        {
            var (figure, what) = figures[i];
            decimal y1 = figure(r1), y2 = figure(r2);
            decimal b = (y2 - y1) / (GasHigh - GasLow);
            var f = new Affine(y1 - b * GasLow, b);
            decimal y3 = figure(r3);
            if (Math.Abs(f.At(GasCheck) - y3) > 0.0001m)
                throw new CalculationException(
                    $"{dwelling} / {variant} ({what}): het rekenmodel is niet lineair in het gasverbruik ({f.At(GasCheck)} voorspeld, {y3} berekend bij {GasCheck} m3); meld dit aan de beheerder van SiteGen");
            fits[i] = f;
        }
        return fits;
    }

    public static decimal Intercept(decimal a) => DecimalMath.RoundHalfUp(a, InterceptDecimals);
    public static decimal Slope(decimal b) => DecimalMath.RoundHalfUp(b, SlopeDecimals);

    /// <summary>Evaluates a coefficient set the way the page's script does.</summary>
    public static (decimal Tco, decimal Monthly, decimal? Upfront) Evaluate(CoefficientSet set, LoanTerms? loan, decimal gasM3, PersonalInputs p)
    {
        var s = set.Slopes[p.Price];
        if (p.Tenant) return (set.Tenant.Tco + s.Tco * gasM3, set.Tenant.Monthly + s.Monthly * gasM3, null);
        var o = p.NaturalMoment ? set.NaturalMoment : set.Now;
        decimal tco = o.Tco + s.Tco * gasM3, monthly = o.Monthly + s.Monthly * gasM3;
        if (p.Loan && loan is not null)
        {
            decimal borrowed = loan.Borrowed(o.Upfront);
            tco += borrowed * loan.InterestPerEuro;
            monthly += borrowed * loan.MonthlyPerEuro;
        }
        return (tco, monthly, o.Upfront);
    }
}
