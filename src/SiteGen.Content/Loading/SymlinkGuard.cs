using System.IO.Enumeration;
using SiteGen.Content.Diagnostics;
using Names = System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<System.ReadOnlySpan<char>>;

namespace SiteGen.Content.Loading;

/// <summary>
/// Symbolic links inside the content or themes folder must stay inside it: a link to elsewhere would let a build
/// read (and, in a watch loop, publish) files nobody meant to put on the site. Links that point inside are fine.
/// Also resolves paths through symbolic links, for comparing folders by what they really are.
/// </summary>
public static class SymlinkGuard
{
    /// <summary>Reports every symbolic link under <paramref name="root"/> whose target lies outside it (SG013, exit 1).</summary>
    /// <returns>True when no link points outside.</returns>
    /// <param name="only">
    /// When given (serve, told by its file watcher what changed since the last check): only these paths are checked, a
    /// folder among them with everything in it; the rest was checked before.
    /// </param>
    /// <param name="listing">Filled with every folder's entries when the whole folder is walked (<paramref name="only"/> null).</param>
    public static bool Check(string root, DiagnosticBag diag, string what, IReadOnlySet<string>? only = null, ContentListing? listing = null)
    {
        if (!Directory.Exists(root)) return true;
        string real = RealPath(root);
        bool ok = true;
        var pending = new Stack<string>();
        if (only is null) pending.Push(root);
        else
        {
            string full = Path.GetFullPath(root);
            foreach (var path in only.Where(p => IsSameOrInside(full, p)).Order(StringComparer.Ordinal))
            {
                string? link;
                try { link = new FileInfo(path).LinkTarget; } // also a link whose target is gone; null when deleted again
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                if (link is not null) ok &= Judge(path);
                else if (Directory.Exists(path)) pending.Push(path);
            }
        }
        bool Judge(string path)
        {
            string target = RealPath(path);
            if (IsSameOrInside(real, target)) return true;
            diag.Error(SourcesReader.Display(root, Path.GetRelativePath(root, path)), 1, 1, Codes.FileSystem,
                $"deze snelkoppeling (symbolische link) wijst buiten de map {what} (naar '{target}'); kopieer het bestand er liever in");
            return false;
        }
        // Links are judged after the walk, in the order of a depth-first walk, so findings come in the same order on any
        // number of cores. A walk of the whole folder the build started early (ContentListing.StartWalk) is taken as it is.
        string[] starts = [.. pending];
        var tops = (only is null ? listing?.TakeWalk(root) : null) is { } walked ? [walked] : Walk(starts);
        if (only is null) listing?.Fill(root, tops[0]);
        var todo = new Stack<(string Path, ContentListing.Folder Folder)>();
        for (int i = starts.Length - 1; i >= 0; i--) todo.Push((starts[i], tops[i]));
        while (todo.Count > 0)
        {
            var (folder, listed) = todo.Pop();
            int slot = 0;
            foreach (var e in listed.Entries ?? [])
            {
                if (e.Link) ok &= Judge(Path.Join(folder, e.Name));
                else if (e.Folder && listed.Below(slot++) is { } below) todo.Push((Path.Join(folder, e.Name), below));
            }
        }
        return ok;
    }

    /// <summary>
    /// Every folder from these down, by hand without following links (a link is judged by its target and never entered),
    /// each level of folders listed in parallel: listing is the cost, over every file of the content on every build.
    /// One tree per start; a folder that cannot be listed has no entries (null).
    /// </summary>
    internal static ContentListing.Folder[] Walk(string[] start)
    {
        var tops = new ContentListing.Folder[start.Length];
        // One string per name, however many folders hold it: every neighbourhood has its neighbourhood.yaml, index.md,
        // dwellings/ and variants/, and the listing lives as long as the load.
        var names = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        // Each folder to list with where it hangs: the folder above and its slot there, or (none above) its start's index.
        var level = start.Select((path, i) => (Path: path, Above: (ContentListing.Folder?)null, Slot: i)).ToArray();
        while (level.Length > 0)
        {
            var lists = new ContentListing.Entry[]?[level.Length];
            Parallel.For(0, level.Length, i => lists[i] = List(level[i].Path, names));
            var next = new List<(string, ContentListing.Folder?, int)>();
            for (int i = 0; i < level.Length; i++)
            {
                var folder = new ContentListing.Folder(lists[i]);
                if (level[i].Above is { } above) above.Set(level[i].Slot, folder);
                else tops[level[i].Slot] = folder;
                int slot = 0;
                foreach (var e in lists[i] ?? [])
                    if (e.Folder && !e.Link) next.Add((Path.Join(level[i].Path, e.Name), folder, slot++));
            }
            level = [.. next];
        }
        return tops;
    }

    // Not IgnoreInaccessible: a folder that cannot be listed is passed over here as before, but left out of the listing,
    // so whoever needs its files lists it again and meets the error.
    private static readonly EnumerationOptions ListOptions = new() { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>
    /// A folder's entries in ordinal order, each with what the listing keeps (the size and time come with the same
    /// look-up as the link test); null when the folder cannot be listed.
    /// </summary>
    private static ContentListing.Entry[]? List(string dir, Names names)
    {
        try
        {
            var entries = new FileSystemEnumerable<ContentListing.Entry>(dir, (ref FileSystemEntry e) => new ContentListing.Entry(
                    Shared(e.FileName, names),
                    (e.Attributes & FileAttributes.ReparsePoint) != 0, e.IsDirectory, e.Length, e.LastWriteTimeUtc.UtcTicks), ListOptions).ToArray();
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The one string for this name in the walk.</summary>
    private static string Shared(ReadOnlySpan<char> name, Names names)
    {
        if (names.TryGetValue(name, out var known)) return known;
        string made = name.ToString();
        return names.Dictionary.GetOrAdd(made, made);
    }

    /// <summary>The absolute path with every symbolic link resolved; a part that does not exist yet is kept as written.</summary>
    public static string RealPath(string path) => RealPath(Path.GetFullPath(path), 0);

    private static string RealPath(string full, int depth)
    {
        if (depth > 40) throw new IOException($"too many levels of symbolic links at '{full}'");
        full = Path.TrimEndingDirectorySeparator(full);
        string? parent = Path.GetDirectoryName(full);
        if (parent is null) return full; // the root
        string current = Path.Combine(RealPath(parent, depth), Path.GetFileName(full));
        var info = new FileInfo(current);
        if (info.LinkTarget is null) return current;
        string target = Path.IsPathRooted(info.LinkTarget) ? info.LinkTarget : Path.Combine(Path.GetDirectoryName(current)!, info.LinkTarget);
        return RealPath(Path.GetFullPath(target), depth + 1);
    }

    public static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both resolved).</summary>
    public static bool IsSameOrInside(string folder, string path)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        path = Path.TrimEndingDirectorySeparator(path);
        if (string.Equals(folder, path, PathComparison)) return true;
        string prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }
}
