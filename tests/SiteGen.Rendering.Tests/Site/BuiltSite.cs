using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>The example site built in memory once (nothing written), with helpers to read its pages.</summary>
public static class BuiltSite
{
    public static readonly DateOnly BuildDate = new(2025, 12, 1);
    private static readonly Lazy<SiteFiles> Lazy = new(() => Build(RepoPaths.Content));

    public static SiteFiles Files => Lazy.Value;

    public static SiteFiles Build(string contentDir, string? themesDir = null)
    {
        var result = SiteBuilder.Build(new BuildOptions(contentDir, "", BuildDate, WriteOutput: false,
            ThemesDir: themesDir ?? Path.Combine(RepoPaths.Root, "themes")));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        return result.Files!;
    }

    /// <summary>
    /// A temporary copy of the fictional municipality (two neighbourhoods, its own theme) with the default theme next to
    /// it, for tests that edit content between builds; the caller deletes it.
    /// </summary>
    public static string CopyFictional()
    {
        string root = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional"));
        string theme = Path.Combine(RepoPaths.Root, "themes", "default");
        foreach (var file in Directory.GetFiles(theme, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(root, "themes", "default", Path.GetRelativePath(theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return root;
    }

    public static string Text(string path) => Encoding.UTF8.GetString(Files.All[path]);

    public static IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(Text(path));

    public static IEnumerable<string> Pages => Files.All.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal));
}
