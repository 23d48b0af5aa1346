using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Cli.Tests;

/// <summary>'sitegen serve' behaves like a service: SIGTERM and SIGINT stop it within 2 s, it cleans up, a busy port is exit 2.</summary>
public sealed class ServeServiceTests : IDisposable
{
    private readonly Project _p = new();

    public void Dispose() => _p.Dispose();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_stops_serve_within_two_seconds_and_its_temporary_files_are_removed(string signal)
    {
        using var p = Process.Start(CliProcess.StartInfo(_p.Root, null, "serve", "--content", _p.Content, "--port", "0"))!;
        try
        {
            string preview = Path.Combine(Path.GetTempPath(), $"sitegen-serve-{p.Id}");
            var err = p.StandardError.ReadToEndAsync();
            // Wait until it serves; then the preview (with its manifest and cache) exists.
            string? line;
            do line = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            while (line is not null && !line.StartsWith("sitegen: serving", StringComparison.Ordinal));
            Assert.True(line is not null, "serve did not start: " + await err);
            string url = line![(line.IndexOf("http://", StringComparison.Ordinal))..].Split(' ')[0];
            using (var http = new HttpClient())
                Assert.Contains("<html", await http.GetStringAsync(url), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(preview, ".sitegen-manifest.json")));
            // An open event stream must not hold the shutdown up.
            using var events = new HttpClient();
            var stream = await events.GetStreamAsync(url + "_sitegen/events");

            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
            bool exited = p.WaitForExit(2000);
            Assert.True(exited, $"serve still running {clock.ElapsedMilliseconds} ms after SIG{signal}");
            Assert.Equal(0, p.ExitCode);
            Assert.Equal("", await err);
            Assert.False(Directory.Exists(preview), "the preview folder was left behind");
            Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), $".sitegen-serve-{p.Id}.*"));
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $".sitegen-serve-{p.Id}*"));
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void A_busy_port_is_a_one_line_usage_error()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var run = CliRun.Of("serve", "--content", _p.Content, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"sitegen: port {port} on 127.0.0.1 is already in use; stop the program using it or choose another with --port\n", run.Err);
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), $"sitegen-serve-{Environment.ProcessId}")));
    }
}
