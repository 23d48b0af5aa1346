using SiteGen.Calculation;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;
using SiteGen.Content.Model;
using SiteGen.Rendering.OpenData;
using SiteGen.Rendering.Pages;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Pipeline;

public sealed record BuildOptions(string ContentDir, string OutDir, DateOnly BuildDate, bool Strict = false, bool WriteOutput = true,
    string? ThemesDir = null, bool Incremental = true, Action<string>? Log = null, int MaxDegreeOfParallelism = -1,
    Action<int, int>? Progress = null, BuildSession? Session = null, int InPlaceLimit = OutputWriter.InPlaceLimit,
    Action<string>? CommitMoved = null)
{
    /// <summary>Themes live next to the content folder unless given: content/ and themes/ side by side.</summary>
    public string Themes => ThemesDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Path.TrimEndingDirectorySeparator(ContentDir)))!, "themes");
}

/// <param name="NeighbourhoodsNotRead">Of those reused, the ones an incremental build did not even read (see <see cref="UnchangedNeighbourhoods"/>).</param>
/// <param name="NeighbourhoodsDrawnWhileRead">Of those rendered, the ones drawn as soon as they were read (see <see cref="DrawnWhileRead"/>).</param>
public sealed record BuildResult(DiagnosticBag Diagnostics, SiteFiles? Files, TimeSpan Elapsed, int LinksChecked = 0,
    int NeighbourhoodsRendered = 0, int NeighbourhoodsReused = 0, WriteStats? Written = null, int NeighbourhoodsNotRead = 0,
    int NeighbourhoodsDrawnWhileRead = 0)
{
    public bool Succeeded => Files is not null;
}

