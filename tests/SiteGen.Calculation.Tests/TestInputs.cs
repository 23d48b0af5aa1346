using SiteGen.Calculation.Collective;
using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Tests;

/// <summary>
/// Test-data builder: the study's assumptions (MODEL.md §2) with dummy citations, two reference dwellings
/// (RW1, RW2), one variant of each kind and the collective inputs of V4 / V5, built in code so that the
/// unit tests never read content/.
/// </summary>
internal static class TestInputs
{
    public const string Rw1 = "rw1";   // detached < 1980, label F: 1,400 m3 now, 1,280 at D, 1,100 at B
    public const string Rw2 = "rw2";   // terraced 1980-2000, label D: 1,200 m3 now and at D, 1,030 at B

    public static Citation Cite(string key, Basis basis = Basis.Stated) => new(key, "test: " + key, basis);
    public static Quantity Q(decimal value, string key = "test") => new(value, Cite(key));

    /// <summary>The study's values; change a field, then <see cref="Build"/>.</summary>
    public sealed class AssumptionsBuilder
    {
        public decimal GasPrice = 1.14m, ElectricityPrice = 0.26m, Co2Gas = 1.788m, Co2Electricity = 0.34m;
        public decimal HeatTariffVariable = 43.79m, HeatTariffStandingCharge = 577.48m, HeatTariffMetering = 32.80m,
            HeatTariffDeliverySetRent = 150.49m, VatFactor = 1.21m;
        public decimal CalorificValue = 31.65m, ShareSpaceHeating = 0.78m, ShareTapWater = 0.20m, ShareCooking = 0.02m,
            EfficiencySpaceHeating = 1.04m, EfficiencyTapWater = 0.72m, StudyConversionFactor = 30.954m,
            SpaceHeatingShareForSavings = 0.80m;
        public Dictionary<string, decimal> LabelSavings = new()
        {
            ["g_to_d"] = 0.11m, ["f_to_d"] = 0.11m, ["e_to_d"] = 0.08m, ["unknown_to_d"] = 0.16m,
            ["g_to_b"] = 0.25m, ["f_to_b"] = 0.27m, ["e_to_b"] = 0.25m, ["d_to_b"] = 0.19m, ["c_to_b"] = 0.12m,
            ["unknown_to_b"] = 0.26m,
        };
        public decimal ScopHybrid = 4.3m, ScopAirWater = 4.0m, HybridHeatShare = 0.70m, IsdeHeatPumpShare = 0.30m;
        public decimal DiscountRate = 0.02m, Indexation = 0.02m, HorizonYears = 30m, ReinvestmentYear = 15m,
            MonthlyOmissionPerGasAppliance = 157.5m;
        public decimal LoanInterestRate = 0.0435m, LoanInterestRateLowIncome = 0m, LoanLowIncomeThreshold = 60000m,
            LoanTermYears = 10m, LoanMaxAmount = 27000m;
        public decimal WaccPublic = 0.046m, WaccCommercial = 0.073m, BusinessIndexation = 0.02m, BusinessHorizonYears = 30m,
            BusinessReinvestmentYear = 15m, RampUpYears = 5m, DemandDecline = 0.005m, NetworkDepreciationYears = 50m,
            DesignShare = 0.10m, ContingencyShare = 0.10m;
        public decimal MiniMaxConnections = 50m, SmallMaxConnections = 1500m, WcwLightMaxConnections = 10m,
            WcwMiddleMaxConnections = 1500m, WisMinConnections = 250m;
        // Uncertainty (issue 13): none unless a test sets it.
        public decimal? PriceWhatIfLow, PriceWhatIfHigh, CollectiveInvestmentMargin;
        public Dictionary<CostCategory, decimal> InvestmentMargins = [];
        public decimal[] ParticipationShares = [];

