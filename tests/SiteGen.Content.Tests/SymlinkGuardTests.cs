using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;

namespace SiteGen.Content.Tests;

/// <summary>The guard walks the top folders side by side; its findings must still come in the order of one walk.</summary>
public sealed class SymlinkGuardTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-links-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Links_out_of_the_folder_are_reported_in_the_order_of_one_depth_first_walk()
    {
        string root = Path.Combine(_dir, "content"), outside = Path.Combine(_dir, "elders");
        Directory.CreateDirectory(outside);
        foreach (var folder in new[] { "alpha/sub", "beta", "gamma" }) Directory.CreateDirectory(Path.Combine(root, folder));
        foreach (var link in new[] { "z-link", "a-link", "alpha/l1", "alpha/sub/l2", "beta/l3" })
            File.CreateSymbolicLink(Path.Combine(root, link), outside);
        // A link that stays inside is fine.
        File.CreateSymbolicLink(Path.Combine(root, "gamma", "inside"), Path.Combine(root, "beta"));
        var diag = new DiagnosticBag();
        Assert.False(SymlinkGuard.Check(root, diag, "content"));
        // The top's links first, then the folders last to first, each to the bottom before the next.
        Assert.Equal(["a-link", "z-link", "beta/l3", "alpha/l1", "alpha/sub/l2"],
            diag.Items.Select(d => Path.GetRelativePath(root, d.Path).Replace('\\', '/')));
        Assert.All(diag.Items, d => Assert.Contains("wijst buiten de map content", d.Message, StringComparison.Ordinal));
    }
}
