using SiteGen.Rendering.Pages;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>Relative links between output files: the site works under any base path, and "x/index.html" is linked as "x/".</summary>
public class SitePathsTests
{
    [Theory]
    [InlineData("index.html", "index.html", "./")]
    [InlineData("index.html", "putten/wijk/index.html", "putten/wijk/")]
    [InlineData("index.html", "assets/default/css/site.css", "assets/default/css/site.css")]
    [InlineData("putten/wijk/index.html", "index.html", "../../")]
    [InlineData("putten/wijk/index.html", "putten/wijk/index.html", "./")]
    [InlineData("putten/wijk/index.html", "putten/wijk/index.html#kosten", "./#kosten")]
    [InlineData("putten/wijk/woningen/rij/index.html", "putten/wijk/varianten/gasketel/index.html", "../../varianten/gasketel/")]
    [InlineData("putten/wijk/woningen/rij/index.html", "putten/wijk/uitgangspunten/index.html#a-energy.gas_price", "../../uitgangspunten/#a-energy.gas_price")]
    [InlineData("putten/wijk/woningen/rij/index.html", "data/putten/wijk/calculator.json", "../../../../data/putten/wijk/calculator.json")]
    [InlineData("putten/wijk/woningen/rij/index.html", "putten/wijk/woningen/rij/index.html", "./")]
    [InlineData("putten/wijk/woningen/rij/index.html", "putten/wijk/woningen/vrijstaand/index.html", "../vrijstaand/")]
    // A folder named like the start of another is not a common folder.
    [InlineData("putten/wijk-oost/index.html", "putten/wijk/index.html", "../wijk/")]
    [InlineData("putten/wijk/index.html", "putten/wijk-oost/index.html", "../wijk-oost/")]
    // Only a whole file name "index.html" is dropped.
    [InlineData("putten/wijk/index.html", "putten/wijk/oud-index.html", "oud-index.html")]
    [InlineData("a/b/c/d/e/f/index.html", "index.html", "../../../../../../")]
    [InlineData("a/b/c.html", "a/b", "../b")]
    public void A_link_is_relative_to_the_page_it_is_on(string from, string to, string expected) =>
        Assert.Equal(expected, SitePaths.Relative(from, to));
}
