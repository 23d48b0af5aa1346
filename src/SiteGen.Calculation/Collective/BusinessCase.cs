using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Collective;

public sealed record Revenue(decimal StandingCharge, decimal Metering, decimal DeliverySetRent, decimal Variable, decimal Cold)
{
    public decimal Fixed => StandingCharge + Metering + DeliverySetRent + Cold;
    public decimal Total => Fixed + Variable;
}

public sealed record Opex(decimal Electricity, decimal Maintenance, decimal Management)
{
    public decimal Total => Electricity + Maintenance + Management;
}

/// <summary>
/// One funding gap (onrendabele top): what the heat company needs at year 0 for a zero NPV.
/// <paramref name="Applicable"/> is false when the subsidy case does not apply (no amount, or not eligible);
/// the gap then equals the case without that subsidy.
/// </summary>
public sealed record FundingGap(
    Operator Operator,
    SubsidyCase Subsidy,
    decimal Wacc,
    decimal Total,
    decimal PerConnection,
    bool Applicable,
    Quantity? Published);

public sealed record BusinessCaseResult(
    decimal CapexBase,
    decimal Design,
    decimal Contingency,
    decimal Capex,
    decimal CapexPerConnection,
    Revenue RevenueYear0,
    Opex OpexYear0,
    decimal WisPresentValue,
    IReadOnlyList<FundingGap> FundingGaps)
{
    public FundingGap Gap(Operator op, SubsidyCase s) => FundingGaps.First(g => g.Operator == op && g.Subsidy == s);
}

/// <summary>The heat company's cash-flow model (MODEL.md §7.2, switches of §7.3). Amounts excl. VAT.</summary>
public static class BusinessCase
{
    public static readonly SubsidyCase[] SubsidyCases = [SubsidyCase.None, SubsidyCase.Wis, SubsidyCase.Sde, SubsidyCase.WisAndSde];
    public static readonly Operator[] Operators = [Operator.Public, Operator.Commercial];

    /// <param name="capexFactor">
    /// Multiplies every investment component (and so design, contingency, reinvestment and residual value):
    /// 1 for the central case, 1 -/+ the collective investment margin for the low/high funding gap.
    /// </param>
    public static BusinessCaseResult Compute(CollectiveInput c, HeatNetworkTechnics t, Assumptions a, decimal capexFactor = 1m)
    {
        var m = c.Method;
        decimal capexBase = 0m, network = 0m, reinvested = 0m;
        foreach (var comp in c.Capex)
        {
            decimal amount = comp.Amount.Value * capexFactor;
            capexBase += amount;
            if (comp.Role == CapexRole.Network) network += amount;
            if (m.Reinvested.Contains(comp.Role)) reinvested += amount;
        }
        decimal design = a.DesignShare.Value * capexBase;
        decimal contingency = a.ContingencyShare.Value * capexBase;
        decimal surcharge = 1m + a.DesignShare.Value + a.ContingencyShare.Value;
        decimal capex = capexBase + design + contingency;

        // ACM tariffs are published incl. VAT; the heat company's revenue is excl. VAT.
        decimal n = t.ConnectedWeq, vat = a.VatFactor.Value;
        var revenue = new Revenue(
            StandingCharge: n * a.HeatTariffStandingCharge.Value / vat,
            Metering: n * a.HeatTariffMetering.Value / vat,
            DeliverySetRent: c.DeliverySetRental ? n * a.HeatTariffDeliverySetRent.Value / vat : 0m,
            Variable: t.ConnectedDemandGJ * a.HeatTariffVariable.Value / vat,
            Cold: c.ColdRevenue?.Value ?? 0m);
        var opex = new Opex(c.OpexElectricity.Value, c.OpexMaintenance.Value, c.OpexManagement.Value);

        int horizon = (int)a.BusinessHorizonYears.Value;
        int reinvestYear = (int)a.BusinessReinvestmentYear.Value;
        decimal rampYears = a.RampUpYears.Value;
        decimal growth = 1m + a.BusinessIndexation.Value;
        decimal keep = 1m - a.DemandDecline.Value;

        var flows = new decimal[horizon + 2];
        flows[0] = -capex;
        decimal index = 1m, decline = 1m;
        for (int year = 1; year <= horizon; year++)
        {
            if (m.Indexed) index *= growth;
            if (year > 1) decline *= keep;
            decimal ramp = Math.Min((m.RampUpFromYearZero ? year : year - 1) / rampYears, 1m);
            decimal fixedShare = m.RampUpVariableFlowsOnly ? 1m : ramp;
            decimal income = revenue.Fixed * fixedShare + revenue.Variable * ramp * decline;
            decimal cost = opex.Electricity * ramp * decline + opex.Maintenance + opex.Management;
            flows[year] = (income - cost) * index;
        }
        flows[reinvestYear] -= (m.SurchargesOnReinvestment ? surcharge : 1m) * reinvested
                               * (m.Indexed ? DecimalMath.Pow(growth, reinvestYear) : 1m);
        // Residual book value of the network (straight line) after the horizon, not indexed (§7.9).
        decimal life = a.NetworkDepreciationYears.Value;
        flows[horizon + 1] += surcharge * network * (life - horizon) / life;

        decimal wis = t.WisEligible && c.Wis is { } w ? w.Value : 0m;
        var gaps = new List<FundingGap>(8);
        foreach (var op in Operators)
        {
            decimal wacc = op == Operator.Public ? a.WaccPublic.Value : a.WaccCommercial.Value;
            decimal gapNone = -PresentValue(flows, wacc);
            decimal sde = SdePresentValue(c, wacc);
            foreach (var sc in SubsidyCases)
            {
                bool wantsWis = sc.HasFlag(SubsidyCase.Wis), wantsSde = sc.HasFlag(SubsidyCase.Sde);
                bool applicable = (!wantsWis || wis > 0) && (!wantsSde || sde > 0);
                decimal total = gapNone - (wantsWis ? wis : 0m) - (wantsSde ? sde : 0m);
                c.PublishedFundingGaps.TryGetValue((op, sc), out var published);
                gaps.Add(new FundingGap(op, sc, wacc, total, total / n, applicable,
                    c.PublishedFundingGaps.ContainsKey((op, sc)) ? published : null));
            }
        }
        return new BusinessCaseResult(capexBase, design, contingency, capex, capex / n, revenue, opex, wis, gaps);
    }

    public static decimal PresentValue(decimal[] flows, decimal rate)
    {
        decimal pv = 0m, discount = 1m, factor = 1m / (1m + rate);
        for (int year = 0; year < flows.Length; year++)
        {
            pv += flows[year] * discount;
            discount *= factor;
        }
        return pv;
    }

    /// <summary>SDE++ as a flat, unindexed yearly amount from year 1 (MODEL.md §7.2).</summary>
    private static decimal SdePresentValue(CollectiveInput c, decimal wacc)
    {
        if (c.SdeAnnual is not { } annual || c.SdeYears is not { } years) return 0m;
        decimal pv = 0m, discount = 1m, factor = 1m / (1m + wacc);
        for (int year = 1; year <= (int)years.Value; year++)
        {
            discount *= factor;
            pv += annual.Value * discount;
        }
        return pv;
    }
}
