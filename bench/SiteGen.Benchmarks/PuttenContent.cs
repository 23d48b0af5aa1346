using SiteGen.Content.Loading;
using SiteGen.Content.Model;

namespace SiteGen.Benchmarks;

/// <summary>Finds and loads the content the benchmarks run on: $SITEGEN_CONTENT, else content/ next to SiteGen.sln.</summary>
public static class PuttenContent
{
    public static readonly DateOnly BuildDate = new(2025, 12, 1);

    public static string Directory { get; } = Find();

    private static string Find()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("SITEGEN_CONTENT");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) dir = dir.Parent;
        return dir is not null
            ? Path.Combine(dir.FullName, "content")
            : throw new InvalidOperationException(
                $"SiteGen.sln not found above {AppContext.BaseDirectory}; set SITEGEN_CONTENT to the content folder");
    }

    public static SiteContent Load()
    {
        var (content, diag) = ContentLoader.Load(Directory, BuildDate);
        return content ?? throw new InvalidOperationException(
            $"content in {Directory} did not load:\n" + string.Join("\n", diag.Items));
    }
}
