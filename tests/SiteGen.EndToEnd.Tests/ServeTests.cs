using System.Diagnostics;
using Microsoft.Playwright;
using SiteGen.Cli.Serve;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.EndToEnd.Tests;

/// <summary>'sitegen serve': an edit shows in the open page by itself; an error shows as a page until it is fixed.</summary>
[Collection(SiteCollection.Name)]
public sealed class ServeTests(SiteFixture fixture)
{
    private const string Dwelling = "putten/bijsteren-husselerveld/woningen/vrijstaand-voor-1980/";

    private static async Task<string> GasBoilerTco(IPage page) =>
        // The cell's own figure; its range is printed under it.
        (await page.Locator("table").First.Locator("tbody tr").First.Locator("td").First.EvaluateAsync<string>("td => td.firstChild.textContent")).Trim();

    [Fact]
    public async Task An_edit_shows_in_the_open_page_without_a_manual_reload_and_an_error_shows_until_it_is_fixed()
    {
        using var copy = new ContentCopy();
        string preview = Path.Combine(copy.Root, "preview");
        await using var server = new DevServer(new BuildOptions(copy.Content, preview, new DateOnly(2025, 12, 1), ThemesDir: copy.Themes), TextWriter.Null);
        await server.StartAsync(port: 0);

        await using var tab = await fixture.OpenAsync(width: 375);
        await tab.GotoAsync(server.Url + Dwelling);
        Assert.Equal("€\u00a064.980", await GasBoilerTco(tab.Page));
        // Let the page's event stream connect before editing.
        await tab.Page.WaitForTimeoutAsync(300);

        // A new gas price: 1,280 m3 x 0.36 x 30 more, 64.980 -> 78.810 (see WhatChangedTests).
        var clock = Stopwatch.StartNew();
        copy.Replace("assumptions/energy.yaml", "value: 1.14", "value: 1.50");
        await Assertions.Expect(tab.Page.Locator("table").First.Locator("tbody tr").First.Locator("td").First)
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^€\u00a078\\.810"), new() { Timeout = 2000 });
        Assert.True(clock.ElapsedMilliseconds < 2000, $"the new figure took {clock.ElapsedMilliseconds} ms");

        // An error: the open page turns into the error page, naming file, line and column.
        copy.Replace("assumptions/energy.yaml", "value: 1.50", "value: 1,50");
        await Assertions.Expect(tab.Page.Locator("h1")).ToHaveTextAsync("De site kan niet worden gebouwd", new() { Timeout = 3000 });
        Assert.Contains("assumptions/energy.yaml:8:14", await tab.Page.Locator("ol").TextContentAsync());
        Assert.Contains("SG004", await tab.Page.Locator("ol").TextContentAsync());
        // The last good site is still kept, whole; nothing was written to disk.
        Assert.Contains("78.810", System.Text.Encoding.UTF8.GetString(server.Site!.Read(Dwelling + "index.html")));
        Assert.False(Directory.Exists(preview));

        // Fixed: the site comes back by itself.
        copy.Replace("assumptions/energy.yaml", "value: 1,50", "value: 1.20");
        await Assertions.Expect(tab.Page.Locator("h1")).ToHaveTextAsync("Vrijstaande woning van voor 1980", new() { Timeout = 3000 });
        // 64,983.50 + 1,280 x 0.06 x 30 = 67,287.50 -> 67.290.
        Assert.Equal("€\u00a067.290", await GasBoilerTco(tab.Page));
    }

    [Fact]
    public async Task A_folder_without_its_last_slash_goes_to_the_folder_and_an_unknown_address_gets_a_page_in_Dutch()
    {
        // It was an empty 404: a resident or communicator who typed the address without '/' saw a blank page.
        using var copy = new ContentCopy();
        await using var server = new DevServer(new BuildOptions(copy.Content, Path.Combine(copy.Root, "preview"), new DateOnly(2025, 12, 1), ThemesDir: copy.Themes), TextWriter.Null);
        await server.StartAsync(port: 0);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var folder = await http.GetAsync(server.Url + Dwelling.TrimEnd('/') + "?x=1");
        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, folder.StatusCode);
        Assert.Equal("/" + Dwelling + "?x=1", folder.Headers.Location!.OriginalString);
        using var missing = await http.GetAsync(server.Url + "putten/bestaat-niet");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Deze pagina bestaat niet (meer).", await missing.Content.ReadAsStringAsync());
        // A file is not a folder: its address is served as it is, or not found.
        using var css = await http.GetAsync(server.Url + "assets/default/css/site.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
    }
}
