namespace SiteGen.Calculation;

/// <summary>Decimal helpers the BCL lacks; every exponent in the model is a whole number of years.</summary>
public static class DecimalMath
{
    public static decimal Pow(decimal x, int n)
    {
        if (n == int.MinValue) throw new ArgumentOutOfRangeException(nameof(n));
        if (n < 0) return 1m / Pow(x, -n);
        decimal result = 1m;
        decimal b = x;
        while (n > 0)
        {
            if ((n & 1) == 1) result *= b;
            n >>= 1;
            if (n > 0) b *= b;
        }
        return result;
    }

    /// <summary>Display rounding, half away from zero (the study's "half up").</summary>
    public static decimal RoundHalfUp(decimal value, int decimals = 0) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Rounds to a multiple of <paramref name="step"/> (e.g. 10 for the study's €10 printing).</summary>
    public static decimal RoundToStep(decimal value, decimal step) =>
        Math.Round(value / step, 0, MidpointRounding.AwayFromZero) * step;

    public static decimal Ceiling(decimal value) => Math.Ceiling(value);
}
