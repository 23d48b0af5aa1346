using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;

namespace SiteGen.Content.Loading;

/// <summary>
/// Reads the resident-facing texts that are not figures: the glossary (content/glossary.yaml and
/// content/&lt;municipality&gt;/glossary.yaml) and where to go next (content/help.yaml). All files are optional;
/// every finding is located at its line.
/// </summary>
internal static class GuideReader
{
    public const string GlossaryFile = "glossary.yaml", HelpFile = "help.yaml";

    /// <summary>The terms of one glossary file, in file order; an empty list when the file does not exist.</summary>
    public static List<GlossaryTerm> ReadGlossary(string root, string relative, References refs, DiagnosticBag diag)
    {
        var result = new List<GlossaryTerm>();
        string path = Path.Combine(root, relative);
        if (!File.Exists(path)) return result;
        var ctx = new YamlContext(SourcesReader.Display(root, relative), diag);
        var yaml = YamlFile.Load(path, ctx.Path, diag);
        Schema.SchemaCheck.Validate(yaml, Schema.SchemaCheck.Glossary, ctx);
        var map = MapReader.From(yaml, ctx, relative);
        if (map is null) return result;
        foreach (var (id, keyNode, value) in map.Entries())
        {
            if (!MapReader.IsSlug(id))
            {
                ctx.Error(keyNode, Codes.WrongType, $"de id van begrip '{id}' moet bestaan uit kleine letters, cijfers en '-', bijvoorbeeld warmtenet");
                continue;
            }
            var t = MapReader.From(value, ctx, $"begrip '{id}'");
            if (t is null) continue;
            string? term = t.String("term");
            string? full = t.String("full", required: false);
            var also = t.StringList("also", required: false) ?? [];
            string? definition = t.String("definition");
            var reference = refs.Read(t);
            t.Done();
            if (term is null || definition is null || reference is null) continue;
            if (result.Any(x => string.Equals(x.Term, term, StringComparison.OrdinalIgnoreCase)))
            {
                ctx.Error(keyNode, Codes.DuplicateKey, $"het begrip '{term}' staat twee keer in dit bestand; houd er één over");
                continue;
            }
            result.Add(new GlossaryTerm(id, term, full, also, definition, reference));
        }
        return result;
    }

    /// <summary>content/help.yaml: links (ISDE, Warmtefonds, ...) and the tenants' statements.</summary>
    public static HelpContent ReadHelp(string root, References refs, DiagnosticBag diag)
    {
        string path = Path.Combine(root, HelpFile);
        if (!File.Exists(path)) return HelpContent.None;
        var ctx = new YamlContext(SourcesReader.Display(root, HelpFile), diag);
        var yaml = YamlFile.Load(path, ctx.Path, diag);
        Schema.SchemaCheck.Validate(yaml, Schema.SchemaCheck.Help, ctx);
        var map = MapReader.From(yaml, ctx, HelpFile);
        if (map is null) return HelpContent.None;
        var linksSeq = map.Sequence("links", required: false);
        var tenantsSeq = map.Sequence("tenants", required: false);
        map.Done();
        var links = new List<HelpLink>();
        foreach (var item in linksSeq?.Children ?? [])
        {
            var l = MapReader.From(item, ctx, "een link");
            if (l is null) continue;
            string? id = l.Slug("id");
            string? title = l.String("title");
            string? text = l.String("text");
            string? url = l.String("url");
            Reference? reference = l.Has("source") ? refs.Read(l) : null;
            l.Done();
            if (url is not null && !References.IsWebAddress(url))
            {
                ctx.Error(l.Get("url", required: false)!, Codes.UnsafeLink, $"'url' van link '{id}' moet beginnen met https:// of http://; er staat '{url}'");
                continue;
            }
            if (id is null || title is null || text is null || url is null) continue;
            links.Add(new HelpLink(id, title, text, url, reference));
        }
        var tenants = new List<HelpStatement>();
        foreach (var item in tenantsSeq?.Children ?? [])
        {
            var s = MapReader.From(item, ctx, "een uitspraak voor huurders");
            if (s is null) continue;
            string? text = s.String("text");
            var reference = refs.Read(s);
            s.Done();
            if (text is not null && reference is not null) tenants.Add(new HelpStatement(text, reference));
        }
        return new HelpContent(links, tenants);
    }

    /// <summary>The shared terms with a municipality's own: an own term with the same id replaces the shared one.</summary>
    public static IReadOnlyList<GlossaryTerm> Merge(IReadOnlyList<GlossaryTerm> shared, IReadOnlyList<GlossaryTerm> own) =>
        shared.Where(s => own.All(o => o.Id != s.Id)).Concat(own).ToList();
}