/// <summary>
/// The build, top to bottom: read content -> compute -> render -> check links -> write.
/// Every step reports into one diagnostic bag; the build stops before writing when any error was found.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Step(string what) => options.Log?.Invoke($"{clock.Elapsed.TotalMilliseconds,7:0} ms {GC.GetTotalAllocatedBytes() / (1024 * 1024),6} MB  {what}");
        // The content's schemas take a core about 0.2 s to load: started first, they load on the other core while the
        // output's manifest and data files are read (one core's work, 0.2-0.3 s at 20,000 pages) instead of after it.
        SiteGen.Content.Schema.SchemaCheck.Preload();
        Themes.Theme.Preload();
        // Likewise the walk of the content folder for symbolic links (0.1-0.2 s of both cores at 20,000 pages), which
        // also lists each neighbourhood's files for its digest. Not for a session: its watcher says what to check.
        var listing = new ContentListing();
        if (options.Session is null) listing.StartWalk(options.ContentDir);
        // Before anything is read: an output folder that must not be written is a usage error, whatever the content says.
        var manifest = options.WriteOutput ? OutputGuard.Check(options) : null;

        bool incremental = options.WriteOutput && options.Incremental;
        // Read before the content: a neighbourhood the output holds unchanged is not read at all.
        var previous = incremental ? manifest?.Cache ?? new BuildCache() : new BuildCache();
        // Digests are computed for --full too, so the build after it can be incremental again.
        // Filled by the content's walk for symbolic links before any neighbourhood is hashed: not listed twice.
        var digester = new Digests(options.ContentDir, options.Themes, incremental ? previous : null, listing);
        // Deciding needs the themes' digests: only over a themes folder its guard accepts (it reports below otherwise).
        using var unchanged = incremental && SymlinkGuard.Check(options.Themes, new DiagnosticBag(), "themes")
            ? UnchangedNeighbourhoods.Open(previous, options.OutDir, options.BuildDate, digester) : null;
        // A build that writes keeps of the content only what the site-wide pages and the cache need: it draws each
        // neighbourhood as soon as it is read and lets go of it (a session keeps everything for the next rebuild). Over
        // themes that do not load it reads first, so content errors are reported before theme errors as always; a
        // sequential build (one core) reads first too, and DrawnWhileReadTests compare the two.
        bool letGo = options.WriteOutput && options.Session is null;
        var early = letGo && options.MaxDegreeOfParallelism != 1 ? ThemesBeforeContent(options.Themes) : null;
        // From here on a build that writes stages its files as they are drawn; whatever ends it early (errors, broken
        // links, exceptions) abandons the staging folder, so the output changes only when the build succeeded.
        using var earlyStaging = early is null ? null : OutputWriter.Begin(options.OutDir, manifest);
        var stream = early is null ? null : new DrawnWhileRead(early, new SiteFiles(earlyStaging!, linksSetAside: true), digester,
            (id, digest) => incremental && previous.Neighbourhoods.TryGetValue(id, out var e) && e.Digest == digest, options.Progress);
        var (content, diag) = ReadContent(options, unchanged is null ? null : (id, dir) => unchanged.Keep(options.ContentDir, id, dir), stream is null ? null : stream.Start, listing);
        var notRead = content?.Municipalities.SelectMany(m => m.Kept).ToList() ?? [];
        var drawn = content?.Municipalities.SelectMany(m => m.Drawn).Select(d => d.Id).ToList() ?? [];
        Step($"inhoud gelezen: {(content is null ? 0 : content.Neighbourhoods.Count() + drawn.Count)} wijk(en){(drawn.Count > 0 ? $", {drawn.Count} meteen opgemaakt" : "")}{(notRead.Count > 0 ? $", {notRead.Count} ongewijzigd en niet gelezen" : "")}{(options.Session is { } session ? $" ({session.Content.Reused} ongewijzigd, uit het geheugen)" : "")}, {diag.Items.Count} melding(en)");
        if (content is null) return new BuildResult(diag, null, clock.Elapsed);

        var results = Compute(content, diag, options.Session);
        Step($"{results.Sum(r => r.Item2.Residents.Count)} uitkomsten berekend (woning x variant)");
        if (diag.HasErrors) return new BuildResult(diag, null, clock.Elapsed);

        if (!SymlinkGuard.Check(options.Themes, diag, "themes")) return new BuildResult(diag, null, clock.Elapsed);
        var themes = LoadThemes(options.Themes, content, diag, options.Session, early);
        if (themes is null) return new BuildResult(diag, null, clock.Elapsed);
        // A neighbourhood drawn while reading whose drawing failed: reported for the first one in order, as below.
        foreach (var id in drawn)
        {
            if (stream!.ById[id].Error is ThemeException te)
            {
                foreach (var f in te.Findings) diag.Add(f);
                return new BuildResult(diag, null, clock.Elapsed);
            }
            if (stream.ById[id].Error is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
        using var lateStaging = options.WriteOutput && earlyStaging is null ? OutputWriter.Begin(options.OutDir, manifest) : null;
        var staging = earlyStaging ?? lateStaging;
        // A session without output keeps the drawn files in memory: an unchanged neighbourhood's are taken from there.
        var kept = options.WriteOutput ? null : options.Session;
        var digests = options.WriteOutput ? digester.All(content.Neighbourhoods) : new Dictionary<string, string>();
        // Every neighbourhood is hashed now: the content's listing is not needed for the rest of the build.
        listing.Clear();
        foreach (var k in notRead) digests[k.Id] = unchanged!.DigestOf(k.Id);
        // A drawn neighbourhood's digest is made into text when its manifest entry is written (Digest below), not all
        // of them here for the rest of the build.
        string Digest(string id) => digests.TryGetValue(id, out var d) ? d : digester.Known(id);
        int reused = 0;
        var reusedDrawn = new Dictionary<string, BuildSession.Drawn>(StringComparer.Ordinal);
        IReadOnlyList<SiteFiles.Carried>? Reuse(Neighbourhood n)
        {
            if (kept is not null)
            {
                // The content cache hands out the same object only while its folder and the shared content are unchanged.
                if (!kept.Pages.TryGetValue(n.Id, out var drawn) || !ReferenceEquals(drawn.Source, n) || drawn.Theme != digester.Theme(n)) return null;
                reused++;
                reusedDrawn[n.Id] = drawn;
                return drawn.Files;
            }
            if (!incremental || !previous.Neighbourhoods.TryGetValue(n.Id, out var e) || e.Digest != digests[n.Id]) return null;
            var list = OnDisk(e.Files);
            if (!list.All(x => File.Exists(x.DiskFile))) return null;
            reused++;
            return list;
        }
        // Files of the previous output, carried over as they are.
        List<SiteFiles.Carried> OnDisk(IEnumerable<string> paths) => paths.Select(f => new SiteFiles.Carried(f, Path.Combine(options.OutDir, f), null)).ToList();
        var files = stream?.Files ?? (staging is null ? new SiteFiles() : new SiteFiles(staging));
        int computed = results.Count + drawn.Count;
        // What is left of the content (neighbourhoods not drawn while reading) is let go of as each is drawn.
        if (letGo) content = content.ListingsOnly();
        // A build that writes records where each neighbourhood's part of the site-wide data files lies, for the next one.
        // The parts of a neighbourhood not read are cut from the previous output; those drawn while reading were set aside on disk.
        var data = options.WriteOutput
            ? new DataPlan(stream is null && unchanged is null ? null : (string id, int f, ref byte[] into) =>
                stream is not null && stream.ById.TryGetValue(id, out var d) ? d.DataPart(f, ref into) : unchanged!.Part(id, f, ref into))
            : null;
        Dictionary<string, List<string>> produced;
        try
        {
            produced = Render(content, results, themes, files, Reuse, options.MaxDegreeOfParallelism, options.Progress, kept, data, letGo);
        }
        catch (ThemeException e)
        {
            // A template that names a value the page does not have: located in the theme, like a content error.
            foreach (var f in e.Findings) diag.Add(f);
            return new BuildResult(diag, null, clock.Elapsed);
        }
        // Every part of the previous output's data files is cut: they are closed before the output is replaced.
        unchanged?.Dispose();
        // What drawing many neighbourhoods left in the oldest generation is garbage now: collected before each site-wide
        // step, which would otherwise grow the heap on top of it (a full collection of a 20,000-page build's heap takes
        // 12-20 ms; bench/README.md, twenty-ninth round). Not for a few neighbourhoods (an edit) or a session's heap.
        bool collect = letGo && computed >= HeapCompaction.Every;
        if (collect) HeapCompaction.Now();
        // The pages of the neighbourhoods drawn while reading, in order: each as one entry, its list read back from
        // where it was set aside whenever the link check or the manifest asks for it (SiteFiles.AddGroup).
        foreach (var id in drawn)
        {
            var record = stream!.ById[id];
            var own = record.Files();
            if (!files.AddGroup(id, own, record.Files)) produced[id] = own.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
            stream.Forget(id);
        }
        stream?.Clear();
        if (stream is not null && drawn.Count > 0) options.Progress?.Invoke(drawn.Count, drawn.Count);
        // The pages of the neighbourhoods not read stay as they are.
        foreach (var k in notRead)
        {
            var list = unchanged!.Files(k.Id);
            foreach (var f in OnDisk(list)) files.CarryOver(f);
            produced[k.Id] = [.. list];
        }
        // All counts the files drawn now; those carried over are apart ("12 gemaakt, waarvan 15 overgenomen" before).
        int carried = files.CarriedOver.Count + files.KeptOver.Count;
        Step($"{files.All.Count + carried} bestand(en), waarvan {files.All.Count} gemaakt en {carried} ongewijzigd overgenomen ({reused + notRead.Count} wijk(en) niet opnieuw opgemaakt)");
        if (collect) HeapCompaction.Now();
        int links = kept is null ? CheckLinks(files, diag) : Checks.LinkChecker.Check(files, diag, path => kept.Scan(path, files));
        kept?.ScansDone();
        Step($"{links} link(s) gecontroleerd");
        if (diag.HasErrors) return new BuildResult(diag, null, clock.Elapsed);

        if (kept is not null)
            kept.Pages = results.ToDictionary(x => x.Item1.Id, x => reusedDrawn.GetValueOrDefault(x.Item1.Id) ?? new BuildSession.Drawn(x.Item1,
                digester.Theme(x.Item1), produced[x.Item1.Id].Select(p => new SiteFiles.Carried(p, null, files.Held(p))).ToList()), StringComparer.Ordinal);
        WriteStats? stats = null;
        if (staging is not null)
        {
            // The cache goes into the output's manifest, swapped in together with the files it describes.
            // In the content's order, so the manifest is the same whichever neighbourhoods were read.
            // Each neighbourhood's entry is made as the manifest is written and let go of after: held all at once they
            // were about 2 MB at the end of a 20,000-page build (bench/README.md, thirtieth round).
            var cache = new BuildCache
            {
                Data = data!.Digests,
                Made = content.Municipalities.SelectMany(m => m.Listed).Select(n =>
                {
                    var (stamp, folder) = digester.StampOf(n.Id);
                    return KeyValuePair.Create(n.Id, new BuildCache.Entry { Digest = Digest(n.Id), Files = produced.GetValueOrDefault(n.Id) ?? files.GroupPaths(n.Id)!, Stamp = stamp, FolderDigest = folder,
                        Kept = UnchangedNeighbourhoods.Listing(n, options.ContentDir, data.At[n.Id]) });
                }),
            };
            if (collect) HeapCompaction.Now();
            stats = staging.Finish(files, cache, options.InPlaceLimit, options.CommitMoved);
            Step($"{stats.Written} bestand(en) geschreven, {stats.Unchanged} ongewijzigd gelaten");
        }
        return new BuildResult(diag, files, clock.Elapsed, links, computed - reused, reused + notRead.Count, stats, notRead.Count, drawn.Count);
    }

    /// <summary>The default theme and every municipality's: all templates parse before anything renders, so every broken one is reported.</summary>
    /// <param name="loaded">The themes as loaded before the content was read (<see cref="ThemesBeforeContent"/>).</param>
    private static ThemeSet? LoadThemes(string root, SiteContent content, DiagnosticBag diag, BuildSession? session, ThemeSet? loaded = null)
    {
        ThemeFolderCheck.Check(root, content.Municipalities.Select(m => m.Id).ToList(), diag);
        ThemeSet themes;
        // A session keeps the parsed templates while no file of the themes folder changed and the municipalities are the
        // same (the set publishes the assets of every theme it loaded).
        string? digest = session is null ? null
            : BuildCache.Digest(BuildCache.FilesUnder(root), root, string.Join(",", content.Municipalities.Select(m => m.Id)));
        try
        {
            themes = loaded ?? (session?.Themes is { } kept && kept.Digest == digest ? kept.Themes : ThemeSet.Load(root));
        }
        catch (ThemeException e)
        {
            foreach (var f in e.Findings) diag.Add(f);
            return null;
        }
        bool ok = true;
        foreach (var m in content.Municipalities)
        {
            try
            {
                var theme = themes.For(m.Id);
                // The logo is one of the municipality's own theme assets; without its own theme folder there is none.
                if (m.Style.Logo is { } logo && (theme.Name != m.Id || !theme.Assets.ContainsKey(logo.File)))
                {
                    diag.Error(logo.Path,
                        logo.Line, logo.Column, Codes.MissingFile,
                        $"het logo '{logo.File}' staat niet in themes/{m.Id}/assets/; zet het bestand daar neer of pas 'logo.file' aan");
                    ok = false;
                }
            }
            catch (ThemeException e)
            {
                foreach (var f in e.Findings) diag.Add(f);
                ok = false;
            }
        }
        if (session is not null) session.Themes = ok ? (digest!, themes) : null;
        return ok ? themes : null;
    }

    /// <summary>The themes, for drawing neighbourhoods while the content is read; null when they do not load (reported after the content).</summary>
    private static ThemeSet? ThemesBeforeContent(string root)
    {
        if (!SymlinkGuard.Check(root, new DiagnosticBag(), "themes")) return null;
        try
        {
            return ThemeSet.Load(root, letGo: true);
        }
        catch (ThemeException)
        {
            return null;
        }
    }

    /// <summary>Loads and validates content/; with --strict, warnings count as errors.</summary>
    /// <param name="keep">See <see cref="ContentLoader.Load"/>: neighbourhoods not to read.</param>
    /// <param name="draw">See <see cref="ContentLoader.Load"/>: neighbourhoods drawn as soon as they are read.</param>
    public static (SiteContent?, DiagnosticBag) ReadContent(BuildOptions options, Func<string, string, KeptNeighbourhood?>? keep = null,
        Func<SiteContent, int, Func<Neighbourhood, bool>>? draw = null, ContentListing? listing = null)
    {
        var (content, diag) = ContentLoader.Load(options.ContentDir, options.BuildDate, options.Session?.Content, keep, draw, listing);
        if (options.Strict && diag.Items.Any(d => d.Severity == Severity.Warning))
        {
            var strict = new DiagnosticBag();
            foreach (var d in diag.Items) strict.Add(d with { Severity = Severity.Error });
            return (null, strict);
        }
        return (content, diag);
    }

    /// <summary>Runs the calculation core per neighbourhood; inputs that cannot be combined become findings.</summary>
    /// <param name="session">Results of neighbourhoods the session's content cache handed out again are reused.</param>
    public static List<(Neighbourhood, NeighbourhoodResult)> Compute(SiteContent content, DiagnosticBag diag, BuildSession? session = null)
    {
        // Each neighbourhood on its own core; results and findings in the content's order.
        var list = content.Neighbourhoods.ToArray();
        var computed = new (NeighbourhoodResult? Result, string? Error)[list.Length];
        Parallel.For(0, list.Length, Cores.Options(), i =>
        {
            // The same object as last time means the same inputs: the core is pure.
            if (session is not null && session.Results.TryGetValue(list[i], out var known))
            {
                computed[i] = (known, null);
                return;
            }
            try
            {
                computed[i] = (NeighbourhoodModel.Evaluate(list[i].Input), null);
            }
            catch (CalculationException e)
            {
                computed[i] = (null, e.Message);
            }
        });
        var results = new List<(Neighbourhood, NeighbourhoodResult)>(list.Length);
        for (int i = 0; i < list.Length; i++)
        {
            if (computed[i].Result is { } r) results.Add((list[i], r));
            else diag.Error(list[i].ScenarioPath, 1, 1, Codes.Calculation, computed[i].Error!);
        }
        if (session is not null)
        {
            session.Results = new Dictionary<Neighbourhood, NeighbourhoodResult>(results.Count, ReferenceEqualityComparer.Instance);
            foreach (var (n, r) in results) session.Results[n] = r;
        }
        return results;
    }

    /// <summary>A broken internal link or anchor fails the build like a content error.</summary>
    public static int CheckLinks(SiteFiles files, DiagnosticBag diag) => Checks.LinkChecker.Check(files, diag);

    public static SiteFiles Render(SiteContent content, List<(Neighbourhood, NeighbourhoodResult)> results, ThemeSet themes)
    {
        var files = new SiteFiles();
        Render(content, results, themes, files, null);
        return files;
    }

    /// <summary>
    /// The site-wide data files of a build that writes: they are joined from each neighbourhood's part (a neighbourhood
    /// that was not read gives the part cut from the previous output), and the plan records where each part lies and
    /// each file's SHA-256, so the next build can cut them out again.
    /// </summary>
    /// <param name="keptParts">The parts of a neighbourhood that was not read (or was drawn while read), by its id and file; read when its turn comes in the file.</param>
    public sealed class DataPlan(DataPlan.PartReader? keptParts)
    {
        /// <summary>Reads a neighbourhood's part of a file into <paramref name="into"/> (made larger when too small); returns its length.</summary>
        public delegate int PartReader(string id, int file, ref byte[] into);

        /// <summary>Makes <paramref name="into"/> at least <paramref name="length"/> long (doubling, so a file's buffer grows a few times at most).</summary>
        internal static void Fit(ref byte[] into, int length)
        {
            if (into.Length < length) into = new byte[Math.Max(length, 2 * into.Length)];
        }

        internal PartReader? KeptParts => keptParts;
        /// <summary>Per neighbourhood id, per file: its part's offset and length.</summary>
        public Dictionary<string, (long Offset, int Length)[]> At { get; } = new(StringComparer.Ordinal);
        /// <summary>Per file path: the SHA-256 of the bytes written.</summary>
        public Dictionary<string, string> Digests { get; } = new(StringComparer.Ordinal);
    }

    /// <returns>The files each neighbourhood produced (for the build cache).</returns>
    /// <param name="letGo">
    /// Each neighbourhood is let go as soon as its pages and its part of the data files are made (a build that writes,
    /// with <see cref="SiteContent.ListingsOnly"/>): <paramref name="results"/> is emptied, so memory does not hold all
    /// content and results until the end.
    /// </param>
    public static Dictionary<string, List<string>> Render(SiteContent content, List<(Neighbourhood, NeighbourhoodResult)> results, ThemeSet themes,
        SiteFiles files, Func<Neighbourhood, IReadOnlyList<SiteFiles.Carried>?>? reuse, int maxDegreeOfParallelism = -1,
        Action<int, int>? progress = null, BuildSession? session = null, DataPlan? plan = null, bool letGo = false)
    {
        var entries = results.ToArray();
        if (letGo) results.Clear();
        // Two users of each entry: the renderer and the data files; the last one done clears it.
        var users = letGo ? Enumerable.Repeat(2, entries.Length).ToArray() : null;
        void Done(int i)
        {
            if (users is not null && Interlocked.Decrement(ref users[i]) == 0) entries[i] = default;
        }
        // The site-wide data files cover every neighbourhood (also those carried over) and need only the results: made
        // side by side while the pages are drawn (an edit redraws one neighbourhood, on one core), added in order.
        // A session keeps each neighbourhood's part of them: an edit re-makes one part, and the files are joined.
        // Each file goes to the staging folder as soon as it is joined: a national site's files are not all in memory at once.
        var made = new SiteFiles.Rendered[SiteWideData.Paths.Count];
        var parallel = Cores.Options(maxDegreeOfParallelism);
        void MakeData()
        {
            if (session is null && plan is null)
            {
                Parallel.For(0, made.Length, parallel, i => made[i] = files.Prepare(SiteWideData.Paths[i], SiteWideData.Whole(i, entries)));
                return;
            }
            // Every neighbourhood in the content's order, read or not (a session reads them all).
            var order = content.Municipalities.SelectMany(m => m.Listed).Select(n => n.Id).ToArray();
            var read = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
            for (int i = 0; i < entries.Length; i++) read[entries[i].Item1.Id] = i;
            // The parts of the neighbourhoods read here are made now; the others' are read when their file is joined, one
            // file at a time, from where they were set aside (drawn while read) or from the previous output (not read).
            byte[][]?[] parts = new byte[order.Length][][];
            Parallel.For(0, order.Length, parallel, i =>
            {
                if (!read.TryGetValue(order[i], out int at)) return;
                parts[i] = session is not null && session.DataParts.TryGetValue(entries[at].Item2, out var known)
                    ? known : SiteWideData.Parts(entries[at].Item1, entries[at].Item2);
                Done(at);
            });
            var where = new (long, int)[made.Length][];
            var digests = new string[made.Length];
            Parallel.For(0, made.Length, parallel, f =>
            {
                where[f] = new (long, int)[order.Length];
                using var hash = plan is null ? null : System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
                // Written as it is laid out, one part at a time: a part set aside is read back when its turn comes, into
                // one buffer for the file (each part is written before the next is read), and a part made here is let
                // go of once written (a session keeps them for its next rebuild). At national scale the parts are as
                // large as the files themselves.
                byte[] kept = [];
                made[f] = files.Prepare(SiteWideData.Paths[f], put => SiteWideData.Lay(f, order.Length, i =>
                {
                    if (parts[i] is not { } p)
                    {
                        int length = plan!.KeptParts!(order[i], f, ref kept);
                        return kept.AsMemory(0, length);
                    }
                    var part = p[f];
                    if (session is null) p[f] = null!;
                    return part;
                }, piece =>
                {
                    put(piece);
                    hash?.AppendData(piece.Span);
                }, where[f]));
                if (hash is not null) digests[f] = Convert.ToHexStringLower(hash.GetHashAndReset());
            });
            if (plan is not null)
            {
                for (int i = 0; i < order.Length; i++) plan.At[order[i]] = where.Select(w => w[i]).ToArray();
                for (int f = 0; f < made.Length; f++) plan.Digests[SiteWideData.Paths[f]] = digests[f];
            }
            if (session is null) return;
            session.DataParts = new Dictionary<NeighbourhoodResult, byte[][]>(entries.Length, ReferenceEqualityComparer.Instance);
            for (int i = 0; i < entries.Length; i++) session.DataParts[entries[i].Item2] = parts[read[entries[i].Item1.Id]]!;
        }
        var pending = maxDegreeOfParallelism == 1 ? null : Task.Run(MakeData);
        Dictionary<string, List<string>> produced;
        try
        {
            produced = new SiteRenderer(content, entries, themes, maxDegreeOfParallelism).RenderAll(files, reuse, progress, Done);
        }
        finally
        {
            // Never left running past the build (it updates the session): a template error waits for it too.
            pending?.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
        if (pending is null) MakeData();
        else pending.GetAwaiter().GetResult();
        for (int i = 0; i < made.Length; i++) files.Add(SiteWideData.Paths[i], made[i]);
        return produced;
    }
}
