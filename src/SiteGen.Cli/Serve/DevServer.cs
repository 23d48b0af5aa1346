using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SiteGen.Content.Diagnostics;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Cli.Serve;

/// <summary>
/// 'sitegen serve': builds the site in memory (as Hugo's server does; nothing is written to disk), serves it on
/// 127.0.0.1, watches content/ and themes/, rebuilds what an edit affects and tells open pages to reload (server-sent
/// events; the small script that listens is added to pages only while serving). A <see cref="BuildSession"/> keeps the
/// content, results and drawn pages of unchanged neighbourhoods between builds. While content has errors, pages show
/// them; the last good site stays in memory. A new build replaces the served site in one step, so a page is never
/// served half-built.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private readonly BuildOptions _options;
    private readonly TextWriter _log;
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource<int>> _waiting = [];
    private WebApplication? _app;
    private Timer? _debounce;
    private volatile DiagnosticBag? _errors;
    private volatile SiteFiles? _site;
    private int _version;

    public DevServer(BuildOptions options, TextWriter log)
    {
        _options = options with { WriteOutput = false, Session = new BuildSession() };
        _log = log;
    }

    public string Url { get; private set; } = "";
    public int Version => _version;

    /// <summary>The site being served: the last build that succeeded.</summary>
    public SiteFiles? Site => _site;

    public async Task StartAsync(int port, CancellationToken cancel = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The command handles SIGINT/SIGTERM itself (and cleans up); the host's console lifetime would swallow SIGTERM.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        // Open event streams end when stopping starts (see Events); this only bounds a request that hangs.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        // One terminal handler: the event stream and the site (a mapped endpoint would never run after Run()).
        _app.Run(http => http.Request.Path == "/_sitegen/events" ? Events(http) : Serve(http));
        // Listen first: a busy port fails at once, before a build that would be thrown away.
        await _app.StartAsync(cancel);
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        // Watching starts before the first build: an edit made while it runs is seen by the next one.
        _options.Session!.Content.Watch();
        foreach (var dir in new[] { _options.ContentDir, _options.Themes }.Where(Directory.Exists))
        {
            var w = new FileSystemWatcher(dir) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size };
            w.Changed += Changed;
            w.Created += Changed;
            w.Deleted += Changed;
            w.Renamed += Changed;
            // Events lost (the kernel's queue overflowed): the next build checks every folder itself.
            w.Error += (_, _) => { _options.Session!.Content.Unknown(); Changed(this, null); };
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }
        Rebuild();
    }

    // Editors save in bursts (temp file, rename, touch) lasting a few milliseconds: wait until it is quiet, then build
    // once. Short, because it counts in the time an edit takes to appear (issue 12: 300 ms).
    private const int QuietMs = 50;

    private void Changed(object sender, FileSystemEventArgs? e)
    {
        // The content cache re-reads the neighbourhood folders these paths lie in (and only those).
        if (e is not null) _options.Session!.Content.Changed(e.FullPath);
        if (e is RenamedEventArgs r) _options.Session!.Content.Changed(r.OldFullPath);
        lock (_gate)
        {
            _debounce?.Dispose();
            _debounce = new Timer(_ => Rebuild(), null, QuietMs, Timeout.Infinite);
        }
    }

    public void Rebuild()
    {
        _building.Wait();
        try
        {
            var result = SiteBuilder.Build(_options);
            if (result.Files is { } site) _site = site;
            _errors = result.Succeeded ? null : result.Diagnostics;
            _log.WriteLine(result.Succeeded
                ? $"sitegen: opnieuw gebouwd in {result.Elapsed.TotalMilliseconds:0} ms ({result.NeighbourhoodsRendered} wijk(en) opnieuw opgemaakt, {result.Files!.All.Count} bestand(en) nieuw gemaakt)"
                : $"sitegen: de inhoud heeft {result.Diagnostics.Items.Count(d => d.Severity == Severity.Error)} fout(en); die staan in de browser");
            foreach (var d in result.Diagnostics.Sorted()) _log.WriteLine(d.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.WriteLine($"sitegen: kon de voorbeeldweergave niet bouwen: {e.Message}");
        }
        catch (Exception e)
        {
            // A rebuild runs on a timer thread, where an exception would end the process with a stack trace:
            // report it in one line and keep serving the last good site.
            _log.WriteLine($"sitegen: interne fout: {e.Message.ReplaceLineEndings(" ")}; details in {CrashLog.Write(e, ["serve"]) ?? "(geen logbestand)"}");
        }
        finally
        {
            _building.Release();
        }
        Notify();
    }

    private void Notify()
    {
        int v = Interlocked.Increment(ref _version);
        List<TaskCompletionSource<int>> waiting;
        lock (_gate)
        {
            waiting = [.. _waiting];
            _waiting.Clear();
        }
        foreach (var t in waiting) t.TrySetResult(v);
    }

    private async Task Events(HttpContext http)
    {
        // An event stream never ends by itself: end it when the server stops, so stopping takes milliseconds.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _app!.Lifetime.ApplicationStopping);
        try { await Stream(http, ended.Token); }
        catch (OperationCanceledException) { }
    }

    private async Task Stream(HttpContext http, CancellationToken ended)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync($"data: {_version}\n\n", ended);
        await http.Response.Body.FlushAsync(ended);
        while (!ended.IsCancellationRequested)
        {
            var next = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate) _waiting.Add(next);
            var done = await Task.WhenAny(next.Task, Task.Delay(15_000, ended));
            if (ended.IsCancellationRequested) break;
            // A comment line every 15 s keeps proxies from closing an idle stream.
            await http.Response.WriteAsync(done == next.Task ? $"data: {next.Task.Result}\n\n" : ": keep-alive\n\n", ended);
            await http.Response.Body.FlushAsync(ended);
        }
    }

    /// <summary>Reloads the page when the server's build version differs from the one the page was served with.</summary>
    private string ReloadScript =>
        $"<script>window.__sg='{_version}';new EventSource('/_sitegen/events').onmessage=function(e){{if(e.data!==window.__sg)location.reload();}};</script>";

    private async Task Serve(HttpContext http)
    {
        string path = Uri.UnescapeDataString(http.Request.Path.Value ?? "/").TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
        bool html = path.EndsWith(".html", StringComparison.Ordinal);
        http.Response.Headers.CacheControl = "no-store";
        if (html && _errors is { } errors)
        {
            http.Response.StatusCode = 500;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(ErrorPage(errors));
            return;
        }
        // Only the built site's own paths exist: nothing outside it can be asked for.
        if (_site is not { } site || !site.Contains(path))
        {
            // A folder's address without its last '/' goes to the folder, as static hosts and Hugo's server do: the
            // page's relative links only resolve from there.
            if (_site is { } built && !html && built.Contains(path + "/index.html"))
            {
                http.Response.StatusCode = 301;
                http.Response.Headers.Location = "/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString)) + "/" + http.Request.QueryString;
                return;
            }
            http.Response.StatusCode = 404;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync("<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Niet gevonden</title>"
                + "<p>Deze pagina bestaat niet (meer). <a href=\"/\">Naar de startpagina</a>.</p></html>");
            return;
        }
        byte[] bytes = site.Read(path);
        http.Response.ContentType = ContentType(path);
        if (html)
        {
            string text = Encoding.UTF8.GetString(bytes);
            int body = text.LastIndexOf("</body>", StringComparison.Ordinal);
            text = body < 0 ? text + ReloadScript : text.Insert(body, ReloadScript);
            await http.Response.WriteAsync(text);
        }
        else await http.Response.Body.WriteAsync(bytes);
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    /// <summary>The content errors, readable in the browser: file, line, column and message, until they are fixed.</summary>
    public string ErrorPage(DiagnosticBag errors)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>Fout in de inhoud | sitegen serve</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}")
          .Append("li{margin:.75rem 0}code{background:#f3f5f8;padding:.1rem .3rem}.loc{font-weight:bold;color:#9b1c1c}</style></head><body>")
          .Append("<h1>De site kan niet worden gebouwd</h1><p>Verbeter de inhoud hieronder; deze pagina laadt vanzelf opnieuw zodra de fout is opgelost.</p><ol>");
        foreach (var d in errors.Sorted().Where(d => d.Severity == Severity.Error))
            sb.Append("<li><span class=\"loc\">").Append(WebUtility.HtmlEncode($"{d.Path}:{d.Line}:{d.Column}")).Append("</span> <code>")
              .Append(d.Code).Append("</code><br>").Append(WebUtility.HtmlEncode(d.Message)).Append("</li>");
        sb.Append("</ol>").Append(ReloadScript).Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>Starts and stops with the host, without listening to signals.</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var w in _watchers) w.Dispose();
        _debounce?.Dispose();
        if (_app is not null)
        {
            // Stop first: that signals ApplicationStopping (ending event streams) and honours the shutdown timeout;
            // disposing alone would wait for open connections indefinitely.
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
