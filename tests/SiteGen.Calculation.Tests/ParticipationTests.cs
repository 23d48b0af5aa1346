using SiteGen.Calculation.Collective;
using SiteGen.Calculation.Inputs;
using static SiteGen.Calculation.Tests.TestInputs;

namespace SiteGen.Calculation.Tests;

/// <summary>Take-up of a heat network (issue 13): the funding gap at lower participation.</summary>
public class ParticipationTests
{
    private static Assumptions WithShares(decimal? margin = 0.30m) => new AssumptionsBuilder
    {
        ParticipationShares = [1.0m, 0.5m, 0.8m, 0.7m], CollectiveInvestmentMargin = margin,
    }.Build();

    public static TheoryData<string> Networks => new() { "mini", "small" };

    private static CollectiveInput Network(string which) => which == "mini" ? MiniCollective() : SmallCollective();

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_gap_per_connection_rises_as_participation_falls(string which)
    {
        var cases = Participation.Compute(Network(which), WithShares(), HeatDemandMethod.Study);
        Assert.Equal([0.5m, 0.7m, 0.8m, 1.0m], cases.Select(c => c.Share));
        for (int i = 1; i < cases.Count; i++)
        {
            Assert.True(cases[i - 1].Connections < cases[i].Connections);
            Assert.True(cases[i - 1].FundingGapPerConnection > cases[i].FundingGapPerConnection,
                $"{which}: {cases[i - 1].Share} -> {cases[i - 1].FundingGapPerConnection}, {cases[i].Share} -> {cases[i].FundingGapPerConnection}");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void At_the_studys_own_rate_the_gap_is_the_central_business_case(string which)
    {
        var c = Network(which);
        var a = WithShares();
        var central = BusinessCase.Compute(c, Technics(c, assumptions: a), a).Gap(Operator.Public, SubsidyCase.None);
        var study = Assert.Single(Participation.Compute(c, a, HeatDemandMethod.Study), p => p.IsStudyCase);
        Assert.Equal(c.ConnectionRate.Value, study.Share);
        Assert.Equal(central.Total, study.FundingGapTotal);
        Assert.Equal(central.PerConnection, study.FundingGapPerConnection);
        Assert.Equal(central.PerConnection * 1.21m, study.ContributionPerHome);
        Assert.True(study.FundingGapLow < study.FundingGapTotal && study.FundingGapTotal < study.FundingGapHigh);
    }

    [Fact]
    public void Half_the_homes_on_the_mini_network_means_21_connections_and_half_the_delivery_sets()
    {
        var half = Participation.Compute(MiniCollective(), WithShares(margin: null), HeatDemandMethod.Study).First();
        Assert.Equal(0.5m, half.Share);
        Assert.Equal(21m, half.Connections); // ceil(41 x 0.5)
        Assert.Equal(half.FundingGapTotal, half.FundingGapLow);
        Assert.Equal(half.FundingGapTotal, half.FundingGapHigh);
    }

    [Fact]
    public void Without_shares_there_is_no_take_up_table()
    {
        Assert.Empty(Participation.Compute(MiniCollective(), StudyAssumptions(), HeatDemandMethod.Study));
        var result = NeighbourhoodModel.Evaluate(Neighbourhood(HeatDemandMethod.Study, WithShares()));
        Assert.Equal(4, Assert.Single(result.Collectives).Participation.Count);
    }
}