        public Assumptions Build() => new()
        {
            GasPrice = Q(GasPrice, "energy.gas_price"),
            ElectricityPrice = Q(ElectricityPrice, "energy.electricity_price"),
            Co2Gas = Q(Co2Gas, "emissions.gas"),
            Co2Electricity = Q(Co2Electricity, "emissions.electricity"),
            HeatTariffVariable = Q(HeatTariffVariable, "heat_tariffs.variable"),
            HeatTariffStandingCharge = Q(HeatTariffStandingCharge, "heat_tariffs.standing_charge"),
            HeatTariffMetering = Q(HeatTariffMetering, "heat_tariffs.metering"),
            HeatTariffDeliverySetRent = Q(HeatTariffDeliverySetRent, "heat_tariffs.delivery_set_rent"),
            VatFactor = Q(VatFactor, "tax.vat_factor"),
            CalorificValue = Q(CalorificValue, "heat_demand.calorific_value"),
            ShareSpaceHeating = Q(ShareSpaceHeating, "heat_demand.share_space_heating"),
            ShareTapWater = Q(ShareTapWater, "heat_demand.share_tap_water"),
            ShareCooking = Q(ShareCooking, "heat_demand.share_cooking"),
            EfficiencySpaceHeating = Q(EfficiencySpaceHeating, "heat_demand.efficiency_space_heating"),
            EfficiencyTapWater = Q(EfficiencyTapWater, "heat_demand.efficiency_tap_water"),
            StudyConversionFactor = new(StudyConversionFactor, Cite("heat_demand.study_conversion_factor", Basis.Inferred)),
            SpaceHeatingShareForSavings = Q(SpaceHeatingShareForSavings, "heat_demand.space_heating_share_for_savings"),
            LabelSavings = LabelSavings.ToDictionary(kv => kv.Key, kv => Q(kv.Value, "label_savings." + kv.Key)),
            ScopHybrid = Q(ScopHybrid, "technology.scop_hybrid"),
            ScopAirWater = Q(ScopAirWater, "technology.scop_air_water"),
            HybridHeatShare = Q(HybridHeatShare, "technology.hybrid_heat_share"),
            IsdeHeatPumpShare = Q(IsdeHeatPumpShare, "subsidies.isde_heat_pump_share"),
            DiscountRate = Q(DiscountRate, "finance.discount_rate"),
            Indexation = Q(Indexation, "finance.indexation"),
            HorizonYears = Q(HorizonYears, "finance.horizon_years"),
            ReinvestmentYear = Q(ReinvestmentYear, "finance.reinvestment_year"),
            MonthlyOmissionPerGasAppliance = new(MonthlyOmissionPerGasAppliance,
                Cite("calibration.monthly_omission_per_gas_appliance", Basis.Calibration)),
            LoanInterestRate = Q(LoanInterestRate, "loan.interest_rate"),
            LoanInterestRateLowIncome = Q(LoanInterestRateLowIncome, "loan.interest_rate_low_income"),
            LoanLowIncomeThreshold = Q(LoanLowIncomeThreshold, "loan.low_income_threshold"),
            LoanTermYears = Q(LoanTermYears, "loan.term_years"),
            LoanMaxAmount = Q(LoanMaxAmount, "loan.max_amount"),
            WaccPublic = Q(WaccPublic, "business_case.wacc_public"),
            WaccCommercial = Q(WaccCommercial, "business_case.wacc_commercial"),
            BusinessIndexation = Q(BusinessIndexation, "business_case.indexation"),
            BusinessHorizonYears = Q(BusinessHorizonYears, "business_case.horizon_years"),
            BusinessReinvestmentYear = Q(BusinessReinvestmentYear, "business_case.reinvestment_year"),
            RampUpYears = Q(RampUpYears, "business_case.ramp_up_years"),
            DemandDecline = Q(DemandDecline, "business_case.demand_decline"),
            NetworkDepreciationYears = Q(NetworkDepreciationYears, "business_case.network_depreciation_years"),
            DesignShare = Q(DesignShare, "business_case.design_share"),
            ContingencyShare = Q(ContingencyShare, "business_case.contingency_share"),
            MiniMaxConnections = Q(MiniMaxConnections, "regulation.mini_max_connections"),
            SmallMaxConnections = Q(SmallMaxConnections, "regulation.small_max_connections"),
            WcwLightMaxConnections = Q(WcwLightMaxConnections, "regulation.wcw_light_max_connections"),
            WcwMiddleMaxConnections = Q(WcwMiddleMaxConnections, "regulation.wcw_middle_max_connections"),
            WisMinConnections = Q(WisMinConnections, "regulation.wis_min_connections"),
            PriceWhatIfLow = PriceWhatIfLow is { } lo ? new Quantity(lo, Cite("uncertainty.price_whatif_low", Basis.Assumption)) : null,
            PriceWhatIfHigh = PriceWhatIfHigh is { } hi ? new Quantity(hi, Cite("uncertainty.price_whatif_high", Basis.Assumption)) : null,
            CollectiveInvestmentMargin = CollectiveInvestmentMargin is { } cm ? Q(cm, "uncertainty.investment_margin_collective") : null,
            InvestmentMargins = InvestmentMargins.ToDictionary(kv => kv.Key, kv => new Quantity(kv.Value, Cite("uncertainty.margin." + kv.Key, Basis.Assumption))),
            ParticipationShares = ParticipationShares.Select(x => Q(x, "participation." + x)).ToList(),
        };
    }

