namespace SiteGen.Content.Loading;

/// <summary>
/// The bytes of the content files one neighbourhood's read has taken from disk, kept on its thread until the
/// neighbourhood is read and drawn: its placeholder scan, its YAML and Markdown readers and its digest each needed
/// them, and each read them again (three reads of every file). The digest now also describes exactly the bytes that
/// were parsed, should a file change while the build runs.
/// </summary>
public static class FileBytes
{
    [ThreadStatic] private static Dictionary<string, byte[]>? t_kept;

    /// <summary>Keeps what is read on this thread until the returned scope ends (a scope inside another has its own).</summary>
    public static Scope Keep()
    {
        var outer = t_kept;
        t_kept = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        return new Scope(outer);
    }

    public readonly struct Scope(Dictionary<string, byte[]>? outer) : IDisposable
    {
        public void Dispose() => t_kept = outer;
    }

    /// <summary>The file's bytes: as read earlier in this scope, else from disk (and kept when in a scope).</summary>
    public static byte[] Read(string path)
    {
        if (t_kept is not { } kept) return File.ReadAllBytes(path);
        if (kept.TryGetValue(path, out var bytes)) return bytes;
        bytes = File.ReadAllBytes(path);
        kept[path] = bytes;
        return bytes;
    }

    /// <summary>The bytes of a file already read in this scope.</summary>
    public static bool TryGetKept(string path, out byte[] bytes)
    {
        bytes = [];
        return t_kept is { } kept && kept.TryGetValue(path, out bytes!);
    }
}
