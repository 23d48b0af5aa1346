using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace SiteGen.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "built site in Chromium";
}

/// <summary>
/// One per test run: the built example site (see <see cref="BuiltSite"/>), served by Kestrel on 127.0.0.1,
/// and a headless Debian Chromium driven by Playwright. Tests open a fresh context per check.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; never a browser downloaded by Playwright. SITEGEN_CHROMIUM overrides it.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("SITEGEN_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // Loopback only: any other host name fails to resolve, so a page that asks for the internet gets nothing
        // (the request is still recorded by the Request event). Cheaper and steadier than routing every request.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    private WebApplication? server;
    private IPlaywright? playwright;

    public BuiltSite Site => BuiltSite.Instance;
    public IReadOnlyList<SitePage> Pages => Site.Pages;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var site = Site;
        if (site.ExitCode != 0)
            throw new InvalidOperationException($"sitegen build of {RepoPaths.Content} failed with exit code {site.ExitCode}:\n{site.Log}");

        server = StartServer(site.OutputDir);
        await server.StartAsync();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install Debian's package (apt-get install -y chromium); never a Playwright download.");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    internal static WebApplication StartServer(string root)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = root,
            WebRootPath = root,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        // Loopback only, on a port the OS picks (free by construction).
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".csv"] = "text/csv; charset=utf-8";
        types.Mappings[".json"] = "application/json; charset=utf-8";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        return app;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (server is not null)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
        // Every test that reads the built files is in this fixture's collection, so they are done by now.
        Site.DeleteBuiltFolder();
    }

    public static bool IsLocal(string url) =>
        url.StartsWith("data:", StringComparison.Ordinal)  // inline, not a request to anywhere
        || (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host == "127.0.0.1" && u.Scheme is "http" or "https");

    /// <summary>
    /// A fresh browser context and page at the given viewport; every request it makes is recorded in
    /// <see cref="TestPage.Requests"/>. Host names other than 127.0.0.1 do not resolve (see the launch args).
    /// </summary>
    public async Task<TestPage> OpenAsync(int width = 1280, int height = 800, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "nl-NL",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var page = await context.NewPageAsync();
        var test = new TestPage(context, page);
        page.Request += (_, r) => { lock (test.Requests) test.Requests.Add(r.Url); };
        return test;
    }
}

public sealed class TestPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;
    public IPage Page { get; } = page;
    public List<string> Requests { get; } = [];

    /// <summary>Loads a site URL and fails on anything but 200.</summary>
    public async Task GotoAsync(string url, WaitUntilState wait = WaitUntilState.Load)
    {
        var response = await Page.GotoAsync(url, new PageGotoOptions { WaitUntil = wait });
        Assert.True(response is not null && response.Status == 200, $"GET {url} returned {response?.Status.ToString() ?? "no response"}");
    }

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