    public static Assumptions StudyAssumptions() => new AssumptionsBuilder().Build();

    // ---- Dwellings (Tabel 5.1) ----

    public static DwellingInput Rw1Dwelling() => new()
    {
        Id = Rw1, Label = "F", GasCurrent = Q(1400m, "gas.rw1.current"),
        GasLabelD = Q(1280m, "gas.rw1.label_d"), GasLabelB = Q(1100m, "gas.rw1.label_b"),
    };

    public static DwellingInput Rw2Dwelling() => new()
    {
        Id = Rw2, Label = "D", GasCurrent = Q(1200m, "gas.rw2.current"),
        GasLabelD = Q(1200m, "gas.rw2.label_d"), GasLabelB = Q(1030m, "gas.rw2.label_b"),
    };

    public static DwellingInput Dwelling(string id, string label, decimal gasCurrent, decimal? gasLabelD) => new()
    {
        Id = id, Label = label, GasCurrent = Q(gasCurrent),
        GasLabelD = gasLabelD is { } g ? Q(g) : null,
    };

    // ---- Cost items (Tabel 8.5-8.8) ----

    public static PlannedCost Cost(string id, decimal amount, CostCategory category = CostCategory.Installation,
        bool replaced = false, PlannedSubsidy? subsidy = null) =>
        new(id, id, category, Q(amount, "costs." + id), replaced, subsidy);

    public static PlannedSubsidy ShareSubsidy(string id, decimal share) => new(id, id, Q(share, "subsidies." + id), null);
    public static PlannedSubsidy FixedSubsidy(string id, decimal amount) => new(id, id, null, Q(amount, "subsidies." + id));

    private static IReadOnlyList<AnnualCost> Fixed(params (string Id, decimal Amount)[] lines) =>
        lines.Select(l => new AnnualCost(l.Id, l.Id, Q(l.Amount, "fixed." + l.Id))).ToList();

    /// <summary>V1: boiler 1,900 at year 0 and 15; fixed 580.25; one gas appliance left out of the monthly cost.</summary>
    public static VariantInput GasBoiler(IReadOnlyDictionary<string, InsulationTarget>? insulation = null) => new()
    {
        Id = "v1-gas-boiler",
        Kind = VariantKind.GasBoiler,
        FixedCosts = Fixed(("gas_connection", 580.25m)),
        Costs = new Dictionary<string, IReadOnlyList<PlannedCost>>
        {
            [Rw1] = [Cost("gas_boiler", 1900m, replaced: true)],
            [Rw2] = [Cost("gas_boiler", 1900m, replaced: true)],
        },
        Insulation = insulation ?? new Dictionary<string, InsulationTarget>(),
        GasAppliances = 1,
    };

