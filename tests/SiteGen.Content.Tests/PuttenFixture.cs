using SiteGen.Calculation;
using SiteGen.Content.Loading;
using SiteGen.Content.Model;

namespace SiteGen.Content.Tests;

/// <summary>The shipped Putten content, loaded and computed once.</summary>
public static class Putten
{
    public const string Id = "putten/bijsteren-husselerveld";
    public static readonly DateOnly BuildDate = new(2025, 12, 1);

    private static readonly Lazy<(Neighbourhood, NeighbourhoodResult)> Loaded = new(() => Load(RepoPaths.Content));

    public static Neighbourhood Neighbourhood => Loaded.Value.Item1;
    public static NeighbourhoodResult Result => Loaded.Value.Item2;

    public static (Neighbourhood, NeighbourhoodResult) Load(string contentDir)
    {
        var (content, diag) = ContentLoader.Load(contentDir, BuildDate);
        if (content is null) throw new InvalidOperationException(string.Join("\n", diag.Items));
        var n = content.Neighbourhoods.Single(x => x.Id == Id);
        return (n, NeighbourhoodModel.Evaluate(n.Input));
    }
}
