using System.Text.RegularExpressions;
using SiteGen.Content.Diagnostics;

namespace SiteGen.Rendering.Themes;

/// <summary>
/// Files in the themes folder that no page will ever use: a theme folder no municipality has (<c>themes/Putten/</c>),
/// a template outside layouts/ and partials/, one without the .sbn extension, a layout no page kind has, a partial no
/// default template and none of the theme's own names. Each was ignored without a word, and the designer saw the
/// default look with no idea why. Warnings: the site still builds as before. Also what a stylesheet loads
/// (<see cref="CheckCss"/>): errors, as a broken link on a page is.
/// </summary>
public static partial class ThemeFolderCheck
{
    private static readonly string[] Folders = ["layouts", "partials", "assets"];

    public static void Check(string root, IReadOnlyCollection<string> municipalities, DiagnosticBag diag)
    {
        if (!Directory.Exists(root)) return;
        string defaults = ThemeSet.DefaultFolder(root);
        var layouts = Names(Path.Combine(defaults, "layouts"));
        var partials = Names(Path.Combine(defaults, "partials"));
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(dir);
            if (name.StartsWith('.')) continue;
            string shown = $"themes/{name}";
            if (name != ThemeSet.DefaultName && !municipalities.Contains(name))
            {
                var near = municipalities.FirstOrDefault(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase));
                diag.Warning(shown, 1, 1, Codes.FileSystem, $"het thema '{name}' hoort bij geen gemeente en wordt niet gebruikt; "
                    + (near is not null ? $"de map van de gemeente heet '{near}'" : $"een thema heet zoals de map van zijn gemeente ({string.Join(", ", municipalities.Order(StringComparer.Ordinal))})"));
                continue;
            }
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
                if (!Path.GetFileName(file).StartsWith('.') && !Path.GetFileName(file).EndsWith(".md", StringComparison.Ordinal))
                    diag.Warning($"{shown}/{Path.GetFileName(file)}", 1, 1, Codes.FileSystem,
                        "dit bestand wordt niet gebruikt: een thema leest alleen layouts/, partials/ en assets/");
            foreach (var sub in Directory.GetDirectories(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                if (!sub!.StartsWith('.') && !Folders.Contains(sub))
                    diag.Warning($"{shown}/{sub}", 1, 1, Codes.FileSystem,
                        $"de map '{sub}' wordt niet gebruikt: een thema leest alleen layouts/, partials/ en assets/");
            CheckCss(dir, shown, name == ThemeSet.DefaultName ? null : Path.Combine(defaults, "assets"), diag);
            if (name == ThemeSet.DefaultName) continue;
            // The theme's own templates can call partials of their own: those are used.
            var called = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sbn in Directory.GetFiles(dir, "*" + Theme.Extension, SearchOption.AllDirectories))
                foreach (Match m in PartialCall().Matches(File.ReadAllText(sbn))) called.Add(m.Groups[1].Value);
            Templates(dir, "layouts", shown, layouts, _ => false, "pagina", diag);
            Templates(dir, "partials", shown, partials, called.Contains, "onderdeel", diag);
        }
    }

    private static void Templates(string dir, string sub, string shown, SortedSet<string> known, Func<string, bool> used, string what, DiagnosticBag diag)
    {
        string folder = Path.Combine(dir, sub);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (Path.GetFileName(file).StartsWith('.') || relative.EndsWith(".md", StringComparison.Ordinal)) continue;
            string display = $"{shown}/{sub}/{relative}";
            string stem = relative.EndsWith(Theme.Extension, StringComparison.Ordinal) ? relative[..^Theme.Extension.Length] : Path.ChangeExtension(relative, null).Replace('\\', '/');
            var near = known.FirstOrDefault(k => string.Equals(k, stem, StringComparison.OrdinalIgnoreCase));
            if (!relative.EndsWith(Theme.Extension, StringComparison.Ordinal))
                diag.Warning(display, 1, 1, Codes.FileSystem, $"dit bestand wordt niet gebruikt: sjablonen eindigen op {Theme.Extension}"
                    + (near is not null ? $"; bedoelt u {sub}/{near}{Theme.Extension}?" : ""));
            else if (!known.Contains(stem) && !used(stem))
                diag.Warning(display, 1, 1, Codes.FileSystem, $"dit sjabloon wordt niet gebruikt: geen {what} heet '{stem}'"
                    + (near is not null ? $"; bedoelt u {sub}/{near}{Theme.Extension} (hoofdletters tellen)?" : $"; de namen in {sub}/ zijn: {string.Join(", ", known)}"));
        }
    }

    /// <summary>
    /// What a theme's stylesheets load: a file of the theme's assets (its own or the default theme's, as published) by a
    /// relative address. A missing font or image was a silent 404, and a font from another site broke the footer's
    /// promise that the site does not follow its readers. Errors at the stylesheet's line and column (SG016).
    /// </summary>
    private static void CheckCss(string dir, string shown, string? fallback, DiagnosticBag diag)
    {
        string assets = Path.Combine(dir, "assets");
        if (!Directory.Exists(assets)) return;
        foreach (var css in Directory.GetFiles(assets, "*.css", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Comments blanked out, positions kept: a url() written in a comment loads nothing.
            string text = CssComment().Replace(File.ReadAllText(css), m => Regex.Replace(m.Value, "[^\n]", " "));
            string relative = Path.GetRelativePath(assets, css).Replace('\\', '/');
            foreach (Match m in CssLoad().Matches(text))
            {
                var target = m.Groups["u"];
                string address = target.Value.Trim();
                if (address.Length == 0 || address.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || address.StartsWith('#')) continue;
                string? problem =
                    ExternalAddress().IsMatch(address) ? $"'{address}' komt van een andere site: die ziet dan wie de pagina leest, en de site belooft dat niemand dat doet; zet het bestand in de assets/ van het thema"
                    : address.StartsWith('/') ? $"'{address}' begint met '/': schrijf het adres vanaf dit css-bestand (zoals ../fonts/x.woff2), want de site kan in een submap staan"
                    : Exists(assets, fallback, relative, address) ? null
                    : $"'{address}' staat niet in de assets/ van het thema (gezocht vanaf {relative}); zet het bestand daar of pas het adres aan";
                if (problem is null) continue;
                int line = text.AsSpan(0, target.Index).Count('\n') + 1;
                int column = target.Index - (text.LastIndexOf('\n', Math.Max(target.Index - 1, 0)) + 1) + 1;
                diag.Error($"{shown}/assets/{relative}", line, column, Codes.BrokenLink, problem);
            }
        }
    }

    /// <summary>Whether <paramref name="address"/>, relative to the stylesheet, names a file of the published assets.</summary>
    private static bool Exists(string assets, string? fallback, string cssRelative, string address)
    {
        string path = address.Split('?', '#')[0];
        string folder = Path.GetDirectoryName(cssRelative) ?? "";
        string joined = Path.GetFullPath(Path.Combine(assets, folder, Uri.UnescapeDataString(path)));
        string rootFull = Path.GetFullPath(assets) + Path.DirectorySeparatorChar;
        if (!joined.StartsWith(rootFull, StringComparison.Ordinal)) return false; // outside the assets: not published
        if (File.Exists(joined)) return true;
        return fallback is not null && File.Exists(Path.Combine(fallback, Path.GetRelativePath(Path.GetFullPath(assets), joined)));
    }

    [GeneratedRegex("""url\(\s*(?<q>["']?)(?<u>[^"')]*)\k<q>\s*\)|@import\s+(?<q2>["'])(?<u>[^"']*)\k<q2>""", RegexOptions.IgnoreCase)]
    private static partial Regex CssLoad();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    [GeneratedRegex("^([a-z][a-z0-9+.-]*:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAddress();

    private static SortedSet<string> Names(string folder) => Directory.Exists(folder)
        ? new(Directory.GetFiles(folder, "*" + Theme.Extension, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')[..^Theme.Extension.Length]), StringComparer.Ordinal)
        : new(StringComparer.Ordinal);

    [GeneratedRegex("""partial(?:_cached)?\s+["']([^"']+)["']""")]
    private static partial Regex PartialCall();
}
