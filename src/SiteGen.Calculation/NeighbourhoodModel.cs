using SiteGen.Calculation.Collective;
using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;

namespace SiteGen.Calculation;

public sealed record CollectiveResult(string VariantId, HeatNetworkTechnics Technics, BusinessCaseResult BusinessCase)
{
    /// <summary>The funding gap at each participation share of the content (issue 13); empty without shares.</summary>
    public IReadOnlyList<ParticipationCase> Participation { get; init; } = [];
}

/// <summary>Every figure of one neighbourhood.</summary>
public sealed class NeighbourhoodResult
{
    public required NeighbourhoodInput Input { get; init; }
    public required decimal Annuity { get; init; }
    /// <summary>Dwelling x variant, dwelling-major in the scenario's order.</summary>
    public required IReadOnlyList<ResidentResult> Residents { get; init; }
    public required IReadOnlyList<CollectiveResult> Collectives { get; init; }
    /// <summary>Per dwelling x variant (not the gas boiler): the gas use above which it beats the gas boiler over 30 years (issue 11).</summary>
    public IReadOnlyList<Personal.BreakEven> BreakEvens { get; init; } = [];

    public Personal.BreakEven? BreakEven(string dwelling, string variant) =>
        BreakEvens.FirstOrDefault(b => b.DwellingId == dwelling && b.VariantId == variant);

    public ResidentResult Resident(string dwelling, string variant)
    {
        // A loop, not First with a lambda: every page asks for many results, and the lambda's captures were allocated per call.
        for (int i = 0; i < Residents.Count; i++)
            if (Residents[i].DwellingId == dwelling && Residents[i].VariantId == variant) return Residents[i];
        throw new InvalidOperationException($"no result for dwelling '{dwelling}' with variant '{variant}'");
    }

    public CollectiveResult? Collective(string variant) => Collectives.FirstOrDefault(c => c.VariantId == variant);
}

/// <summary>Entry point of the core: computes a neighbourhood from its resolved inputs.</summary>
public static class NeighbourhoodModel
{
    public static NeighbourhoodResult Evaluate(NeighbourhoodInput input)
    {
        var collectives = new List<CollectiveResult>();
        var technics = new Dictionary<string, HeatNetworkTechnics>();
        foreach (var v in input.Variants)
        {
            if (v.Collective is null) continue;
            var t = HeatNetworkTechnics.Compute(v.Collective, input.Assumptions, input.Method);
            technics[v.Id] = t;
            collectives.Add(new CollectiveResult(v.Id, t, BusinessCase.Compute(v.Collective, t, input.Assumptions))
            {
                Participation = Participation.Compute(v.Collective, input.Assumptions, input.Method),
            });
        }

        var tco = new Tco(input);
        var residents = new List<ResidentResult>(input.Dwellings.Count * input.Variants.Count);
        foreach (var d in input.Dwellings)
            foreach (var v in input.Variants)
                residents.Add(tco.Evaluate(d, v, technics.GetValueOrDefault(v.Id)));

        return new NeighbourhoodResult
        {
            Input = input, Annuity = tco.Annuity, Residents = residents, Collectives = collectives,
            BreakEvens = Personal.BreakEvens.Compute(new Personal.PersonalModel(input)),
        };
    }
}
