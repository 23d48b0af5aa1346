using System.Globalization;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Schema;

/// <summary>
/// Checks a YAML tree against a schema loaded by NJsonSchema, reading the same schema objects and keywords as
/// NJsonSchema's <see cref="JsonSchemaValidator"/> (10.7.2) and finding what it finds, but on the YAML nodes themselves:
/// no JSON copy of the file, no path strings, no child-error objects. NJsonSchema's own check cost a neighbourhood.yaml
/// 0.87 ms and 438 KB, a fifth of what a 2,000-page build allocated (bench/README.md, "Nineteenth round").
/// </summary>
/// <remarks>
/// Values are typed as the JSON copy typed them (YAML's core schema for plain scalars; a repeated key counts once, the
/// first time). A finding inside a child schema (allOf, items, a map's additionalProperties) is reported as the leaf it
/// was under NJsonSchema, with the name that check gave it (none at the child's own level). Keywords NJsonSchema reads
/// but these schemas do not use are refused when a schema is loaded (<see cref="Prepare"/>), so a schema cannot
/// quietly ask for a rule this check does not apply. <c>SchemaWalkTests</c> hold it to NJsonSchema's validator, finding
/// for finding, on every shipped file and on thousands of broken copies of them.
/// </remarks>
public static class SchemaWalk
{
    /// <summary>
    /// One finding: what is wrong, the name the check gives it, and the node whose position is reported (a mapping
    /// value's key, a list's item, or the root; a missing key at the mapping that lacks it).
    /// </summary>
    /// <param name="Map">For a missing or an unknown key: the mapping that lacks it or has it (to tell a misspelt key, which is both).</param>
    public readonly record struct Finding(ValidationErrorKind Kind, string? Property, YamlNode At, YamlMappingNode? Map = null);

    private enum Token { Null, Boolean, Integer, Float, String, Object, Array }

    /// <summary>
    /// What the check reads of one schema, taken from NJsonSchema's objects once, when the schema is loaded: asked of
    /// those objects for every value (each asking resolves references and enumerates collections), it cost half of what
    /// the walk took.
    /// </summary>
    private sealed class Rules
    {
        public JsonObjectType Type;
        public bool Nullable;
        public Rules[] AllOf = [];
        public Rules? Not, Item, AdditionalProperties;
        public int MinItems, MaxItems, MinProperties, MaxProperties;
        public Regex? Pattern;
        public int? MinLength, MaxLength;
        public decimal? Minimum, Maximum, ExclusiveMinimum, ExclusiveMaximum;
        public bool IsExclusiveMinimum, IsExclusiveMaximum, AllowAdditional;
        public object?[] Enumeration = [];
        public Property[] Properties = [];
        public string[] OtherRequired = [];
        public (Regex Pattern, Rules Rules)[] PatternProperties = [];

        public bool Names(string key)
        {
            foreach (var p in Properties)
                if (p.Name == key) return true;
            return false;
        }
    }

    /// <param name="Nullable">Whether the property as written (not what it refers to) allows null.</param>
    private sealed record Property(string Name, Rules Rules, bool Required, bool Nullable);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSchema, Rules> s_rules = new();

    /// <summary>
    /// Reads what the check needs of a loaded schema, once; throws when the schema uses a keyword NJsonSchema's
    /// validator reads and this check does not (anyOf, oneOf, tuples of items, unique items, formats, multiples, a list
    /// of types), so a schema cannot ask for a rule the build does not apply.
    /// </summary>
    public static void Prepare(JsonSchema schema, string name) =>
        s_rules.AddOrUpdate(schema, Compile(schema, name, new Dictionary<JsonSchema, Rules>(ReferenceEqualityComparer.Instance)));

