using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;

namespace SiteGen.Content.Loading;

/// <summary>
/// What a long-running process (<c>sitegen serve</c>) keeps between two reads of the same content folder: each
/// neighbourhood as it was read, with its findings, under a hash of its folder's files. A neighbourhood is read again
/// only when a file in its folder changed, or when anything it is read against changed: the shared content (sources,
/// assumptions, step plans, glossaries, help, every municipality.yaml) or the build date. Hugo's server works the same
/// way: it re-reads what the watcher reports, not the whole site.
/// <para>
/// Once a file watcher reports every change (<see cref="Watch"/>, then <see cref="Changed"/>), a load hashes only the
/// folders with a change in them: hashing every neighbourhood's files again was most of a rebuild of a
/// 2,000-neighbourhood site. Without a watcher, on the first load after <see cref="Watch"/> and after
/// <see cref="Unknown"/> (the watcher lost events), every folder is hashed.
/// </para>
/// </summary>
/// <remarks>Loads: one at a time (the server builds one at a time). <see cref="Changed"/> may be called from any thread at any time.</remarks>
public sealed class ContentCache
{
    internal sealed record Entry(string Hash, Neighbourhood? Neighbourhood, DiagnosticBag Findings);

    private string? _shared;
    private readonly Lock _gate = new();
    private bool _watched, _missed, _missedDuringLoad;
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _next = new(StringComparer.Ordinal);

    /// <summary>Neighbourhoods taken from the cache by the last load (for the log and tests).</summary>
    public int Reused { get; private set; }

    /// <summary>From now on every change under the content folder is reported through <see cref="Changed"/>.</summary>
    public void Watch()
    {
        lock (_gate) _watched = _missed = true; // what happened before the watcher started is not known
    }

    /// <summary>A file or folder under the content folder was created, changed, renamed or deleted.</summary>
    public void Changed(string path)
    {
        lock (_gate) _changed.Add(Path.GetFullPath(path));
    }

    /// <summary>Changes may have been missed: the next load hashes every folder again.</summary>
    public void Unknown()
    {
        lock (_gate) _missed = _missedDuringLoad = true;
    }

    // The folders holding a change since the last load (every ancestor of a changed path); null: not known, hash all.
    private HashSet<string>? _touched;

    /// <summary>
    /// What changed since the last load, first thing in a load; null when not known (no watcher, or events lost). Until
    /// this load ends (<see cref="End"/>) the next one counts as not knowing: a load that stops early loses nothing.
    /// </summary>
    internal IReadOnlySet<string>? TakeChanges()
    {
        lock (_gate)
        {
            var changed = _watched && !_missed ? _changed : null;
            _changed = new HashSet<string>(StringComparer.Ordinal);
            _missed = true;
            _missedDuringLoad = false;
            return changed;
        }
    }

    /// <summary>Starts a load: everything is forgotten when the shared content or the build date changed.</summary>
    internal void Begin(string root, DateOnly buildDate, IReadOnlySet<string>? changed)
    {
        _touched = changed is null ? null : Ancestors(changed);
        string shared = SharedHash(root, buildDate);
        if (shared != _shared) _entries.Clear();
        _shared = shared;
        _next = new Dictionary<string, Entry>(StringComparer.Ordinal);
        Reused = 0;
    }

    private static HashSet<string> Ancestors(IEnumerable<string> paths)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
            for (string? p = path; p is not null && result.Add(p); p = Path.GetDirectoryName(p)) { }
        return result;
    }

    /// <summary>The neighbourhood read from <paramref name="dir"/> when its files are what they were; else null, with the hash to store it under.</summary>
    internal Entry? Find(string dir, out string hash)
    {
        string full = Path.GetFullPath(dir);
        bool known = _entries.TryGetValue(full, out var e);
        // Nothing reported in the folder since it was read: it is what it was, without reading its files.
        if (known && _touched is not null && !_touched.Contains(full))
        {
            hash = e!.Hash;
            return e;
        }
        hash = FolderHash(dir);
        return known && e!.Hash == hash ? e : null;
    }

    /// <summary>Records a neighbourhood of this load (read now or reused); called in folder order after the parallel read.</summary>
    internal void Keep(string dir, Entry entry, bool reused)
    {
        _next[Path.GetFullPath(dir)] = entry;
        if (reused) Reused++;
    }

    /// <summary>Ends a load: folders that are gone are forgotten; changes reported from now on are trusted again.</summary>
    internal void End()
    {
        (_entries, _next) = (_next, _entries);
        lock (_gate) _missed = _missedDuringLoad;
    }

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
            return FileDigest.Of(files(), root, [extra]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: never equal to a stored hash, so the folder is read (and the reader reports the problem).
            return Guid.NewGuid().ToString();
        }
    }
}
