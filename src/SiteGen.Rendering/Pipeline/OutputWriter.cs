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
/// user's that the build would replace is refused before anything is written.
/// </para>
/// </summary>
public static partial class OutputWriter
{
    public static WriteStats Write(SiteFiles files, string outDir, BuildCache? cache = null)
    {
        // Resolved, so an output that is a symbolic link keeps its link: the folder it points to is what gets swapped.
        string full = SymlinkGuard.RealPath(outDir);
        string parent = Path.GetDirectoryName(full) ?? throw new UnsafeOutputException("de uitvoermap kan niet de hoofdmap van het bestandssysteem zijn");
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(full);
        string staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}");
        string old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        Recover(parent, name, full);

        var managed = Managed(full, outDir);
        foreach (var path in files.Paths)
            if (Conflict(full, path, managed) is { } theirs)
                throw new UnsafeOutputException($"'{Path.Combine(outDir, theirs)}' is niet door SiteGen geschreven en de build zou het vervangen; zet het eerst ergens anders neer");

        int written = 0, unchanged = 0, preserved = 0;
        try
        {
            Directory.CreateDirectory(staging);
            if (Directory.Exists(full) && !OperatingSystem.IsWindows()) File.SetUnixFileMode(staging, File.GetUnixFileMode(full));
            foreach (var path in files.Paths)
            {
                string target = Path.Combine(staging, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                string previous = Path.Combine(full, path);
                bool same = files.CarriedOver.ContainsKey(path)
                            || File.Exists(previous) && new FileInfo(previous).Length == files.All[path].Length
                               && File.ReadAllBytes(previous).AsSpan().SequenceEqual(files.All[path]);
                if (same && Keep(previous, target)) unchanged++;
                else
                {
                    File.WriteAllBytes(target, files.Read(path));
                    written++;
                }
            }
            if (Directory.Exists(full)) preserved = CarryUnmanaged(full, staging, "", managed);
            // The manifest too is kept as it was when nothing changed, so a no-op rebuild rewrites nothing at all.
            byte[] manifest = new OutputManifest { Files = [.. files.Paths], Cache = cache ?? new BuildCache() }.ToBytes();
            string oldManifest = OutputManifest.PathIn(full);
            if (!(File.Exists(oldManifest) && File.ReadAllBytes(oldManifest).AsSpan().SequenceEqual(manifest) && Keep(oldManifest, OutputManifest.PathIn(staging))))
                File.WriteAllBytes(OutputManifest.PathIn(staging), manifest);
            // Two renames: the old output stays complete until the new one is in place.
            if (Directory.Exists(full)) Directory.Move(full, old);
            Directory.Move(staging, full);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
        catch
        {
            // The staging folder holds only new files and links to the user's: deleting it loses nothing.
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (!Directory.Exists(full) && Directory.Exists(old)) Directory.Move(old, full);
            throw;
        }
        return new WriteStats(written, unchanged, preserved);
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
