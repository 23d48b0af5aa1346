using SiteGen.Content.Loading;

namespace SiteGen.Rendering.Pipeline;

public static partial class OutputWriter
{
    /// <summary>Up to how many new and stale files a rebuild commits in place instead of swapping the whole folder.</summary>
    public const int InPlaceLimit = 256;

    // The journal of a commit in place, in its undo folder: what the commit moves, so a killed one can be undone.
    private const string JournalName = ".sitegen-journal";

    public sealed partial class Staging
    {
        /// <summary>
        /// A rebuild that changes a few files of a large output commits them in place, with an undo folder, instead of
        /// swapping the folder: a swap hard-links every unchanged file into the new folder and deletes the old one, three
        /// file-system calls per page, which at 20,000 pages was 1.4 s of a 3.4 s rebuild after one neighbourhood's edit.
        /// <para>
        /// The commit moves the old version of each new and each stale file into an undo folder next to the output,
        /// moves the new files in, and the manifest last. Until the manifest is in, the output is a mix of old and new
        /// files for as long as a few hundred renames take; a failure in that window is undone at once, and a killed
        /// build is undone by the next one (<see cref="FinishInterrupted"/>) from the undo folder and its journal. The
        /// swap's window is two renames, so only small commits take this way (<see cref="InPlaceLimit"/>), and only
        /// over an output that is plainly SiteGen's: any folder on the way that is a link, a file, or a file of the
        /// user's where a new file goes, and the build swaps, which refuses what must be refused. The user's files are
        /// not touched at all.
        /// </para>
        /// </summary>
        private sealed class InPlace
        {
            private readonly Staging _s;
            private readonly List<string> _new, _stale, _folders;
            private readonly HashSet<string> _present;

            private InPlace(Staging s, List<string> @new, List<string> stale, List<string> folders, HashSet<string> present) =>
                (_s, _new, _stale, _folders, _present) = (s, @new, stale, folders, present);

            /// <returns>The commit, or null when the build must swap.</returns>
            public static InPlace? Plan(Staging s, SiteFiles files, int limit)
            {
                if (limit <= 0 || !File.Exists(OutputManifest.PathIn(s._full)) || IsLink(s._full)) return null;
                var paths = files.Paths.ToList();
                var site = new HashSet<string>(paths, StringComparer.Ordinal);
                // The staged paths whose bytes are new (what a commit in place moves): the rendered ones not the same as before.
                var @new = files.All.Keys.Where(p => !s._same.ContainsKey(p)).ToList();
                var isNew = @new.ToHashSet(StringComparer.Ordinal);
                var stale = s._managed.Where(p => p != OutputManifest.FileName && !site.Contains(p)).Order(StringComparer.Ordinal).ToList();
                if (@new.Count + stale.Count > limit) return null;
                // What was not staged is carried over from the previous output; anything else is for the swap to report.
                if (paths.Any(p => !files.IsRendered(p) && !files.CarriedOver.ContainsKey(p))) return null;

                // Every folder a file is moved into or out of must be a real folder of the output, never a link out of it.
                // Folders that hold only unchanged files are not looked at: nothing is written there.
                var folders = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in @new.Concat(stale))
                    for (int cut = p.LastIndexOf('/'); cut > 0; cut = p.LastIndexOf('/', cut - 1))
                        if (!folders.Add(p[..cut])) break;
                var kinds = folders.ToDictionary(f => f, f => Kind(Path.Combine(s._full, f)), StringComparer.Ordinal);
                if (kinds.Values.Any(k => k is Entry.File or Entry.Link)) return null;
                var missing = kinds.Where(k => k.Value == Entry.Missing).Select(k => k.Key).Order(StringComparer.Ordinal).ToList();
                // A missing folder may only be for new files: a carried file must be where the previous build left it.
                var made = missing.ToHashSet(StringComparer.Ordinal);
                if (made.Count > 0 && paths.Where(p => !isNew.Contains(p)).Any(p => p.LastIndexOf('/') is > 0 and var cut && made.Contains(p[..cut])))
                    return null;

                // A new file goes where nothing is or where the previous build's file is; a stale one is a file.
                var present = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in @new.Concat(stale))
                {
                    var k = Kind(Path.Combine(s._full, p));
                    if (k == Entry.Folder || (k != Entry.Missing && !s._managed.Contains(p))) return null;
                    if (k != Entry.Missing) present.Add(p);
                }
                return new InPlace(s, @new, stale, missing, present);
            }

