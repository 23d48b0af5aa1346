namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// Writes the site atomically: into a fresh directory next to the output folder, then swaps it in.
/// A failed or interrupted build leaves the previous output exactly as it was.
/// </summary>
public static class OutputWriter
{
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

    public static void Write(SiteFiles files, string outDir)
    {
        string full = Path.GetFullPath(Path.TrimEndingDirectorySeparator(outDir));
        string parent = Path.GetDirectoryName(full) ?? throw new InvalidOperationException("the output folder cannot be a file system root");
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(full);
        string staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}");
        string old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        Recover(parent, name, full);
        try
        {
            foreach (var (path, bytes) in files.All)
            {
                string target = Path.Combine(staging, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, bytes);
            }
            Directory.CreateDirectory(staging);
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
    }
}
