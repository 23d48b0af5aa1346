using System.Text.Json;

namespace SiteGen.EndToEnd.Tests;

/// <summary>The harness itself: build, server, browser. These pass even before any page exists.</summary>
[Collection(SiteCollection.Name)]
public sealed class HarnessTests(SiteFixture site)
{
    [Fact]
    public void The_example_site_builds()
    {
        Assert.True(site.Site.ExitCode == 0, $"sitegen build failed ({site.Site.ExitCode}):\n{site.Site.Log}");
        Assert.True(File.Exists(Path.Combine(site.Site.OutputDir, "data", "results.json")), "data/results.json was not built");
    }

    [Fact]
    public async Task The_server_serves_the_open_data_to_Chromium()
    {
        await using var t = await site.OpenAsync();
        // Chromium opens JSON as a document; a CSV would start a download, so the page fetches it.
        var response = await t.Page.GotoAsync("/data/results.json");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.Headers["content-type"]);
        JsonDocument.Parse(await response.BodyAsync()).Dispose();

        var csv = await t.Page.EvaluateAsync<string[]>(
            "async u => { const r = await fetch(u); return [String(r.status), r.headers.get('content-type') ?? '', await r.text()]; }",
            "/data/results.csv");
        Assert.Equal("200", csv[0]);
        Assert.StartsWith("text/csv", csv[1]);
        Assert.StartsWith("neighbourhood,", csv[2]);
        Assert.All(t.Requests, u => Assert.True(SiteFixture.IsLocal(u), u));
        Assert.StartsWith("http://127.0.0.1:", site.BaseUrl);
    }
}
