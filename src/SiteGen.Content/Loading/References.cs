using System.Globalization;
using SiteGen.Calculation;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Loading;

/// <summary>Reads the source keys every value carries (source, ref, basis, notes, url) and turns them into citations.</summary>
internal sealed partial class References(IReadOnlyDictionary<string, SourceDocument> sources, HashSet<string>? unusable)
{
    public static readonly IReadOnlyDictionary<string, Basis> Bases = new Dictionary<string, Basis>
    {
        ["stated"] = Basis.Stated, ["inferred"] = Basis.Inferred, ["external"] = Basis.External, ["calibration"] = Basis.Calibration,
        ["assumption"] = Basis.Assumption, ["example"] = Basis.Example,
    };

    /// <summary>A source of this site, to write examples with in messages (not the example site's own).</summary>
    public string? ExampleSource => sources.Keys.FirstOrDefault();

    /// <summary>Reads the source keys of <paramref name="map"/>; <paramref name="inherited"/> is the group's source, if any.</summary>
    public Reference? Read(MapReader map, Reference? inherited = null)
    {
        bool required = inherited is null;
        var sourceNode = map.Get("source", required: false);
        var refText = map.String("ref", required: false);
        var basis = map.Enum("basis", Bases, required: false);
        var notes = map.String("notes", required: false);
        var url = map.String("url", required: false);
        if (url is not null && !IsWebAddress(url))
            map.Context.Error(map.Get("url", required: false)!, Codes.UnsafeLink, $"'url' moet beginnen met https:// of http://; er staat '{url}'");

        if (sourceNode is null)
        {
            if (required)
            {
                // A misspelt 'source' ("sorce") is one mistake, reported as an unknown key with "bedoelt u 'source'?".
                if (map.HasNearMiss("source")) return null;
                map.Context.Error(map.Node, Codes.MissingSource,
                    $"{map.What} heeft geen bron; voeg 'source: <id van een document uit sources.yaml>' en 'ref: <tabel of paragraaf>' toe"
                    + (ExampleSource is { } first ? $", bijvoorbeeld source: {first}, ref: \"Tabel 8.5\"" : ""));
                return null;
            }
            return inherited! with
            {
                Basis = basis ?? inherited.Basis,
                Notes = notes ?? inherited.Notes,
                Ref = refText ?? inherited.Ref,
            };
        }
        if (sourceNode is not YamlScalarNode { Value: { } id })
        {
            map.Context.Error(sourceNode, Codes.WrongType, $"'source' moet de id van een document uit sources.yaml zijn; er staat {MapReader.Describe(sourceNode)}");
            return null;
        }
        if (!sources.TryGetValue(id, out var doc))
        {
            // A source that exists but is broken (or a sources.yaml that could not be read) was reported already.
            if (unusable is null || unusable.Contains(id)) return null;
            map.Context.Error(sourceNode, Codes.UnknownReference,
                $"bron '{id}' staat niet in sources.yaml; wel daarin staan: {string.Join(", ", sources.Keys)}");
            return null;
        }
        if (refText is null)
        {
            map.Context.Error(sourceNode, Codes.MissingSource, $"{map.What} noemt bron '{id}' maar geen 'ref' (de tabel, paragraaf of pagina); voeg bijvoorbeeld ref: \"Tabel 8.5\" toe");
            return null;
        }
        return new Reference(doc, refText, basis ?? Basis.Stated, notes, url);
    }

    public SourceDocument? Lookup(string id) => sources.TryGetValue(id, out var d) ? d : null;

    /// <summary>True when citing this id should be reported as undefined (not when its entry, or sources.yaml, was reported broken).</summary>
    public bool ShouldReportMissing(string id) => unusable is not null && !unusable.Contains(id);

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    public static Citation Cite(string key, Reference r) => new(key, Text(r), r.Basis);

    // A citation's text ("IF Technology (2025), Tabel 8.5") is the same for the same document and place in every
    // neighbourhood: made once, not once per value. `serve` keeps every neighbourhood's inputs, and at 20,000 pages their
    // citations held 285,000 strings (36 MB), most of them copies. Bounded by the distinct (document, place) pairs.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Short, string Ref), string> s_texts = new();

    private static string Text(Reference r) => s_texts.GetOrAdd((r.Document.Short, r.Ref), static k => $"{k.Short}, {k.Ref}");

    // A shared assumption's value gets the same citation in every neighbourhood that does not override it: one object,
    // let go with the value.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ParameterValue, Citation> s_parameterCitations = new();

    /// <summary>The citation of a parameter's value (its id as key): the same object for every neighbourhood.</summary>
    public static Citation Cite(string id, ParameterValue v)
    {
        if (s_parameterCitations.TryGetValue(v, out var c) && c.Key == id) return c;
        c = Cite(id, v.Reference);
        s_parameterCitations.AddOrUpdate(v, c); // two threads may both make it: equal citations, either is kept
        return c;
    }

    public static DateOnly? ParseDate(YamlNode node, YamlContext ctx, string what)
    {
        if (node is YamlScalarNode { Value: { } s } &&
            DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        // 2025-02-30 has the right form: say that the day does not exist, not that the form is wrong.
        if (node is YamlScalarNode { Value: { } text } && DateForm().IsMatch(text))
            ctx.Error(node, Codes.WrongType, $"{what} is {text}, maar die dag bestaat niet; controleer de maand en de dag");
        else
            ctx.Error(node, Codes.WrongType, $"{what} moet een datum zijn in de vorm JJJJ-MM-DD, bijvoorbeeld 2025-08-01; er staat {MapReader.Describe(node)}");
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial System.Text.RegularExpressions.Regex DateForm();
}
