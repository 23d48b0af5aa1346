using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Schema;

/// <summary>
/// Validates a content file against its JSON Schema (content/schema/, embedded in this assembly), the same
/// schema editors use for autocompletion. The YAML tree is converted to JSON with a map from JSON path back
/// to YAML node, so each schema finding points at a line and column.
/// </summary>
public static partial class SchemaCheck
{
    public const string Sources = "sources", Parameters = "parameters", Municipality = "municipality",
        Neighbourhood = "neighbourhood", StepPlan = "step-plan", Narrative = "narrative", Glossary = "glossary", Help = "help";

    // One set of loaded schemas, used by one check at a time: content is read in parallel, and NJsonSchema does not
    // promise that validating against one schema object from several threads at once is safe. A check that finds the
    // set in use waits for it (a check takes about a millisecond) rather than loading a set of its own: a second set
    // costs tens of milliseconds of a core, schema by schema, and a 2,000-page build loaded parts of three.
    private static readonly Lock s_lock = new();
    private static Dictionary<string, JsonSchema>? s_set;

    private static readonly string[] All = [Sources, Parameters, Municipality, Neighbourhood, StepPlan, Narrative, Glossary, Help];

    // Loading the schemas (NJsonSchema on Newtonsoft.Json, cold) is a large part of a small build's start: the set is
    // loaded on another core while the build starts, and taken by the first check.
    private static Task<Dictionary<string, JsonSchema>>? s_preloaded;

    /// <summary>Starts loading the schemas in the background, before any file is read.</summary>
    public static void Preload()
    {
        // Once per process: later loads (serve's rebuilds, tests) find the schemas loaded already.
        if (Interlocked.Exchange(ref s_preloadStarted, 1) == 0)
            s_preloaded = Task.Run(() => All.ToDictionary(n => n, Load, StringComparer.Ordinal));
    }

    private static int s_preloadStarted;

    /// <summary>Runs <paramref name="use"/> on the set of schemas while no other check uses it.</summary>
    private static T WithSchema<T>(string name, Func<JsonSchema, T> use)
    {
        lock (s_lock)
        {
            var set = s_set ??= Interlocked.Exchange(ref s_preloaded, null)?.GetAwaiter().GetResult()
                                 ?? new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
            return use(set.TryGetValue(name, out var s) ? s : set[name] = Load(name));
        }
    }

    /// <summary>A loaded schema, to see that it loads; checks use theirs inside <see cref="WithSchema"/>.</summary>
    public static JsonSchema Get(string name) => WithSchema(name, s => s);

    private static JsonSchema Load(string name)
    {
        using var stream = typeof(SchemaCheck).Assembly.GetManifestResourceStream($"schema/{name}.schema.json")
                           ?? throw new InvalidOperationException($"schema '{name}' is not embedded");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }

    public static void Validate(YamlNode? root, string schema, YamlContext ctx)
    {
        if (root is null) return;
        // While the schemas are still loading (a build's first ~0.3 s), a bag that allows it gets the check later: the
        // typed reading of the first files then runs alongside the loading instead of waiting for it. The schema's
        // findings are secondary (merged at the end of the load), so checking later changes nothing in them.
        if (ctx.Diag.AllowsPending && s_preloaded is { IsCompleted: false })
            ctx.Diag.AddPending(() => Check(root, schema, ctx));
        else Check(root, schema, ctx);
    }

