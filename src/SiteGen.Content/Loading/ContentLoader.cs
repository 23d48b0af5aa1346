using SiteGen.Calculation;
using SiteGen.Calculation.Inputs;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;

namespace SiteGen.Content.Loading;

/// <summary>
/// Loads and validates everything under content/. Reads in a fixed (ordinal) order so that findings and
/// output never depend on how the file system lists files. Returns null content when any error was found.
/// </summary>
public static class ContentLoader
{
    /// <summary>A neighbourhood's text on when to choose (Markdown with front matter), shown on its dwelling pages.</summary>
    public const string TimingFile = "timing.md";

    /// <summary>How findings name a file of the content folder: relative to the working folder where that is shorter.</summary>
    public static string Display(string root, string relative) => SourcesReader.Display(root, relative);

    private static readonly HashSet<string> ReservedFolders = ["assumptions", "step-plans", "schema"];

    /// <summary>
    /// The folders the site keeps its own files in, at the top of the output (Rendering's SitePaths): a municipality of the
    /// same name would share its page's address with one of the site's own (its page is "&lt;municipality&gt;/").
    /// </summary>
    public static readonly IReadOnlySet<string> SiteFolders = new HashSet<string>(["assets", "data", "open-data"], StringComparer.Ordinal);

    /// <summary>Why a folder of this name cannot hold a municipality; null when it can (as far as its name goes).</summary>
    public static string? NotAMunicipality(string mid) =>
        ReservedFolders.Contains(mid) ? $"de content gebruikt de map '{mid}' zelf ({string.Join(", ", ReservedFolders.Order(StringComparer.Ordinal))})"
        : SiteFolders.Contains(mid) ? $"de site gebruikt de naam '{mid}' zelf ({string.Join(", ", SiteFolders.Order(StringComparer.Ordinal))})"
        : null;

    /// <summary>
    /// The content's municipality folders, in order: every folder at its top but the content's own and hidden ones. A
    /// build that succeeds has a municipality for each (one that cannot be read is an error), so the site's shape (one
    /// municipality or several) is known from here before anything is read.
    /// </summary>
    public static IEnumerable<string> MunicipalityFolders(string root) =>
        Directory.GetDirectories(root).Order(StringComparer.Ordinal)
            .Where(dir => Path.GetFileName(dir) is var mid && !ReservedFolders.Contains(mid) && !mid.StartsWith('.'));

    /// <summary>The one subfolder of <paramref name="root"/> that holds shared parameters, if exactly one does.</summary>
    private static string? NestedContent(string root)
    {
        var found = Directory.GetDirectories(root).Where(d => Directory.Exists(Path.Combine(d, "assumptions"))).Take(2).ToArray();
        return found.Length == 1 ? found[0] : null;
    }