    /// <summary>V2: hybrid HP with 30% ISDE, replaced at year 15; RW1 insulated to D; published variable costs and electricity.</summary>
    public static VariantInput Hybrid() => new()
    {
        Id = "v2-hybrid",
        Kind = VariantKind.HybridHeatPump,
        FixedCosts = Fixed(("gas_connection", 580.25m)),
        Costs = new Dictionary<string, IReadOnlyList<PlannedCost>>
        {
            [Rw1] =
            [
                Cost("hybrid_heat_pump", 8590m, replaced: true, subsidy: ShareSubsidy("isde_heat_pump", 0.30m)),
                Cost("electric_cooking", 1450m, CostCategory.Adaptation),
                Cost("low_temperature_heating", 3040m, CostCategory.Adaptation),
                Cost("ventilation", 3740m, CostCategory.Adaptation),
                Cost("insulation_label_d", 10560m, CostCategory.Insulation, subsidy: FixedSubsidy("isde_insulation_d", 3170m)),
            ],
            [Rw2] =
            [
                Cost("hybrid_heat_pump", 7500m, replaced: true, subsidy: ShareSubsidy("isde_heat_pump", 0.30m)),
                Cost("electric_cooking", 1450m, CostCategory.Adaptation),
                Cost("low_temperature_heating", 3040m, CostCategory.Adaptation),
            ],
        },
        Insulation = new Dictionary<string, InsulationTarget> { [Rw1] = InsulationTarget.LabelD },
        GasAppliances = 2,
        VariableCostOverride = new Dictionary<string, Quantity> { [Rw1] = Q(950m, "v2.variable.rw1"), [Rw2] = Q(910m, "v2.variable.rw2") },
        PublishedElectricityKwh = new Dictionary<string, Quantity> { [Rw1] = Q(1800m, "tabel_5_2.rw1"), [Rw2] = Q(1800m, "tabel_5_2.rw2") },
    };

    /// <summary>V3: air/water HP with 30% ISDE, RW1 and RW2 insulated to B, the 381 calibration one-off.</summary>
    public static VariantInput AirWater() => new()
    {
        Id = "v3-air-water",
        Kind = VariantKind.AirWaterHeatPump,
        FixedCosts = Fixed(("heat_pump_maintenance", 270m)),
        Costs = new Dictionary<string, IReadOnlyList<PlannedCost>>
        {
            [Rw1] =
            [
                Cost("air_water_heat_pump", 16540m, replaced: true, subsidy: ShareSubsidy("isde_heat_pump", 0.30m)),
                Cost("electric_cooking", 1450m, CostCategory.Adaptation),
                Cost("low_temperature_heating", 3040m, CostCategory.Adaptation),
                Cost("ventilation", 3740m, CostCategory.Adaptation),
                Cost("insulation_label_b", 36160m, CostCategory.Insulation, subsidy: FixedSubsidy("isde_insulation_b", 10850m)),
                Cost("unexplained_air_water", 381m, CostCategory.Calibration),
            ],
            [Rw2] =
            [
                Cost("air_water_heat_pump", 16540m, replaced: true, subsidy: ShareSubsidy("isde_heat_pump", 0.30m)),
                Cost("electric_cooking", 1450m, CostCategory.Adaptation),
                Cost("low_temperature_heating", 3040m, CostCategory.Adaptation),
                Cost("ventilation", 3740m, CostCategory.Adaptation),
                Cost("insulation_label_b", 14030m, CostCategory.Insulation, subsidy: FixedSubsidy("isde_insulation_b", 4210m)),
                Cost("unexplained_air_water", 381m, CostCategory.Calibration),
            ],
        },
        Insulation = new Dictionary<string, InsulationTarget> { [Rw1] = InsulationTarget.LabelB, [Rw2] = InsulationTarget.LabelB },
        PublishedElectricityKwh = new Dictionary<string, Quantity> { [Rw1] = Q(2800m, "tabel_5_2.rw1"), [Rw2] = Q(2800m, "tabel_5_2.rw2") },
    };

