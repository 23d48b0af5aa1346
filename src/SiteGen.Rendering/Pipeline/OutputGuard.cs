using SiteGen.Content.Loading;

namespace SiteGen.Rendering.Pipeline;

/// <summary>The output folder cannot safely be written: a usage error (exit 2), raised before anything is touched.</summary>
public sealed class UnsafeOutputException(string message) : Exception(message);

/// <summary>
/// Decides, before a build reads or writes anything, whether --out may be written at all. Like Hugo and rsync we
/// refuse rather than guess: the output must not be, lie in or contain the content or themes folder, must not be
/// the file system root, the home folder, the current folder or one of their ancestors, and an existing non-empty
/// folder must carry a SiteGen manifest. Paths are compared after resolving symbolic links.
/// </summary>
public static class OutputGuard
{
    /// <returns>The folder's manifest when it has one (the build reads it once).</returns>
    public static OutputManifest? Check(BuildOptions options)
    {
        if (Problem(options.OutDir, options.ContentDir, options.Themes, recover: true, out var manifest) is { } problem) throw new UnsafeOutputException(problem);
        return manifest;
    }

    /// <returns>One line saying why the folder may not be written, or null when it may.</returns>
    public static string? Problem(string outDir, string contentDir, string themesDir) => Problem(outDir, contentDir, themesDir, recover: false, out _);

    /// <param name="recover">A build that writes first finishes or undoes what a killed build left half-committed.</param>
    private static string? Problem(string outDir, string contentDir, string themesDir, bool recover, out OutputManifest? manifest)
    {
        manifest = null;
        if (string.IsNullOrWhiteSpace(outDir)) return "--out is leeg; noem de map waarin de site komt, bijvoorbeeld --out output";
        string out_ = SymlinkGuard.RealPath(outDir);
        if (Path.GetDirectoryName(out_) is null) return $"--out '{outDir}' is de hoofdmap van het bestandssysteem; kies een eigen map, bijvoorbeeld --out output";

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && Contains(out_, SymlinkGuard.RealPath(home), out bool same))
            return same ? $"--out '{outDir}' is uw persoonlijke map; kies een eigen map, bijvoorbeeld --out output"
                        : $"--out '{outDir}' bevat uw persoonlijke map; kies een eigen map, bijvoorbeeld --out output";
        if (Contains(out_, SymlinkGuard.RealPath(Directory.GetCurrentDirectory()), out same))
            return same ? $"--out '{outDir}' is de huidige map; de build zou die vervangen, kies een submap, bijvoorbeeld --out output"
                        : $"--out '{outDir}' bevat de huidige map; kies een eigen map, bijvoorbeeld --out output";
        foreach (var (what, dir) in new[] { ("content", contentDir), ("themes", themesDir) })
        {
            string real = SymlinkGuard.RealPath(dir);
            if (Contains(out_, real, out same))
                return same ? $"--out '{outDir}' is de map {what}; de build zou die vervangen, kies een andere map, bijvoorbeeld --out output"
                            : $"--out '{outDir}' bevat de map {what} ('{dir}'); kies een map ernaast, bijvoorbeeld --out output";
            if (SymlinkGuard.IsSameOrInside(real, out_))
                return $"--out '{outDir}' ligt in de map {what} ('{dir}'); kies een map ernaast, bijvoorbeeld --out output";
        }

        if (File.Exists(out_)) return $"--out '{outDir}' is een bestand, geen map";
        if (recover) OutputWriter.FinishInterrupted(out_);
        if (!Directory.Exists(out_) || !Directory.EnumerateFileSystemEntries(out_).Any()) return null; // new or empty: fine
        try
        {
            if ((manifest = OutputManifest.Load(out_)) is not null) return null;
        }
        catch (InvalidDataException e)
        {
            return $"{e.Message}; zonder die lijst weet SiteGen niet welke bestanden van SiteGen zijn en welke van u, dus blijft '{outDir}' onaangeroerd";
        }
        // SiteGen 0.1 kept no manifest but a cache next to the output. It replaced the whole folder on every build, yet
        // anything added since would be lost: refuse as for any unknown folder, and say how to continue.
        string legacy = Path.Combine(Path.GetDirectoryName(out_)!, $".{Path.GetFileName(out_)}.sitegen-cache.json");
        if (File.Exists(legacy))
            return $"'{outDir}' is gemaakt door een eerdere SiteGen die geen lijst van zijn bestanden bijhield; verwijder de map en '{legacy}' één keer en bouw dan opnieuw";
        return $"'{outDir}' is niet leeg en niet door SiteGen gemaakt (er staat geen {OutputManifest.FileName} in); kies een lege of nieuwe map";
    }

    /// <summary>Whether the (resolved) output folder is <paramref name="other"/> or one of its ancestors.</summary>
    private static bool Contains(string out_, string other, out bool same)
    {
        same = string.Equals(Path.TrimEndingDirectorySeparator(out_), Path.TrimEndingDirectorySeparator(other), SymlinkGuard.PathComparison);
        return SymlinkGuard.IsSameOrInside(out_, other);
    }
}
