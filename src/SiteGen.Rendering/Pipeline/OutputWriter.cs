using System.Runtime.InteropServices;
using SiteGen.Content.Loading;

namespace SiteGen.Rendering.Pipeline;

public sealed record WriteStats(int Written, int Unchanged, int Preserved = 0);

/// <summary>
/// Writes the site atomically and touches only what SiteGen wrote itself.
/// <para>
/// Design: the new site is assembled in a staging folder next to the output and swapped in with two directory renames,
/// so a failed or killed build leaves the previous output exactly as it was (<see cref="Recover"/> finishes or undoes a
/// swap that was interrupted). Files the build did not write (not listed in the previous manifest: .git/, CNAME,
/// .well-known/, a hand-placed robots.txt) are hard-linked into the staging folder before the swap, so they come out
/// identical (same inode, bytes and time) and the old output stays complete until the very last rename. Writing in place
/// with a rename per file was rejected: a build killed half-way would leave a mix of old and new pages. Files whose bytes
/// did not change are hard-linked from the previous output too, so they keep their modification time. Files listed in
/// the previous manifest that this build does not produce are stale and disappear with the old folder. A file of the
/// user's that the build would replace is refused before the swap, and the staging folder is deleted: the output is
/// not touched.
/// </para>
/// <para>
/// A build stages its files while it renders (<see cref="Begin"/>, <see cref="Staging.Stage"/>), so no page has to stay
/// in memory until the end; <see cref="Staging.Finish"/> does the checks that need the whole site and the swap, and a
/// build that fails in any way ends with <see cref="Staging.Abort"/>, which only deletes the staging folder.
/// </para>
/// </summary>
public static partial class OutputWriter
{
    /// <summary>Writes a site that was built in memory: stage everything, then finish.</summary>
    public static WriteStats Write(SiteFiles files, string outDir, BuildCache? cache = null)
    {
        using var staging = Begin(outDir);
        foreach (var path in files.All.Keys) staging.Stage(path, files.Read(path));
        return staging.Finish(files, cache);
    }

    /// <summary>Tidies up after a killed build, reads which files the previous build wrote and creates the staging folder.</summary>
    public static Staging Begin(string outDir)
    {
        // Resolved, so an output that is a symbolic link keeps its link: the folder it points to is what gets swapped.
        string full = SymlinkGuard.RealPath(outDir);
        string parent = Path.GetDirectoryName(full) ?? throw new UnsafeOutputException("de uitvoermap kan niet de hoofdmap van het bestandssysteem zijn");
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(full);
        Recover(parent, name, full);
        var managed = Managed(full, outDir);
        var staging = new Staging(outDir, full, Path.Combine(parent, $".{name}.new-{Environment.ProcessId}"), Path.Combine(parent, $".{name}.old-{Environment.ProcessId}"), managed);
        try
        {
            Directory.CreateDirectory(staging.Folder);
            if (Directory.Exists(full) && !OperatingSystem.IsWindows()) File.SetUnixFileMode(staging.Folder, File.GetUnixFileMode(full));
        }
        catch
        {
            staging.Abort();
            throw;
        }
        return staging;
    }

    /// <summary>A build's staging folder: files go in as they are rendered; the output changes only in <see cref="Finish"/>.</summary>
    public sealed class Staging : IDisposable
    {
        private readonly string _outDir, _full, _old;
        private readonly HashSet<string> _managed;
        // Which paths were staged: two outputs of one path must not race for its file (the build reports them later).
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _staged = new(StringComparer.Ordinal);
        private int _written, _unchanged;
        private bool _done;

        internal Staging(string outDir, string full, string folder, string old, HashSet<string> managed)
        {
            (_outDir, _full, Folder, _old, _managed) = (outDir, full, folder, old, managed);
            Root = folder;
        }

        /// <summary>The staging folder.</summary>
        public string Folder { get; }

        /// <summary>Where the staged files are now: the staging folder, after <see cref="Finish"/> the output.</summary>
        public string Root { get; private set; }

