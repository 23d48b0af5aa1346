using System.Runtime.InteropServices;

namespace SiteGen.Rendering.Pipeline;

public sealed record WriteStats(int Written, int Unchanged);

/// <summary>
/// Writes the site atomically: into a fresh directory next to the output folder, then swaps it in. A failed or
/// interrupted build leaves the previous output exactly as it was. Files whose bytes did not change are hard-linked
/// from the previous output, so they are not rewritten and keep their modification time.
/// </summary>
public static partial class OutputWriter
{
    public static WriteStats Write(SiteFiles files, string outDir)
    {
        string full = Path.GetFullPath(Path.TrimEndingDirectorySeparator(outDir));
        string parent = Path.GetDirectoryName(full) ?? throw new InvalidOperationException("the output folder cannot be a file system root");
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(full);
        string staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}");
        string old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        Recover(parent, name, full);
        int written = 0, unchanged = 0;
        try
        {
            Directory.CreateDirectory(staging);
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
            // Two renames: the old output stays complete until the new one is in place.
            if (Directory.Exists(full)) Directory.Move(full, old);
            Directory.Move(staging, full);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (!Directory.Exists(full) && Directory.Exists(old)) Directory.Move(old, full);
            throw;
        }
        return new WriteStats(written, unchanged);
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
    /// Tidies up after a build that was killed: a staging folder is deleted (the live output was never touched);
    /// an output moved aside but not yet replaced is put back.
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
