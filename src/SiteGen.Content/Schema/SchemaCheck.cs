using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Schema;

/// <summary>
/// Validates a content file against its JSON Schema (content/schema/, embedded in this assembly), the same
/// schema editors use for autocompletion. NJsonSchema reads the schemas; <see cref="SchemaWalk"/> checks the YAML tree
/// against them node by node, so each finding points at a line and column.
/// </summary>
public static partial class SchemaCheck
{
    public const string Sources = "sources", Parameters = "parameters", Municipality = "municipality",
        Neighbourhood = "neighbourhood", StepPlan = "step-plan", Narrative = "narrative", Glossary = "glossary", Help = "help";

    // One set of loaded schemas, used by one check at a time: content is read in parallel, and NJsonSchema does not
    // promise that its schema objects may be read from several threads at once. A check that finds the set in use waits
    // for it (a neighbourhood.yaml takes about 0.1 ms) rather than loading a set of its own: a second set costs tens of
    // milliseconds of a core, schema by schema.
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
        var schema = JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
        SchemaWalk.Prepare(schema, name);
        return schema;
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
        int budget = MaxValues;
        if (!WithinBudget(root, ref budget))
        {
            // Aliases can make a 10-line file stand for billions of values ("billion laughs"): refuse it.
            ctx.Error(root, Codes.Syntax, $"het bestand groeit uit tot meer dan {UnitRange.Dutch(MaxValues)} waarden (door herhalingen met '&anker'/'*alias'); een inhoudsbestand is veel kleiner");
            return;
        }
        var findings = WithSchema(schema, s => SchemaWalk.Check(root, s));
        foreach (var finding in findings)
        {
            if (MisspeltThere(finding, findings)) continue;
            var (line, column) = ctx.Position(finding.At);
            var (code, message) = Describe(finding.Kind, finding.Property);
            ctx.Diag.AddSecondary(new Diagnostic(ctx.Path, line, column, Severity.Error, code, $"{message} (volgens schema {schema}.schema.json)"),
                finding.Map is { } map ? ctx.Position(map).Line : null);
        }
    }

    /// <summary>
    /// Whether a required key is missing because it is misspelt: the same map has a key the schema does not allow that is
    /// a likely misspelling of it. That is one mistake, which the typed reader reports as an unknown key with "bedoelt u
    /// ...?"; the schema's "'value' ontbreekt" next to it would tell it twice.
    /// </summary>
    private static bool MisspeltThere(SchemaWalk.Finding missing, IReadOnlyList<SchemaWalk.Finding> findings)
    {
        if (missing.Kind != ValidationErrorKind.PropertyRequired || missing is not { Property: { } name, Map: { } map }) return false;
        foreach (var other in findings)
            if (other.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && ReferenceEquals(other.Map, map)
                && other.Property is { } key && MapReader.Distance(key, name) <= 2)
                return true;
        return false;
    }

    /// <summary>A finding in plain words, with its code.</summary>
    private static (string Code, string Message) Describe(ValidationErrorKind kind, string? property) => kind switch
    {
        ValidationErrorKind.NoAdditionalPropertiesAllowed => (Codes.UnknownKey, $"onbekende sleutel '{property}'"),
        ValidationErrorKind.PropertyRequired => (Codes.MissingKey, $"'{property}' ontbreekt"),
        ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected => (Codes.WrongType, $"'{property}' moet een getal zijn"),
        ValidationErrorKind.StringExpected => (Codes.WrongType, $"'{property}' moet tekst zijn"),
        ValidationErrorKind.BooleanExpected => (Codes.WrongType, $"'{property}' moet true of false zijn"),
        ValidationErrorKind.ObjectExpected => (Codes.WrongType, $"'{property}' moet bestaan uit regels 'sleutel: waarde'"),
        ValidationErrorKind.ArrayExpected => (Codes.WrongType, $"'{property}' moet een lijst zijn"),
        ValidationErrorKind.NotInEnumeration => (Codes.WrongType, $"'{property}' heeft hier een waarde die niet is toegestaan"),
        ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig => (Codes.OutOfRange, $"'{property}' ligt buiten het toegestane bereik"),
        ValidationErrorKind.StringTooShort => (Codes.WrongType, $"'{property}' mag niet leeg zijn"),
        ValidationErrorKind.PatternMismatch => (Codes.WrongType, $"'{property}' heeft niet de verwachte vorm"),
        ValidationErrorKind.TooFewItems or ValidationErrorKind.TooFewProperties => (Codes.MissingKey, $"'{property}' is leeg"),
        _ => (Codes.WrongType, $"'{property}': {kind}"),
    };

    public const int MaxValues = 100_000;

    /// <summary>
    /// Counts the values the file stands for, as a copy of it would hold them (a repeated key once), and stops past
    /// <paramref name="budget"/>: aliases can repeat a node without bound.
    /// </summary>
    private static bool WithinBudget(YamlNode node, ref int budget)
    {
        if (--budget < 0) return false;
        switch (node)
        {
            case YamlMappingNode map:
                var repeats = SchemaWalk.Repeats(map);
                for (int i = 0; i < map.Children.Count; i++)
                    if (repeats?[i] != true && !WithinBudget(map.Children[i].Value, ref budget)) return false;
                return true;
            case YamlSequenceNode seq:
                for (int i = 0; i < seq.Children.Count; i++)
                    if (!WithinBudget(seq.Children[i], ref budget)) return false;
                return true;
            default:
                return true;
        }
    }

    /// <summary>Whether a plain scalar is written as a number (YAML's core schema), before it is read as one.</summary>
    public static bool IsNumber(string text) => NumberPattern().IsMatch(text);

    [GeneratedRegex(@"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();
}
