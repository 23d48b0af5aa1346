using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;

namespace SiteGen.Content.Loading;

/// <summary>Reads content/sources.yaml: the documents that values cite.</summary>
internal static partial class SourcesReader
{
    /// <param name="unusable">Ids written in sources.yaml but invalid, or null when the file itself could not be read:
    /// citing them is not reported again.</param>
    /// <param name="publishers">Where each source's publisher is written (file, line, column), for findings about it later.</param>
    public static Dictionary<string, SourceDocument> Read(string root, DiagnosticBag diag, out HashSet<string>? unusable,
        out Dictionary<string, (string File, int Line, int Column)> publishers)
    {
        var result = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        unusable = null;
        publishers = new Dictionary<string, (string, int, int)>(StringComparer.Ordinal);
        const string rel = "sources.yaml";
        var ctx = new YamlContext(Display(root, rel), diag);
        var yaml = YamlFile.Load(Path.Combine(root, rel), ctx.Path, diag);
        Schema.SchemaCheck.Validate(yaml, Schema.SchemaCheck.Sources, ctx);
        var map = MapReader.From(yaml, ctx, "sources.yaml");
        if (map is null) return result;
        // An emptied file (a bad merge, a save over it) made every citation an error: 165 of them in the example, none
        // at the file. One finding here, and the citations are not checked against an empty list (unusable stays null).
        if (!map.Entries().Any())
        {
            diag.Error(ctx.Path, 1, 1, Codes.MissingKey,
                "sources.yaml is leeg: hier horen de documenten waar de waarden naar verwijzen (id, short, title, publisher, date); zet ze terug, bijvoorbeeld uit de vorige versie");
            return result;
        }
        unusable = [];
        foreach (var (id, keyNode, value) in map.Entries())
        {
            if (!MapReader.IsSlug(id))
            {
                ctx.Error(keyNode, Codes.WrongType, $"de id van bron '{id}' moet bestaan uit kleine letters, cijfers en '-', bijvoorbeeld warmtestudie-2025");
                continue;
            }
            var doc = MapReader.From(value, ctx, $"bron '{id}'");
            if (doc is null)
            {
                unusable.Add(id);
                continue;
            }
            var shortName = doc.String("short");
            var title = doc.String("title");
            var publisher = doc.String("publisher");
            var dateNode = doc.Get("date", required: true);
            var url = doc.String("url", required: false);
            var reference = doc.String("reference", required: false);
            doc.Done();
            DateOnly? date = dateNode is null ? null : References.ParseDate(dateNode, ctx, $"'date' van bron '{id}'");
            if (url is not null && !References.IsWebAddress(url))
            {
                ctx.Error(doc.Get("url", required: false)!, Codes.UnsafeLink, $"'url' van bron '{id}' moet beginnen met https:// of http://; er staat '{url}'");
                url = null;
            }
            if (shortName is null || title is null || publisher is null || date is null)
            {
                unusable.Add(id);
                continue;
            }
            result[id] = new SourceDocument(id, shortName, title, publisher, date.Value, url, reference);
            var (line, column) = ctx.Position(doc.Get("publisher", required: false)!);
            publishers[id] = (ctx.Path, line, column);
        }
        return result;
    }

    /// <summary>A path as the user can open it: relative to the working directory when the content lies below it.</summary>
    public static string Display(string root, string relative)
    {
        string full = Path.GetFullPath(Path.Combine(root, relative));
        string rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return (rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel).Replace('\\', '/');
    }

    /// <summary>
    /// Sources whose publisher names another municipality than the site's own: the example's shared files copied for a
    /// new site cite "Gemeente Putten", which residents of another municipality would read as the source of their figures.
    /// </summary>
    /// <param name="names">The site's municipalities, as their municipality.yaml names them ("Gemeente Putten").</param>
    public static void OtherMunicipalities(IReadOnlyDictionary<string, SourceDocument> sources,
        IReadOnlyDictionary<string, (string File, int Line, int Column)> publishers, IReadOnlyList<string> names, DiagnosticBag diag)
    {
        if (names.Count == 0) return;
        var own = names.Select(Bare).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, doc) in sources)
        {
            if (!publishers.TryGetValue(id, out var at)) continue;
            var other = MunicipalityNamed().Matches(doc.Publisher).Select(m => m.Groups[1].Value).FirstOrDefault(n => !own.Contains(n));
            if (other is null) continue;
            diag.Warning(at.File, at.Line, at.Column, Codes.OtherMunicipality,
                $"bron '{id}' is van of voor de gemeente {other}, maar {other} staat niet op deze site: "
                + $"bewoners lezen '{doc.Short}' als bron bij elke waarde die haar noemt. Geef die waarden uw eigen bron, of laat deze staan als ze ook voor uw gemeente geldt");
        }
    }

    // "Gemeente Putten" and "Putten" name the same municipality.
    private static string Bare(string name) => MunicipalityNamed().Match(name) is { Success: true } m && m.Index == 0 ? m.Groups[1].Value : name.Trim();

    // "gemeente Putten", "Gemeente 's-Hertogenbosch", "gemeente Súdwest-Fryslân": the capitalised words after it.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i:gemeente)\s+((?:'s-)?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)")]
    private static partial System.Text.RegularExpressions.Regex MunicipalityNamed();
}
