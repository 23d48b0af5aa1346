using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content.Yaml;

/// <summary>Where a YAML tree came from, so every finding can point at file, line and column.</summary>
public sealed class YamlContext(string path, DiagnosticBag diag, int lineOffset = 0)
{
    public string Path { get; } = path;
    public DiagnosticBag Diag { get; } = diag;
    public int LineOffset { get; } = lineOffset;

    public void Error(YamlNode node, string code, string message) => Error(node.Start, code, message);
    public void Error(Mark mark, string code, string message) =>
        Diag.Error(Path, (int)mark.Line + LineOffset, (int)mark.Column, code, message);
    public void Warning(YamlNode node, string code, string message) =>
        Diag.Warning(Path, (int)node.Start.Line + LineOffset, (int)node.Start.Column, code, message);
    public (int Line, int Column) Position(YamlNode node) => ((int)node.Start.Line + LineOffset, (int)node.Start.Column);
}

/// <summary>
/// Typed, reporting access to one YAML mapping. Every accessor records the key as known; <see cref="Done"/>
/// then reports the keys nobody asked for, with the list of keys that are allowed. Nothing throws, nothing
/// falls back silently: a missing or malformed value is a finding and the accessor returns null.
/// </summary>
public sealed partial class MapReader
{
    private readonly YamlMappingNode _node;
    private readonly YamlContext _ctx;
    private readonly string _what;
    private readonly List<string> _known = [];

    private MapReader(YamlMappingNode node, YamlContext ctx, string what)
    {
        _node = node;
        _ctx = ctx;
        _what = what;
    }

    public YamlMappingNode Node => _node;
    public YamlContext Context => _ctx;
    public string What => _what;

    public static MapReader? From(YamlNode? node, YamlContext ctx, string what)
    {
        if (node is null) return null;
        if (node is YamlMappingNode map)
        {
            foreach (var key in map.Children.Keys)
                if (key is YamlScalarNode { Value: "<<" })
                    ctx.Error(key, Codes.Syntax, "samenvoegsleutels ('<<:') worden niet ondersteund; herhaal de sleutels of gebruik een alias ('*naam') voor de hele waarde");
            return new MapReader(map, ctx, what);
        }
        ctx.Error(node, Codes.WrongType, $"{what} moet bestaan uit regels 'sleutel: waarde'; er staat {Describe(node)}");
        return null;
    }

