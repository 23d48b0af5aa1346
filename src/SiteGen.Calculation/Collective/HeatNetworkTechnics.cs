using SiteGen.Calculation.HeatDemand;
using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Collective;

/// <summary>Scale classes of the NPLW guide (§2): mini 2-50, klein 51-1,500, groot above.</summary>
public enum ScaleClass { Mini, Small, Large }

/// <summary>Heat Supply Act (Wcw) regimes by number of connections (guide §3).</summary>
public enum WcwRegime { UpToLightLimit, UpToMiddleLimit, AboveMiddleLimit }

public sealed record SolarThermalResult(
    decimal YieldPerPanelKwh, decimal Panels, decimal AreaM2, decimal? PublishedPanels, decimal? PublishedAreaM2);

/// <summary>Technical figures of a collective variant (Tabel 10.6, 6.1, 6.2, 6.3/6.4).</summary>
public sealed record HeatNetworkTechnics(
    decimal AverageDwellingGJ,
    decimal UtilityFactor,
    decimal UtilityWeq,
    decimal Weq,
    decimal ConnectedWeq,
    decimal DemandMWh,
    decimal ConnectedDemandMWh,
    decimal ConnectedDemandGJ,
    decimal ProductionMWh,
    decimal ElectricityMWh,
    decimal ElectricityPerWeqMWh,
    decimal Co2PerWeqKg,
    ScaleClass ScaleClass,
    WcwRegime WcwRegime,
    bool WisEligible,
    SolarThermalResult? SolarThermal)
{
    public static HeatNetworkTechnics Compute(CollectiveInput c, Assumptions a, HeatDemandMethod method)
    {
        decimal dwellings = c.Dwellings.Value;
        decimal avg = c.DwellingHeatGJ.Value / dwellings;
        // Multiply before dividing: utility GJ / (dwelling GJ / dwellings) leaves a residue in the 28th digit
        // when the average does not terminate, and rounding up would turn it into a whole extra connection.
        decimal utilityWeq = c.UtilityHeatGJ.Value * dwellings / c.DwellingHeatGJ.Value;
        decimal utilityFactor = c.UtilityBuildings.Value > 0 ? c.UtilityHeatGJ.Value / c.UtilityBuildings.Value / avg : 0m;
        decimal weq = dwellings + utilityWeq;
        // The study rounds connected WEQ up (393 x 80% = 314.4 -> 315, MODEL.md §6).
        decimal connected = DecimalMath.Ceiling(DecimalMath.RoundHalfUp(weq * c.ConnectionRate.Value, 12));
        decimal demandGJ = c.DwellingHeatGJ.Value + c.UtilityHeatGJ.Value;
        decimal demandMWh = demandGJ / HeatDemandModel.MegajoulePerKilowattHour;
        decimal connectedMWh = demandMWh * c.ConnectionRate.Value;
        decimal production = connectedMWh / (1m - c.NetworkLoss.Value);
        decimal elPerWeq = c.TotalElectricityMWh.Value / connected;
        // Tabel 6.4 multiplies the MWh/WEQ of Tabel 6.3 after rounding it to 0.01.
        decimal elForCo2 = method == HeatDemandMethod.Study ? DecimalMath.RoundHalfUp(elPerWeq, 2) : elPerWeq;
        decimal co2PerWeq = elForCo2 * 1000m * a.Co2Electricity.Value;

        var scale = connected <= a.MiniMaxConnections.Value ? ScaleClass.Mini
            : connected <= a.SmallMaxConnections.Value ? ScaleClass.Small : ScaleClass.Large;
        var wcw = connected <= a.WcwLightMaxConnections.Value ? WcwRegime.UpToLightLimit
            : connected <= a.WcwMiddleMaxConnections.Value ? WcwRegime.UpToMiddleLimit : WcwRegime.AboveMiddleLimit;
        bool wis = connected >= a.WisMinConnections.Value;

        SolarThermalResult? pt = null;
        if (c.SolarThermal is { } s)
        {
            decimal perPanel = s.PanelPowerKw.Value * s.FullLoadHours.Value;
            decimal panels = s.HeatMWh.Value * 1000m / perPanel;
            pt = new SolarThermalResult(perPanel, panels, panels * s.PanelAreaM2.Value,
                s.PublishedPanels?.Value, s.PublishedAreaM2?.Value);
        }

        return new HeatNetworkTechnics(avg, utilityFactor, utilityWeq, weq, connected, demandMWh, connectedMWh,
            demandGJ * c.ConnectionRate.Value, production, c.TotalElectricityMWh.Value, elPerWeq, co2PerWeq, scale, wcw, wis, pt);
    }
}
