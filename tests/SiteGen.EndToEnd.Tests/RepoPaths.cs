namespace SiteGen.EndToEnd.Tests;

/// <summary>Finds the repository by walking up from the test binaries to SiteGen.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();
    public static string Content => Path.Combine(Root, "content");
    public static string Screenshots => Path.Combine(Root, "TestResults", "screenshots");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SiteGen.sln not found above " + AppContext.BaseDirectory);
    }
}
