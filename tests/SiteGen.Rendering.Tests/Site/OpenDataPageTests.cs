using System.Text.Json;
using SiteGen.Rendering.Tests.Plain;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// The page "Open data" explains every column of every file it offers: a data analyst found seven columns of
/// participation.json and one of break-even.json that it did not mention.
/// </summary>
public class OpenDataPageTests
{
    [Theory]
    [InlineData("data/results.json", "columns-results")]
    [InlineData("data/participation.json", "columns-participation")]
    [InlineData("data/break-even.json", "columns-break-even")]
    [InlineData("data/business-cases.json", "columns-business-cases")]
    public void Every_column_of_a_data_file_is_explained_on_the_page(string file, string table)
    {
        var columns = JsonDocument.Parse(BuiltSite.Files.All[file]).RootElement.EnumerateArray()
            .SelectMany(row => row.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        Assert.NotEmpty(columns);
        var page = BuiltSite.Page("open-data/index.html");
        var explained = page.QuerySelectorAll($"table#{table} tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(columns.Order(StringComparer.Ordinal), explained.Keys.Order(StringComparer.Ordinal));
        Assert.All(explained.Values, text => Assert.False(string.IsNullOrWhiteSpace(text)));
    }

    [Fact]
    public void The_csv_has_the_columns_of_the_json()
    {
        string header = System.Text.Encoding.UTF8.GetString(BuiltSite.Files.All["data/results.csv"]).Split('\n')[0];
        var json = JsonDocument.Parse(BuiltSite.Files.All["data/results.json"]).RootElement[0].EnumerateObject().Select(p => p.Name);
        Assert.Equal(json, header.Split(','));
    }

    [Fact]
    public void The_example_of_a_neighbourhood_id_is_one_of_the_sites_own()
    {
        // A municipality's own site said "bijvoorbeeld putten/bijsteren-husselerveld".
        string text = Sites.Normalise(Sites.Page(Sites.Zonnedal, "open-data/index.html").Body!.TextContent);
        Assert.Contains("wijk: gemeente/wijk, bijvoorbeeld zonnedal/", text);
        Assert.DoesNotContain("putten", text, StringComparison.OrdinalIgnoreCase);
    }
}
