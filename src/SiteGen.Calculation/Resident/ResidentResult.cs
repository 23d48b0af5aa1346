using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Resident;

public enum LineKind { Cost, Subsidy, Variable, Fixed, Calibration }

/// <summary>
/// One itemised line: a one-off cost or subsidy (with its year) or an annual cost (year null, at
/// year-0 prices). <see cref="PresentValue"/> is its contribution to the 30-year TCO. Computed lines
/// (energy) have a stable <see cref="Id"/> such as "energy.gas" and no label of their own.
/// </summary>
public sealed record LineItem(
    string Id,
    string? Label,
    LineKind Kind,
    CostCategory? Category,
    int? Year,
    decimal Amount,
    decimal PresentValue,
    Citation Source);

/// <summary>One energy carrier's contribution to the CO2 figure.</summary>
public sealed record Co2Line(string Carrier, decimal Quantity, Quantity Factor, decimal Kg);

/// <summary>Everything the site shows for one dwelling with one variant.</summary>
public sealed class ResidentResult
{
    public required string DwellingId { get; init; }
    public required string VariantId { get; init; }
    public required VariantKind Kind { get; init; }
    public required decimal GasBasisM3 { get; init; }
    public required decimal HeatDemandKwh { get; init; }
    public required decimal GasM3 { get; init; }
    public required decimal ElectricityKwh { get; init; }
    public required decimal HeatGJ { get; init; }
    public required decimal Co2Kg { get; init; }
    public required IReadOnlyList<Co2Line> Co2Lines { get; init; }
    /// <summary>One-off costs and subsidies (subsidies negative), in the order the scenario lists them.</summary>
    public required IReadOnlyList<LineItem> OneOffs { get; init; }
    /// <summary>Variable and fixed annual costs at year-0 prices.</summary>
    public required IReadOnlyList<LineItem> Annual { get; init; }
    /// <summary>Start-year monthly cost, line by line (annual lines / 12 plus calibrations).</summary>
    public required IReadOnlyList<LineItem> Monthly { get; init; }
    /// <summary>Sum of the one-off costs at year 0, before subsidies.</summary>
    public required decimal Investment { get; init; }
    /// <summary>Sum of the subsidies, as a positive amount.</summary>
    public required decimal Subsidy { get; init; }
    public required decimal VariableCostPerYear { get; init; }
    public required decimal FixedCostPerYear { get; init; }
    public required decimal Tco { get; init; }
    public required decimal MonthlyCost { get; init; }
}