    private static Rules Compile(JsonSchema schema, string name, Dictionary<JsonSchema, Rules> made)
    {
        var s = schema.ActualSchema;
        if (made.TryGetValue(s, out var done)) return done;
        string? unsupported =
            s.AnyOf.Count > 0 ? "anyOf" : s.OneOf.Count > 0 ? "oneOf" : s.Items.Count > 0 ? "items as a list"
            : s.UniqueItems ? "uniqueItems" : !string.IsNullOrEmpty(s.Format) ? "format" : s.MultipleOf is not null ? "multipleOf"
            : System.Numerics.BitOperations.PopCount((uint)s.Type) > 1 ? "a list of types" : null;
        if (unsupported is not null)
            throw new InvalidOperationException($"schema {name}.schema.json uses '{unsupported}', which the build's check does not apply");
        var r = made[s] = new Rules
        {
            Type = s.Type,
            Nullable = s.IsNullable(SchemaType.JsonSchema),
            MinItems = s.MinItems, MaxItems = s.MaxItems, MinProperties = s.MinProperties, MaxProperties = s.MaxProperties,
            // As NJsonSchema matches: Regex.IsMatch(value, pattern), no options.
            Pattern = string.IsNullOrEmpty(s.Pattern) ? null : new Regex(s.Pattern),
            MinLength = s.MinLength, MaxLength = s.MaxLength,
            Minimum = s.Minimum, Maximum = s.Maximum, ExclusiveMinimum = s.ExclusiveMinimum, ExclusiveMaximum = s.ExclusiveMaximum,
            IsExclusiveMinimum = s.IsExclusiveMinimum, IsExclusiveMaximum = s.IsExclusiveMaximum,
            AllowAdditional = s.AllowAdditionalProperties,
            Enumeration = [.. s.Enumeration],
            OtherRequired = [.. s.RequiredProperties.Where(k => !s.Properties.ContainsKey(k))],
        };
        r.AllOf = [.. s.AllOf.Select(p => Compile(p, name, made))];
        r.Not = s.Not is null ? null : Compile(s.Not, name, made);
        r.Item = s.Item is null ? null : Compile(s.Item, name, made);
        r.AdditionalProperties = s.AdditionalPropertiesSchema is null ? null : Compile(s.AdditionalPropertiesSchema, name, made);
        r.Properties = [.. s.Properties.Select(p => new Property(p.Key, Compile(p.Value, name, made), p.Value.IsRequired, p.Value.IsNullable(SchemaType.JsonSchema)))];
        r.PatternProperties = [.. s.PatternProperties.Select(p => (new Regex(p.Key), Compile(p.Value, name, made)))];
        return r;
    }

    public static List<Finding> Check(YamlNode root, JsonSchema schema)
    {
        if (!s_rules.TryGetValue(schema, out var rules))
            throw new InvalidOperationException("a schema is checked before it was prepared (SchemaWalk.Prepare)");
        var found = new List<Finding>();
        Walk(root, rules, null, root, found);
        return found;
    }

    /// <param name="at">Where a finding about this value is reported: a mapping value's key, an item, or the root.</param>
    private static void Walk(YamlNode node, Rules schema, string? name, YamlNode at, List<Finding> found) =>
        Walk(node, TypeOf(node, out decimal number), number, schema, name, at, found);

    /// <param name="token">The value's type, as <see cref="TypeOf"/> found it (with <paramref name="number"/>).</param>
    private static void Walk(YamlNode node, Token token, decimal number, Rules schema, string? name, YamlNode at, List<Finding> found)
    {
        foreach (var part in schema.AllOf)
            Walk(node, part, null, at, found);
        if (schema.Not is { } not)
        {
            var inner = new List<Finding>();
            Walk(node, not, null, at, inner);
            if (inner.Count == 0) found.Add(new(ValidationErrorKind.ExcludedSchemaValidates, name, at));
        }
        if (!(token == Token.Null && schema.Nullable)) Types(node, token, number, schema, name, at, found);
        Enumeration(node, token, number, schema, name, at, found);
        Properties(node as YamlMappingNode, schema, name, at, found);
    }

