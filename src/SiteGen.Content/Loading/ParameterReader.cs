using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;

namespace SiteGen.Content.Loading;

/// <summary>Reads shared parameters (content/assumptions/&lt;group&gt;.yaml) and a neighbourhood's overrides of them.</summary>
internal sealed class ParameterReader(References refs, DateOnly buildDate)
{
    /// <summary>Parameter groups whose file did not parse: their parameters are not reported missing as well.</summary>
    public HashSet<string> FailedGroups { get; } = [];

    /// <summary>Parameters that are present but invalid: already reported, so not reported missing as well.</summary>
    public HashSet<string> FailedParameters { get; } = [];

    /// <summary>The day of the build: values past their valid_until are reported (a warning, or an error with --strict).</summary>
    public DateOnly BuildDate => buildDate;

    private readonly List<Deadline> _deadlines = [];

    /// <summary>Every valid_until this reader compared with the build date: the only way the day of the build changes what it reports.</summary>
    public IReadOnlyList<Deadline> Deadlines => _deadlines;

    /// <summary>Whether <paramref name="until"/> lies before the day of the build; noted in <see cref="Deadlines"/>.</summary>
    public bool HasPassed(DateOnly until)
    {
        bool passed = until < buildDate;
        _deadlines.Add(new Deadline(until, passed));
        return passed;
    }