    /// <summary>The entries of a mapping whose keys are ids chosen by the author (dwelling ids, dates...).</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries()
    {
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode { Value: { } key }) yield return (key, k, v);
            else _ctx.Error(k, Codes.WrongType, $"een sleutel in {_what} moet gewone tekst zijn; er staat {Describe(k)}");
        }
    }

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Get(string key, bool required)
    {
        _known.Add(key);
        var value = Find(key);
        // A misspelt key is one mistake: Done() reports it with "did you mean", so the missing key is not reported too.
        if (value is null && required && !HasNearMiss(key))
            _ctx.Error(_node, Codes.MissingKey, $"{_what} heeft geen '{key}'; voeg '{key}: ...' toe");
        return value;
    }

    public string? String(string key, bool required = true)
    {
        var node = Get(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } s } && s.Length > 0) return s;
        _ctx.Error(node, Codes.WrongType, $"'{key}' in {_what} moet tekst zijn; er staat {Describe(node)}");
        return null;
    }

    /// <summary>A lower-case slug: letters, digits and '-' or '_' (ids end up in URLs and open data).</summary>
    public string? Slug(string key, bool required = true)
    {
        var s = String(key, required);
        if (s is not null && !IsSlug(s))
        {
            _ctx.Error(Find(key)!, Codes.WrongType, $"'{key}' moet een id zijn van kleine letters, cijfers en '-', bijvoorbeeld 'mini-collectief'; er staat '{s}'");
            return null;
        }
        return s;
    }

    public decimal? Decimal(string key, bool required = true, decimal? min = null, decimal? max = null)
    {
        var node = Get(key, required);
        return node is null ? null : ReadDecimal(node, _ctx, $"'{key}' in {_what}", min, max);
    }

    public int? Int(string key, bool required = true, int? min = null, int? max = null)
    {
        var d = Decimal(key, required, min, max);
        if (d is null) return null;
        if (d != Math.Truncate(d.Value))
        {
            _ctx.Error(Find(key)!, Codes.WrongType, $"'{key}' in {_what} moet een heel getal zijn; er staat {UnitRange.Format(d.Value)}");
            return null;
        }
        return (int)d.Value;
    }

    public bool? Bool(string key, bool required = true)
    {
        var node = Get(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s) return s.Value == "true";
        _ctx.Error(node, Codes.WrongType, $"'{key}' in {_what} moet true of false zijn; er staat {Describe(node)}");
        return null;
    }

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> values, bool required = true) where T : struct
    {
        var s = String(key, required);
        if (s is null) return null;
        if (values.TryGetValue(s, out var v)) return v;
        _ctx.Error(Find(key)!, Codes.WrongType,
            $"'{key}' in {_what} moet een van deze waarden zijn: {string.Join(", ", values.Keys.Select(k => $"'{k}'"))}; er staat '{s}'");
        return null;
    }

    /// <summary>Like <see cref="Enum{T}"/> for named presets that are objects.</summary>
    public T? Pick<T>(string key, IReadOnlyDictionary<string, T> values, bool required = true) where T : class
    {
        var s = String(key, required);
        if (s is null) return null;
        if (values.TryGetValue(s, out var v)) return v;
        _ctx.Error(Find(key)!, Codes.WrongType,
            $"'{key}' in {_what} moet een van deze waarden zijn: {string.Join(", ", values.Keys.Select(k => $"'{k}'"))}; er staat '{s}'");
        return null;
    }

    public MapReader? Map(string key, string what, bool required = true) => From(Get(key, required), _ctx, what);

    public YamlSequenceNode? Sequence(string key, bool required = true)
    {
        var node = Get(key, required);
        if (node is null) return null;
        if (node is YamlSequenceNode seq) return seq;
        _ctx.Error(node, Codes.WrongType, $"'{key}' in {_what} moet een lijst zijn (regels '- item' of [a, b]); er staat {Describe(node)}");
        return null;
    }

    public List<string>? StringList(string key, bool required = true)
    {
        var seq = Sequence(key, required);
        if (seq is null) return null;
        var list = new List<string>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } s }) list.Add(s);
            else _ctx.Error(item, Codes.WrongType, $"elk onderdeel van '{key}' in {_what} moet tekst zijn; er staat {Describe(item)}");
        }
        return list;
    }

    /// <summary>Reports keys that no accessor asked for: a typo must never be ignored silently.</summary>
    public void Done()
    {
        foreach (var (k, _) in _node.Children)
        {
            if (k is not YamlScalarNode { Value: { } key } || _known.Contains(key)) continue;
            string? near = _known.OrderBy(x => Distance(x, key)).FirstOrDefault(x => Distance(x, key) <= 2);
            _ctx.Error(k, Codes.UnknownKey,
                $"onbekende sleutel '{key}' in {_what}{(near is null ? "" : $" (bedoelt u '{near}'?)")}; mogelijk zijn: {string.Join(", ", _known.Distinct())}");
        }
    }

    /// <summary>
    /// True when the mapping has a key nobody asked for that is a likely misspelling of <paramref name="key"/>:
    /// <see cref="Done"/> reports it with "did you mean", so a check of its own for the missing key says nothing.
    /// </summary>
    public bool HasNearMiss(string key) =>
        _node.Children.Keys.Any(k => k is YamlScalarNode { Value: { } s } && s != key && Find(s) is not null && Distance(s, key) <= 2 && !IsAskedFor(s));

    // Keys asked for so far; a key read later (after the missing one) still counts as known, Done() checks again.
    private bool IsAskedFor(string key) => _known.Contains(key);

    private YamlNode? Find(string key)
    {
        foreach (var (k, v) in _node.Children)
            if (k is YamlScalarNode { Value: { } s } && s == key) return v;
        return null;
    }

    public static decimal? ReadDecimal(YamlNode node, YamlContext ctx, string what, decimal? min = null, decimal? max = null) =>
        ReadNumber(node, ctx, what, null, min, max);

    /// <summary>A number in its plausible range for <paramref name="range"/>'s unit (see <see cref="UnitRanges"/>).</summary>
    public decimal? Number(string key, UnitRange range, bool required = true)
    {
        var node = Get(key, required);
        return node is null ? null : ReadNumber(node, _ctx, $"'{key}' in {_what}", range);
    }

    /// <summary>
    /// Reads a plain YAML number. The raw text is kept for the message: where it looks like a Dutch number
    /// (`1.900`, `1.200,50`, `€ 1900`, `15%`), the finding says what was probably meant.
    /// </summary>
    public static decimal? ReadNumber(YamlNode node, YamlContext ctx, string what, UnitRange? range, decimal? min = null, decimal? max = null)
    {
        if (node is not YamlScalarNode { Value: { } text } scalar)
        {
            ctx.Error(node, Codes.WrongType, $"{what} moet een getal zijn; er staat {Describe(node)}");
            return null;
        }
        string? hint = NumberHints.For(text);
        if (scalar.Style != ScalarStyle.Plain)
        {
            ctx.Error(node, Codes.WrongType, $"{what} moet een getal zijn, zonder aanhalingstekens; er staat de tekst \"{text}\"{(hint is null ? "" : $". {hint}")}");
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
        {
            // decimal holds 28 digits: a longer run of digits is a number all the same, just too large.
            ctx.Error(node, Codes.WrongType, System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?\d{29,}(\.\d+)?$")
                ? $"{what} is een getal van {text.TrimStart('-').Split('.')[0].Length} cijfers; dat is veel te groot, controleer het aantal cijfers"
                : $"{what} moet een getal zijn; er staat '{text}'. {hint ?? "Schrijf bijvoorbeeld 1.14 of 1400 (met een punt voor decimalen)"}");
            return null;
        }
        string then = hint is null ? "" : $". {hint}";
        if (range is not null)
        {
            if (!range.Contains(value))
            {
                // 35 for € 0,35: a price per unit typed in cents.
                string cents = hint is null && range.Unit is "EUR/m3" or "EUR/kWh" && value > range.Max && range.Contains(value / 100m)
                    ? $". Een prijs schrijft u in euro, niet in centen: bedoelt u {UnitRange.Format(value / 100m)}?" : "";
                // 14.5 for € 14.500: an amount typed in thousands, as a study's tables often print it ("x € 1.000").
                string thousands = hint is null && range.Unit == "EUR" && value > 0m && value < range.Min && range.Contains(value * 1000m)
                    ? $". Een bedrag schrijft u in hele euro's, niet in duizenden: bedoelt u {UnitRange.Format(value * 1000m)}?" : "";
                ctx.Error(node, Codes.OutOfRange,
                    $"{what} is {UnitRange.Dutch(value)}; dat ligt buiten het verwachte bereik voor {range.Describe()}{then}{cents}{thousands}");
                return null;
            }
            int dot = text.IndexOf('.');
            int decimals = dot < 0 || text.Contains('e', StringComparison.OrdinalIgnoreCase) ? 0 : text.Length - dot - 1;
            // A whole number written with decimals is refused too: `2.000` woningen reads as 2, and 2 is a whole number.
            if (range.Whole && value != Math.Truncate(value))
            {
                ctx.Error(node, Codes.OutOfRange, $"{what} is {UnitRange.Dutch(value)}; dat moet een heel getal zijn: {range.Describe()}{then}");
                return null;
            }
            if (range.Whole && decimals > 0)
            {
                ctx.Error(node, Codes.OutOfRange, $"{what} is geschreven als {text}; dat moet een heel getal zijn, zonder punt: {range.Describe()}{then}");
                return null;
            }
            if (range.MaxDecimals is { } most && decimals > most)
            {
                ctx.Error(node, Codes.OutOfRange,
                    $"{what} is geschreven met {decimals} decimalen; {range.Words} heeft er hoogstens {most}{then}");
                return null;
            }
        }
        if (min is not null && value < min || max is not null && value > max)
        {
            ctx.Error(node, Codes.OutOfRange,
                $"{what} is {UnitRange.Dutch(value)}; verwacht is {Range(min, max)}{then}");
            return null;
        }
        return value;
    }

    private static string Range(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } lo, { } hi) => $"een waarde van {UnitRange.Dutch(lo)} tot {UnitRange.Dutch(hi)}",
        ({ } lo, null) => $"minstens {UnitRange.Dutch(lo)}",
        (null, { } hi) => $"hoogstens {UnitRange.Dutch(hi)}",
        _ => "een getal",
    };

    public static bool IsSlug(string s) => SlugPattern().IsMatch(s);

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "een blok met regels 'sleutel: waarde'",
        YamlSequenceNode => "een lijst",
        YamlScalarNode { Value: null or "" } => "niets",
        YamlScalarNode s => $"'{Shorten(s.Value!)}'",
        _ => "iets anders",
    };

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "..." : s;

    /// <summary>Edit distance, for "did you mean" suggestions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex SlugPattern();
}