        /// <summary>
        /// Puts one file into the staging folder: a hard link to the previous output's file when the bytes are the same
        /// (so it keeps its time), else the bytes. Safe to call from several threads for different paths.
        /// </summary>
        /// <returns>False when the path was staged already (the build reports the double output).</returns>
        public bool Stage(string path, ReadOnlySpan<byte> bytes)
        {
            if (_done) throw new InvalidOperationException("the staging folder was finished or abandoned");
            if (!_staged.TryAdd(path, 0)) return false;
            string target = Path.Combine(Folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Only a file the previous build wrote may be linked: a file of the user's at this path is refused in Finish.
            string previous = Path.Combine(_full, path);
            bool same = _managed.Contains(path) && File.Exists(previous) && new FileInfo(previous).Length == bytes.Length
                        && SameBytes(previous, bytes);
            if (same && Keep(previous, target)) Interlocked.Increment(ref _unchanged);
            else
            {
                using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None)) file.Write(bytes);
                Interlocked.Increment(ref _written);
            }
            return true;
        }

        private static bool SameBytes(string file, ReadOnlySpan<byte> bytes)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                int at = 0;
                for (int n; (n = stream.Read(buffer, 0, buffer.Length)) > 0; at += n)
                    if (at + n > bytes.Length || !buffer.AsSpan(0, n).SequenceEqual(bytes.Slice(at, n))) return false;
                return at == bytes.Length;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>
        /// Refuses to replace a file of the user's, adds the files carried over from the previous output and the user's
        /// own files, writes the manifest and swaps the staging folder in. On any error the output stays as it was.
        /// </summary>
        public WriteStats Finish(SiteFiles files, BuildCache? cache = null)
        {
            if (_done) throw new InvalidOperationException("the staging folder was finished or abandoned");
            int preserved = 0;
            try
            {
                foreach (var path in files.Paths)
                    if (Conflict(_full, path, _managed) is { } theirs)
                        throw new UnsafeOutputException($"'{Path.Combine(_outDir, theirs)}' is niet door SiteGen geschreven en de build zou het vervangen; zet het eerst ergens anders neer");
                foreach (var path in files.Paths)
                {
                    if (_staged.ContainsKey(path)) continue;
                    // Not staged while rendering: carried over from the previous output (its bytes did not change).
                    if (!files.CarriedOver.ContainsKey(path)) throw new InvalidOperationException($"'{path}' was not staged");
                    string target = Path.Combine(Folder, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    if (Keep(Path.Combine(_full, path), target)) _unchanged++;
                    else
                    {
                        File.WriteAllBytes(target, files.Read(path));
                        _written++;
                    }
                }
                if (Directory.Exists(_full)) preserved = CarryUnmanaged(_full, Folder, "", _managed);
                // The manifest too is kept as it was when nothing changed, so a no-op rebuild rewrites nothing at all.
                byte[] manifest = new OutputManifest { Files = [.. files.Paths], Cache = cache ?? new BuildCache() }.ToBytes();
                string oldManifest = OutputManifest.PathIn(_full);
                if (!(File.Exists(oldManifest) && File.ReadAllBytes(oldManifest).AsSpan().SequenceEqual(manifest) && Keep(oldManifest, OutputManifest.PathIn(Folder))))
                    File.WriteAllBytes(OutputManifest.PathIn(Folder), manifest);
                // Two renames: the old output stays complete until the new one is in place.
                if (Directory.Exists(_full)) Directory.Move(_full, _old);
                Directory.Move(Folder, _full);
                _done = true;
                Root = _full;
                if (Directory.Exists(_old)) Directory.Delete(_old, recursive: true);
            }
            catch
            {
                if (!_done) Abort();
                throw;
            }
            return new WriteStats(_written, _unchanged, preserved);
        }

        /// <summary>Gives up the build: the staging folder goes, the output is as it was. Safe to call more than once.</summary>
        public void Abort()
        {
            if (_done) return;
            _done = true;
            // The staging folder holds only new files and links to the user's: deleting it loses nothing.
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
            if (!Directory.Exists(_full) && Directory.Exists(_old)) Directory.Move(_old, _full);
        }

        /// <summary>Abandons the staging folder unless it was finished.</summary>
        public void Dispose() => Abort();
    }