    public List<Parameter> ReadShared(string root, DiagnosticBag diag)
    {
        var result = new List<Parameter>();
        string dir = Path.Combine(root, "assumptions");
        if (!Directory.Exists(dir))
        {
            diag.Error(SourcesReader.Display(root, "assumptions"), 1, 1, Codes.FileSystem, "de map 'assumptions' met de gedeelde parameters ontbreekt");
            // Every parameter is missing then; one finding says so.
            foreach (var id in AssumptionCatalog.Entries.Keys) FailedGroups.Add(id[..id.IndexOf('.')]);
            return result;
        }
        // Folders too: a folder named like a parameter file is reported by YamlFile.Load, not skipped.
        foreach (var file in Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".yaml", StringComparison.Ordinal)) continue;
            string group = Path.GetFileNameWithoutExtension(file);
            var ctx = new YamlContext(SourcesReader.Display(root, $"assumptions/{Path.GetFileName(file)}"), diag);
            var yaml = YamlFile.Load(file, ctx.Path, diag);
            Schema.SchemaCheck.Validate(yaml, Schema.SchemaCheck.Parameters, ctx);
            var map = MapReader.From(yaml, ctx, $"parameterbestand '{group}'");
            if (map is null)
            {
                FailedGroups.Add(group);
                continue;
            }
            foreach (var (name, keyNode, value) in map.Entries())
            {
                string id = $"{group}.{name}";
                var entry = AssumptionCatalog.Find(id);
                if (entry is null)
                {
                    ctx.Error(keyNode, Codes.UnknownParameter,
                        $"onbekende parameter '{id}'; de parameters van '{group}' zijn: {string.Join(", ", AssumptionCatalog.Entries.Keys.Where(k => k.StartsWith(group + ".", StringComparison.Ordinal)))}");
                    continue;
                }
                var p = ReadParameter(MapReader.From(value, ctx, $"parameter '{id}'"), id, group, entry, withHeader: true);
                if (p is not null) result.Add(p);
            }
        }
        return result;
    }

    /// <summary>overrides: { energy.gas_price: { values: {...} } } in a scenario; description and unit come from the shared parameter.</summary>
    public List<Parameter> ReadOverrides(MapReader? overrides, IReadOnlyList<Parameter> shared)
    {
        var result = new List<Parameter>();
        if (overrides is null) return result;
        foreach (var (id, keyNode, value) in overrides.Entries())
        {
            var baseParam = shared.FirstOrDefault(p => p.Id == id);
            var entry = AssumptionCatalog.Find(id);
            if (baseParam is null || entry is null)
            {
                // The same help as for keys: the nearest shared parameter by spelling, or by its name without the group.
                string? near = shared.Select(p => p.Id).OrderBy(p => MapReader.Distance(p, id)).FirstOrDefault(p => MapReader.Distance(p, id) <= 3)
                               ?? shared.Select(p => p.Id).FirstOrDefault(p => p.EndsWith("." + id, StringComparison.Ordinal));
                overrides.Context.Error(keyNode, Codes.UnknownParameter, $"'{id}' is geen gedeelde parameter en kan dus niet worden overschreven"
                    + (near is null ? "; gedeelde parameters schrijft u als groep.naam, bijvoorbeeld energy.gas_price" : $" (bedoelt u '{near}'?)"));
                continue;
            }
            var p = ReadParameter(MapReader.From(value, overrides.Context, $"de afwijkende waarde van '{id}'"), id, baseParam.Group, entry, withHeader: false);
            if (p is not null) result.Add(p with { Description = baseParam.Description, Unit = baseParam.Unit });
        }
        return result;
    }

    private Parameter? ReadParameter(MapReader? map, string id, string group, AssumptionCatalog.Entry entry, bool withHeader)
    {
        if (map is null)
        {
            FailedParameters.Add(id);
            return null;
        }
        var ctx = map.Context;
        string? description = withHeader ? map.String("description") : "";
        string? unit = withHeader ? map.String("unit") : entry.Unit;
        var valuesMap = map.Map("values", $"de waarden van '{id}'");
        map.Done();
        if (unit is not null && unit != entry.Unit)
            ctx.Error(map.Node, Codes.WrongUnit, $"parameter '{id}' heeft eenheid '{unit}'; verwacht is '{entry.Unit}'");
        if (valuesMap is null || description is null || unit is null)
        {
            FailedParameters.Add(id);
            return null;
        }

        var values = new List<ParameterValue>();
        YamlDotNet.RepresentationModel.YamlNode? newestKey = null; // where the newest value's date is written
        DateOnly newest = default;
        DateOnly? above = null; // the date written above this one
        foreach (var (dateText, keyNode, valueNode) in valuesMap.Entries())
        {
            var from = References.ParseDate(keyNode, ctx, $"een datum van '{id}'");
            // Values are written oldest first and a new one is added below: one dated before the value above it
            // becomes an older value, and the price above it stays in force without a word (2025-01-12 typed for 2026-12-01).
            if (from is { } f && above is { } a && f < a)
                ctx.Warning(keyNode, Codes.DateOrder,
                    $"de waarde van '{id}' vanaf {f:d-M-yyyy} staat onder die vanaf {a:d-M-yyyy}, maar geldt eerder; zo blijft de waarde erboven gelden. Klopt de datum (JJJJ-MM-DD, dag en maand niet omgedraaid)? Een oudere waarde zet u boven de nieuwere");
            if (from is not null) above = from;
            var v = MapReader.From(valueNode, ctx, $"de waarde van '{id}' vanaf {dateText}");
            if (from is null || v is null) continue;
            var number = v.Number("value", entry.Range);
            var until = v.Get("valid_until", required: false) is { } u ? References.ParseDate(u, ctx, "'valid_until'") : null;
            var reference = refs.Read(v);
            v.Done();
            if (until is { } end && HasPassed(end))
                ctx.Warning(v.Node, Codes.Expired, $"de waarde van '{id}' vanaf {dateText} is verlopen op {end:d-M-yyyy}; voeg een nieuwere waarde met een datum toe");
            if (reference is { Basis: SiteGen.Calculation.Basis.Example })
                ctx.Warning(v.Node, Codes.ExampleValue, $"de waarde van '{id}' vanaf {dateText} is een voorbeeldwaarde (basis: example), geen bevestigd gepubliceerd getal; vervang haar door het getal dat de bron nu noemt en haal 'basis: example' weg");
            if (number is null || reference is null) continue;
            var (line, col) = ctx.Position(v.Node);
            values.Add(new ParameterValue(from.Value, number.Value, reference, until, ctx.Path, line, col));
            if (newestKey is null || from.Value >= newest) (newest, newestKey) = (from.Value, keyNode);
        }
        if (values.Count == 0 && valuesMap.Node.Children.Count > 0)
        {
            FailedParameters.Add(id); // its values were reported one by one
            return null;
        }
        if (values.Count == 0)
        {
            ctx.Error(valuesMap.Node, Codes.MissingKey, $"parameter '{id}' heeft geen waarden; voeg er een toe, bijvoorbeeld 2025-08-01: {{value: 1.14, source: {refs.ExampleSource ?? "<id uit sources.yaml>"}, ref: \"§8.1\"}}");
            return null;
        }
        values.Sort((a, b) => a.From.CompareTo(b.From));
        // The newest value applies (unless a neighbourhood pins as_of), also before its date: 2030 typed for 2025 would
        // silently be today's price, so it is said.
        if (newest > buildDate && newestKey is not null)
            ctx.Warning(newestKey, Codes.FutureValue,
                $"de nieuwste waarde van '{id}' geldt vanaf {newest:d-M-yyyy}, na vandaag ({buildDate:d-M-yyyy}), en telt toch nu al mee; klopt de datum? Wilt u haar pas later laten gelden, bouw dan pas vanaf die datum of zet 'as_of' in de wijk");
        return new Parameter(id, group, description, unit, values);
    }
}