    /// <summary>V4: mini heat network; ACM fixed charges in three lines (760.77); RW1 insulated to D; BAK fully covered by ISDE.</summary>
    public static VariantInput HeatNetwork(CollectiveInput? collective) => new()
    {
        Id = "v4-mini",
        Kind = VariantKind.HeatNetwork,
        FixedCosts = Fixed(("standing_charge", 577.48m), ("metering", 32.80m), ("delivery_set_rent", 150.49m)),
        Costs = new Dictionary<string, IReadOnlyList<PlannedCost>>
        {
            [Rw1] =
            [
                Cost("electric_cooking", 1450m, CostCategory.Adaptation),
                Cost("in_house_adaptations", 6380m, CostCategory.Adaptation),
                Cost("insulation_label_d", 10560m, CostCategory.Insulation, subsidy: FixedSubsidy("isde_insulation_d", 3170m)),
                Cost("connection_contribution", 3775m, CostCategory.ConnectionFee, subsidy: FixedSubsidy("isde_connection", 3775m)),
            ],
            [Rw2] =
            [
                Cost("electric_cooking", 1450m, CostCategory.Adaptation),
                Cost("in_house_adaptations", 6380m, CostCategory.Adaptation),
                Cost("connection_contribution", 3775m, CostCategory.ConnectionFee, subsidy: FixedSubsidy("isde_connection", 3775m)),
            ],
        },
        Insulation = new Dictionary<string, InsulationTarget> { [Rw1] = InsulationTarget.LabelD },
        Collective = collective,
    };

    // ---- Collective inputs (Tabel 10.6, 6.1, 6.3, 7.1-7.4), excl. VAT ----

    public static CapexComponent Capex(string id, CapexRole role, decimal amount) => new(id, id, role, Q(amount, "capex." + id));

    /// <summary>V4 mini network: 41 dwellings, 1,286 GJ, 100% connected, 25% loss, 186 MWh; SDE++ 14,000/yr for 15 years.</summary>
    public static CollectiveInput MiniCollective(BusinessCaseMethod? method = null, decimal? wis = null,
        IReadOnlyDictionary<(Operator, SubsidyCase), Quantity>? published = null) => new()
    {
        Dwellings = Q(41m), DwellingHeatGJ = Q(1286m), UtilityBuildings = Q(0m), UtilityHeatGJ = Q(0m),
        ConnectionRate = Q(1.00m), NetworkLoss = Q(0.25m), TotalElectricityMWh = Q(186m),
        Capex =
        [
            Capex("heat_pump_plant", CapexRole.HeatPumpPlant, 138_000m),
            Capex("network", CapexRole.Network, 600_000m),
            Capex("delivery_sets", CapexRole.DeliverySets, 65_600m),
            Capex("grid_connection", CapexRole.GridConnection, 34_000m),
        ],
        OpexElectricity = Q(26_000m), OpexMaintenance = Q(11_000m), OpexManagement = Q(3_000m),
        DeliverySetRental = true,
        Wis = wis is { } w ? Q(w) : null,
        SdeAnnual = Q(14_000m), SdeYears = Q(15m),
        Method = method ?? BusinessCaseMethod.Literal,
        PublishedFundingGaps = published ?? new Dictionary<(Operator, SubsidyCase), Quantity>(),
    };