    private static void Types(YamlNode node, Token token, decimal number, Rules schema, string? name, YamlNode at, List<Finding> found)
    {
        var type = schema.Type;
        if (node is YamlSequenceNode items)
        {
            if (schema.MinItems > 0 && items.Children.Count < schema.MinItems) found.Add(new(ValidationErrorKind.TooFewItems, name, at));
            if (schema.MaxItems > 0 && items.Children.Count > schema.MaxItems) found.Add(new(ValidationErrorKind.TooManyItems, name, at));
            if (schema.Item is { } item)
                foreach (var child in items.Children)
                    Walk(child, item, null, child, found);
        }
        else if (type.HasFlag(JsonObjectType.Array)) found.Add(new(ValidationErrorKind.ArrayExpected, name, at));

        if (token == Token.String)
        {
            string value = ((YamlScalarNode)node).Value ?? "";
            if (schema.Pattern is { } pattern && !pattern.IsMatch(value)) found.Add(new(ValidationErrorKind.PatternMismatch, name, at));
            if (schema.MinLength is { } min && value.Length < min) found.Add(new(ValidationErrorKind.StringTooShort, name, at));
            if (schema.MaxLength is { } max && value.Length > max) found.Add(new(ValidationErrorKind.StringTooLong, name, at));
        }
        else if (type.HasFlag(JsonObjectType.String)) found.Add(new(ValidationErrorKind.StringExpected, name, at));

        bool isNumber = token is Token.Integer or Token.Float;
        if (type.HasFlag(JsonObjectType.Number) && !isNumber) found.Add(new(ValidationErrorKind.NumberExpected, name, at));
        if (isNumber)
        {
            if (schema.Minimum is { } minimum && (schema.IsExclusiveMinimum ? number <= minimum : number < minimum)) found.Add(new(ValidationErrorKind.NumberTooSmall, name, at));
            if (schema.Maximum is { } maximum && (schema.IsExclusiveMaximum ? number >= maximum : number > maximum)) found.Add(new(ValidationErrorKind.NumberTooBig, name, at));
            if (schema.ExclusiveMinimum is { } above && number <= above) found.Add(new(ValidationErrorKind.NumberTooSmall, name, at));
            if (schema.ExclusiveMaximum is { } below && number >= below) found.Add(new(ValidationErrorKind.NumberTooBig, name, at));
        }
        if (type.HasFlag(JsonObjectType.Integer) && token != Token.Integer) found.Add(new(ValidationErrorKind.IntegerExpected, name, at));
        if (type.HasFlag(JsonObjectType.Boolean) && token != Token.Boolean) found.Add(new(ValidationErrorKind.BooleanExpected, name, at));
        if (type.HasFlag(JsonObjectType.Null) && token != Token.Null) found.Add(new(ValidationErrorKind.NullExpected, name, at));
        if (type.HasFlag(JsonObjectType.Object) && node is not YamlMappingNode) found.Add(new(ValidationErrorKind.ObjectExpected, name, at));
    }

    private static void Enumeration(YamlNode node, Token token, decimal number, Rules schema, string? name, YamlNode at, List<Finding> found)
    {
        if (schema.Enumeration.Length == 0 || token == Token.Null && schema.Nullable) return;
        // NJsonSchema compares the texts of the value and of each allowed value.
        string? text = token switch
        {
            Token.Null => "",
            Token.Boolean => ((YamlScalarNode)node).Value == "true" ? "True" : "False",
            Token.Integer => ((long)number).ToString(CultureInfo.CurrentCulture),
            Token.Float => number.ToString(CultureInfo.CurrentCulture),
            Token.String => ((YamlScalarNode)node).Value ?? "",
            _ => null, // a mapping or list: its JSON text, which no allowed value of these schemas is
        };
        foreach (var allowed in schema.Enumeration)
            if (text is not null && allowed?.ToString() == text) return;
        found.Add(new(ValidationErrorKind.NotInEnumeration, name, at));
    }

