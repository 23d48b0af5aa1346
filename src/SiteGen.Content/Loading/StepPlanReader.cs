using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;

namespace SiteGen.Content.Loading;

/// <summary>Reads content/step-plans/*.yaml: step plans shared by all neighbourhoods.</summary>
internal static class StepPlanReader
{
    /// <summary>
    /// Where an address stands in the file. A YAML block or folded text is not laid out like the Markdown it holds
    /// (folding joins lines), so the address is looked up in the file itself, from where the text starts.
    /// </summary>
    private static (int Line, int Column)? Locate(string raw, int from, string needle)
    {
        int at = raw.IndexOf(needle, Math.Min(from, raw.Length), StringComparison.Ordinal);
        if (at < 0) return null;
        int line = 1 + raw.AsSpan(0, at).Count('\n');
        int lineStart = raw.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
        return (line, at - lineStart + 1);
    }

    private static readonly string[] Audiences = ["bewoner", "initiatief", "gemeente"];

    public static Dictionary<string, StepPlan> Read(string root, References refs, DiagnosticBag diag)
    {
        var result = new Dictionary<string, StepPlan>(StringComparer.Ordinal);
        string dir = Path.Combine(root, "step-plans");
        if (!Directory.Exists(dir)) return result;
        foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".yaml", StringComparison.Ordinal)) continue;
            string id = Path.GetFileNameWithoutExtension(file);
            var ctx = new YamlContext(SourcesReader.Display(root, $"step-plans/{Path.GetFileName(file)}"), diag);
            if (!MapReader.IsSlug(id))
            {
                diag.Error(ctx.Path, 1, 1, Codes.WrongType, "de bestandsnaam van een stappenplan moet een id van kleine letters, cijfers en '-' zijn, bijvoorbeeld mini-warmtenet.yaml");
                continue;
            }
            string? raw = YamlFile.ReadText(file, ctx.Path, diag);
            var yaml = raw is null ? null : YamlFile.Parse(raw, ctx.Path, diag, lineOffset: 0);
            Schema.SchemaCheck.Validate(yaml, Schema.SchemaCheck.StepPlan, ctx);
            var map = MapReader.From(yaml, ctx, $"stappenplan '{id}'");
            if (map is null) continue;
            var title = map.String("title");
            var summary = map.String("summary");
            var audience = map.String("audience");
            var duration = map.String("duration", required: false);
            var sourceMap = map.Map("source", "de bron van het stappenplan");
            var seq = map.Sequence("steps");
            map.Done();
            Reference? reference = null;
            if (sourceMap is not null)
            {
                // Step plans write source: {document: ..., ref: ...}.
                var doc = sourceMap.String("document");
                var refText = sourceMap.String("ref");
                sourceMap.Done();
                if (doc is not null && refText is not null)
                    reference = refs.Lookup(doc) is { } d ? new Reference(d, refText, Calculation.Basis.Stated, null, null) : null;
                if (doc is not null && reference is null && refs.ShouldReportMissing(doc))
                    ctx.Error(sourceMap.Get("document", required: false) ?? sourceMap.Node, Codes.UnknownReference, $"document '{doc}' staat niet in sources.yaml");
            }
            if (audience is not null && !Audiences.Contains(audience))
                ctx.Error(map.Node, Codes.WrongType, $"'audience' moet een van deze waarden zijn: {string.Join(", ", Audiences)}; er staat '{audience}'");
            var steps = new List<Step>();
            foreach (var item in seq?.Children ?? [])
            {
                var s = MapReader.From(item, ctx, "een stap");
                if (s is null) continue;
                var sid = s.Slug("id");
                var st = s.String("title");
                var text = s.String("text");
                if (text is not null && s.Get("text", required: false) is { } textNode)
                    SafeMarkdown.CheckLinks(text, ctx.Path, ctx.Position(textNode).Line, diag,
                        locate: url => Locate(raw!, (int)textNode.Start.Index, url) ?? ctx.Position(textNode));
                var sd = s.String("duration", required: false);
                s.Done();
                if (sid is null || st is null || text is null) continue;
                if (steps.Any(x => x.Id == sid)) ctx.Error(s.Node, Codes.DuplicateKey, $"stap-id '{sid}' komt twee keer voor in dit stappenplan");
                steps.Add(new Step(sid, st, text, sd));
            }
            if (title is null || summary is null || audience is null || reference is null || steps.Count == 0) continue;
            result[id] = new StepPlan(id, title, summary, audience, duration, reference, steps);
        }
        return result;
    }
}
