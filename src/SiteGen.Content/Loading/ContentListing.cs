namespace SiteGen.Content.Loading;

/// <summary>
/// The content folder as the symbolic-link guard walked it at the start of a load: every folder's entries with their
/// sizes and times. A neighbourhood's digest and its placeholder scan take its files from here instead of listing its
/// folders again: at 20,000 pages each such walk opens some 6,000 folders and looks up 22,000 files, 0.1-0.2 s of a
/// core, and an incremental build did it three times. Filled once, then read, and let go of folder by folder as the
/// neighbourhoods are drawn (safe from several threads).
/// </summary>
public sealed class ContentListing
{
    /// <summary>
    /// One entry of a folder: its name (not its path: the listing lives as long as the load, and a large site's content
    /// has tens of thousands of files), whether it is a symbolic link or a folder, its size and last write (UTC ticks).
    /// </summary>
    public readonly record struct Entry(string Name, bool Link, bool Folder, long Length, long Written);

    /// <summary>A file below a folder asked about: its full path, size and last write (UTC ticks).</summary>
    public readonly record struct File(string Path, long Length, long Written);

    // Folder (full path) to its entries in ordinal order; a folder the walk could not list is absent. Concurrent: a
    // neighbourhood's folders are let go of (Forget) while others are still being read.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Entry[]> _folders = new(StringComparer.Ordinal);

    private Task<Dictionary<string, Entry[]?>>? _walk;
    private string? _walkRoot;

    /// <summary>
    /// Starts the walk of <paramref name="root"/> on other cores now, for the guard to take when the load gets to it: a
    /// build reads the previous output's manifest and data files (one core's work) before it loads the content.
    /// </summary>
    public void StartWalk(string root)
    {
        if (_walk is not null || !Directory.Exists(root)) return;
        _walkRoot = root;
        _walk = Task.Run(() => SymlinkGuard.Walk([root]));
    }

    /// <summary>The walk started for this root, once done; null when none was started or it failed (the guard walks itself).</summary>
    internal Dictionary<string, Entry[]?>? TakeWalk(string root)
    {
        if (_walk is not { } walk || _walkRoot != root) return null;
        _walk = null;
        try
        {
            return walk.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the guard walked the whole content folder into this listing (not only what a watcher reported).</summary>
    public bool Filled { get; private set; }

    /// <summary>Lets go of the entries once nobody needs them (a national site's content has 150,000 files); later questions go to the disk.</summary>
    public void Clear()
    {
        Filled = false;
        _folders.Clear();
    }

    /// <summary>
    /// Lets go of a folder's entries and those of every folder below it, once its neighbourhood was read and hashed: at
    /// 20,000 pages the listing held 2.8 MB until the last neighbourhood was read. Asked about again, the folder is not
    /// in the listing and the caller lists the disk (<see cref="FilesUnder"/> answers null).
    /// </summary>
    public void Forget(string dir)
    {
        var pending = new Stack<string>();
        pending.Push(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            if (!_folders.TryRemove(folder, out var entries)) continue;
            foreach (var e in entries)
                if (e.Folder && !e.Link) pending.Push(Path.Join(folder, e.Name));
        }
    }

    internal void Fill(IEnumerable<KeyValuePair<string, Entry[]>> folders)
    {
        foreach (var (dir, entries) in folders) _folders[Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir))] = entries;
        Filled = true;
    }

    /// <summary>
    /// The files below <paramref name="dir"/> (all levels, folders whose name starts with a dot only when
    /// <paramref name="hiddenFolders"/>), in ordinal order of their paths. Null when the listing cannot answer as a
    /// fresh listing of the disk would: not walked, a folder it could not list, or a symbolic link anywhere below (a
    /// link is followed or not depending on who lists; the caller then asks the disk itself).
    /// </summary>
    public List<File>? FilesUnder(string dir, bool hiddenFolders = true)
    {
        if (!Filled) return null;
        var files = new List<File>();
        var pending = new Stack<string>();
        pending.Push(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            if (!_folders.TryGetValue(folder, out var entries)) return null;
            foreach (var e in entries)
            {
                if (e.Link) return null;
                if (!e.Folder) files.Add(new File(Path.Join(folder, e.Name), e.Length, e.Written));
                else if (hiddenFolders || !e.Name.StartsWith('.')) pending.Push(Path.Join(folder, e.Name));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }
}