    private static void Properties(YamlMappingNode? map, Rules schema, string? name, YamlNode at, List<Finding> found)
    {
        if (map is null && schema.Type.HasFlag(JsonObjectType.Null)) return;
        foreach (var property in schema.Properties)
        {
            if (map is not null && Find(map, property.Name) is { } entry)
            {
                var token = TypeOf(entry.Value, out decimal number);
                if (token == Token.Null && property.Nullable) continue;
                Walk(entry.Value, token, number, property.Rules, property.Name, entry.Key, found);
            }
            else if (property.Required) found.Add(new(ValidationErrorKind.PropertyRequired, property.Name, at, map));
        }
        foreach (var required in schema.OtherRequired)
            if (map is null || Find(map, required) is null) found.Add(new(ValidationErrorKind.PropertyRequired, required, at, map));
        if (map is null) return;
        var repeats = Repeats(map);
        int count = map.Children.Count - (repeats?.Count(r => r) ?? 0);
        if (schema.MaxProperties > 0 && count > schema.MaxProperties) found.Add(new(ValidationErrorKind.TooManyProperties, name, at));
        if (schema.MinProperties > 0 && count < schema.MinProperties) found.Add(new(ValidationErrorKind.TooFewProperties, name, at));
        // Keys the schema does not name: first those a pattern describes (the first pattern that matches), then the rest.
        bool[]? patterned = null;
        if (schema.PatternProperties.Length > 0)
            for (int i = 0; i < map.Children.Count; i++)
            {
                var (k, v) = map.Children[i];
                string key = Key(k);
                if (schema.Names(key) || repeats?[i] == true) continue;
                foreach (var (pattern, described) in schema.PatternProperties)
                    if (pattern.IsMatch(key))
                    {
                        Walk(v, described, null, k, found);
                        (patterned ??= new bool[map.Children.Count])[i] = true;
                        break;
                    }
            }
        var others = schema.AdditionalProperties;
        if (others is null && schema.AllowAdditional) return;
        for (int i = 0; i < map.Children.Count; i++)
        {
            var (k, v) = map.Children[i];
            string key = Key(k);
            if (schema.Names(key) || repeats?[i] == true || patterned?[i] == true) continue;
            if (others is not null) Walk(v, others, null, k, found);
            else found.Add(new(ValidationErrorKind.NoAdditionalPropertiesAllowed, key, k, map));
        }
    }

    /// <summary>A key as the JSON copy named it (a key that is not text: the empty name).</summary>
    private static string Key(YamlNode key) => (key as YamlScalarNode)?.Value ?? "";

    /// <summary>The first entry of this name: a repeated key counts once, the first time.</summary>
    private static KeyValuePair<YamlNode, YamlNode>? Find(YamlMappingNode map, string name)
    {
        var children = map.Children;
        for (int i = 0; i < children.Count; i++)
            if (Key(children[i].Key) == name) return children[i];
        return null;
    }

    /// <summary>
    /// Per entry, whether its key came before in the mapping (only a key's first value counts); null when no key repeats,
    /// as in nearly every file. Linear in the mapping's size: a generated file may hold a mapping of thousands of keys.
    /// </summary>
    internal static bool[]? Repeats(YamlMappingNode map)
    {
        var children = map.Children;
        bool[]? repeats = null;
        if (children.Count <= 32) // pairwise, without a set: a few hundred comparisons at most
        {
            for (int i = 1; i < children.Count; i++)
                for (int j = 0; j < i; j++)
                    if (Key(children[i].Key) == Key(children[j].Key))
                    {
                        (repeats ??= new bool[children.Count])[i] = true;
                        break;
                    }
            return repeats;
        }
        var seen = new HashSet<string>(children.Count, StringComparer.Ordinal);
        for (int i = 0; i < children.Count; i++)
            if (!seen.Add(Key(children[i].Key))) (repeats ??= new bool[children.Count])[i] = true;
        return repeats;
    }

    /// <summary>A value's JSON type under YAML's core schema for plain scalars (numbers, true/false, null); quoted text is text.</summary>
    private static Token TypeOf(YamlNode node, out decimal number)
    {
        number = 0m;
        switch (node)
        {
            case YamlMappingNode: return Token.Object;
            case YamlSequenceNode: return Token.Array;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: var s }:
                if (s is null or "" or "~" or "null") return Token.Null;
                if (s is "true" or "false") return Token.Boolean;
                if (SchemaCheck.IsNumber(s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    if (number == decimal.Truncate(number) && Math.Abs(number) < long.MaxValue)
                    {
                        number = (long)number; // the JSON copy held a whole number as an integer (scale 0)
                        return Token.Integer;
                    }
                    return Token.Float;
                }
                return Token.String;
            case YamlScalarNode: return Token.String;
            default: return Token.Null;
        }
    }
}
