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

    /// <summary>
    /// A folder as the walk listed it: its entries, and the folder below each entry that is a folder (not a link), in the
    /// same order. A tree rather than a map from each folder's full path: at 20,000 pages those paths and the map's nodes
    /// were 1.2 MB of the 2.2 MB the listing held while the first neighbourhoods were drawn (bench/README.md, thirtieth round).
    /// </summary>
    internal sealed class Folder(Entry[]? entries)
    {
        /// <summary>Its entries in ordinal order of their names; null when the folder could not be listed.</summary>
        public Entry[]? Entries { get; } = entries;

        // One slot per entry that is a folder and not a link, in the entries' order; null until listed, and once let go of.
        private readonly Folder?[] _below = entries is null ? [] : new Folder?[entries.Count(e => e.Folder && !e.Link)];

        /// <summary>The slot of the folder below with this name; -1 when there is none (a file, a link, or not there).</summary>
        public int Slot(ReadOnlySpan<char> name)
        {
            int slot = 0;
            foreach (var e in Entries ?? [])
            {
                if (!e.Folder || e.Link) continue;
                if (name.SequenceEqual(e.Name)) return slot;
                slot++;
            }
            return -1;
        }

        /// <summary>The folders below, in the entries' order (each null when not listed or let go of).</summary>
        public Folder? Below(int slot) => Volatile.Read(ref _below[slot]);

        // Written by the walk (one thread per level) and by Forget (a neighbourhood's own slot, read by no other thread).
        public void Set(int slot, Folder? folder) => Volatile.Write(ref _below[slot], folder);
    }

    // The content folder (full path, no separator at its end) and the tree of what is below it; null when not walked,
    // cleared, or the content folder itself let go of.
    private string? _rootPath;
    private Folder? _root;

    private Task<Folder>? _walk;
    private string? _walkRoot;

    /// <summary>
    /// Starts the walk of <paramref name="root"/> on other cores now, for the guard to take when the load gets to it: a
    /// build reads the previous output's manifest and data files (one core's work) before it loads the content.
    /// </summary>
    public void StartWalk(string root)
    {
        if (_walk is not null || !Directory.Exists(root)) return;
        _walkRoot = root;
        _walk = Task.Run(() => SymlinkGuard.Walk([root])[0]);
    }

    /// <summary>The walk started for this root, once done; null when none was started or it failed (the guard walks itself).</summary>
    internal Folder? TakeWalk(string root)
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
        Volatile.Write(ref _root, null);
    }

    /// <summary>
    /// Lets go of a folder's entries and those of every folder below it, once its neighbourhood was read and hashed: at
    /// 20,000 pages the listing held 2.8 MB until the last neighbourhood was read. Asked about again, the folder is not
    /// in the listing and the caller lists the disk (<see cref="FilesUnder"/> answers null).
    /// </summary>
    public void Forget(string dir)
    {
        if (Find(dir, out _, out var parent, out int slot) is null) return;
        if (parent is null) Volatile.Write(ref _root, null);
        else parent.Set(slot, null);
    }

    internal void Fill(string root, Folder top)
    {
        _rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Volatile.Write(ref _root, top);
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
        if (!Filled || Find(dir, out string full, out _, out _) is not { } found) return null;
        var files = new List<File>();
        var pending = new Stack<(string Path, Folder Folder)>();
        pending.Push((full, found));
        while (pending.Count > 0)
        {
            var (folder, listed) = pending.Pop();
            if (listed.Entries is not { } entries) return null;
            int slot = 0;
            foreach (var e in entries)
            {
                if (e.Link) return null;
                if (!e.Folder)
                {
                    files.Add(new File(Path.Join(folder, e.Name), e.Length, e.Written));
                    continue;
                }
                var below = listed.Below(slot++);
                if (!hiddenFolders && e.Name.StartsWith('.')) continue;
                if (below is null) return null;
                pending.Push((Path.Join(folder, e.Name), below));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>The folder <paramref name="dir"/> in the tree (<paramref name="full"/>: its full path), with the folder above it and its slot there (no folder above: the content folder itself); null when not in the listing.</summary>
    private Folder? Find(string dir, out string full, out Folder? parent, out int slot)
    {
        parent = null;
        slot = -1;
        full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        var folder = Volatile.Read(ref _root);
        if (folder is null || _rootPath is null) return null;
        if (full == _rootPath) return folder;
        int from = _rootPath.EndsWith(Path.DirectorySeparatorChar) ? _rootPath.Length : _rootPath.Length + 1;
        if (full.Length <= from || !full.StartsWith(_rootPath, StringComparison.Ordinal) || full[from - 1] != Path.DirectorySeparatorChar) return null;
        foreach (var part in full.AsSpan(from).Split(Path.DirectorySeparatorChar))
        {
            parent = folder;
            slot = folder.Slot(full.AsSpan(from)[part]);
            if (slot < 0 || folder.Below(slot) is not { } below) return null;
            folder = below;
        }
        return folder;
    }
}
