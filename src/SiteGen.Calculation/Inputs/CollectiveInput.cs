namespace SiteGen.Calculation.Inputs;

/// <summary>The part of the heat company's investment a component represents; decides reinvestment and residual value.</summary>
public enum CapexRole { HeatSource, SolarThermal, HeatPumpPlant, Network, DeliverySets, IndividualHeatPumps, GridConnection }

public enum Operator { Public, Commercial }

[Flags]
public enum SubsidyCase { None = 0, Wis = 1, Sde = 2, WisAndSde = Wis | Sde }

public sealed record CapexComponent(string Id, string Label, CapexRole Role, Quantity Amount);

/// <summary>Technical and business-case inputs of a collective variant (study ch. 6-7, Bijlage 8), excl. VAT.</summary>
public sealed class CollectiveInput
{
    public required Quantity Dwellings { get; init; }
    public required Quantity DwellingHeatGJ { get; init; }
    public required Quantity UtilityBuildings { get; init; }
    public required Quantity UtilityHeatGJ { get; init; }
    public required Quantity ConnectionRate { get; init; }
    public required Quantity NetworkLoss { get; init; }
    public required Quantity TotalElectricityMWh { get; init; }
    public required IReadOnlyList<CapexComponent> Capex { get; init; }
    public required Quantity OpexElectricity { get; init; }
    public required Quantity OpexMaintenance { get; init; }
    public required Quantity OpexManagement { get; init; }
    /// <summary>Whether residents rent the delivery set from the heat company (revenue line).</summary>
    public required bool DeliverySetRental { get; init; }
    public Quantity? ColdRevenue { get; init; }
    public Quantity? Wis { get; init; }
    public Quantity? SdeAnnual { get; init; }
    public Quantity? SdeYears { get; init; }
    public SolarThermalInput? SolarThermal { get; init; }
    public required BusinessCaseMethod Method { get; init; }
    /// <summary>Funding gaps the study publishes (Tabel 7.5/7.6), shown next to the modelled ones.</summary>
    public IReadOnlyDictionary<(Operator, SubsidyCase), Quantity> PublishedFundingGaps { get; init; } =
        new Dictionary<(Operator, SubsidyCase), Quantity>();
}

public sealed class SolarThermalInput
{
    public required Quantity HeatMWh { get; init; }
    public required Quantity PanelPowerKw { get; init; }
    public required Quantity FullLoadHours { get; init; }
    public required Quantity PanelAreaM2 { get; init; }
    public Quantity? PublishedPanels { get; init; }
    public Quantity? PublishedAreaM2 { get; init; }
}

/// <summary>
/// The structural switches of the cash-flow model (MODEL.md §7.2/§7.3). The study does not state
/// them; the two presets are the literal reading of Bijlage 8 and the best structural fit.
/// </summary>
public sealed record BusinessCaseMethod(
    string Name,
    bool RampUpFromYearZero,
    bool RampUpVariableFlowsOnly,
    bool Indexed,
    bool SurchargesOnReinvestment,
    IReadOnlySet<CapexRole> Reinvested)
{
    public static readonly BusinessCaseMethod Literal = new(
        "literal", RampUpFromYearZero: true, RampUpVariableFlowsOnly: false, Indexed: true,
        SurchargesOnReinvestment: true,
        new HashSet<CapexRole> { CapexRole.HeatPumpPlant, CapexRole.DeliverySets });

    public static readonly BusinessCaseMethod BestFit = new(
        "bestfit", RampUpFromYearZero: false, RampUpVariableFlowsOnly: true, Indexed: false,
        SurchargesOnReinvestment: false,
        new HashSet<CapexRole> { CapexRole.HeatPumpPlant, CapexRole.DeliverySets, CapexRole.GridConnection });

    public static IReadOnlyList<BusinessCaseMethod> All { get; } = [Literal, BestFit];
}
