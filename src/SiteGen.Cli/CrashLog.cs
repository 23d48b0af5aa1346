using System.Globalization;

namespace SiteGen.Cli;

/// <summary>
/// An unexpected exception is a bug in SiteGen, not something the communicator can fix: they get one line in Dutch and
/// the path of a log file with the details for whoever maintains SiteGen, never a stack trace.
/// Logs go to &lt;system temp&gt;/sitegen/crash-&lt;UTC time&gt;-&lt;process id&gt;.log.
/// </summary>
internal static class CrashLog
{
    internal static string Folder => Path.Combine(Path.GetTempPath(), "sitegen");

    /// <summary>Writes the log and the one line; returns the exit code for an internal error.</summary>
    internal static int Report(Exception e, string[] args, TextWriter stderr)
    {
        string message = e.Message.ReplaceLineEndings(" ");
        string? path = Write(e, args);
        stderr.WriteLine(path is null
            ? $"sitegen: interne fout: {message}; het logbestand kon niet worden geschreven ({e.GetType().Name})"
            : $"sitegen: interne fout: {message}; details in {path}");
        return Commands.InternalError;
    }

    internal static string? Write(Exception e, string[] args)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            string stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
            string path = Path.Combine(Folder, $"crash-{stamp}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.log");
            File.WriteAllText(path,
                $"sitegen {typeof(CrashLog).Assembly.GetName().Version} on {Environment.OSVersion}, .NET {Environment.Version}\n"
                + $"working folder: {Environment.CurrentDirectory}\narguments: {string.Join(' ', args)}\n\n{e}\n");
            return path;
        }
        catch (Exception) // the report must not fail on top of the failure
        {
            return null;
        }
    }
}
