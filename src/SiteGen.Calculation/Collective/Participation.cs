using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Collective;

/// <summary>
/// The heat company's funding gap when a given share of the homes joins (issue 13). Amounts excl. VAT,
/// public operator (Tabel 7.5's WACC), without subsidy: WIS eligibility and amount depend on the number of
/// connections, which is what varies here.
/// </summary>
/// <param name="Share">Share of the homes (WEQ) that connects.</param>
/// <param name="ShareSource">Where that share comes from (guide, study, or the municipality's setting).</param>
/// <param name="IsStudyCase">True for the connection rate the study itself assumes for this variant.</param>
/// <param name="FundingGapLow">Funding gap with the investment at (1 - collective margin); equal to the total without a margin.</param>
/// <param name="FundingGapHigh">Funding gap with the investment at (1 + collective margin).</param>
/// <param name="ContributionPerHome">
/// The gap per connection incl. VAT: what each connected home would pay if the whole gap were passed on
/// as a connection contribution (BAK, study §8.2 names this as one way to cover it).
/// </param>
public sealed record ParticipationCase(
    decimal Share,
    Citation ShareSource,
    bool IsStudyCase,
    decimal Connections,
    Operator Operator,
    decimal Wacc,
    decimal FundingGapTotal,
    decimal FundingGapPerConnection,
    decimal FundingGapLow,
    decimal FundingGapHigh,
    decimal ContributionPerHome);

public static class Participation
{
    /// <summary>
    /// The business case with the connection rate set to each share of <see cref="Assumptions.ParticipationShares"/>.
    /// What follows the number of connections: revenue (fixed tariffs per connection, heat sold), the electricity
    /// cost of producing the heat (scaled with the heat delivered), and the investments made per connection
    /// (delivery sets, individual heat pumps) and a fixed cold fee. What does not: the network, heat source, plant, grid connection,
    /// maintenance and management, which are built and run for the whole area. At the study's own rate the
    /// result equals the central business case exactly.
    /// </summary>
    public static IReadOnlyList<ParticipationCase> Compute(CollectiveInput c, Assumptions a, HeatDemandMethod method)
    {
        if (a.ParticipationShares.Count == 0) return [];
        var baseTechnics = HeatNetworkTechnics.Compute(c, a, method);
        decimal margin = a.CollectiveInvestmentMargin?.Value ?? 0m;
        var result = new List<ParticipationCase>(a.ParticipationShares.Count);
        foreach (var share in a.ParticipationShares.DistinctBy(q => q.Value).OrderBy(q => q.Value))
        {
            var input = AtRate(c, share, baseTechnics, a, method);
            var t = HeatNetworkTechnics.Compute(input, a, method);
            var gap = BusinessCase.Compute(input, t, a).Gap(Operator.Public, SubsidyCase.None);
            decimal low = margin == 0m ? gap.Total : BusinessCase.Compute(input, t, a, 1m - margin).Gap(Operator.Public, SubsidyCase.None).Total;
            decimal high = margin == 0m ? gap.Total : BusinessCase.Compute(input, t, a, 1m + margin).Gap(Operator.Public, SubsidyCase.None).Total;
            result.Add(new ParticipationCase(share.Value, share.Source, share.Value == c.ConnectionRate.Value, t.ConnectedWeq,
                Operator.Public, gap.Wacc, gap.Total, gap.PerConnection, low, high, gap.PerConnection * a.VatFactor.Value));
        }
        return result;
    }

    private static CollectiveInput AtRate(CollectiveInput c, Quantity share, HeatNetworkTechnics baseTechnics, Assumptions a, HeatDemandMethod method)
    {
        if (share.Value == c.ConnectionRate.Value) return c;
        decimal heatRatio = share.Value / c.ConnectionRate.Value;
        var probe = Copy(c, share, c.Capex, c.OpexElectricity, c.TotalElectricityMWh);
        decimal connectionRatio = HeatNetworkTechnics.Compute(probe, a, method).ConnectedWeq / baseTechnics.ConnectedWeq;
        var capex = c.Capex.Select(k => k.Role is CapexRole.DeliverySets or CapexRole.IndividualHeatPumps
            ? k with { Amount = k.Amount with { Value = k.Amount.Value * connectionRatio } }
            : k).ToList();
        // A fixed cold fee is paid per connection (Tabel 7.3: 231.7 per WEQ), so it follows the connections too.
        var cold = c.ColdRevenue is { } q ? q with { Value = q.Value * connectionRatio } : (Quantity?)null;
        return Copy(c, share, capex,
            c.OpexElectricity with { Value = c.OpexElectricity.Value * heatRatio },
            c.TotalElectricityMWh with { Value = c.TotalElectricityMWh.Value * heatRatio }, cold);
    }

    private static CollectiveInput Copy(CollectiveInput c, Quantity rate, IReadOnlyList<CapexComponent> capex, Quantity opexElectricity,
        Quantity electricityMWh, Quantity? cold = null) => new()
    {
        Dwellings = c.Dwellings,
        DwellingHeatGJ = c.DwellingHeatGJ,
        UtilityBuildings = c.UtilityBuildings,
        UtilityHeatGJ = c.UtilityHeatGJ,
        ConnectionRate = rate,
        NetworkLoss = c.NetworkLoss,
        TotalElectricityMWh = electricityMWh,
        Capex = capex,
        OpexElectricity = opexElectricity,
        OpexMaintenance = c.OpexMaintenance,
        OpexManagement = c.OpexManagement,
        DeliverySetRental = c.DeliverySetRental,
        ColdRevenue = cold ?? c.ColdRevenue,
        Wis = c.Wis,
        SdeAnnual = c.SdeAnnual,
        SdeYears = c.SdeYears,
        SolarThermal = c.SolarThermal,
        Method = c.Method,
        PublishedFundingGaps = c.PublishedFundingGaps,
    };
}
