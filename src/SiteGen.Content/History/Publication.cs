using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SiteGen.Calculation;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;

namespace SiteGen.Content.History;

/// <summary>One input as it was published: value, unit, date it applies from, and its source.</summary>
/// <param name="Text">A value per dwelling, "id: value; id: value" (<see cref="Values"/> reads it back), where <paramref name="Value"/> is null.</param>
public sealed record PublishedInput(string Label, decimal? Value, string? Text, string Unit, string? From, string Source)
{
    private const string Separator = "; ", IdEnd = ": ";

    /// <summary>Values (with the dwelling they are for, if any) as <see cref="Text"/> holds them.</summary>
    internal static string Write(IEnumerable<(string? Dwelling, decimal Value)> values) =>
        string.Join(Separator, values.Select(x => (x.Dwelling is null ? "" : x.Dwelling + IdEnd) + x.Value.ToString(CultureInfo.InvariantCulture)));

    /// <summary><see cref="Text"/> read back into its values; null when it is not in the form <see cref="Write"/> gives (a hand-edited history).</summary>
    public IReadOnlyList<(string? Dwelling, decimal Value)>? Values()
    {
        if (Text is null) return null;
        var values = new List<(string?, decimal)>();
        foreach (var part in Text.Split(Separator))
        {
            int end = part.LastIndexOf(IdEnd, StringComparison.Ordinal);
            if (!decimal.TryParse(end < 0 ? part : part[(end + IdEnd.Length)..], NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return null;
            values.Add((end < 0 ? null : part[..end], value));
        }
        return values;
    }
}

/// <summary>One dwelling x variant as it was published.</summary>
public sealed record PublishedResult(string Dwelling, string Variant, decimal Tco, decimal Monthly);

/// <summary>
/// A publication of a neighbourhood: what the site said on a date. Kept in the neighbourhood's history.json
/// under content/, so the history survives a clean checkout and a build stays a function of content alone.
/// </summary>
public sealed record Publication(string Date, string? Note, SortedDictionary<string, PublishedInput> Inputs, List<PublishedResult> Results);

public sealed record HistoryFile(List<Publication> Publications);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(HistoryFile))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;

/// <summary>Reads and appends to history.json; builds the snapshot of what a neighbourhood shows now.</summary>
public static class NeighbourhoodHistory
{
    public const string FileName = "history.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Generated at compile time: reading the file at every build start needs no reflection warm-up.
        TypeInfoResolver = HistoryJsonContext.Default,
    };

    // Through the generated type information only: no reflection, so the native build (PublishAot) reads it as well.
    private static readonly JsonTypeInfo<HistoryFile> HistoryInfo = (JsonTypeInfo<HistoryFile>)Json.GetTypeInfo(typeof(HistoryFile));

    public static IReadOnlyList<Publication> Read(string path, string displayPath, DiagnosticBag diag)
    {
        if (!File.Exists(path)) return [];
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllText(path), HistoryInfo);
            if (file?.Publications is null)
            {
                diag.Error(displayPath, 1, 1, Codes.MissingKey, "history.json heeft geen lijst 'publications' ('sitegen publish' schrijft dit bestand; zet de vorige versie terug uit het versiebeheer)");
                return [];
            }
            var valid = new List<Publication>();
            for (int i = 0; i < file.Publications.Count; i++)
            {
                var p = file.Publications[i];
                string which = $"publicatie {i + 1} in history.json";
                if (p is null) diag.Error(displayPath, 1, 1, Codes.WrongType, $"{which} is leeg");
                else if (!DateOnly.TryParseExact(p.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    diag.Error(displayPath, 1, 1, Codes.WrongType, $"{which} heeft datum '{p.Date}'; verwacht is de vorm JJJJ-MM-DD");
                else if (p.Inputs is null || p.Results is null)
                    diag.Error(displayPath, 1, 1, Codes.MissingKey, $"{which} ({p.Date}) mist '{(p.Inputs is null ? "inputs" : "results")}'");
                else valid.Add(p);
            }
            return valid;
        }
        catch (JsonException e)
        {
            diag.Error(displayPath, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, Codes.Syntax,
                $"history.json is niet geldig (de JSON-lezer meldt: {e.Message.Split(" Path:")[0]}); 'sitegen publish' schrijft dit bestand: zet de vorige versie terug uit het versiebeheer");
            return [];
        }
    }

