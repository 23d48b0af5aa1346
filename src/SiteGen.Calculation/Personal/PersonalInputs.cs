using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Personal;

/// <summary>Energy-price setting of the personal calculator: today's prices, lower or higher.</summary>
public enum PriceSetting { Low, Central, High }

public static class PriceScenarios
{
    public static IReadOnlyList<PriceSetting> All { get; } = [PriceSetting.Low, PriceSetting.Central, PriceSetting.High];

    public static string Id(PriceSetting s) => s switch { PriceSetting.Low => "low", PriceSetting.High => "high", _ => "central" };

    public static PriceSetting? Parse(string? id) => id switch
    {
        "low" => PriceSetting.Low, "central" => PriceSetting.Central, "high" => PriceSetting.High, _ => null,
    };

    /// <summary>
    /// Multiplier on the gas price, the electricity price and the variable heat tariff: the municipality's price
    /// what-ifs (the same ones the ranges use), or issue 11's "otherwise ±25%" where the content sets none.
    /// </summary>
    public static decimal Multiplier(Assumptions a, PriceSetting s) => s switch
    {
        PriceSetting.Low => a.PriceWhatIfLow?.Value ?? DefaultLow,
        PriceSetting.High => a.PriceWhatIfHigh?.Value ?? DefaultHigh,
        _ => 1m,
    };

    private const decimal DefaultLow = 0.75m, DefaultHigh = 1.25m;
}

/// <summary>
/// A resident's own situation. Every input is optional: without it the reference dwelling's gas use and
/// label, today's prices, an owner, no loan and a boiler that is not yet due apply.
/// </summary>
public sealed record PersonalInputs
{
    /// <summary>Annual gas use from the energy bill, m3/year.</summary>
    public decimal? GasM3 { get; init; }
    /// <summary>Current energy label "A".."G" or "unknown".</summary>
    public string? Label { get; init; }
    public PriceSetting Price { get; init; } = PriceSetting.Central;
    /// <summary>The boiler is due for replacement soon (natural moment).</summary>
    public bool NaturalMoment { get; init; }
    public bool Tenant { get; init; }
    /// <summary>Finance the up-front cost after subsidy with the Energiebespaarlening (owners only).</summary>
    public bool Loan { get; init; }
    /// <summary>Joint income up to the fund's threshold: the low-income interest rate applies.</summary>
    public bool LowIncome { get; init; }

    /// <summary>The labels the calculator offers, best first.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["A", "B", "C", "D", "E", "F", "G", "unknown"];
}

/// <summary>
/// The Energiebespaarlening as an annuity: a monthly payment per euro borrowed, and the interest paid over
/// the term per euro borrowed (added to the 30-year total, undiscounted like the study's sum at g = r).
/// </summary>
public sealed record LoanTerms(decimal InterestRate, int TermYears, decimal MonthlyPerEuro, decimal InterestPerEuro, decimal MaxAmount)
{
    /// <summary>Rounding of the factors, so that the core and the exported calculator use identical numbers.</summary>
    public const int FactorDecimals = 10;

    public static LoanTerms From(Assumptions a, bool lowIncome)
    {
        decimal rate = lowIncome ? a.LoanInterestRateLowIncome.Value : a.LoanInterestRate.Value;
        int years = (int)a.LoanTermYears.Value;
        int months = years * 12;
        decimal perEuro;
        if (rate == 0m) perEuro = 1m / months;
        else
        {
            // The fund quotes an effective annual rate: the monthly rate is (1 + i)^(1/12) - 1.
            double monthly = Math.Pow(1.0 + (double)rate, 1.0 / 12.0) - 1.0;
            perEuro = (decimal)(monthly / (1.0 - Math.Pow(1.0 + monthly, -months)));
        }
        perEuro = DecimalMath.RoundHalfUp(perEuro, FactorDecimals);
        decimal interest = rate == 0m ? 0m : DecimalMath.RoundHalfUp(perEuro * months - 1m, FactorDecimals);
        return new LoanTerms(rate, years, perEuro, interest, a.LoanMaxAmount.Value);
    }

    /// <summary>What is borrowed for an up-front cost: all of it, up to the fund's maximum.</summary>
    public decimal Borrowed(decimal upfront) => Math.Min(Math.Max(upfront, 0m), MaxAmount);
}

/// <summary>The figures of a <see cref="PersonalResult"/>, without the core's result: what the calculator's coefficients fit.</summary>
public readonly record struct PersonalFigures(decimal Tco30y, decimal MonthlyStartYear, decimal? UpfrontAfterSubsidy);

/// <summary>The personal figures for one dwelling x variant.</summary>
public sealed class PersonalResult
{
    public required string DwellingId { get; init; }
    public required string VariantId { get; init; }
    public required PersonalInputs Inputs { get; init; }
    /// <summary>The gas use and label actually used (the input, or the reference dwelling's).</summary>
    public required decimal GasM3 { get; init; }
    public required string Label { get; init; }
    /// <summary>The core's own evaluation (consistent method) the figures below come from.</summary>
    public required Resident.ResidentResult Detail { get; init; }
    public required decimal Annuity { get; init; }
    /// <summary>30-year total: for an owner the TCO (plus loan interest); for a tenant energy and fixed costs only.</summary>
    public required decimal Tco30y { get; init; }
    /// <summary>Start-year monthly cost, with the loan instalment when a loan is chosen.</summary>
    public required decimal MonthlyStartYear { get; init; }
    /// <summary>Up-front cost after subsidy; null for a tenant (the landlord invests).</summary>
    public required decimal? UpfrontAfterSubsidy { get; init; }
    public LoanTerms? Loan { get; init; }
    public decimal? LoanAmount { get; init; }
    public decimal? LoanMonthly { get; init; }
    public decimal? LoanInterest { get; init; }
}