    /// <summary>V5 small network: 393 dwellings, 9,370 GJ, 80% connected (-> 315 WEQ), 5% loss, 830 MWh, WIS 893,000, cold fee 73,000.</summary>
    public static CollectiveInput SmallCollective(BusinessCaseMethod? method = null, decimal? wis = 893_000m) => new()
    {
        Dwellings = Q(393m), DwellingHeatGJ = Q(9370m), UtilityBuildings = Q(0m), UtilityHeatGJ = Q(0m),
        ConnectionRate = Q(0.80m), NetworkLoss = Q(0.05m), TotalElectricityMWh = Q(830m),
        Capex =
        [
            Capex("ates", CapexRole.HeatSource, 398_000m),
            Capex("heat_pump_plant", CapexRole.HeatPumpPlant, 444_000m),
            Capex("network", CapexRole.Network, 2_230_000m),
            Capex("individual_heat_pumps", CapexRole.IndividualHeatPumps, 4_410_000m),
        ],
        OpexElectricity = Q(162_000m), OpexMaintenance = Q(143_000m), OpexManagement = Q(25_000m),
        DeliverySetRental = false,
        ColdRevenue = Q(73_000m),
        Wis = wis is { } w ? Q(w) : null,
        Method = method ?? BusinessCaseMethod.Literal,
    };

    /// <summary>A network of <paramref name="dwellings"/> dwellings, no utility, to place connected WEQ where a test wants it.</summary>
    public static CollectiveInput SizedCollective(decimal dwellings, decimal connectionRate = 1m, decimal dwellingHeatGJ = 0m,
        decimal utilityBuildings = 0m, decimal utilityHeatGJ = 0m, decimal? wis = null) => new()
    {
        Dwellings = Q(dwellings),
        DwellingHeatGJ = Q(dwellingHeatGJ == 0m ? dwellings * 30m : dwellingHeatGJ),
        UtilityBuildings = Q(utilityBuildings), UtilityHeatGJ = Q(utilityHeatGJ),
        ConnectionRate = Q(connectionRate), NetworkLoss = Q(0.10m), TotalElectricityMWh = Q(dwellings * 3m),
        Capex = [Capex("network", CapexRole.Network, dwellings * 10_000m)],
        OpexElectricity = Q(0m), OpexMaintenance = Q(0m), OpexManagement = Q(0m),
        DeliverySetRental = false,
        Wis = wis is { } w ? Q(w) : null,
        Method = BusinessCaseMethod.Literal,
    };

    public static NeighbourhoodInput Neighbourhood(HeatDemandMethod method, Assumptions? assumptions = null,
        IReadOnlyList<DwellingInput>? dwellings = null, IReadOnlyList<VariantInput>? variants = null) => new()
    {
        Id = "test/neighbourhood",
        Method = method,
        Assumptions = assumptions ?? StudyAssumptions(),
        Dwellings = dwellings ?? [Rw1Dwelling(), Rw2Dwelling()],
        Variants = variants ?? [GasBoiler(), Hybrid(), AirWater(), HeatNetwork(MiniCollective())],
    };

    public static Resident.Tco TcoFor(HeatDemandMethod method, Assumptions? assumptions = null) =>
        new(Neighbourhood(method, assumptions));

    public static HeatNetworkTechnics Technics(CollectiveInput c, HeatDemandMethod method = HeatDemandMethod.Study,
        Assumptions? assumptions = null) => HeatNetworkTechnics.Compute(c, assumptions ?? StudyAssumptions(), method);
}

/// <summary>Assertions with a tolerance for values the core computes in decimal and a test derives another way.</summary>
internal static class Approx
{
    public static void Equal(decimal expected, decimal actual, decimal tolerance = 0.000_000_001m)
    {
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"expected {expected} but got {actual} (difference {actual - expected}, tolerance {tolerance})");
    }

    public static void Relative(double expected, decimal actual, double relative = 1e-9)
    {
        double a = (double)actual;
        Assert.True(Math.Abs(a - expected) <= relative * Math.Abs(expected),
            $"expected {expected:R} but got {actual} (relative difference {Math.Abs(a - expected) / Math.Abs(expected):E2}, allowed {relative:E0})");
    }
}
