using System.Text.RegularExpressions;
using SiteGen.Content.Diagnostics;

namespace SiteGen.Rendering.Themes;

/// <summary>
/// Files in the themes folder that no page will ever use: a theme folder no municipality has (<c>themes/Putten/</c>),
/// a template outside layouts/ and partials/, one without the .sbn extension, a layout no page kind has, a partial no
/// default template and none of the theme's own names. Each was ignored without a word, and the designer saw the
/// default look with no idea why. Warnings: the site still builds as before.
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
            if (name == ThemeSet.DefaultName) continue;
            // The theme's own templates can call partials of their own: those are used.
            var called = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sbn in Directory.Exists(dir) ? Directory.GetFiles(dir, "*" + Theme.Extension, SearchOption.AllDirectories) : [])
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

    private static SortedSet<string> Names(string folder) => Directory.Exists(folder)
        ? new(Directory.GetFiles(folder, "*" + Theme.Extension, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')[..^Theme.Extension.Length]), StringComparer.Ordinal)
        : new(StringComparer.Ordinal);

    [GeneratedRegex("""partial\s+["']([^"']+)["']""")]
    private static partial Regex PartialCall();
}
