namespace SiteGen.Calculation.Inputs;

/// <summary>
/// The shared assumptions one neighbourhood is computed with (after its local overrides), resolved
/// for one date. Formulas read these and hold no numbers of their own.
/// </summary>
public sealed record Assumptions
{
    // Energy prices, incl. VAT (study §8.1).
    public required Quantity GasPrice { get; init; }               // EUR/m3
    public required Quantity ElectricityPrice { get; init; }       // EUR/kWh

    // Emission factors (study §5.5, §6.6).
    public required Quantity Co2Gas { get; init; }                 // kg/m3
    public required Quantity Co2Electricity { get; init; }         // kg/kWh

    // ACM maximum heat tariffs, incl. VAT.
    public required Quantity HeatTariffVariable { get; init; }     // EUR/GJ
    public required Quantity HeatTariffStandingCharge { get; init; } // EUR/year
    public required Quantity HeatTariffMetering { get; init; }     // EUR/year
    public required Quantity HeatTariffDeliverySetRent { get; init; } // EUR/year
    public required Quantity VatFactor { get; init; }              // e.g. 1.21

    // Heat demand (study Bijlage 1).
    public required Quantity CalorificValue { get; init; }         // MJ/m3
    public required Quantity ShareSpaceHeating { get; init; }
    public required Quantity ShareTapWater { get; init; }
    public required Quantity ShareCooking { get; init; }
    public required Quantity EfficiencySpaceHeating { get; init; }
    public required Quantity EfficiencyTapWater { get; init; }
    public required Quantity StudyConversionFactor { get; init; }  // MJ/m3, inferred (MODEL.md §3.2)
    public required Quantity SpaceHeatingShareForSavings { get; init; }
    /// <summary>Savings on space heating per label jump (Tabel 10.1), keyed "f_to_d", "unknown_to_b", ...</summary>
    public required IReadOnlyDictionary<string, Quantity> LabelSavings { get; init; }

    // Technology (Tabel 5.2, §5.2).
    public required Quantity ScopHybrid { get; init; }
    public required Quantity ScopAirWater { get; init; }
    public required Quantity HybridHeatShare { get; init; }

    // Subsidies.
    public required Quantity IsdeHeatPumpShare { get; init; }

    // Resident TCO (chapter 8).
    public required Quantity DiscountRate { get; init; }
    public required Quantity Indexation { get; init; }
    public required Quantity HorizonYears { get; init; }
    public required Quantity ReinvestmentYear { get; init; }
    public required Quantity MonthlyOmissionPerGasAppliance { get; init; } // calibration (MODEL.md §4.5)

    // Financing of the up-front cost: the Nationaal Warmtefonds' Energiebespaarlening (issue 11).
    public required Quantity LoanInterestRate { get; init; }          // share per year (effective)
    public required Quantity LoanInterestRateLowIncome { get; init; } // share per year, income up to the threshold
    public required Quantity LoanLowIncomeThreshold { get; init; }    // EUR/year, joint "verzamelinkomen"
    public required Quantity LoanTermYears { get; init; }             // years
    public required Quantity LoanMaxAmount { get; init; }             // EUR

    // Business case (chapter 7, Bijlage 8), excl. VAT.
    public required Quantity WaccPublic { get; init; }
    public required Quantity WaccCommercial { get; init; }
    public required Quantity BusinessIndexation { get; init; }
    public required Quantity BusinessHorizonYears { get; init; }
    public required Quantity BusinessReinvestmentYear { get; init; }
    public required Quantity RampUpYears { get; init; }
    public required Quantity DemandDecline { get; init; }
    public required Quantity NetworkDepreciationYears { get; init; }
    public required Quantity DesignShare { get; init; }
    public required Quantity ContingencyShare { get; init; }

    // Scale and regulation (NPLW guide §2, §3).
    public required Quantity MiniMaxConnections { get; init; }      // 50
    public required Quantity SmallMaxConnections { get; init; }     // 1,500
    public required Quantity WcwLightMaxConnections { get; init; }  // 10
    public required Quantity WcwMiddleMaxConnections { get; init; } // 1,500
    public required Quantity WisMinConnections { get; init; }       // 250

    // Uncertainty (issue 13). All optional: content without them still loads, and the ranges then
    // collapse onto the central figure (no price range without what-ifs, no cost margin without margins).

    /// <summary>Energy-price what-if "lower" as a factor on today's gas, electricity and variable heat prices (e.g. 0.75). A what-if, not a forecast.</summary>
    public Quantity? PriceWhatIfLow { get; init; }
    /// <summary>Energy-price what-if "higher" as a factor on today's prices (e.g. 1.25).</summary>
    public Quantity? PriceWhatIfHigh { get; init; }
    /// <summary>Margin (share, e.g. 0.30 for +/-30%) on the resident's one-off costs per category; a category without one has none.</summary>
    public IReadOnlyDictionary<CostCategory, Quantity> InvestmentMargins { get; init; } = new Dictionary<CostCategory, Quantity>();
    /// <summary>Margin on the heat company's investment (business-case CAPEX), e.g. the study's +/-30% (ch. 7).</summary>
    public Quantity? CollectiveInvestmentMargin { get; init; }
    /// <summary>Shares of homes that join a heat network for which the funding gap is computed (e.g. 0.5, 0.7, 0.8, 1.0), ascending.</summary>
    public IReadOnlyList<Quantity> ParticipationShares { get; init; } = [];

    /// <summary>The margin on one cost category, 0 when the content gives none.</summary>
    public decimal InvestmentMargin(CostCategory category) =>
        InvestmentMargins.TryGetValue(category, out var m) ? m.Value : 0m;
}