    /// <param name="cache">Kept by a long-running process between loads: unchanged neighbourhoods are not read again.</param>
    /// <param name="keep">
    /// Asked for each neighbourhood (its id and folder) before it is read, from several threads: a neighbourhood it
    /// returns is not read but listed as kept (an incremental build whose output holds it unchanged).
    /// </param>
    /// <param name="draw">
    /// Given the shared content (every municipality, no neighbourhood yet) and the number of neighbourhood folders once
    /// the shared content is read without errors: what to do with each neighbourhood read without errors, from several
    /// threads, as soon as it is read. One it returns true for is listed only (<see cref="Municipality.Drawn"/>), so a
    /// build that draws and lets go of each neighbourhood this way never holds all of them.
    /// </param>
    /// <param name="listing">
    /// Filled with the content folder's files as the walk for symbolic links found them, before any neighbourhood is
    /// asked about or read: whoever hashes a neighbourhood's folder meanwhile (<paramref name="keep"/>, <paramref name="draw"/>)
    /// can take its files from there. Each neighbourhood's placeholder scan does.
    /// </param>
    public static (SiteContent? Content, DiagnosticBag Diagnostics) Load(string root, DateOnly buildDate, ContentCache? cache = null,
        Func<string, string, KeptNeighbourhood?>? keep = null, Func<SiteContent, int, Func<Neighbourhood, bool>>? draw = null,
        ContentListing? listing = null)
    {
        Schema.SchemaCheck.Preload();
        var diag = new DiagnosticBag { AllowsPending = true };
        if (!Directory.Exists(root))
        {
            diag.Error(root, 1, 1, Codes.FileSystem, File.Exists(root) ? "dit is een bestand, geen map; geef met --content de inhoudsmap op" : "de inhoudsmap bestaat niet");
            return (null, diag);
        }
        // '--content .' at the top of a site's repository: every folder there (src, tests, themes) would be reported as a
        // municipality or a neighbourhood, 25 findings and more. One finding names the folder that is the content.
        if (!Directory.Exists(Path.Combine(root, "assumptions")) && NestedContent(root) is { } nested)
        {
            string shown = SourcesReader.Display(root, Path.GetFileName(nested));
            diag.Error(SourcesReader.Display(root, "assumptions"), 1, 1, Codes.FileSystem,
                $"de map 'assumptions' met de gedeelde parameters ontbreekt: dit is geen inhoudsmap. De inhoud staat in '{shown}'; geef die map op (--content {shown})");
            return (null, diag);
        }
        // With a watcher's report of what changed, only that is checked and hashed: the rest was checked by the last load.
        var changed = cache?.TakeChanges();
        listing ??= new ContentListing();
        if (!SymlinkGuard.Check(root, diag, "content", changed, listing)) return (null, diag);
        // Hashed before anything is read: a shared file changing during the read cannot be cached under its old hash.
        cache?.Begin(root, buildDate, changed);
        var sources = SourcesReader.Read(root, diag, out var unusableSources, out var publishers);
        var refs = new References(sources, unusableSources);
        var parameterReader = new ParameterReader(refs, buildDate);
        var parameters = parameterReader.ReadShared(root, diag);
        CheckShared(parameters, parameterReader, root, diag);
        var stepPlans = StepPlanReader.Read(root, refs, diag);
        var glossary = GuideReader.ReadGlossary(root, GuideReader.GlossaryFile, refs, diag);
        var help = GuideReader.ReadHelp(root, refs, diag);

        // Municipality files first, in order; then every neighbourhood of every municipality in parallel, each into its
        // own findings (a neighbourhood's errors decide whether it is kept), merged back in folder order.
        var found = new List<(string Dir, string Id, MunicipalityHead? Head, string[] Neighbourhoods)>();
        foreach (var dir in MunicipalityFolders(root))
        {
            string mid = Path.GetFileName(dir);
            var head = ReadMunicipality(root, dir, mid, diag);
            // Folder names, not paths: kept for the whole load, one per neighbourhood (a national site has 13,500).
            string[] ndirs = head is null ? [] : Directory.GetDirectories(dir).Order(StringComparer.Ordinal).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith('.')).ToArray();
            // Its page would ask residents to choose from an empty list: the page says there are none yet, and so does the build.
            if (head?.Name is not null && ndirs.Length == 0)
                diag.Warning(SourcesReader.Display(root, $"{mid}/municipality.yaml"), 1, 1, Codes.FileSystem,
                    $"de gemeente heeft nog geen wijk: haar pagina zegt bewoners dat er nog geen wijken zijn; maak er een met 'sitegen new neighbourhood {mid}/<wijk>'");
            found.Add((dir, mid, head, ndirs));
        }
        SourcesReader.OtherMunicipalities(sources, publishers, found.Where(m => m.Head?.Name is not null).Select(m => m.Head!.Name!).ToList(), diag);
        var jobs = found.SelectMany(m => m.Neighbourhoods.Select(name => new Job(m.Id, m.Dir, name))).ToArray();
        // Placeholders outside the neighbourhood folders here; each neighbourhood's with its folder (and so cached with it).
        var placeholders = SharedPlaceholders(root, diag, jobs);
        // Each municipality's glossary before its neighbourhoods (they are drawn with it), its findings after them as before.
        var glossaries = found.Select(m =>
        {
            var own = new DiagnosticBag { AllowsPending = true };
            var terms = m.Head?.Name is null ? [] : GuideReader.Merge(glossary, GuideReader.ReadGlossary(root, $"{m.Id}/{GuideReader.GlossaryFile}", refs, own));
            return (Terms: terms, Diag: own);
        }).ToArray();
        var shell = new SiteContent
        {
            Root = root, Sources = sources, Parameters = parameters, StepPlans = stepPlans, Help = help,
            Municipalities = found.Zip(glossaries).Where(x => x.First.Head?.Name is not null)
                .Select(x => Municipality(x.First.Id, x.First.Head!, [], [], [], x.Second.Terms)).ToList(),
        };
        // Only over shared content without errors: a neighbourhood drawn over broken shared content would be thrown away.
        var drawing = draw is not null && cache is null && !diag.HasErrors ? draw(shell, jobs.Length) : null;
        var read = new (Neighbourhood? N, DiagnosticBag? Diag)[jobs.Length];
        var cached = new (ContentCache.Entry? Entry, string Hash)[jobs.Length];
        var kept = new KeptNeighbourhood?[jobs.Length];
        var drawn = new KeptNeighbourhood?[jobs.Length];
        Parallel.For(0, jobs.Length, Cores.Options(), i =>
        {
            var (mid, name, ndir) = (jobs[i].Municipality, jobs[i].Name, jobs[i].Dir);
            if (keep?.Invoke($"{mid}/{name}", ndir) is { } k)
            {
                kept[i] = k;
                return;
            }
            if (cache is not null)
            {
                var entry = cache.Find(ndir, out var hash);
                cached[i] = (entry, hash);
                if (entry is not null)
                {
                    read[i] = (entry.Neighbourhood, entry.Findings);
                    return;
                }
            }
            var own = new DiagnosticBag { AllowsPending = true };
            // Each file of the folder is read from disk once for its placeholders, its reader and its digest (drawing).
            using var bytes = FileBytes.Keep();
            var affecting = placeholders.Concat(Placeholders.ScanFolder(root, ndir, own, listing)).ToList();
            // Its own reader: the reader notes failed parameters, which only the shared check above reads.
            var n = ReadNeighbourhood(root, ndir, mid, name, parameters, refs, new ParameterReader(refs, buildDate), stepPlans, own, affecting);
            if (n is not null && drawing is not null && !own.HasErrors && drawing(n))
            {
                drawn[i] = KeptNeighbourhood.Of(n);
                n = null;
                // Drawn and hashed: nothing asks about its files again in this build.
                listing?.Forget(ndir);
            }
            // A drawn neighbourhood's empty bag is not kept to the end of the reading (0.4 MB at 20,000 pages).
            read[i] = (n, drawn[i] is not null && own.IsEmpty ? null : own);
        });
        // The schema checks of files read before the schemas were loaded: each neighbourhood's before it is kept or merged.
        Parallel.For(0, jobs.Length, Cores.Options(), i => read[i].Diag?.RunPending());
        if (cache is not null)
        {
            // With a cache nothing is drawn while read, so every bag is there.
            for (int i = 0; i < jobs.Length; i++)
                if (kept[i] is null) cache.Keep(jobs[i].Dir, cached[i].Entry ?? new ContentCache.Entry(cached[i].Hash, read[i].N, read[i].Diag!), cached[i].Entry is not null);
            cache.End();
        }
        var municipalities = new List<Municipality>();
        int next = 0, at = 0;
        foreach (var (dir, mid, head, ndirs) in found)
        {
            var neighbourhoods = new List<Neighbourhood>();
            var keptHere = new List<KeptNeighbourhood>();
            var drawnHere = new List<KeptNeighbourhood>();
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // name -> the first folder with it
            foreach (var _ in ndirs)
            {
                if (kept[next] is { } k)
                {
                    // Its findings where reading it would have reported them.
                    foreach (var f in k.Findings) diag.Add(f);
                    keptHere.Add(k);
                    next++;
                    SameName(root, mid, k.Slug, k.Name, names, diag);
                    continue;
                }
                if (drawn[next] is { } d) drawnHere.Add(d);
                var (n, own) = read[next++];
                if (own is not null) diag.Append(own);
                if (n is not null) neighbourhoods.Add(n);
                var (slug, name) = n is not null ? (n.Slug, n.Name) : drawn[next - 1] is { } dn ? (dn.Slug, dn.Name) : (null, null);
                if (slug is not null) SameName(root, mid, slug, name!, names, diag);
            }
            glossaries[at].Diag.RunPending();
            diag.Append(glossaries[at++].Diag);
            if (head?.Name is null) continue;
            municipalities.Add(Municipality(mid, head, neighbourhoods, keptHere, drawnHere, glossaries[at - 1].Terms));
        }
        if (municipalities.Count == 0 && !diag.HasErrors)
            diag.Error(SourcesReader.Display(root, ""), 1, 1, Codes.FileSystem, "de inhoudsmap bevat geen map van een gemeente (met municipality.yaml)");

