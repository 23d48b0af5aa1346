using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Cli.Tests;

/// <summary>'sitegen serve' behaves like a service: SIGTERM and SIGINT stop it within 2 s, it writes nothing to disk, a busy port is exit 2.</summary>
public sealed class ServeServiceTests : IDisposable
{
    private readonly Project _p = new();

    public void Dispose() => _p.Dispose();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_stops_serve_within_two_seconds_and_it_never_wrote_to_disk(string signal)
    {
        var psi = CliProcess.StartInfo(_p.Root, null, "serve", "--content", _p.Content, "--port", "0");
        using var p = new Process { StartInfo = psi };
        var err = new StringBuilder();
        string? url = null;
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Event-based reading on the process's own threads: nothing here waits on a test thread.
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("sitegen: voorbeeldweergave van", StringComparison.Ordinal) != true) return;
            url = e.Data[e.Data.IndexOf("http://", StringComparison.Ordinal)..].Split(' ')[0];
            serving.TrySetResult();
        };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (err) err.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            var before = Snapshot();
            await serving.Task.WaitAsync(TimeSpan.FromSeconds(90));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            Assert.Contains("<html", await http.GetStringAsync(url), StringComparison.Ordinal);
            // The site is built and served in memory, as Hugo's server does: the project and the temp folder stay as they were.
            Assert.Equal(before, Snapshot());
            // An open event stream must not hold the shutdown up.
            using var events = new HttpClient();
            using var stream = await events.GetStreamAsync(url + "_sitegen/events");

            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(CultureInfo.InvariantCulture)])) kill.WaitForExit();
            bool exited = p.WaitForExit(2000);
            long ms = clock.ElapsedMilliseconds;
            // When not, how long it did take, or that it hangs: a slow machine and a stop that never comes are told apart
            // (a test run started in the background by a shell without job control inherits SIGINT ignored, and serve then
            // ignores it too, as a program in the background should).
            string late = exited ? "" : p.WaitForExit(10_000) ? $"; it stopped after {clock.ElapsedMilliseconds} ms" : "; it had not stopped after 12 s";
            Assert.True(exited, $"serve still running {ms} ms after SIG{signal}{late}");
            p.WaitForExit(); // lets the output events drain
            Assert.Equal(0, p.ExitCode);
            Assert.Equal("", err.ToString());
            Assert.Equal(before, Snapshot());
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Every file of the project (bytes, times, modes), and the temp folder's entries named after serve.</summary>
    private List<string> Snapshot() =>
        Tree.Snapshot(_p.Root).Select(kv => $"{kv.Key} {kv.Value}")
            .Concat(Directory.GetFileSystemEntries(Path.GetTempPath(), "*sitegen-serve*").Order(StringComparer.Ordinal)).ToList();

    [Fact]
    public void A_busy_port_is_a_one_line_usage_error()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var run = CliRun.Of("serve", "--content", _p.Content, "--port", port.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"sitegen: poort {port} op 127.0.0.1 is al in gebruik; stop het programma dat haar gebruikt of kies een andere met --port\n", run.Err);
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), $"sitegen-serve-{Environment.ProcessId}")));
    }
}
