using SiteGen.Content.Tests;

namespace SiteGen.Cli.Tests;

/// <summary>Runs the sitegen command in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Commands.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A copy of the example content to break, and an output folder holding a previous build.</summary>
public sealed class Workspace : IDisposable
{
    public string Content { get; } = RepoPaths.CopyToTemp(RepoPaths.Content);
    public string Output { get; }

    public Workspace()
    {
        Output = Path.Combine(Path.GetTempPath(), "sitegen-out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "previous-build.txt"), "kept");
        // As a previous build leaves it: with the manifest naming its files, so a new build may replace them.
        File.WriteAllBytes(Rendering.Pipeline.OutputManifest.PathIn(Output),
            new Rendering.Pipeline.OutputManifest { Files = ["previous-build.txt"] }.ToBytes());
    }

    public void Edit(string relative, string from, string to)
    {
        string path = Path.Combine(Content, relative);
        string text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    /// <summary>The output folder holds exactly what the previous build left.</summary>
    public void AssertOutputUntouched()
    {
        Assert.Equal([Rendering.Pipeline.OutputManifest.FileName, "previous-build.txt"],
            Directory.GetFileSystemEntries(Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(Output, "previous-build.txt")));
        // No staging folder (".name.new-PID") may be left next to the output.
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(Output)!, "." + Path.GetFileName(Output) + ".*"));
    }

    public void Dispose()
    {
        Directory.Delete(Content, recursive: true);
        if (Directory.Exists(Output)) Directory.Delete(Output, recursive: true);
    }
}
