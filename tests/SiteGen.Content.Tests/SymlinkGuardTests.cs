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

    [Fact]
    public void The_walk_lists_each_folders_files_as_the_disk_does_and_leaves_folders_with_links_to_the_disk()
    {
        string root = Path.Combine(_dir, "content");
        foreach (var folder in new[] { "m/n/dwellings", "m/n/.hidden", "m/linked/sub" }) Directory.CreateDirectory(Path.Combine(root, folder));
        foreach (var file in new[] { "m/n/neighbourhood.yaml", "m/n/index.md", "m/n/dwellings/a.yaml", "m/n/.hidden/x.md", "m/linked/sub/b.yaml" })
            File.WriteAllText(Path.Combine(root, file), file);
        File.CreateSymbolicLink(Path.Combine(root, "m", "linked", "to-n"), Path.Combine(root, "m", "n"));
        var listing = new ContentListing();
        Assert.True(SymlinkGuard.Check(root, new DiagnosticBag(), "content", listing: listing));

        string n = Path.Combine(root, "m", "n");
        var listed = listing.FilesUnder(n);
        Assert.NotNull(listed);
        var disk = Directory.GetFiles(n, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(disk, listed.Select(f => f.Path));
        Assert.All(listed, f => Assert.Equal((new FileInfo(f.Path).Length, File.GetLastWriteTimeUtc(f.Path).Ticks), (f.Length, f.Written)));
        Assert.DoesNotContain(listing.FilesUnder(n, hiddenFolders: false)!, f => f.Path.Contains(".hidden", StringComparison.Ordinal));
        // A link below, a folder never walked: the caller lists the disk itself.
        Assert.Null(listing.FilesUnder(Path.Combine(root, "m", "linked")));
        Assert.Null(listing.FilesUnder(Path.Combine(_dir, "elsewhere")));
        // Only what a watcher reported was checked: nothing to answer from.
        var partial = new ContentListing();
        SymlinkGuard.Check(root, new DiagnosticBag(), "content", new HashSet<string> { n }, partial);
        Assert.Null(partial.FilesUnder(n));
    }

    [Fact]
    public void A_folder_let_go_of_is_answered_from_the_disk_and_its_neighbours_still_from_the_listing()
    {
        string root = Path.Combine(_dir, "content");
        foreach (var file in new[] { "m/n/neighbourhood.yaml", "m/n/dwellings/a.yaml", "m/o/neighbourhood.yaml" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
            File.WriteAllText(Path.Combine(root, file), file);
        }
        var listing = new ContentListing();
        Assert.True(SymlinkGuard.Check(root, new DiagnosticBag(), "content", listing: listing));
        string n = Path.Combine(root, "m", "n"), o = Path.Combine(root, "m", "o");

        listing.Forget(n + Path.DirectorySeparatorChar);

        Assert.Null(listing.FilesUnder(n));
        // Its subfolder went with it: asked about alone, it too goes to the disk.
        Assert.Null(listing.FilesUnder(Path.Combine(n, "dwellings")));
        Assert.Equal([Path.Combine(o, "neighbourhood.yaml")], listing.FilesUnder(o)!.Select(f => f.Path));
        // Forgetting it again, or a folder never listed, changes nothing.
        listing.Forget(n);
        listing.Forget(Path.Combine(_dir, "elsewhere"));
        Assert.NotNull(listing.FilesUnder(o));
        // The content folder itself: nothing below it is answered from the listing any more.
        listing.Forget(root);
        Assert.Null(listing.FilesUnder(o));
        Assert.Null(listing.FilesUnder(root));
    }
}
