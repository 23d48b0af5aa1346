namespace SiteGen.EndToEnd.Tests;

/// <summary>A throw-away copy of the example content (and themes beside it) that a test may edit.</summary>
public sealed class ContentCopy : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sitegen-e2e-" + Guid.NewGuid().ToString("N"));
    public string Content => Path.Combine(Root, "content");
    public string Themes => Path.Combine(RepoPaths.Root, "themes");

    public ContentCopy()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Content, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(Content, Path.GetRelativePath(RepoPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
    }

    public void Replace(string relative, string from, string to)
    {
        string path = Path.Combine(Content, relative);
        string text = File.ReadAllText(path);
        Assert.True(text.Contains(from, StringComparison.Ordinal), $"'{from}' not found in {relative}");
        File.WriteAllText(path, text.Replace(from, to));
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
