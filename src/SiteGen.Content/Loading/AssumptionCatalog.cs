using SiteGen.Calculation;
using SiteGen.Calculation.Inputs;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;

namespace SiteGen.Content.Loading;

/// <summary>
/// The shared assumptions the calculation reads: id, unit and allowed range of each, and how they
/// fill <see cref="Assumptions"/>. A parameter file may only hold ids listed here.
/// </summary>
public static class AssumptionCatalog
{
    /// <summary>A parameter's unit and plausible range: its unit's range (<see cref="UnitRanges"/>), narrowed where the parameter needs it.</summary>
    public sealed record Entry(string Unit, UnitRange Range)
    {
        public Entry(string unit) : this(unit, UnitRanges.Get(unit)) { }
        public Entry(string unit, decimal min, decimal max) : this(unit, UnitRanges.Get(unit).Narrow(min, max)) { }
        public decimal Min => Range.Min;
        public decimal Max => Range.Max;
    }

    public static readonly IReadOnlyDictionary<string, Entry> Entries = new Dictionary<string, Entry>
    {
        ["energy.gas_price"] = new("EUR/m3"),
        ["energy.electricity_price"] = new("EUR/kWh"),
        ["emissions.co2_gas"] = new("kg/m3"),
        ["emissions.co2_electricity"] = new("kg/kWh"),
        ["heat_tariffs.variable"] = new("EUR/GJ"),
        ["heat_tariffs.standing_charge"] = new("EUR/year"),
        ["heat_tariffs.metering"] = new("EUR/year"),
        ["heat_tariffs.delivery_set_rent"] = new("EUR/year"),
        ["tax.vat_factor"] = new("factor", 1m, 2m),
        ["heat_demand.calorific_value"] = new("MJ/m3", 20m, 50m),
        ["heat_demand.share_space_heating"] = new("share"),
        ["heat_demand.share_tap_water"] = new("share"),
        ["heat_demand.share_cooking"] = new("share"),
        ["heat_demand.efficiency_space_heating"] = new("factor", 0.5m, 1.2m),
        ["heat_demand.efficiency_tap_water"] = new("factor", 0.3m, 1.2m),
        ["heat_demand.study_conversion_factor"] = new("MJ/m3", 10m, 50m),
        ["heat_demand.space_heating_share_for_savings"] = new("share"),
        ["technology.scop_hybrid"] = new("factor", 1m, 10m),
        ["technology.scop_air_water"] = new("factor", 1m, 10m),
        ["technology.hybrid_heat_share"] = new("share"),
        ["subsidies.isde_heat_pump_share"] = new("share"),
        ["finance.discount_rate"] = new("share", 0m, 0.2m),
        ["finance.indexation"] = new("share", -0.1m, 0.2m),
        ["finance.horizon_years"] = new("years", 1m, 100m),
        ["finance.reinvestment_year"] = new("year", 1m, 100m),
        ["calibration.monthly_omission_per_gas_appliance"] = new("EUR/year"),
        ["loan.interest_rate"] = new("share", 0m, 0.5m),
        ["loan.interest_rate_low_income"] = new("share", 0m, 0.5m),
        ["loan.low_income_threshold"] = new("EUR/year-income"),
        ["loan.term_years"] = new("years", 1m, 50m),
        ["loan.max_amount"] = new("EUR"),
        ["business_case.wacc_public"] = new("share", 0m, 0.2m),
        ["business_case.wacc_commercial"] = new("share", 0m, 0.2m),
        ["business_case.indexation"] = new("share", -0.1m, 0.2m),
        ["business_case.horizon_years"] = new("years", 1m, 100m),
        ["business_case.reinvestment_year"] = new("year", 1m, 100m),
        ["business_case.ramp_up_years"] = new("years", 1m, 30m),
        ["business_case.demand_decline"] = new("share", 0m, 0.2m),
        ["business_case.network_depreciation_years"] = new("years", 1m, 200m),
        ["business_case.design_share"] = new("share"),
        ["business_case.contingency_share"] = new("share"),
        ["regulation.mini_max_connections"] = new("connections"),
        ["regulation.small_max_connections"] = new("connections"),
        ["regulation.wcw_light_max_connections"] = new("connections"),
        ["regulation.wcw_middle_max_connections"] = new("connections"),
        ["regulation.wis_min_connections"] = new("connections"),
        // Uncertainty (issue 13): optional; without them the ranges collapse onto the central figure.
        ["uncertainty.price_whatif_low"] = new("factor", 0.1m, 1m),
        ["uncertainty.price_whatif_high"] = new("factor", 1m, 5m),
        ["uncertainty.investment_margin_collective"] = new("share", 0m, 1m),
        ["uncertainty.investment_margin_installation"] = new("share", 0m, 1m),
        ["uncertainty.investment_margin_adaptation"] = new("share", 0m, 1m),
        ["uncertainty.investment_margin_insulation"] = new("share", 0m, 1m),
        ["uncertainty.investment_margin_connection_fee"] = new("share", 0m, 1m),
    };

    /// <summary>Groups whose parameters may be left out of the content (each one on its own).</summary>
    public static readonly IReadOnlySet<string> OptionalGroups = new HashSet<string> { "uncertainty" };

    public static bool IsOptional(string id) => OptionalGroups.Contains(id[..id.IndexOf('.')]);

