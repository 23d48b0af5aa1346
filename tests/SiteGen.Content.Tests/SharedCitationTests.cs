using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>
/// Issue 12: a shared assumption's citation is one object for every neighbourhood that does not override it, and a
/// citation's text one string for the same document and place (<c>serve</c> keeps every neighbourhood's inputs).
/// </summary>
public class SharedCitationTests
{
    [Fact]
    public void Neighbourhoods_share_what_they_cite_alike()
    {
        var (content, _) = ContentLoader.Load(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"), new DateOnly(2025, 12, 1));
        Assert.NotNull(content);
        var akkers = content.Neighbourhoods.Single(n => n.Id.EndsWith("de-akkers", StringComparison.Ordinal)).Input.Assumptions;
        var molen = content.Neighbourhoods.Single(n => n.Id.EndsWith("molenkwartier", StringComparison.Ordinal)).Input.Assumptions;

        Assert.Same(akkers.GasPrice.Source, molen.GasPrice.Source);
        Assert.Same(akkers.DiscountRate.Source, molen.DiscountRate.Source);
        // De Akkers sets its own electricity price: its own citation, under the same id.
        Assert.NotSame(akkers.ElectricityPrice.Source, molen.ElectricityPrice.Source);
        Assert.NotEqual(akkers.ElectricityPrice.Source.Text, molen.ElectricityPrice.Source.Text);
        Assert.Equal(akkers.ElectricityPrice.Source.Key, molen.ElectricityPrice.Source.Key);
        // Gas and electricity cite the same place of the same document: one text.
        Assert.Equal(molen.GasPrice.Source.Text, molen.ElectricityPrice.Source.Text);
        Assert.Same(molen.GasPrice.Source.Text, molen.ElectricityPrice.Source.Text);
    }
}
