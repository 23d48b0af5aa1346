using SiteGen.Content.Model;

namespace SiteGen.Rendering.Pages;

/// <summary>Where each page lives in the output (its address), and relative links between them.</summary>
public static class SitePaths
{
    public const string Home = "index.html";
    public const string OpenData = "open-data/index.html";

    /// <summary>A municipality's list of neighbourhoods: made when the site has more than one municipality.</summary>
    public static string Municipality(string id) => $"{id}/index.html";
    public static string Neighbourhood(Neighbourhood n) => Neighbourhood(n.Id);
    public static string Neighbourhood(string id) => $"{id}/index.html";
    public static string Dwelling(Neighbourhood n, string dwelling) => $"{n.Id}/woningen/{dwelling}/index.html";
    public static string Variant(Neighbourhood n, string variant) => $"{n.Id}/varianten/{variant}/index.html";
    public static string StepPlans(Neighbourhood n) => $"{n.Id}/stappenplannen/index.html";
    public static string Assumptions(Neighbourhood n) => $"{n.Id}/uitgangspunten/index.html";
    public static string Changes(Neighbourhood n) => $"{n.Id}/wat-is-er-veranderd/index.html";
    public static string Glossary(Neighbourhood n) => $"{n.Id}/begrippen/index.html";
    /// <summary>An image or document of the neighbourhood's bestanden/ folder, next to its pages.</summary>
    public static string File(Neighbourhood n, ContentFile f) => $"{n.Id}/{Content.Loading.ContentFiles.Folder}/{f.Name}";

    /// <summary>An HTML id for an input's citation key (keys hold '/' and ':', which make awkward fragments).</summary>
    public static string Anchor(string key) => string.Create(key.Length + 2, key, static (anchor, key) =>
    {
        // Made for every row of every table: one string, no builder.
        anchor[0] = 'a';
        anchor[1] = '-';
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            anchor[i + 2] = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? char.ToLowerInvariant(c) : '-';
        }
    });

    /// <summary>A link from one output file to another, relative so the site works under any base path; "x/index.html" becomes "x/".</summary>
    /// <remarks>Called for every link of every page: it compares the paths in place instead of splitting them.</remarks>
    public static string Relative(string from, string to)
    {
        int hash = to.IndexOf('#');
        ReadOnlySpan<char> target = hash >= 0 ? to.AsSpan(0, hash) : to, fragment = hash >= 0 ? to.AsSpan(hash) : default;
        // The folders of both paths, segment by segment: the common part ends just after a '/' in both.
        ReadOnlySpan<char> fromDir = from.AsSpan(0, from.LastIndexOf('/') + 1);
        int common = 0;
        for (int i = 0; i < fromDir.Length && i < target.Length && fromDir[i] == target[i]; i++)
            if (fromDir[i] == '/') common = i + 1;
        int ups = fromDir[common..].Count('/');
        var rest = target[common..];
        if (rest.EndsWith("index.html", StringComparison.Ordinal) && (rest.Length == 10 || rest[^11] == '/')) rest = rest[..^10];
        if (ups == 0 && rest.Length == 0) return string.Concat("./", fragment);
        return string.Concat(Up(ups), rest, fragment);
    }

    private static readonly string[] Ups = ["", "../", "../../", "../../../", "../../../../", "../../../../../"];

    private static string Up(int levels) => levels < Ups.Length ? Ups[levels] : string.Concat(Enumerable.Repeat("../", levels));
}
