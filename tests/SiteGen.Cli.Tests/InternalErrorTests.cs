namespace SiteGen.Cli.Tests;

/// <summary>An unexpected exception is one line in Dutch naming a log file with the details, exit 70: never a stack trace.</summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void An_unexpected_exception_exits_70_with_one_line_and_a_log_file()
    {
        // A real condition nothing handles: scaffolding into a content folder whose sources.yaml is a folder.
        string content = ContentWithSourcesFolder();
        var run = CliProcess.Run(_dir, null, "new", "neighbourhood", "zonnedal/de-akkers", "--content", content);

        Assert.Equal(70, run.ExitCode);
        var lines = run.Err.TrimEnd().Split('\n');
        string line = Assert.Single(lines);
        var m = System.Text.RegularExpressions.Regex.Match(line, @"^sitegen: interne fout: (.+); details in (/\S+\.log)$");
        Assert.True(m.Success, line);
        Assert.Contains(Path.Combine(content, "sources.yaml"), m.Groups[1].Value);
        Assert.DoesNotContain("   at ", run.Err + run.Out);
        string log = m.Groups[2].Value;
        try
        {
            Assert.StartsWith(Path.Combine(Path.GetTempPath(), "sitegen", "crash-"), log);
            string details = File.ReadAllText(log);
            Assert.Contains("UnauthorizedAccessException", details);
            Assert.Contains("   at ", details); // the stack trace is in the log, for whoever maintains SiteGen
            Assert.Contains("arguments: new neighbourhood zonnedal/de-akkers --content", details);
        }
        finally
        {
            File.Delete(log);
        }
        Assert.True(Directory.Exists(Path.Combine(content, "sources.yaml")));
    }

    private string ContentWithSourcesFolder()
    {
        string content = Path.Combine(_dir, "content");
        Directory.CreateDirectory(Path.Combine(content, "sources.yaml"));
        return content;
    }

    [Fact]
    public void In_process_the_same_exception_is_caught_by_Commands_Run()
    {
        var run = CliRun.Of("new", "neighbourhood", "zonnedal/de-akkers", "--content", ContentWithSourcesFolder());
        Assert.Equal(70, run.ExitCode);
        Assert.StartsWith("sitegen: interne fout: ", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        string log = run.Err.TrimEnd()[(run.Err.LastIndexOf("details in ", StringComparison.Ordinal) + "details in ".Length)..];
        Assert.True(File.Exists(log), log);
        File.Delete(log);
    }
}
