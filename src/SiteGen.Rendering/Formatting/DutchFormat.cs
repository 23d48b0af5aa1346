using System.Globalization;

namespace SiteGen.Rendering.Formatting;

/// <summary>
/// Deterministic Dutch (nl-NL style) formatting of numbers, money, percentages and dates.
/// Never consults the machine culture: the build runs with invariant globalization, and
/// ICU versions disagree on details (e.g. the space after €), so output would drift between machines.
/// </summary>
public static class DutchFormat
{
    /// <summary>
    /// The one separator used between € and the amount, between a number and its unit, and
    /// between the minus sign and €. A no-break space (U+00A0), because a line break inside
    /// "€ 64.980" or "8,27 MWh" makes the value hard to read, especially in narrow table cells on phones.
    /// </summary>
    public const string Space = "\u00A0";

    /// <summary>Real minus sign (U+2212): the hyphen-minus is too short to notice next to digits.</summary>
    public const string Minus = "\u2212";

    /// <summary>The euro sign.</summary>
    public const string EuroSign = "€";

    // Largest number of decimals we format; decimal supports 28, but nothing a resident reads needs more.
    private const int MaxDecimals = 10;

    // Built by hand: new CultureInfo("nl-NL") throws under InvariantGlobalization.
    // Read-only so no caller can mutate the shared instance.
    private static readonly NumberFormatInfo Nl = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    });

    private static readonly string[] MonthNames =
    [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ];

    /// <summary>Money: <c>€ 64.980</c>, <c>€ 1.234,50</c>, <c>− € 3.170</c> (separators are <see cref="Space"/>).</summary>
    // Dutch convention puts the minus before the currency sign.
    public static string Euro(decimal v, int decimals = 0) => Signed(v, decimals, Minus + Space + EuroSign + Space, EuroSign + Space);

    /// <summary>Plain number with Dutch separators: <c>1.280</c>, <c>8,27</c>, <c>−12</c>.</summary>
    public static string Number(decimal v, int decimals = 0) => Signed(v, decimals, Minus, "");

    /// <summary>Number followed by a unit: <c>8,27 MWh</c>, <c>1.280 m³</c> (separator is <see cref="Space"/>).</summary>
    public static string WithUnit(decimal v, int decimals, string unit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        return Number(v, decimals) + Space + unit;
    }

    /// <summary>A fraction as percentage: 0.3 → <c>30%</c>, 0.046 (1 decimal) → <c>4,6%</c>.</summary>
    public static string Percent(decimal fraction, int decimals = 0) => Number(fraction * 100m, decimals) + "%";

    /// <summary>
    /// Rounds to a multiple of <paramref name="step"/> (e.g. 10 for the study's "rounded to €10"),
    /// half away from zero, like the study's spreadsheets do.
    /// </summary>
    public static decimal RoundTo(decimal v, decimal step)
    {
        if (step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "Step must be positive.");
        }

        return Calculation.DecimalMath.RoundToStep(v, step);
    }

    /// <summary>Dutch long date without leading zero: <c>13 november 2025</c>, <c>1 mei 2026</c>.</summary>
    public static string Date(DateOnly d) =>
        d.Day.ToString(CultureInfo.InvariantCulture) + " " + MonthNames[d.Month - 1] + " " +
        d.Year.ToString(CultureInfo.InvariantCulture);

    // Rounds first and decides the sign afterwards, so -0.4 prints as "0" and never as "−0". The digits are formatted
    // on the stack and joined to their prefix once: formatting runs for every figure on every page.
    private static string Signed(decimal v, int decimals, string negative, string positive)
    {
        if (decimals is < 0 or > MaxDecimals)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, $"Use 0 to {MaxDecimals} decimals.");
        }

        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        // 29 digits, 9 group separators, the comma and 10 decimals fit.
        Span<char> digits = stackalloc char[64];
        Math.Abs(rounded).TryFormat(digits, out int written, GroupedFormats[decimals], Nl);
        return string.Concat(rounded < 0 ? negative : positive, digits[..written]);
    }

    private static readonly string[] GroupedFormats = [.. Enumerable.Range(0, MaxDecimals + 1).Select(d => "N" + d.ToString(CultureInfo.InvariantCulture))];
}