    /// <summary>The cost category whose margin each uncertainty parameter sets.</summary>
    private static readonly (string Id, CostCategory Category)[] MarginIds =
    [
        ("uncertainty.investment_margin_installation", CostCategory.Installation),
        ("uncertainty.investment_margin_adaptation", CostCategory.Adaptation),
        ("uncertainty.investment_margin_insulation", CostCategory.Insulation),
        ("uncertainty.investment_margin_connection_fee", CostCategory.ConnectionFee),
    ];

    /// <summary>Participation shares are an open family, like label savings: participation.&lt;name&gt; (optional).</summary>
    public const string ParticipationGroup = "participation";
    public static readonly Entry ParticipationShare = new("share", 0.05m, 1m);

    /// <summary>Label-jump savings are an open family: label_savings.&lt;from&gt;_to_&lt;to&gt;.</summary>
    public const string LabelSavingsGroup = "label_savings";
    public static readonly Entry LabelSaving = new("share");

    public static Entry? Find(string id) =>
        Entries.TryGetValue(id, out var e) ? e
        : id.StartsWith(LabelSavingsGroup + ".", StringComparison.Ordinal) ? LabelSaving
        : id.StartsWith(ParticipationGroup + ".", StringComparison.Ordinal) ? ParticipationShare : null;

    /// <summary>
    /// Builds the calculation's assumptions from resolved parameters; <paramref name="get"/> reports a missing one,
    /// <paramref name="optional"/> returns null for an optional one the content leaves out.
    /// </summary>
    public static Assumptions Build(Func<string, Quantity> get, IReadOnlyDictionary<string, Quantity> labelSavings,
        Func<string, Quantity?>? optional = null, IReadOnlyList<Quantity>? participationShares = null)
    {
        optional ??= _ => null;
        var margins = new Dictionary<CostCategory, Quantity>();
        foreach (var (id, category) in MarginIds)
            if (optional(id) is { } m) margins[category] = m;
        return new()
        {
        PriceWhatIfLow = optional("uncertainty.price_whatif_low"),
        PriceWhatIfHigh = optional("uncertainty.price_whatif_high"),
        CollectiveInvestmentMargin = optional("uncertainty.investment_margin_collective"),
        InvestmentMargins = margins,
        // Ascending and distinct: one row per share.
        ParticipationShares = (participationShares ?? []).DistinctBy(q => q.Value).OrderBy(q => q.Value).ToList(),
        GasPrice = get("energy.gas_price"),
        ElectricityPrice = get("energy.electricity_price"),
        Co2Gas = get("emissions.co2_gas"),
        Co2Electricity = get("emissions.co2_electricity"),
        HeatTariffVariable = get("heat_tariffs.variable"),
        HeatTariffStandingCharge = get("heat_tariffs.standing_charge"),
        HeatTariffMetering = get("heat_tariffs.metering"),
        HeatTariffDeliverySetRent = get("heat_tariffs.delivery_set_rent"),
        VatFactor = get("tax.vat_factor"),
        CalorificValue = get("heat_demand.calorific_value"),
        ShareSpaceHeating = get("heat_demand.share_space_heating"),
        ShareTapWater = get("heat_demand.share_tap_water"),
        ShareCooking = get("heat_demand.share_cooking"),
        EfficiencySpaceHeating = get("heat_demand.efficiency_space_heating"),
        EfficiencyTapWater = get("heat_demand.efficiency_tap_water"),
        StudyConversionFactor = get("heat_demand.study_conversion_factor"),
        SpaceHeatingShareForSavings = get("heat_demand.space_heating_share_for_savings"),
        LabelSavings = labelSavings,
        ScopHybrid = get("technology.scop_hybrid"),
        ScopAirWater = get("technology.scop_air_water"),
        HybridHeatShare = get("technology.hybrid_heat_share"),
        IsdeHeatPumpShare = get("subsidies.isde_heat_pump_share"),
        DiscountRate = get("finance.discount_rate"),
        Indexation = get("finance.indexation"),
        HorizonYears = get("finance.horizon_years"),
        ReinvestmentYear = get("finance.reinvestment_year"),
        MonthlyOmissionPerGasAppliance = get("calibration.monthly_omission_per_gas_appliance"),
        LoanInterestRate = get("loan.interest_rate"),
        LoanInterestRateLowIncome = get("loan.interest_rate_low_income"),
        LoanLowIncomeThreshold = get("loan.low_income_threshold"),
        LoanTermYears = get("loan.term_years"),
        LoanMaxAmount = get("loan.max_amount"),
        WaccPublic = get("business_case.wacc_public"),
        WaccCommercial = get("business_case.wacc_commercial"),
        BusinessIndexation = get("business_case.indexation"),
        BusinessHorizonYears = get("business_case.horizon_years"),
        BusinessReinvestmentYear = get("business_case.reinvestment_year"),
        RampUpYears = get("business_case.ramp_up_years"),
        DemandDecline = get("business_case.demand_decline"),
        NetworkDepreciationYears = get("business_case.network_depreciation_years"),
        DesignShare = get("business_case.design_share"),
        ContingencyShare = get("business_case.contingency_share"),
        MiniMaxConnections = get("regulation.mini_max_connections"),
        SmallMaxConnections = get("regulation.small_max_connections"),
        WcwLightMaxConnections = get("regulation.wcw_light_max_connections"),
        WcwMiddleMaxConnections = get("regulation.wcw_middle_max_connections"),
        WisMinConnections = get("regulation.wis_min_connections"),
        };
    }
}
