namespace SiteGen.Cli.Tests;

/// <summary>A symbolic link inside content or themes that points outside them is a content error (SG013, exit 1); nothing is written.</summary>
public sealed class SymlinkTests : IDisposable
{
    private readonly Project _p = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "sitegen-outside-" + Guid.NewGuid().ToString("N"));

    public SymlinkTests()
    {
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.md"), "---\ntitle: geheim\n---\nniet voor de site");
    }

    public void Dispose()
    {
        _p.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public void A_link_in_content_to_a_file_outside_is_refused_with_its_path()
    {
        string link = Path.Combine(_p.Content, "zonnedal", "de-akkers", "variants", "geheim.md");
        File.CreateSymbolicLink(link, Path.Combine(_outside, "secret.md"));
        string outDir = Path.Combine(_p.Root, "output");
        var run = _p.Build(outDir);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{link}:1:1: error SG013: deze snelkoppeling (symbolische link) wijst buiten de map content (naar '{Path.Combine(_outside, "secret.md")}'); kopieer het bestand er liever in", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_link_in_themes_to_a_folder_outside_is_refused_and_the_previous_output_stays()
    {
        string outDir = Path.Combine(_p.Root, "output");
        Assert.Equal(0, _p.Build(outDir).ExitCode);
        var before = Tree.Snapshot(outDir);
        string link = Path.Combine(_p.Themes, "zonnedal", "extra");
        Directory.CreateSymbolicLink(link, _outside);
        var run = _p.Build(outDir);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{link}:1:1: error SG013: deze snelkoppeling (symbolische link) wijst buiten de map themes (naar '{_outside}')", run.Err);
        Tree.AssertSame(before, outDir);
    }

    [Fact]
    public void A_link_that_stays_inside_the_content_folder_is_fine()
    {
        // Shared narrative text linked from a second place inside content/.
        File.Copy(Path.Combine(_p.Content, "zonnedal", "de-akkers", "index.md"), Path.Combine(_p.Content, "gedeeld.md"));
        string index = Path.Combine(_p.Content, "zonnedal", "de-akkers", "index.md");
        File.Delete(index);
        File.CreateSymbolicLink(index, Path.Combine("..", "..", "gedeeld.md"));
        var run = _p.Build(Path.Combine(_p.Root, "output"));
        Assert.True(run.ExitCode == 0, run.Err);
    }
}