    /// <summary>The files the previous build wrote; an unknown non-empty folder is refused (the guard said so already).</summary>
    private static HashSet<string> Managed(string full, string outDir)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { OutputManifest.FileName };
        if (!Directory.Exists(full)) return set;
        OutputManifest? previous;
        try { previous = OutputManifest.Load(full); }
        catch (InvalidDataException e) { throw new UnsafeOutputException(e.Message); }
        if (previous is null)
        {
            if (Directory.EnumerateFileSystemEntries(full).Any())
                throw new UnsafeOutputException($"'{outDir}' is niet leeg en niet door SiteGen gemaakt (er staat geen {OutputManifest.FileName} in); kies een lege of nieuwe map");
            return set;
        }
        set.UnionWith(previous.Files);
        return set;
    }

    /// <returns>The user's entry that writing <paramref name="path"/> would replace, or null.</returns>
    private static string? Conflict(string full, string path, HashSet<string> managed)
    {
        var parts = path.Split('/');
        for (int i = 1; i <= parts.Length; i++)
        {
            string rel = string.Join('/', parts[..i]);
            string disk = Path.Combine(full, rel);
            var info = new FileInfo(disk);
            bool last = i == parts.Length;
            if (info.LinkTarget is not null || info.Exists) { if (!managed.Contains(rel)) return rel; }
            else if (last && Directory.Exists(disk)) return rel;
        }
        return null;
    }

    /// <summary>
    /// Recreates in the staging folder every entry of the old output that the previous build did not write: folders,
    /// files as hard links (copies with their time where links fail), symbolic links as links. Empty folders are the
    /// user's too (SiteGen never leaves one). Folders that only held SiteGen's files are not recreated.
    /// </summary>
    /// <returns>The number of files and links kept.</returns>
    private static int CarryUnmanaged(string from, string to, string rel, HashSet<string> managed)
    {
        int kept = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos("*", options))
        {
            string path = rel.Length == 0 ? entry.Name : rel + "/" + entry.Name;
            string target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                if (managed.Contains(path)) continue;
                File.CreateSymbolicLink(target, link);
                kept++;
            }
            else if (entry is DirectoryInfo dir)
            {
                bool existed = Directory.Exists(target);
                Directory.CreateDirectory(target);
                if (!existed && !OperatingSystem.IsWindows()) File.SetUnixFileMode(target, dir.UnixFileMode);
                int inside = CarryUnmanaged(dir.FullName, target, path, managed);
                kept += inside;
                if (!existed && inside == 0 && dir.EnumerateFileSystemInfos().Any() && !Directory.EnumerateFileSystemEntries(target).Any())
                    Directory.Delete(target);
            }
            else if (!managed.Contains(path))
            {
                Keep(entry.FullName, target);
                kept++;
            }
        }
        return kept;
    }

    /// <summary>Puts the previous file into the new output unchanged: a hard link, or a copy with its time if links fail.</summary>
    private static bool Keep(string previous, string target)
    {
        if (!File.Exists(previous)) return false;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            if (link(previous, target) == 0) return true;
        }
        File.Copy(previous, target);
        File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(previous));
        return true;
    }

    // The BCL has no hard-link API; libc's link(2) is all it takes.
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int link(string oldpath, string newpath);

    /// <summary>
    /// Tidies up after a build that was killed: a staging folder is deleted (the live output was never touched; the
    /// user's files in it are only links); an output moved aside but not yet replaced is put back.
    /// </summary>
    private static void Recover(string parent, string name, string full)
    {
        foreach (var moved in Directory.GetDirectories(parent, $".{name}.old-*").Order(StringComparer.Ordinal))
        {
            if (!Directory.Exists(full)) Directory.Move(moved, full);
            else Directory.Delete(moved, recursive: true);
        }
        foreach (var staging in Directory.GetDirectories(parent, $".{name}.new-*"))
            Directory.Delete(staging, recursive: true);
    }
}
