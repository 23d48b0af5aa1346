using System.Text;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// A rebuild that changes a few files commits them in place instead of swapping the output folder. It must leave the
/// same output as a swap, the user's files included, and a commit cut short at any point must end, at once or in the
/// next build, with the old output or the new one, never a mix.
/// </summary>
public sealed class CommitInPlaceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-inplace-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _copies = [];

    public CommitInPlaceTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        foreach (var d in _copies.Append(_dir))
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    /// <summary>Every entry under a folder, hidden ones and empty folders too: a file with its bytes, a folder as "/".</summary>
    private static SortedDictionary<string, string> Tree(string dir)
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            tree[Path.GetRelativePath(dir, e.FullName)] = e is DirectoryInfo ? "/" : Convert.ToHexString(File.ReadAllBytes(e.FullName));
        return tree;
    }

    private string[] Leftovers() => Directory.GetFileSystemEntries(_dir, ".*");

    private WriteStats Rebuild(string content, string themes, string output, int limit)
    {
        var r = SiteBuilder.Build(new BuildOptions(content, output, BuiltSite.BuildDate, ThemesDir: themes, InPlaceLimit: limit));
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics.Items));
        return r.Written!;
    }

    [Fact]
    public void A_rebuild_in_place_leaves_the_same_output_as_a_swap_and_does_not_touch_the_users_files()
    {
        string root = BuiltSite.CopyFictional();
        _copies.Add(root);
        string content = Path.Combine(root, "content"), themes = Path.Combine(root, "themes");
        string inPlace = Path.Combine(_dir, "in-place"), swapped = Path.Combine(_dir, "swapped");
        foreach (var o in new[] { inPlace, swapped })
        {
            Rebuild(content, themes, o, 0);
            // The user's: a file at the top, a hidden folder, an empty folder and a note in a neighbourhood's folder.
            File.WriteAllText(Path.Combine(o, "CNAME"), "wijken.example.nl");
            Directory.CreateDirectory(Path.Combine(o, ".well-known"));
            File.WriteAllText(Path.Combine(o, ".well-known", "security.txt"), "Contact: mailto:web@example.nl");
            Directory.CreateDirectory(Path.Combine(o, "leeg"));
            File.WriteAllText(Path.Combine(o, "zonnedal", "de-akkers", "notities.txt"), "van de gemeente");
        }
        var cname = File.GetLastWriteTimeUtc(Path.Combine(inPlace, "CNAME"));
        var untouched = Path.Combine("assets", "default", "css", "print.css");
        var before = File.GetLastWriteTimeUtc(Path.Combine(inPlace, untouched));
        Thread.Sleep(20);

        // One figure changes and a neighbourhood goes: new files, stale files and a folder that keeps only the user's note.
        string scenario = Path.Combine(content, "zonnedal", "molenkwartier", "neighbourhood.yaml");
        string text = File.ReadAllText(scenario);
        Assert.Contains("onderhoud ketel, value: 545", text, StringComparison.Ordinal);
        File.WriteAllText(scenario, text.Replace("onderhoud ketel, value: 545", "onderhoud ketel, value: 585", StringComparison.Ordinal));
        string akkers = Path.Combine(content, "zonnedal", "de-akkers"), aside = Path.Combine(_dir, "de-akkers");
        Directory.Move(akkers, aside);
        var a = Rebuild(content, themes, inPlace, OutputWriter.InPlaceLimit);
        var b = Rebuild(content, themes, swapped, 0);
        Assert.True(a.InPlace);
        Assert.False(b.InPlace);
        Assert.Equal(b.Written, a.Written);
        Assert.True(a.Written > 0);
        Assert.Equal(Tree(swapped), Tree(inPlace));
        Assert.True(File.Exists(Path.Combine(inPlace, "zonnedal", "de-akkers", "notities.txt")));
        Assert.False(File.Exists(Path.Combine(inPlace, "zonnedal", "de-akkers", "index.html")));
        Assert.Equal(cname, File.GetLastWriteTimeUtc(Path.Combine(inPlace, "CNAME")));
        Assert.Empty(Leftovers());

        // The neighbourhood comes back: its folders are made again, around the user's note.
        Directory.Move(aside, akkers);
        a = Rebuild(content, themes, inPlace, OutputWriter.InPlaceLimit);
        b = Rebuild(content, themes, swapped, 0);
        Assert.True(a.InPlace);
        Assert.Equal(Tree(swapped), Tree(inPlace));
        Assert.True(File.Exists(Path.Combine(inPlace, "zonnedal", "de-akkers", "index.html")));
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(inPlace, untouched)));
        Assert.Empty(Leftovers());

        // A rebuild killed half-way through its commit, when the old manifest was moved aside: the next build finishes
        // undoing it before it reads the output (else the output would look like a folder SiteGen did not make).
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("onderhoud ketel, value: 585", "onderhoud ketel, value: 595", StringComparison.Ordinal));
        KillAt(inPlace, (_, path) => path == OutputManifest.FileName,
            hook => SiteBuilder.Build(new BuildOptions(content, inPlace, BuiltSite.BuildDate, ThemesDir: themes, CommitMoved: hook)));
        Assert.False(File.Exists(OutputManifest.PathIn(inPlace)));
        Assert.NotEmpty(Leftovers());
        a = Rebuild(content, themes, inPlace, OutputWriter.InPlaceLimit);
        b = Rebuild(content, themes, swapped, 0);
        Assert.True(a.InPlace);
        Assert.Equal(b.Written, a.Written);
        Assert.Equal(Tree(swapped), Tree(inPlace));
        Assert.Empty(Leftovers());

        // A rebuild with nothing changed rewrites nothing, the manifest included. The content's files are dated back past
        // Digests.Settle first and one rebuild records their stamps: else whether the last rebuild starts more than 3 s after
        // the edit above decides whether it records a stamp (a manifest changed on a slow machine only).
        foreach (var file in Directory.GetFiles(content, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - TimeSpan.FromHours(1));
        Assert.Equal(0, Rebuild(content, themes, inPlace, OutputWriter.InPlaceLimit).Written);
        var manifest = File.GetLastWriteTimeUtc(OutputManifest.PathIn(inPlace));
        a = Rebuild(content, themes, inPlace, OutputWriter.InPlaceLimit);
        Assert.Equal(0, a.Written);
        Assert.Equal(manifest, File.GetLastWriteTimeUtc(OutputManifest.PathIn(inPlace)));
    }

    // A small output: the previous build's files, and a rebuild that changes one, adds one in a new folder and drops one.
    private static readonly Dictionary<string, string> First = new()
    {
        ["index.html"] = "<a href=\"a/\">a</a><a href=\"b/\">b</a>", ["a/index.html"] = "<p>a</p>", ["b/index.html"] = "<p>b</p>",
        ["data/results.csv"] = "n;x\n1;2\n",
    };

    private static readonly Dictionary<string, string> Second = new()
    {
        ["index.html"] = "<a href=\"a/\">a</a><a href=\"c/d/\">c</a>", ["a/index.html"] = "<p>a</p>", ["c/d/index.html"] = "<p>c</p>",
        ["data/results.csv"] = "n;x\n1;3\n",
    };

    private static WriteStats Write(string output, Dictionary<string, string> site, int limit = OutputWriter.InPlaceLimit, Action<string>? afterMove = null)
    {
        using var staging = OutputWriter.Begin(output);
        var files = new SiteFiles(staging);
        foreach (var (path, text) in site.OrderBy(x => x.Key, StringComparer.Ordinal)) files.Add(path, Encoding.UTF8.GetBytes(text));
        return staging.Finish(files, afterMove: afterMove, inPlaceLimit: limit);
    }

    /// <summary>The output as a kill would leave it: the output, the staging and the undo folder copied aside.</summary>
    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var e in new DirectoryInfo(from).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, e.FullName));
            if (e is DirectoryInfo) Directory.CreateDirectory(target);
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(e.FullName, target);
            }
        }
    }

    private sealed class CutShort : Exception;

    [Fact]
    public void A_commit_cut_short_after_any_move_is_undone_at_once_and_a_killed_one_is_undone_or_finished_by_the_next_build()
    {
        string output = Path.Combine(_dir, "site");
        Write(output, First);
        File.WriteAllText(Path.Combine(output, "CNAME"), "wijken.example.nl");
        var old = Tree(output);
        // How many moves the commit makes: old versions aside, new files in, the manifest last.
        string probe = Path.Combine(_dir, "probe");
        Write(probe, First);
        var moves = new List<string>();
        Assert.True(Write(probe, Second, afterMove: moves.Add).InPlace);
        var @new = Tree(probe);
        @new["CNAME"] = old["CNAME"];
        Assert.Equal(OutputManifest.FileName, moves[^1]);
        Assert.True(moves.Count >= 6, string.Join(", ", moves));

        for (int cut = 1; cut <= moves.Count; cut++)
        {
            KillAt(output, cut);
            Assert.NotEmpty(Directory.GetFileSystemEntries(_dir, ".site.undo-*"));
            Assert.True(OutputWriter.FinishInterrupted(output));
            Assert.Equal(cut == moves.Count ? @new : old, Tree(output));
            Assert.Empty(Directory.GetFileSystemEntries(_dir, ".site.*"));
            Assert.False(OutputWriter.FinishInterrupted(output));
            if (cut == moves.Count) { Directory.Delete(output, recursive: true); Write(output, First); File.WriteAllText(Path.Combine(output, "CNAME"), "wijken.example.nl"); }
        }

        // Killed again while the next build undid the commit: the first file was put back, and stays.
        KillAt(output, moves.Count - 1);
        string undo = Assert.Single(Directory.GetDirectories(_dir, ".site.undo-*"));
        File.Delete(Path.Combine(output, "index.html"));
        File.Move(Path.Combine(undo, "index.html"), Path.Combine(output, "index.html"));
        Assert.True(OutputWriter.FinishInterrupted(output));
        Assert.Equal(old, Tree(output));
        Assert.Empty(Directory.GetFileSystemEntries(_dir, ".site.*"));
    }

    /// <summary>
    /// Rebuilds <see cref="First"/> as <see cref="Second"/> and cuts the commit short after its <paramref name="cut"/>-th
    /// move: checks the failure was undone at once, then puts back what a kill at that moment leaves on disk.
    /// </summary>
    private void KillAt(string output, int cut) => KillAt(output, (n, _) => n == cut, hook => Write(output, Second, afterMove: hook));

    /// <param name="cutAfter">Given the number of moves so far and the path just moved: whether to cut the commit short here.</param>
    private void KillAt(string output, Func<int, string, bool> cutAfter, Action<Action<string>> rebuild)
    {
        var old = Tree(output);
        string killed = Path.Combine(_dir, "killed");
        string prefix = "." + Path.GetFileName(output) + ".*";
        int n = 0;
        Assert.Throws<CutShort>(() => rebuild(path =>
        {
            if (!cutAfter(++n, path)) return;
            foreach (var entry in Directory.GetFileSystemEntries(_dir, prefix).Append(output))
                CopyTree(entry, Path.Combine(killed, Path.GetFileName(entry)));
            throw new CutShort();
        }));
        // Undone at once: the output as it was, nothing left beside it.
        Assert.Equal(old, Tree(output));
        Assert.Empty(Directory.GetFileSystemEntries(_dir, prefix));
        Directory.Delete(output, recursive: true);
        foreach (var entry in Directory.GetFileSystemEntries(killed)) Directory.Move(entry, Path.Combine(_dir, Path.GetFileName(entry)));
        Directory.Delete(killed);
    }

    [Fact]
    public void A_folder_of_the_output_that_became_a_link_is_never_written_through()
    {
        string output = Path.Combine(_dir, "site"), elsewhere = Path.Combine(_dir, "elsewhere");
        Write(output, First);
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "index.html"), "van iemand anders");
        // b/index.html goes with the rebuild: in place it would be moved out of a folder that is not the output's.
        Directory.Delete(Path.Combine(output, "b"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(output, "b"), elsewhere);
        var stats = Write(output, Second);
        Assert.False(stats.InPlace);
        Assert.Equal("van iemand anders", File.ReadAllText(Path.Combine(elsewhere, "index.html")));
        Assert.NotNull(new DirectoryInfo(Path.Combine(output, "b")).LinkTarget);
        // c/d/index.html would be written through a link: refused, and the output stays as it was.
        File.Delete(Path.Combine(output, "b"));
        Write(output, First);
        Assert.False(Directory.Exists(Path.Combine(output, "c")));
        Directory.CreateSymbolicLink(Path.Combine(output, "c"), elsewhere);
        var e = Assert.Throws<UnsafeOutputException>(() => Write(output, Second));
        Assert.Contains("niet door SiteGen geschreven", e.Message, StringComparison.Ordinal);
        Assert.Equal(["index.html"], Directory.GetFileSystemEntries(elsewhere).Select(Path.GetFileName));
        Assert.Equal("<p>b</p>", File.ReadAllText(Path.Combine(output, "b", "index.html")));
        Assert.Empty(Directory.GetFileSystemEntries(_dir, ".site.*"));
    }

    [Fact]
    public void More_changes_than_the_limit_swap()
    {
        string output = Path.Combine(_dir, "site");
        Write(output, First);
        Assert.False(Write(output, Second, limit: 3).InPlace);
        Assert.True(Write(output, First, limit: 4).InPlace);
        Assert.Equal(First.Keys.Append(OutputManifest.FileName).Concat(["a", "b", "data"]).Order(StringComparer.Ordinal),
            Tree(output).Keys.Order(StringComparer.Ordinal));
    }
}
