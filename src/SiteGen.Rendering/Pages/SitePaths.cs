using System.Text;
using SiteGen.Content.Model;

namespace SiteGen.Rendering.Pages;

/// <summary>Where each page lives in the output (its address), and relative links between them.</summary>
public static class SitePaths
{
    public const string Home = "index.html";
    public const string OpenData = "open-data/index.html";

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
    public static string Anchor(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (char c in key) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? char.ToLowerInvariant(c) : '-');
        return "a-" + sb;
    }

    /// <summary>A link from one output file to another, relative so the site works under any base path; "x/index.html" becomes "x/".</summary>
    public static string Relative(string from, string to)
    {
        string fragment = "";
        int hash = to.IndexOf('#');
        if (hash >= 0) (to, fragment) = (to[..hash], to[hash..]);
        var fromDir = from.Split('/')[..^1];
        var target = to.Split('/');
        int common = 0;
        while (common < fromDir.Length && common < target.Length - 1 && fromDir[common] == target[common]) common++;
        var parts = Enumerable.Repeat("..", fromDir.Length - common).Concat(target[common..]).ToList();
        if (parts[^1] == "index.html") parts[^1] = "";
        string path = string.Join('/', parts);
        if (path.Length == 0) path = "./";
        return path + fragment;
    }
}
