namespace SiteGen.Calculation.Inputs;

/// <summary>How heat demand is derived from gas use (MODEL.md §3).</summary>
public enum HeatDemandMethod
{
    /// <summary>Reproduces the study: label-D gas for every variant, the inferred 30.95 MJ/m3 factor, calibrations on.</summary>
    Study,
    /// <summary>Bijlage 1 as documented: its own factor, gas after each variant's insulation, calibrations off.</summary>
    Consistent,
}

public enum VariantKind { GasBoiler, HybridHeatPump, AirWaterHeatPump, HeatNetwork }

public enum InsulationTarget { None, LabelD, LabelB }

/// <summary>What a one-off cost is for; pages group and explain items by it.</summary>
public enum CostCategory { Installation, Adaptation, Insulation, ConnectionFee, Calibration }

/// <summary>All inputs of one neighbourhood, resolved and validated by the content layer.</summary>
public sealed class NeighbourhoodInput
{
    public required string Id { get; init; }
    public required HeatDemandMethod Method { get; init; }
    public required Assumptions Assumptions { get; init; }
    public required IReadOnlyList<DwellingInput> Dwellings { get; init; }
    public required IReadOnlyList<VariantInput> Variants { get; init; }
}

public sealed class DwellingInput
{
    public required string Id { get; init; }
    /// <summary>Current energy label, "A".."G" or "unknown"; used for label-jump savings.</summary>
    public required string Label { get; init; }
    public required Quantity GasCurrent { get; init; }      // m3/yr
    /// <summary>Published gas use after insulation to label D / B (Tabel 5.1), when the study gives it.</summary>
    public Quantity? GasLabelD { get; init; }
    public Quantity? GasLabelB { get; init; }
}

public sealed class VariantInput
{
    public required string Id { get; init; }
    public required VariantKind Kind { get; init; }
    /// <summary>Annual fixed costs at year-0 prices, incl. VAT (Tabel 8.3).</summary>
    public required IReadOnlyList<AnnualCost> FixedCosts { get; init; }
    /// <summary>One-off items per dwelling id.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<PlannedCost>> Costs { get; init; }
    /// <summary>Insulation the variant requires per dwelling id; absent means none.</summary>
    public required IReadOnlyDictionary<string, InsulationTarget> Insulation { get; init; }
    /// <summary>Gas appliances whose upkeep the study leaves out of the monthly cost (MODEL.md §4.5).</summary>
    public int GasAppliances { get; init; }
    /// <summary>Published variable cost used instead of the formula by the study method (hybrid, Tabel 8.2).</summary>
    public IReadOnlyDictionary<string, Quantity> VariableCostOverride { get; init; } = Empty;
    /// <summary>Published electricity use (Tabel 5.2) the study's CO2 table is based on.</summary>
    public IReadOnlyDictionary<string, Quantity> PublishedElectricityKwh { get; init; } = Empty;
    public CollectiveInput? Collective { get; init; }

    private static readonly IReadOnlyDictionary<string, Quantity> Empty = new Dictionary<string, Quantity>();
}

public sealed record AnnualCost(string Id, string Label, Quantity Amount);

/// <summary>A one-off cost for one dwelling, with the subsidy that comes with it, if any.</summary>
public sealed record PlannedCost(
    string Id,
    string Label,
    CostCategory Category,
    Quantity Amount,
    bool ReplacedAtReinvestmentYear,
    PlannedSubsidy? Subsidy)
{
    /// <summary>
    /// False for an appliance the resident already has and that lasts until the reinvestment year: only the
    /// replacement counts (personal evaluation, boiler not yet due).
    /// </summary>
    public bool PurchasedNow { get; init; } = true;
}

/// <summary>A subsidy on a cost: either a share of its price or a fixed amount. Paid once, at year 0.</summary>
/// <param name="StatedAmount">
/// The amount the source states for this measure (e.g. Tabel 8.7), shown to residents when the model computes
/// another one (a share of the price); the difference is a reconciling amount, not a line of the bill.
/// </param>
public sealed record PlannedSubsidy(string Id, string Label, Quantity? ShareOfCost, Quantity? Amount, Quantity? StatedAmount = null);
