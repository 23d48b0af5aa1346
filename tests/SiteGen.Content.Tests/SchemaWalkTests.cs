using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using SiteGen.Content.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Tests;

/// <summary>
/// The build's schema check (<see cref="SchemaWalk"/>) against NJsonSchema's own validator, which the build used until
/// the nineteenth round of issue 12: the same findings (kind, name, the node reported), in the same order, on every
/// shipped content file and on thousands of broken copies of them. The reference below is what SchemaCheck did then:
/// the YAML copied into JSON with a map from JSON path back to YAML node, NJsonSchema's findings flattened to their
/// leaves and each placed at the node its path names.
/// </summary>
public partial class SchemaWalkTests
{
    private sealed record Case(string File, string Schema, YamlNode Root);

    private static IEnumerable<Case> Shipped()
    {
        var files = Directory.GetFiles(RepoPaths.Content, "*.*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "fixtures"), "*.*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            if (file.EndsWith(".yaml", StringComparison.Ordinal) && SchemaOf().Match(text) is { Success: true } m)
                yield return new Case(file, m.Groups[1].Value, Parse(text));
            else if (file.EndsWith(".md", StringComparison.Ordinal) && FrontMatter().Match(text) is { Success: true } fm
                     && (file.Contains("dwellings") || file.Contains("variants")))
                yield return new Case(file, SchemaCheck.Narrative, Parse(fm.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"\$schema=\S*?([a-z-]+)\.schema\.json")]
    private static partial Regex SchemaOf();

    [GeneratedRegex(@"\A---\r?\n(.*?)\r?\n---", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    [Fact]
    public void Every_shipped_file_gets_the_findings_NJsonSchema_gives_it()
    {
        var cases = Shipped().ToList();
        Assert.True(cases.Count >= 60, $"only {cases.Count} files found");
        Assert.Equal(8, cases.Select(c => c.Schema).Distinct().Count());
        foreach (var c in cases) Same(c);
    }

    [Fact]
    public void Broken_copies_of_the_shipped_files_get_the_findings_NJsonSchema_gives_them()
    {
        var random = new Random(20261202);
        int withFindings = 0, total = 0;
        foreach (var c in Shipped())
            for (int i = 0; i < 60; i++)
            {
                var root = Parse(Serialize(c.Root));
                for (int edits = 1 + random.Next(3); edits > 0; edits--) Break(root, random);
                if (Same(c with { Root = root }) > 0) withFindings++;
                total++;
            }
        // The broken copies exercise the check: most of them have findings, and some of them none.
        Assert.InRange(withFindings, total / 2, total - total / 50);
    }

    /// <summary>Compares the two checks on one tree; returns the number of findings.</summary>
    private static int Same(Case c)
    {
        var schema = SchemaCheck.Get(c.Schema);
        var expected = Reference(c.Root, schema);
        var actual = SchemaWalk.Check(c.Root, schema).Select(f => (f.Kind, f.Property, f.At)).ToList();
        if (!expected.SequenceEqual(actual, Comparer.Instance))
            Assert.Fail($"{c.File} ({c.Schema}):\n{Serialize(c.Root)}\nNJsonSchema:\n{Show(expected)}\nthe build's check:\n{Show(actual)}");
        return actual.Count;
    }

    private static string Show(List<(ValidationErrorKind Kind, string? Property, YamlNode At)> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.Kind} '{f.Property}' at {f.At.Start.Line}:{f.At.Start.Column} ({f.At.NodeType})"));

    private sealed class Comparer : IEqualityComparer<(ValidationErrorKind Kind, string? Property, YamlNode At)>
    {
        public static readonly Comparer Instance = new();
        public bool Equals((ValidationErrorKind Kind, string? Property, YamlNode At) x, (ValidationErrorKind Kind, string? Property, YamlNode At) y) =>
            x.Kind == y.Kind && x.Property == y.Property && ReferenceEquals(x.At, y.At);
        public int GetHashCode((ValidationErrorKind Kind, string? Property, YamlNode At) f) => f.Kind.GetHashCode();
    }

    // ---- the reference: NJsonSchema's validator on a JSON copy, as SchemaCheck used it ----

    private static List<(ValidationErrorKind, string?, YamlNode)> Reference(YamlNode root, NJsonSchema.JsonSchema schema)
    {
        var positions = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var json = ToJson(root, "#/", "#/", positions);
        return Leaves(schema.Validate(json)).Select(e => (e.Kind, (string?)e.Property, Locate(e, positions) ?? root)).ToList();
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

    /// <summary>
    /// The node a finding's path names; a missing key is reported at the mapping that lacks it. Paths name a key with
    /// a dot, a space or a bracket in it Newtonsoft's way (<c>['energy.gas_price']</c>): the map holds both spellings,
    /// so such a finding is placed exactly (SchemaCheck's own lookup placed it at the nearest plain ancestor).
    /// </summary>
    private static YamlNode? Locate(ValidationError e, Dictionary<string, YamlNode> positions)
    {
        string? path = e.Path;
        if (e.Kind == ValidationErrorKind.PropertyRequired && path is not null)
            path = LastSegment().Match(path) is { Success: true } last ? path[..last.Index] is "#" ? "#/" : path[..last.Index] : "#/";
        return path is not null && positions.TryGetValue(path, out var node) ? node : null;
    }

    [GeneratedRegex(@"(?:\.[^.\[\]]+|\['(?:[^'\\]|\\.)*'\]|\[\d+\]|(?<=^#/)[^.\[\]]+)$")]
    private static partial Regex LastSegment();

    /// <summary>A key as a path names it: plain after a dot, or in brackets and quotes when it holds a character paths use.</summary>
    private static string Segment(string parent, string key) =>
        key.IndexOfAny(Special) >= 0 ? $"{parent}['{key.Replace("\\", "\\\\").Replace("'", "\\'")}']"
        : parent == "#/" ? "#/" + key : parent + "." + key;

    private static readonly char[] Special = ['.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\'];

    /// <summary>The YAML copied into JSON as SchemaCheck copied it, with each value's node by its paths.</summary>
    /// <param name="plain">The same path with every key after a dot, as SchemaCheck spelled it.</param>
    private static JToken ToJson(YamlNode node, string path, string plain, Dictionary<string, YamlNode> positions)
    {
        positions.TryAdd(path, node);
        positions.TryAdd(plain, node);
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JObject();
                foreach (var (k, v) in map.Children)
                {
                    string key = (k as YamlScalarNode)?.Value ?? "";
                    if (obj.ContainsKey(key)) continue;
                    string child = Segment(path, key), childPlain = plain == "#/" ? "#/" + key : plain + "." + key;
                    positions.TryAdd(child, k);
                    positions.TryAdd(childPlain, k);
                    obj[key] = ToJson(v, child, childPlain, positions);
                }
                return obj;
            case YamlSequenceNode seq:
                var arr = new JArray();
                int i = 0;
                foreach (var item in seq.Children)
                {
                    arr.Add(ToJson(item, $"{path}[{i}]", $"{plain}[{i}]", positions));
                    i++;
                }
                return arr;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: var s }:
                if (s is null or "" or "~" or "null") return JValue.CreateNull();
                if (s is "true" or "false") return new JValue(s == "true");
                if (SchemaCheck.IsNumber(s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    return d == decimal.Truncate(d) && Math.Abs(d) < long.MaxValue ? new JValue((long)d) : new JValue(d);
                return new JValue(s);
            case YamlScalarNode scalar:
                return new JValue(scalar.Value ?? "");
            default:
                return JValue.CreateNull();
        }
    }

    // ---- breaking a tree the way people break content files ----

    private static readonly Func<YamlNode>[] Replacements =
    [
        () => new YamlScalarNode("tekst") { Style = ScalarStyle.DoubleQuoted },
        () => new YamlScalarNode("12345"),
        () => new YamlScalarNode("-1"),
        () => new YamlScalarNode("0"),
        () => new YamlScalarNode("0.5"),
        () => new YamlScalarNode("1.900"),
        () => new YamlScalarNode("1e9"),
        () => new YamlScalarNode("true"),
        () => new YamlScalarNode(""),
        () => new YamlScalarNode("~"),
        () => new YamlScalarNode("") { Style = ScalarStyle.DoubleQuoted },
        () => new YamlScalarNode("Met Spatie"),
        () => new YamlScalarNode("2025-13-45"),
        () => new YamlScalarNode("https://example.org/"),
        () => new YamlScalarNode("consistent"),
        () => new YamlSequenceNode(new YamlScalarNode("a"), new YamlScalarNode("2")),
        () => new YamlSequenceNode(),
        () => new YamlMappingNode(new YamlScalarNode("value"), new YamlScalarNode("5")),
        () => new YamlMappingNode(),
    ];

    private static void Break(YamlNode root, Random random)
    {
        var spots = new List<(YamlNode Parent, YamlNode? Key, int Index)>();
        Collect(root, spots);
        if (spots.Count == 0) return;
        var (parent, key, index) = spots[random.Next(spots.Count)];
        switch (parent)
        {
            case YamlMappingNode map when key is not null:
                switch (random.Next(4))
                {
                    case 0: map.Children.Remove(key); break;
                    case 1: map.Children.Add(new YamlScalarNode("onbekend_" + random.Next(1000)), Replacements[random.Next(Replacements.Length)]()); break;
                    default: map.Children[key] = Replacements[random.Next(Replacements.Length)](); break;
                }
                break;
            case YamlSequenceNode seq:
                if (random.Next(3) == 0) seq.Children.RemoveAt(index);
                else seq.Children[index] = Replacements[random.Next(Replacements.Length)]();
                break;
        }
    }

    private static void Collect(YamlNode node, List<(YamlNode, YamlNode?, int)> spots)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    spots.Add((map, k, -1));
                    Collect(v, spots);
                }
                break;
            case YamlSequenceNode seq:
                for (int i = 0; i < seq.Children.Count; i++)
                {
                    spots.Add((seq, null, i));
                    Collect(seq.Children[i], spots);
                }
                break;
        }
    }

    private static string Serialize(YamlNode root)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
