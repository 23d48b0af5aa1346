using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Cli;

/// <summary>
/// 'sitegen new': writes commented starting files from the templates in Scaffold/ (embedded), which build at once.
/// Their numbers are placeholders, each citing a source entry the scaffold adds to sources.yaml for the author to fill in.
/// </summary>
public static partial class Scaffolding
{
    public static string Template(string name, IReadOnlyDictionary<string, string> values)
    {
        using var stream = typeof(Scaffolding).Assembly.GetManifestResourceStream($"scaffold/{name}.template")
                           ?? throw new InvalidOperationException($"template '{name}' is not embedded");
        string text = new StreamReader(stream).ReadToEnd();
        foreach (var (k, v) in values) text = text.Replace("{{" + k + "}}", v);
        return text;
    }

    public static bool IsSlug(string s) => SlugPattern().IsMatch(s);

    public static string Title(string slug) =>
        string.Join(' ', slug.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <returns>The files written, or an error message.</returns>
    public static (List<string> Files, string? Error) Municipality(string content, string slug)
    {
        if (!IsSlug(slug)) return ([], $"'{slug}' is geen geldige id: gebruik kleine letters, cijfers en '-', bijvoorbeeld 'zonnedal'");
        if (Content.Loading.ContentLoader.NotAMunicipality(slug) is { } why) return ([], $"'{slug}' kan geen gemeente zijn: {why}");
        string dir = Path.Combine(content, slug);
        string file = Path.Combine(dir, "municipality.yaml");
        if (File.Exists(file)) return ([], $"{file} bestaat al");
        Directory.CreateDirectory(dir);
        Write(file, Template("municipality.yaml", new Dictionary<string, string> { ["municipality"] = slug, ["MunicipalityTitle"] = Title(slug) }));
        return ([file], null);
    }

    public static (List<string> Files, string? Error) Neighbourhood(string content, string id)
    {
        var parts = id.Split('/');
        if (parts.Length != 2 || !IsSlug(parts[0]) || !IsSlug(parts[1]))
            return ([], $"'{id}' moet de vorm <gemeente>/<wijk> hebben, met kleine letters, cijfers en '-', bijvoorbeeld 'zonnedal/de-akkers'");
        var files = new List<string>();
        if (!File.Exists(Path.Combine(content, parts[0], "municipality.yaml")))
        {
            var (m, error) = Municipality(content, parts[0]);
            if (error is not null) return ([], error);
            files.AddRange(m);
        }
        string dir = Path.Combine(content, parts[0], parts[1]);
        if (Directory.Exists(dir)) return ([], $"{dir} bestaat al");
        string sourceId = $"{parts[0]}-{parts[1]}-studie";
        var values = new Dictionary<string, string> { ["NeighbourhoodTitle"] = Title(parts[1]), ["SourceId"] = sourceId };
        Directory.CreateDirectory(dir);
        Write(Path.Combine(dir, "neighbourhood.yaml"), Template("neighbourhood.yaml", values));
        Write(Path.Combine(dir, "index.md"), Template("index.md", values));
        files.Add(Path.Combine(dir, "neighbourhood.yaml"));
        files.Add(Path.Combine(dir, "index.md"));

        string sources = Path.Combine(content, "sources.yaml");
        string existing = File.Exists(sources) ? File.ReadAllText(sources) : "";
        if (!Regex.IsMatch(existing, $"^{Regex.Escape(sourceId)}:", RegexOptions.Multiline))
        {
            File.AppendAllText(sources, (existing.EndsWith('\n') || existing.Length == 0 ? "" : "\n") +
                $"{sourceId}:\n  short: Studie {Title(parts[1])} (nog invullen)\n  title: \"Nog invullen: de studie waar de cijfers van {Title(parts[1])} uit komen\"\n" +
                $"  publisher: Gemeente {Title(parts[0])}\n  date: 2000-01-01\n", new UTF8Encoding(false));
            files.Add(sources);
        }
        return (files, null);
    }

    private static void Write(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugPattern();
}
