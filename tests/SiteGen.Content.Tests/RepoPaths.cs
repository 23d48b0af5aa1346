namespace SiteGen.Content.Tests;

/// <summary>Finds the repository from the test's working directory, so tests read the real example content.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();
    public static string Content => Path.Combine(Root, "content");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SiteGen.sln not found above the test folder");
    }

    /// <summary>Copies a folder (e.g. content/) to a fresh temporary folder a test may change.</summary>
    public static string CopyToTemp(string source)
    {
        string target = Path.Combine(Path.GetTempPath(), "sitegen-test-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }
}
