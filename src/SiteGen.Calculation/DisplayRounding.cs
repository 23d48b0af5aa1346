using SiteGen.Calculation.Resident;

namespace SiteGen.Calculation;

/// <summary>
/// How precise a figure may look on a page (issue 13): never more precise than its inputs.
/// <list type="bullet">
/// <item>30-year TCO, central: to EUR 10, so a resident finds the study's own number (Tabel 8.9).</item>
/// <item>30-year TCO, bounds: to EUR 1,000.</item>
/// <item>Up-front cost (central and bounds): to EUR 100.</item>
/// <item>Monthly cost, central: to EUR 1 (the study's printing); bounds: to EUR 5.</item>
/// </list>
/// Bounds are rounded outward (low down, high up), so the shown range always contains the computed one
/// and the shown low never exceeds the shown central figure. Open data keeps full precision (to the cent).
/// </summary>
public static class DisplayRounding
{
    public const decimal TcoStep = 10m;
    public const decimal TcoBoundStep = 1000m;
    public const decimal UpfrontStep = 100m;
    public const decimal MonthlyStep = 1m;
    public const decimal MonthlyBoundStep = 5m;

    public static decimal Tco(decimal value) => DecimalMath.RoundToStep(value, TcoStep);
    public static decimal Upfront(decimal value) => DecimalMath.RoundToStep(value, UpfrontStep);
    public static decimal Monthly(decimal value) => DecimalMath.RoundToStep(value, MonthlyStep);

    public static CostRange TcoRange(CostRange r) => Outward(r, TcoStep, TcoBoundStep);
    public static CostRange UpfrontRange(CostRange r) => Outward(r, UpfrontStep, UpfrontStep);
    public static CostRange MonthlyRange(CostRange r) => Outward(r, MonthlyStep, MonthlyBoundStep);

    /// <summary>Central half up to <paramref name="centralStep"/>; low down and high up to <paramref name="boundStep"/>.</summary>
    public static CostRange Outward(CostRange r, decimal centralStep, decimal boundStep)
    {
        decimal central = DecimalMath.RoundToStep(r.Central, centralStep);
        decimal low = Math.Floor(r.Low / boundStep) * boundStep;
        decimal high = Math.Ceiling(r.High / boundStep) * boundStep;
        return new CostRange(Math.Min(low, central), central, Math.Max(high, central));
    }
}