            /// <summary>Moves the files in, the manifest last; undoes what it did when anything fails.</summary>
            /// <param name="sameManifest">Whether the manifest, staged already, is the previous output's byte for byte.</param>
            public void Commit(bool sameManifest, Action<string>? afterMove)
            {
                // A rebuild that changed nothing rewrites nothing, not even the manifest.
                if (_new.Count == 0 && _stale.Count == 0 && sameManifest)
                {
                    Directory.Delete(_s.Folder, recursive: true);
                    return;
                }
                // The manifest was staged first: once it is no longer in the staging folder, the commit is done.
                string undo = UndoFolder(_s._full);
                Directory.CreateDirectory(undo);
                var moved = _new.Append(OutputManifest.FileName).ToList();
                _present.Add(OutputManifest.FileName);
                // A new file replaces the previous build's or is added where nothing was: undone differently.
                File.WriteAllLines(Path.Combine(undo, JournalName),
                    [$"staging {Path.GetFileName(_s.Folder)}", .. moved.Select(p => $"{(_present.Contains(p) ? "replace" : "add")} {p}"),
                     .. _stale.Select(p => $"stale {p}"), .. _folders.Select(f => $"folder {f}")]);
                try
                {
                    foreach (var p in moved.Concat(_stale))
                    {
                        if (!_present.Contains(p)) continue;
                        string aside = Path.Combine(undo, p);
                        Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
                        File.Move(Path.Combine(_s._full, p), aside);
                        afterMove?.Invoke(p);
                    }
                    foreach (var f in _folders) Directory.CreateDirectory(Path.Combine(_s._full, f));
                    foreach (var p in moved)
                    {
                        File.Move(Path.Combine(_s.Folder, p), Path.Combine(_s._full, p));
                        afterMove?.Invoke(p);
                    }
                }
                catch
                {
                    Undo(_s._full, undo);
                    throw;
                }
                Done(_s._full, undo);
            }
        }

    }

    /// <summary>What is at a path of the output: the old output's tree and a commit in place both ask.</summary>
    private enum Entry { Missing, Folder, File, Link }

    /// <summary>What is at a path, without following a link.</summary>
    private static Entry Kind(string path)
    {
        try
        {
            var a = File.GetAttributes(path);
            return (a & FileAttributes.ReparsePoint) != 0 ? Entry.Link : (a & FileAttributes.Directory) != 0 ? Entry.Folder : Entry.File;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Entry.Missing;
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static string UndoFolder(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.undo-{Environment.ProcessId}");

    /// <summary>
    /// Finishes or undoes a commit in place that a killed build left: undone while the new manifest was not in yet,
    /// else only tidied up. Call before the output's manifest is read.
    /// </summary>
    /// <returns>Whether anything was left to finish.</returns>
    public static bool FinishInterrupted(string outDir)
    {
        string full = SymlinkGuard.RealPath(outDir);
        string? parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent)) return false;
        bool any = false;
        foreach (var undo in Directory.GetDirectories(parent, $".{Path.GetFileName(full)}.undo-*").Order(StringComparer.Ordinal))
        {
            any = true;
            var journal = Journal.Read(undo);
            string staging = Path.Combine(parent, journal.Staging);
            // The manifest left the staging folder last: the output is the new one and only the tidying was cut short.
            if (journal.Staging.Length > 0 && File.Exists(OutputManifest.PathIn(staging))) Undo(full, undo);
            else Done(full, undo);
        }
        return any;
    }

    private sealed record Journal(string Staging, List<string> Replaced, List<string> Added, List<string> Stale, List<string> Folders)
    {
        public static Journal Read(string undo)
        {
            var j = new Journal("", [], [], [], []);
            string file = Path.Combine(undo, JournalName);
            // Killed before its journal was written, the undo folder holds nothing yet.
            if (!File.Exists(file)) return j;
            foreach (var line in File.ReadAllLines(file))
            {
                int cut = line.IndexOf(' ');
                if (cut < 0) continue;
                string what = line[..cut], path = line[(cut + 1)..];
                if (!OutputManifest.IsSafeRelative(path)) continue;
                if (what == "staging") j = j with { Staging = path };
                else (what switch { "replace" => j.Replaced, "add" => j.Added, "stale" => j.Stale, "folder" => j.Folders, _ => [] }).Add(path);
            }
            return j;
        }
    }

    /// <summary>Puts the output back as it was before a commit in place, from its undo folder and journal.</summary>
    private static void Undo(string full, string undo)
    {
        var j = Journal.Read(undo);
        string staging = Path.Combine(Path.GetDirectoryName(full)!, j.Staging);
        // A new file no longer in the staging folder was moved in: it goes, and the old version comes back. An old version
        // no longer in the undo folder is back already (an undo cut short is run again): the file there is the old one.
        foreach (var p in j.Added)
            if (!Present(Path.Combine(staging, p)) && Present(Path.Combine(full, p))) File.Delete(Path.Combine(full, p));
        foreach (var p in j.Replaced)
            if (Present(Path.Combine(undo, p)) && !Present(Path.Combine(staging, p)) && Present(Path.Combine(full, p))) File.Delete(Path.Combine(full, p));
        foreach (var p in j.Replaced.Concat(j.Stale))
            if (Present(Path.Combine(undo, p))) File.Move(Path.Combine(undo, p), Path.Combine(full, p));
        foreach (var f in Enumerable.Reverse(j.Folders)) RemoveIfEmpty(Path.Combine(full, f));
        Tidy(full, undo, j);
    }

    /// <summary>Tidies up after a commit in place: the undo folder, the staging folder and folders only stale files were in.</summary>
    private static void Done(string full, string undo)
    {
        var j = Journal.Read(undo);
        foreach (var p in j.Stale)
            for (int cut = p.LastIndexOf('/'); cut > 0 && RemoveIfEmpty(Path.Combine(full, p[..cut])); cut = p.LastIndexOf('/', cut - 1)) { }
        Tidy(full, undo, j);
    }

    /// <summary>The undo folder goes first: while it is there, the next build still knows what the commit did.</summary>
    private static void Tidy(string full, string undo, Journal j)
    {
        Directory.Delete(undo, recursive: true);
        string staging = Path.Combine(Path.GetDirectoryName(full)!, j.Staging);
        if (j.Staging.Length > 0 && Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
    }

    private static bool Present(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    /// <returns>Whether the folder was there, empty, and is gone (a folder with anything in it stays).</returns>
    private static bool RemoveIfEmpty(string folder)
    {
        if (!Directory.Exists(folder) || IsLink(folder) || Directory.EnumerateFileSystemEntries(folder).Any()) return false;
        Directory.Delete(folder);
        return true;
    }
}