    private static void Check(YamlNode root, string schema, YamlContext ctx)
    {
        JToken json;
        try
        {
            int budget = MaxValues;
            json = ToJson(root, "#/", null, ref budget);
        }
        catch (TooManyValues)
        {
            // Aliases can make a 10-line file stand for billions of values ("billion laughs"): refuse it.
            ctx.Error(root, Codes.Syntax, $"het bestand groeit uit tot meer dan {UnitRange.Dutch(MaxValues)} waarden (door herhalingen met '&anker'/'*alias'); een inhoudsbestand is veel kleiner");
            return;
        }
        var errors = Leaves(WithSchema(schema, s => s.Validate(json))).ToList();
        if (errors.Count == 0) return;
        // Where each value stands in the file: walked again only for a file with errors (most have none).
        var positions = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        int again = MaxValues;
        ToJson(root, "#/", positions, ref again);
        foreach (var error in errors)
        {
            var node = Locate(error, positions) ?? root;
            var (line, column) = ctx.Position(node);
            var (code, message) = Describe(error);
            ctx.Diag.AddSecondary(new Diagnostic(ctx.Path, line, column, Severity.Error, code, $"{message} (volgens schema {schema}.schema.json)"));
        }
    }

    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var e in errors)
        {
            if (e is ChildSchemaValidationError child && child.Errors.Count > 0)
                foreach (var inner in Leaves(child.Errors.SelectMany(kv => kv.Value))) yield return inner;
            else yield return e;
        }
    }

    /// <summary>The node a finding is about; a missing property is reported at the mapping that lacks it.</summary>
    private static YamlNode? Locate(ValidationError e, Dictionary<string, YamlNode> positions)
    {
        string? path = e.Path;
        if (e.Kind == ValidationErrorKind.PropertyRequired && path is not null && path.Contains('.')) path = path[..path.LastIndexOf('.')];
        while (path is not null)
        {
            if (positions.TryGetValue(path, out var node)) return node;
            int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 2 ? path[..cut] : null;
        }
        return null;
    }

    private static (string Code, string Message) Describe(ValidationError e) => e.Kind switch
    {
        ValidationErrorKind.NoAdditionalPropertiesAllowed => (Codes.UnknownKey, $"onbekende sleutel '{e.Property}'"),
        ValidationErrorKind.PropertyRequired => (Codes.MissingKey, $"'{e.Property}' ontbreekt"),
        ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected => (Codes.WrongType, $"'{e.Property}' moet een getal zijn"),
        ValidationErrorKind.StringExpected => (Codes.WrongType, $"'{e.Property}' moet tekst zijn"),
        ValidationErrorKind.BooleanExpected => (Codes.WrongType, $"'{e.Property}' moet true of false zijn"),
        ValidationErrorKind.ObjectExpected => (Codes.WrongType, $"'{e.Property}' moet bestaan uit regels 'sleutel: waarde'"),
        ValidationErrorKind.ArrayExpected => (Codes.WrongType, $"'{e.Property}' moet een lijst zijn"),
        ValidationErrorKind.NotInEnumeration => (Codes.WrongType, $"'{e.Property}' heeft hier een waarde die niet is toegestaan"),
        ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig => (Codes.OutOfRange, $"'{e.Property}' ligt buiten het toegestane bereik"),
        ValidationErrorKind.StringTooShort => (Codes.WrongType, $"'{e.Property}' mag niet leeg zijn"),
        ValidationErrorKind.PatternMismatch => (Codes.WrongType, $"'{e.Property}' heeft niet de verwachte vorm"),
        ValidationErrorKind.TooFewItems or ValidationErrorKind.TooFewProperties => (Codes.MissingKey, $"'{e.Property}' is leeg"),
        _ => (Codes.WrongType, $"'{e.Property}': {e.Kind}"),
    };

    public const int MaxValues = 100_000;

    private sealed class TooManyValues : Exception;

    /// <summary>YAML to JSON with YAML's core schema for plain scalars: numbers, true/false, null; quoted text stays text.</summary>
    /// <param name="positions">When given: each value's node by its schema path (the paths are made only then).</param>
    private static JToken ToJson(YamlNode node, string path, Dictionary<string, YamlNode>? positions, ref int budget)
    {
        if (--budget < 0) throw new TooManyValues();
        positions?.TryAdd(path, node);
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JObject();
                foreach (var (k, v) in map.Children)
                {
                    string key = (k as YamlScalarNode)?.Value ?? "";
                    if (obj.ContainsKey(key)) continue;
                    string child = positions is null ? "" : path == "#/" ? "#/" + key : path + "." + key;
                    positions?.TryAdd(child, k);
                    obj[key] = ToJson(v, child, positions, ref budget);
                }
                return obj;
            case YamlSequenceNode seq:
                var arr = new JArray();
                int i = 0;
                foreach (var item in seq.Children) arr.Add(ToJson(item, positions is null ? "" : $"{path}[{i++}]", positions, ref budget));
                return arr;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: var s }:
                if (s is null or "" or "~" or "null") return JValue.CreateNull();
                if (s is "true" or "false") return new JValue(s == "true");
                if (NumberPattern().IsMatch(s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    return d == decimal.Truncate(d) && Math.Abs(d) < long.MaxValue ? new JValue((long)d) : new JValue(d);
                return new JValue(s);
            case YamlScalarNode scalar:
                return new JValue(scalar.Value ?? "");
            default:
                return JValue.CreateNull();
        }
    }

    [GeneratedRegex(@"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();
}
