using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Personal;

public enum BreakEvenKind
{
    /// <summary>Cheaper over the horizon than the gas boiler above <see cref="BreakEven.GasM3"/>, which lies within the range.</summary>
    Within,
    /// <summary>Already cheaper than the gas boiler at the bottom of the range.</summary>
    CheaperThroughout,
    /// <summary>Not cheaper than the gas boiler anywhere in the range.</summary>
    NotWithinRange,
}

/// <summary>
/// The annual gas use above which a variant's 30-year total drops below the gas boiler's, for the same
/// dwelling: consistent method, today's prices, the dwelling's own label, an owner without a loan.
/// <see cref="GasM3"/> is rounded to the nearest <see cref="BreakEvens.Step"/> m3 and null when the
/// crossing is not within <see cref="BreakEvens.MinGasM3"/>-<see cref="BreakEvens.MaxGasM3"/>.
/// </summary>
public sealed record BreakEven(string DwellingId, string VariantId, BreakEvenKind Kind, decimal? GasM3, decimal? GasM3NaturalMoment);

public static class BreakEvens
{
    public const decimal MinGasM3 = 300m, MaxGasM3 = 5000m;
    /// <summary>
    /// Rounding step: 5 m3 keeps the rounded figure within EUR 100 of equal costs (at most 2.5 m3 x the
    /// difference in cost per m3, which is below the gas boiler's own ~34 EUR per m3 over 30 years).
    /// </summary>
    public const decimal Step = 5m;

    /// <summary>Every dwelling x non-boiler variant; empty when the neighbourhood has no gas-boiler variant.</summary>
    public static IReadOnlyList<BreakEven> Compute(PersonalModel model)
    {
        var boiler = model.Input.Variants.FirstOrDefault(v => v.Kind == VariantKind.GasBoiler);
        if (boiler is null) return [];
        var result = new List<BreakEven>();
        foreach (var d in model.Input.Dwellings)
            foreach (var v in model.Input.Variants)
            {
                if (v.Id == boiler.Id) continue;
                var (kind, gas) = Crossing(model, d.Id, v.Id, boiler.Id, naturalMoment: false);
                var (_, gasNatural) = Crossing(model, d.Id, v.Id, boiler.Id, naturalMoment: true);
                result.Add(new BreakEven(d.Id, v.Id, kind, gas, gasNatural));
            }
        return result;
    }

    /// <summary>The unrounded crossing, or null when the lines do not cross with the variant becoming cheaper.</summary>
    public static decimal? Exact(PersonalModel model, string dwelling, string variant, string boiler, bool naturalMoment)
    {
        var p = new PersonalInputs { NaturalMoment = naturalMoment };
        var v = Coefficients.Fit(model, dwelling, variant, p, r => r.Tco30y, "totale kosten over 30 jaar");
        var b = Coefficients.Fit(model, dwelling, boiler, p, r => r.Tco30y, "totale kosten over 30 jaar");
        decimal slope = b.B - v.B; // how much faster the boiler's total rises per m3
        if (slope <= 0m) return null;
        return (v.A - b.A) / slope;
    }

    private static (BreakEvenKind, decimal?) Crossing(PersonalModel model, string dwelling, string variant, string boiler, bool naturalMoment)
    {
        var p = new PersonalInputs { NaturalMoment = naturalMoment };
        decimal atMin = model.Evaluate(dwelling, variant, p with { GasM3 = MinGasM3 }).Tco30y
            - model.Evaluate(dwelling, boiler, p with { GasM3 = MinGasM3 }).Tco30y;
        if (atMin < 0m) return (BreakEvenKind.CheaperThroughout, null);
        var x = Exact(model, dwelling, variant, boiler, naturalMoment);
        if (x is not { } g || g > MaxGasM3) return (BreakEvenKind.NotWithinRange, null);
        return (BreakEvenKind.Within, DecimalMath.RoundToStep(g, Step));
    }
}