        diag.RunPending();
        diag.MergeSecondary();
        if (diag.HasErrors) return (null, diag);
        return (new SiteContent
        {
            Root = root, Sources = sources, Parameters = parameters, Municipalities = municipalities, StepPlans = stepPlans, Help = help,
            HasPlaceholders = placeholders.Any(Placeholders.Shared) || municipalities.SelectMany(m => m.Neighbourhoods).Any(n => n.HasPlaceholders)
                              || municipalities.SelectMany(m => m.Kept.Concat(m.Drawn)).Any(k => k.HasPlaceholders),
        }, diag);
    }

    /// <summary>The placeholders outside the neighbourhood folders.</summary>
    // A method of its own: the set of every neighbourhood folder's path is let go of when the scan ends. Made in Load,
    // its stack kept it until the last neighbourhood was drawn (0.3 MB at 20,000 pages).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static List<Placeholders.Found> SharedPlaceholders(string root, DiagnosticBag diag, Job[] jobs) =>
        Placeholders.Scan(root, diag, jobs.Select(j => j.Dir).ToHashSet(StringComparer.Ordinal));

    /// <summary>A neighbourhood folder to read: its municipality's id and folder, and its own folder's name.</summary>
    private readonly record struct Job(string Municipality, string MunicipalityDir, string Name)
    {
        public string Dir => Path.Join(MunicipalityDir, Name);
    }

    /// <summary>
    /// A warning at the second of two neighbourhoods of one municipality with the same name: residents would see two
    /// cards alike (a copied folder whose name was not changed). Not an error: two CBS neighbourhoods can share a name.
    /// </summary>
    private static void SameName(string root, string mid, string slug, string name, Dictionary<string, string> names, DiagnosticBag diag)
    {
        if (names.TryAdd(name, slug)) return;
        string file = Path.Combine(root, mid, slug, "neighbourhood.yaml");
        // The line of 'name:' (read again only here: a kept neighbourhood has no positions).
        int line = File.Exists(file) ? Array.FindIndex(File.ReadAllLines(file), l => l.StartsWith("name:", StringComparison.Ordinal)) + 1 : 0;
        diag.Warning(SourcesReader.Display(root, $"{mid}/{slug}/neighbourhood.yaml"), Math.Max(line, 1), 1, Codes.DuplicateKey,
            $"de wijk '{names[name]}' van deze gemeente heet ook '{name}': bewoners zien twee kaarten met dezelfde naam; geef deze wijk een eigen naam");
    }

    private static Municipality Municipality(string id, MunicipalityHead head, List<Neighbourhood> neighbourhoods, List<KeptNeighbourhood> kept,
        List<KeptNeighbourhood> drawn, IReadOnlyList<GlossaryTerm> glossary) =>
        new() { Id = id, Name = head.Name!, Style = head.Style, Neighbourhoods = neighbourhoods, Kept = kept, Drawn = drawn, Glossary = glossary };

    private static void CheckShared(List<Parameter> parameters, ParameterReader reader, string root, DiagnosticBag diag)
    {
        foreach (var id in AssumptionCatalog.Entries.Keys)
            if (!AssumptionCatalog.IsOptional(id) && parameters.All(p => p.Id != id) && !reader.FailedGroups.Contains(id[..id.IndexOf('.')]) && !reader.FailedParameters.Contains(id))
            {
                string file = SourcesReader.Display(root, $"assumptions/{id[..id.IndexOf('.')]}.yaml");
                diag.Error(file, 1, 1, Codes.MissingKey, $"de gedeelde parameter '{id[(id.IndexOf('.') + 1)..]}' ontbreekt in {file}");
            }
        CheckYearWithinHorizon(parameters, "finance.reinvestment_year", "finance.horizon_years", diag);
        CheckYearWithinHorizon(parameters, "business_case.reinvestment_year", "business_case.horizon_years", diag);
    }

    private static void CheckYearWithinHorizon(List<Parameter> parameters, string yearId, string horizonId, DiagnosticBag diag)
    {
        var year = parameters.FirstOrDefault(p => p.Id == yearId);
        var horizon = parameters.FirstOrDefault(p => p.Id == horizonId);
        if (year is null || horizon is null) return;
        foreach (var v in year.Values)
        {
            var h = horizon.ValueAt(v.From) ?? horizon.Values[0];
            if (v.Value > h.Value)
                diag.Error(v.File, v.Line, v.Column, Codes.OutOfRange, $"'{yearId}' is jaar {v.Value}, na de looptijd van {h.Value} jaar ('{horizonId}'); kies een jaar binnen de looptijd");
        }
    }

    private sealed record MunicipalityHead(string? Name, HouseStyle Style);

    /// <summary>municipality.yaml; null when the folder name cannot be a municipality (its neighbourhoods are not read then).</summary>
    private static MunicipalityHead? ReadMunicipality(string root, string dir, string mid, DiagnosticBag diag)
    {
        string file = SourcesReader.Display(root, $"{mid}/municipality.yaml");
        if (!MapReader.IsSlug(mid))
        {
            diag.Error(file, 1, 1, Codes.WrongType, $"de gemeentemap '{mid}' moet een id van kleine letters, cijfers en '-' zijn (de naam wordt deel van het webadres)");
            return null;
        }
        if (NotAMunicipality(mid) is { } why)
        {
            diag.Error(file, 1, 1, Codes.WrongType, $"de gemeentemap '{mid}' kan geen gemeente zijn: {why}; geef de map van de gemeente een andere naam");
            return null;
        }
        var ctx = new YamlContext(file, diag);
        var yaml = YamlFile.Load(Path.Combine(dir, "municipality.yaml"), file, diag);
        Schema.SchemaCheck.Validate(yaml, Schema.SchemaCheck.Municipality, ctx);
        var map = MapReader.From(yaml, ctx, "municipality.yaml");
        string? name = map?.String("name");
        var style = map is null ? HouseStyle.None : HouseStyleReader.Read(map);
        map?.Done();
        return new MunicipalityHead(name, style);
    }

    private static Neighbourhood? ReadNeighbourhood(string root, string dir, string mid, string slug, List<Parameter> shared,
        References refs, ParameterReader parameterReader, Dictionary<string, StepPlan> stepPlans, DiagnosticBag diag, List<Placeholders.Found> placeholders)
    {
        string id = $"{mid}/{slug}";
        string file = SourcesReader.Display(root, $"{id}/neighbourhood.yaml");
        if (!MapReader.IsSlug(slug))
        {
            diag.Error(file, 1, 1, Codes.WrongType, $"de wijkmap '{slug}' moet een id van kleine letters, cijfers en '-' zijn (de naam wordt deel van het webadres)");
            return null;
        }
        // Every folder in a municipality's folder is a neighbourhood: say what one needs, not just "file not found".
        if (!File.Exists(Path.Combine(dir, "neighbourhood.yaml")) && !Directory.Exists(Path.Combine(dir, "neighbourhood.yaml")))
        {
            diag.Error(file, 1, 1, Codes.FileSystem,
                $"bestand niet gevonden: de map '{id}' is een wijkmap zonder neighbourhood.yaml; maak die met 'sitegen new neighbourhood {id}', of haal de map weg als zij geen wijk is");
            return null;
        }
        var ctx = new YamlContext(file, diag);
        int errorsBefore = diag.Items.Count(d => d.Severity == Severity.Error);
        var reader = new ScenarioReader(refs, parameterReader, shared);
        var scenarioYaml = YamlFile.Load(Path.Combine(dir, "neighbourhood.yaml"), file, diag);
        Schema.SchemaCheck.Validate(scenarioYaml, Schema.SchemaCheck.Neighbourhood, ctx);
        var scenario = reader.Read(id, scenarioYaml, ctx,
            (asOf, overrides) => Resolve(shared, overrides, asOf, ctx, diag));

        // Narrative next to the scenario, in the manner of a Hugo page bundle; its images and documents in bestanden/.
        var files = ContentFiles.Read(root, dir, id, diag);
        var index = File.Exists(Path.Combine(dir, "index.md"))
            ? NarrativeReader.Read(Path.Combine(dir, "index.md"), SourcesReader.Display(root, $"{id}/index.md"), diag, variantKeys: false,
                new LocalLinkScope("", files))
            : null;
        var timing = File.Exists(Path.Combine(dir, TimingFile))
            ? NarrativeReader.Read(Path.Combine(dir, TimingFile), SourcesReader.Display(root, $"{id}/{TimingFile}"), diag, variantKeys: false)
            : null;
        var dwellingNarratives = ReadNarratives(root, dir, id, "dwellings", scenario?.Dwellings.Select(d => d.Id).ToList(), diag, variantKeys: false, files);
        var variantNarratives = ReadNarratives(root, dir, id, "variants", scenario?.Variants.Select(v => v.Id).ToList(), diag, variantKeys: true, files);
        foreach (var entry in Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(entry);
            if (name is "neighbourhood.yaml" or "index.md" or TimingFile or "dwellings" or "variants" or ContentFiles.Folder or History.NeighbourhoodHistory.FileName || name.StartsWith('.')) continue;
            diag.Error(SourcesReader.Display(root, $"{id}/{name}"), 1, 1, Codes.UnknownKey,
                $"onverwacht bestand in een wijkmap; daar horen alleen neighbourhood.yaml, index.md, timing.md, history.json, dwellings/, variants/ en {ContentFiles.Folder}/ (afbeeldingen en documenten)");
        }
        var history = History.NeighbourhoodHistory.Read(Path.Combine(dir, History.NeighbourhoodHistory.FileName),
            SourcesReader.Display(root, $"{id}/{History.NeighbourhoodHistory.FileName}"), diag);
        if (scenario is null || diag.Items.Count(d => d.Severity == Severity.Error) > errorsBefore) return null;

        var cited = scenario.Values.Select(v => v.Reference.Document.Id).Concat(scenario.Facts.Select(f => f.Reference.Document.Id))
            .Concat(scenario.Overrides.SelectMany(o => o.Values).Select(v => v.Reference.Document.Id)).ToHashSet(StringComparer.Ordinal);
        bool hasPlaceholders = Placeholders.Affects(placeholders, mid, slug, cited);
        var dwellings = scenario.Dwellings.Select(d => d with { Narrative = dwellingNarratives.GetValueOrDefault(d.Id) }).ToList();
        var variants = scenario.Variants.Select(v => v with { Narrative = variantNarratives.GetValueOrDefault(v.Id) }).ToList();
        var n = new Neighbourhood
        {
            Id = id, Slug = slug, Name = scenario.Name, ScenarioPath = file, Input = scenario.Input,
            Dwellings = dwellings, Variants = variants, Facts = scenario.Facts, ScenarioValues = scenario.Values,
            Overrides = scenario.Overrides, StepPlans = scenario.StepPlans, CurrentPhase = scenario.Phase, Index = index, Timing = timing,
            AsOf = scenario.AsOf, History = history, Folder = dir, HasPlaceholders = hasPlaceholders, Files = files,
            CostsOnlyWithoutGas = scenario.OnlyWithoutGas,
            // The folder's own findings: this list is the one the reader reports into, so it is complete once read.
            Findings = diag.Items,
            Deadlines = parameterReader.Deadlines,
        };
        CheckReferences(n, shared, stepPlans, ctx, scenario.Root, scenario.Nodes, diag);
        return diag.Items.Count(d => d.Severity == Severity.Error) > errorsBefore ? null : n;
    }

    private static Dictionary<string, Narrative> ReadNarratives(string root, string dir, string id, string folder,
        List<string>? known, DiagnosticBag diag, bool variantKeys, IReadOnlyCollection<ContentFile> files)
    {
        var result = new Dictionary<string, Narrative>();
        string path = Path.Combine(dir, folder);
        if (!Directory.Exists(path)) return result;
        foreach (var file in Directory.GetFileSystemEntries(path).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            string display = SourcesReader.Display(root, $"{id}/{folder}/{name}");
            if (!name.EndsWith(".md", StringComparison.Ordinal))
            {
                diag.Error(display, 1, 1, Codes.UnknownKey, $"in {folder}/ horen alleen Markdown-bestanden (.md)");
                continue;
            }
            string key = name[..^3];
            if (known is not null && !known.Contains(key))
            {
                diag.Error(display, 1, 1, Codes.UnknownReference,
                    $"'{key}' is geen {(folder == "dwellings" ? "woning" : "variant")} van deze wijk; mogelijk zijn: {string.Join(", ", known)}");
                continue;
            }
            if (NarrativeReader.Read(file, display, diag, variantKeys, new LocalLinkScope(folder, files)) is { } n) result[key] = n;
        }
        return result;
    }

    // The first parameter with this id; a loop, as Resolve asks for every parameter of every neighbourhood.
    private static Parameter? ById(IReadOnlyList<Parameter> parameters, string id)
    {
        for (int i = 0; i < parameters.Count; i++)
            if (parameters[i].Id == id) return parameters[i];
        return null;
    }

    /// <summary>Resolves shared parameters (with the neighbourhood's overrides) for one date into calculation inputs.</summary>
    private static Assumptions? Resolve(List<Parameter> shared, IReadOnlyList<Parameter> overrides, DateOnly? asOf, YamlContext ctx, DiagnosticBag diag)
    {
        bool ok = true;
        var labelSavings = new Dictionary<string, Quantity>();
        Quantity? Find(string id)
        {
            var p = ById(overrides, id) ?? ById(shared, id);
            var v = p?.ValueAt(asOf);
            if (p is not null && v is null)
            {
                diag.Error(ctx.Path, 1, 1, Codes.MissingKey, $"parameter '{id}' heeft geen waarde op of vóór {asOf:d-M-yyyy} ('as_of'); voeg een waarde met een eerdere datum toe of kies een latere 'as_of'");
                ok = false;
            }
            return v is null ? null : new Quantity(v.Value, References.Cite(id, v));
        }
        foreach (var p in shared.Where(p => p.Group == AssumptionCatalog.LabelSavingsGroup))
            if (Find(p.Id) is { } q) labelSavings[p.Id[(AssumptionCatalog.LabelSavingsGroup.Length + 1)..]] = q;
        var participation = new List<Quantity>();
        foreach (var p in shared.Where(p => p.Group == AssumptionCatalog.ParticipationGroup))
            if (Find(p.Id) is { } q) participation.Add(q);
        var assumptions = AssumptionCatalog.Build(id =>
        {
            if (Find(id) is { } q) return q;
            ok = false;
            return default;
        }, labelSavings, Find, participation);
        return ok ? assumptions : null;
    }

    /// <summary>Checks that step plans, the current phase and every shortcode name things that exist.</summary>
    private static void CheckReferences(Neighbourhood n, List<Parameter> shared, Dictionary<string, StepPlan> plans,
        YamlContext ctx, YamlDotNet.RepresentationModel.YamlMappingNode root, Dictionary<string, YamlDotNet.RepresentationModel.YamlNode> nodes, DiagnosticBag diag)
    {
        YamlDotNet.RepresentationModel.YamlNode At(string key) => nodes.TryGetValue(key, out var node) ? node : root;
        foreach (var plan in n.StepPlans)
            if (!plans.ContainsKey(plan))
                ctx.Error(At("step_plans." + plan), Codes.UnknownReference, $"stappenplan '{plan}' bestaat niet; in step-plans/ staan: {string.Join(", ", plans.Keys)}");
        if (n.CurrentPhase is { } phase)
        {
            if (!plans.TryGetValue(phase.Plan, out var plan))
                ctx.Error(At("current_phase.plan"), Codes.UnknownReference, $"current_phase noemt stappenplan '{phase.Plan}', maar dat staat niet in step-plans/");
            else if (plan.Steps.All(s => s.Id != phase.Step))
                ctx.Error(At("current_phase.step"), Codes.UnknownReference, $"current_phase noemt stap '{phase.Step}', maar stappenplan '{phase.Plan}' heeft die niet; de stappen zijn: {string.Join(", ", plan.Steps.Select(s => s.Id))}");
        }
        var narratives = new[] { n.Index, n.Timing }.Concat(n.Dwellings.Select(d => d.Narrative)).Concat(n.Variants.Select(v => v.Narrative));
        foreach (var doc in narratives)
        {
            if (doc is null) continue;
            foreach (var sc in doc.Shortcodes)
            {
                void Check(string arg, IEnumerable<string> allowed, string what)
                {
                    if (sc.Args.TryGetValue(arg, out var value) && !allowed.Contains(value))
                        diag.Error(doc.Path, sc.Line, sc.Column, Codes.UnknownReference,
                            $"shortcode '{sc.Name}' noemt {what} '{value}', maar die bestaat niet; mogelijk zijn: {string.Join(", ", allowed)}");
                }
                Check("dwelling", n.Dwellings.Select(d => d.Id), "woning");
                Check("variant", sc.Name == "business-case" ? n.Variants.Where(v => v.IsCollective).Select(v => v.Id) : n.Variants.Select(v => v.Id),
                    sc.Name == "business-case" ? "collectieve variant" : "variant");
                Check("field", NarrativeReader.ValueFields, "veld");
                Check("id", shared.Select(p => p.Id), "aanname");
            }
        }
    }
}