    /// <summary>What the neighbourhood shows now, in the form it is published.</summary>
    public static Publication Snapshot(SiteContent content, Neighbourhood n, NeighbourhoodResult r, string date, string? note)
    {
        var inputs = new SortedDictionary<string, PublishedInput>(StringComparer.Ordinal);
        foreach (var p in content.Parameters)
        {
            var param = n.Overrides.FirstOrDefault(o => o.Id == p.Id) ?? p;
            var v = param.ValueAt(n.AsOf)!;
            inputs[p.Id] = new PublishedInput(p.Description, v.Value, null, p.Unit, v.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Reference.Text);
        }
        foreach (var s in n.ScenarioValues)
        {
            if (s.Values.Count == 1 && s.Values[0].Dwelling is null)
                inputs[s.Key] = new PublishedInput(s.Label, s.Values[0].Value, null, s.Unit, null, s.Reference.Text);
            else
                inputs[s.Key] = new PublishedInput(s.Label, null, PublishedInput.Write(s.Values.Select(x => (x.Dwelling, x.Value))), s.Unit, null, s.Reference.Text);
        }
        var results = r.Residents.Select(x => new PublishedResult(x.DwellingId, x.VariantId, Cent(x.Tco), Cent(x.MonthlyCost))).ToList();
        return new Publication(date, note, inputs, results);
    }

    private static decimal Cent(decimal v) => DecimalMath.RoundHalfUp(v, 2);

    public static void Append(string path, IReadOnlyList<Publication> existing, Publication next)
    {
        var list = existing.Where(p => p.Date != next.Date).Append(next).OrderBy(p => p.Date, StringComparer.Ordinal).ToList();
        File.WriteAllText(path, JsonSerializer.Serialize(new HistoryFile(list), HistoryInfo) + "\n", new UTF8Encoding(false));
    }
}

/// <summary>A changed input between two publications (or a publication and now).</summary>
public sealed record InputChange(string Key, string Label, PublishedInput? Old, PublishedInput? New);

/// <summary>The effect on one dwelling x variant.</summary>
public sealed record ResultChange(string Dwelling, string Variant, decimal OldTco, decimal NewTco, decimal OldMonthly, decimal NewMonthly);

public sealed record ChangeReport(string? Since, string? Until, IReadOnlyList<InputChange> Inputs, IReadOnlyList<ResultChange> Results)
{
    public bool Any => Inputs.Count > 0 || Results.Count > 0;
}

public static class Changes
{
    /// <summary>Compares two states; results are compared to the cent, inputs by value, date and source.</summary>
    public static ChangeReport Between(Publication? old, Publication now)
    {
        if (old is null) return new ChangeReport(null, now.Date, [], []);
        var inputs = old.Inputs.Keys.Union(now.Inputs.Keys).Order(StringComparer.Ordinal)
            .Select(k => (k, o: old.Inputs.GetValueOrDefault(k), n: now.Inputs.GetValueOrDefault(k)))
            .Where(x => x.o is null || x.n is null || x.o.Value != x.n.Value || x.o.Text != x.n.Text || x.o.From != x.n.From || x.o.Source != x.n.Source)
            .Select(x => new InputChange(x.k, (x.n ?? x.o)!.Label, x.o, x.n)).ToList();
        var results = now.Results
            .Select(n => (n, o: old.Results.FirstOrDefault(o => o.Dwelling == n.Dwelling && o.Variant == n.Variant)))
            .Where(x => x.o is not null && (x.o.Tco != x.n.Tco || x.o.Monthly != x.n.Monthly))
            .Select(x => new ResultChange(x.n.Dwelling, x.n.Variant, x.o!.Tco, x.n.Tco, x.o.Monthly, x.n.Monthly)).ToList();
        return new ChangeReport(old.Date, now.Date, inputs, results);
    }
}
