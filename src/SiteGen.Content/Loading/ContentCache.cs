using System.Security.Cryptography;
using System.Text;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;

namespace SiteGen.Content.Loading;

/// <summary>
/// What a long-running process (<c>sitegen serve</c>) keeps between two reads of the same content folder: each
/// neighbourhood as it was read, with its findings, under a hash of its folder's files. A neighbourhood is read again
/// only when a file in its folder changed, or when anything it is read against changed: the shared content (sources,
/// assumptions, step plans, glossaries, help, every municipality.yaml) or the build date. Hugo's server works the same
/// way: it re-reads what the watcher reports, not the whole site.
/// </summary>
/// <remarks>Not thread-safe across loads: one load at a time (the server builds one at a time).</remarks>
public sealed class ContentCache
{
    internal sealed record Entry(string Hash, Neighbourhood? Neighbourhood, DiagnosticBag Findings);

    private string? _shared;
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _next = new(StringComparer.Ordinal);

    /// <summary>Neighbourhoods taken from the cache by the last load (for the log and tests).</summary>
    public int Reused { get; private set; }

    /// <summary>Starts a load: everything is forgotten when the shared content or the build date changed.</summary>
    internal void Begin(string root, DateOnly buildDate)
    {
        string shared = SharedHash(root, buildDate);
        if (shared != _shared) _entries.Clear();
        _shared = shared;
        _next = new Dictionary<string, Entry>(StringComparer.Ordinal);
        Reused = 0;
    }

    /// <summary>The neighbourhood read from <paramref name="dir"/> when its files are what they were; else null, with the hash to store it under.</summary>
    internal Entry? Find(string dir, out string hash)
    {
        hash = FolderHash(dir);
        return _entries.TryGetValue(dir, out var e) && e.Hash == hash ? e : null;
    }

    /// <summary>Records a neighbourhood of this load (read now or reused); called in folder order after the parallel read.</summary>
    internal void Keep(string dir, Entry entry, bool reused)
    {
        _next[dir] = entry;
        if (reused) Reused++;
    }

    /// <summary>Ends a load: folders that are gone are forgotten.</summary>
    internal void End() => (_entries, _next) = (_next, _entries);

    /// <summary>Every file of the content folder outside the neighbourhood folders, path and bytes, plus the build date.</summary>
    private static string SharedHash(string root, DateOnly buildDate) => Hash(() => SharedFiles(root), root, buildDate.ToString("O"));

    private static List<string> SharedFiles(string root)
    {
        var files = new List<string>(Directory.GetFiles(root));
        foreach (var dir in Directory.GetDirectories(root))
        {
            // Reserved folders (assumptions, step-plans, schema) wholly; a municipality folder only its own files.
            bool municipality = File.Exists(Path.Combine(dir, "municipality.yaml"));
            files.AddRange(municipality ? Directory.GetFiles(dir) : Directory.GetFiles(dir, "*", SearchOption.AllDirectories));
        }
        return files;
    }

    private static string FolderHash(string dir) => Hash(() => Directory.GetFiles(dir, "*", SearchOption.AllDirectories), dir, "");

    private static string Hash(Func<IEnumerable<string>> files, string root, string extra)
    {
        try
        {
            return Hash(files(), root, extra);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: never equal to a stored hash, so the folder is read (and the reader reports the problem).
            return Guid.NewGuid().ToString();
        }
    }

    private static string Hash(IEnumerable<string> files, string root, string extra)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        hash.AppendData(Encoding.UTF8.GetBytes(extra));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
