using System.CommandLine;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SiteGen.Content.Diagnostics;
using SiteGen.Rendering.Pipeline;
using SiteGen.Rendering.Text;

namespace SiteGen.Cli;

/// <summary>The verbs of the sitegen command. Each returns the process exit code.</summary>
public static class Commands
{
    /// <summary>Exit codes: built, content errors, usage errors (including an output folder that may not be written), a bug.</summary>
    public const int Ok = 0, ContentErrors = 1, UsageError = 2, InternalError = 70;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Whatever goes wrong unexpectedly ends here: one line and a log file, never a stack trace (exit 70, EX_SOFTWARE).
        try { return RunVerbs(args, stdout, stderr); }
        catch (Exception e) { return CrashLog.Report(e, args, stderr); }
    }

    private static int RunVerbs(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var contentOption = new Option<string>("--content") { Description = "Map met de inhoud", DefaultValueFactory = _ => "content" };
        var outOption = new Option<string>("--out") { Description = "Map waarin de site komt", DefaultValueFactory = _ => "output" };
        var strictOption = new Option<bool>("--strict") { Description = "Behandel waarschuwingen (zoals verlopen waarden) als fouten" };

        var themesOption = new Option<string?>("--themes") { Description = "Map met thema's (standaard: 'themes' naast de inhoudsmap)" };
        // A mistyped folder silently gave the default look; only the folder next to the content may be missing (then the
        // theme shipped with the program draws the site).
        themesOption.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } dir && !Directory.Exists(dir))
                r.AddError($"--themes: de map '{dir}' bestaat niet; geef de map met thema's op (met een map per gemeente, en default/ als u het standaardthema aanpast), of laat --themes weg");
        });

        var quietOption = new Option<bool>("--quiet", "-q") { Description = "Toon alleen fouten en waarschuwingen" };
        var verboseOption = new Option<bool>("--verbose", "-v") { Description = "Toon elke stap met de tijd die hij kostte" };
        var fullOption = new Option<bool>("--full") { Description = "Maak elke pagina opnieuw, niet alleen wat veranderd is" };
        var build = new Command("build", "Bouw de site uit de inhoudsmap in de uitvoermap");
        build.Options.Add(contentOption);
        build.Options.Add(outOption);
        build.Options.Add(themesOption);
        build.Options.Add(strictOption);
        build.Options.Add(fullOption);
        build.Options.Add(quietOption);
        build.Options.Add(verboseOption);
        build.SetAction(p => Build(new BuildOptions(p.GetValue(contentOption)!, p.GetValue(outOption)!, Today, p.GetValue(strictOption),
            ThemesDir: p.GetValue(themesOption), Incremental: !p.GetValue(fullOption),
            Log: p.GetValue(verboseOption) ? line => stdout.WriteLine($"sitegen: {line}") : null,
            Progress: p.GetValue(quietOption) ? null : Counter(stdout)), p.GetValue(quietOption), stdout, stderr));

        var check = new Command("check", "Controleer alle inhoud en elke link, zonder iets te schrijven");
        check.Options.Add(contentOption);
        check.Options.Add(themesOption);
        check.Options.Add(strictOption);
        check.SetAction(p => Check(new BuildOptions(p.GetValue(contentOption)!, "", Today, p.GetValue(strictOption), WriteOutput: false,
            ThemesDir: p.GetValue(themesOption)), stdout, stderr));

        var neighbourhoodOption = new Option<string>("--neighbourhood") { Description = "Id van de wijk, bijvoorbeeld putten/bijsteren-husselerveld", Required = true };
        var dwellingOption = new Option<string>("--dwelling") { Description = "Id van de woning", Required = true };
        var variantOption = new Option<string>("--variant") { Description = "Id van de variant", Required = true };
        var explain = new Command("explain", "Toon hoe de totale kosten en maandlasten van één woning met één variant zijn berekend");
        explain.Options.Add(contentOption);
        explain.Options.Add(neighbourhoodOption);
        explain.Options.Add(dwellingOption);
        explain.Options.Add(variantOption);
        // The resident's own situation (issue 11); without any of these, explain prints the reference figures as before.
        // Text, read as the page's calculator reads its field: 1900, 1.900 and 1900,5 alike (a decimal option read 1900,5 as 19005).
        var gasOption = new Option<string?>("--gas-m3") { Description = "Gasverbruik per jaar volgens de energierekening, in m3, 0 tot 10.000 (persoonlijke berekening)" };
        var labelOption = new Option<string?>("--label") { Description = "Huidig energielabel A-G of unknown (persoonlijke berekening)" };
        var priceOption = new Option<string?>("--price") { Description = "Energieprijzen: low, central of high (persoonlijke berekening)" };
        var naturalOption = new Option<bool>("--natural-moment") { Description = "De ketel moet binnenkort toch vervangen worden" };
        var tenantOption = new Option<bool>("--tenant") { Description = "Huurder: alleen energiekosten en vaste lasten" };
        var loanOption = new Option<bool>("--loan") { Description = "Betaal de kosten vooraf met de Energiebespaarlening" };
        var lowIncomeOption = new Option<bool>("--low-income") { Description = "Gezamenlijk inkomen tot de grens van het Warmtefonds (lening tegen 0%)" };
        var jsonOption = new Option<bool>("--json") { Description = "Toon de persoonlijke berekening als één JSON-object" };
        foreach (var o in new Option[] { gasOption, labelOption, priceOption, naturalOption, tenantOption, loanOption, lowIncomeOption, jsonOption })
            explain.Options.Add(o);
        explain.SetAction(p =>
        {
            bool personal = p.GetValue(gasOption) is not null || p.GetValue(labelOption) is not null || p.GetValue(priceOption) is not null
                || p.GetValue(naturalOption) || p.GetValue(tenantOption) || p.GetValue(loanOption) || p.GetValue(lowIncomeOption) || p.GetValue(jsonOption);
            if (!personal)
                return Explain(p.GetValue(contentOption)!, p.GetValue(neighbourhoodOption)!, p.GetValue(dwellingOption)!,
                    p.GetValue(variantOption)!, stdout, stderr);
            var price = Calculation.Personal.PriceScenarios.Parse(p.GetValue(priceOption) ?? "central");
            if (price is null) return Usage(stderr, $"--price moet low, central of high zijn; er staat '{p.GetValue(priceOption)}'");
            string? label = p.GetValue(labelOption);
            if (label is not null && !Calculation.Personal.PersonalInputs.Labels.Contains(label.Trim().ToUpperInvariant() is "UNKNOWN" ? "unknown" : label.Trim().ToUpperInvariant()))
                return Usage(stderr, $"--label moet een van deze waarden zijn: {string.Join(", ", Calculation.Personal.PersonalInputs.Labels)}; er staat '{label}'");
            if (p.GetValue(lowIncomeOption) && !p.GetValue(loanOption))
                return Usage(stderr, "--low-income gaat over de rente van de lening: geef ook --loan op");
            decimal? gas = null;
            if (p.GetValue(gasOption) is { } gasText && (gas = GasM3(gasText)) is null)
                return Usage(stderr, $"--gas-m3 moet een getal van 0 tot 10.000 zijn (m³ per jaar), bijvoorbeeld 1900; er staat '{gasText}'");
            var inputs = new Calculation.Personal.PersonalInputs
            {
                GasM3 = gas,
                Label = label is null ? null : label.Trim().ToUpperInvariant() is "UNKNOWN" ? "unknown" : label.Trim().ToUpperInvariant(),
                Price = price.Value, NaturalMoment = p.GetValue(naturalOption), Tenant = p.GetValue(tenantOption),
                Loan = p.GetValue(loanOption), LowIncome = p.GetValue(lowIncomeOption),
            };
            return ExplainPersonal(p.GetValue(contentOption)!, p.GetValue(neighbourhoodOption)!, p.GetValue(dwellingOption)!,
                p.GetValue(variantOption)!, inputs, p.GetValue(jsonOption), stdout, stderr);
        });

        var onlyOption = new Option<string?>("--neighbourhood") { Description = "Alleen deze wijk, bijvoorbeeld putten/bijsteren-husselerveld" };
        var diff = new Command("diff", "Toon wat er veranderd is sinds de laatste publicatie: invoer (oud -> nieuw) en het effect op elke woning en variant");
        diff.Options.Add(contentOption);
        diff.Options.Add(onlyOption);
        diff.SetAction(p => Diff(p.GetValue(contentOption)!, p.GetValue(onlyOption), stdout, stderr));

        var dateOption = new Option<string?>("--date") { Description = "Publicatiedatum, JJJJ-MM-DD (standaard: vandaag)" };
        var noteOption = new Option<string?>("--note") { Description = "Waar deze publicatie over gaat (staat in het overzicht van wijzigingen)" };
        var publish = new Command("publish", "Leg de huidige cijfers vast als gepubliceerd (voegt ze toe aan history.json van elke wijk)");
        publish.Options.Add(contentOption);
        publish.Options.Add(onlyOption);
        publish.Options.Add(dateOption);
        publish.Options.Add(noteOption);
        publish.SetAction(p => Publish(p.GetValue(contentOption)!, p.GetValue(onlyOption), p.GetValue(dateOption), p.GetValue(noteOption), stdout, stderr));

        var kindArgument = new Argument<string>("kind") { Description = "municipality (gemeente) of neighbourhood (wijk)" };
        kindArgument.AcceptOnlyFromAmong("municipality", "neighbourhood");
        var idArgument = new Argument<string>("id") { Description = "<gemeente> of <gemeente>/<wijk>" };
        var scaffold = new Command("new", "Maak een nieuwe gemeente of wijk aan, met startbestanden vol uitleg die meteen bouwen");
        scaffold.Arguments.Add(kindArgument);
        scaffold.Arguments.Add(idArgument);
        scaffold.Options.Add(contentOption);
        scaffold.SetAction(p => New(p.GetValue(contentOption)!, p.GetValue(kindArgument)!, p.GetValue(idArgument)!, stdout, stderr));

        var portOption = new Option<int>("--port") { Description = "Poort op 127.0.0.1 (0 kiest een vrije)", DefaultValueFactory = _ => 1313 };
        var serve = new Command("serve", "Bouw de site, toon haar op 127.0.0.1, bouw opnieuw bij elke wijziging en ververs de open pagina in de browser");
        serve.Options.Add(contentOption);
        serve.Options.Add(themesOption);
        serve.Options.Add(portOption);
        serve.Options.Add(verboseOption);
        serve.SetAction(p => Serve(p.GetValue(contentOption)!, p.GetValue(themesOption), p.GetValue(portOption), p.GetValue(verboseOption), stdout, stderr));

        var root = new RootCommand("sitegen: bouwt een site over de warmtetransitie voor inwoners uit de YAML en Markdown van een studie");
        root.Subcommands.Add(build);
        root.Subcommands.Add(check);
        root.Subcommands.Add(explain);
        root.Subcommands.Add(diff);
        root.Subcommands.Add(scaffold);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(publish);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"sitegen: {e.Message}");
            stderr.WriteLine("Typ 'sitegen --help' voor uitleg over het gebruik.");
            return UsageError;
        }
        // System.CommandLine's own handler would print the stack trace: let exceptions reach Run instead.
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    /// <summary>
    /// A counter of neighbourhoods drawn, rewritten in place, on long builds and only on a terminal: redirected output
    /// (CI, logs, tests) stays free of carriage returns.
    /// </summary>
    private static Action<int, int>? Counter(TextWriter stdout)
    {
        if (!ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected) return null;
        return (done, total) =>
        {
            if (total < 100) return;
            stdout.Write(done < total ? $"\rsitegen: wijken opmaken {done}/{total}" : "\r\u001b[K");
            stdout.Flush();
        };
    }

    private static int Build(BuildOptions options, bool quiet, TextWriter stdout, TextWriter stderr)
    {
        BuildResult result;
        try
        {
            result = SiteBuilder.Build(options);
        }
        catch (UnsafeOutputException e)
        {
            return Usage(stderr, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An --out that may not be written is a usage error (README: exit 2), not a content error.
            stderr.WriteLine($"sitegen: kan niet schrijven in '{options.OutDir}'; kies met --out een map waarin u mag schrijven (het systeem meldt: {e.Message})");
            return UsageError;
        }
        // For the scale bench (--verbose): how much the build allocated, how often it collected, how long that stopped it
        // and with what gen-0 budget and region size (the native build sets both, SiteGen.Cli.csproj).
        options.Log?.Invoke($"geheugen: {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB toegewezen, opruimrondes {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2) "
                            + $"met {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms stilstand, "
                            + $"gen-0-budget {GcSetting("GCGen0MaxBudget") / (1024 * 1024)} MB, regio's {GcSetting("GCRegionSize") / 1024} KB, piek {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        Report(result.Diagnostics, stderr);
        if (!result.Succeeded)
        {
            stderr.WriteLine($"sitegen: bouwen mislukt met {Errors(result)} fout(en); '{options.OutDir}' is niet veranderd.");
            return ContentErrors;
        }
        if (!quiet)
        {
            var f = result.Files!;
            // Counted without listing the paths: a large site would read most of them back from disk (SiteFiles.AddGroup).
            int pages = f.PageCount;
            int warnings = result.Diagnostics.Items.Count(d => d.Severity == Severity.Warning);
            stdout.WriteLine($"sitegen: {pages} pagina's ({f.All.Count + f.CarriedOver.Count + f.KeptOver.Count} bestanden) gebouwd in '{options.OutDir}' in {result.Elapsed.TotalMilliseconds:0} ms: "
                             + $"{result.NeighbourhoodsRendered} wijk(en) opnieuw opgemaakt, {result.NeighbourhoodsReused} ongewijzigd; "
                             + $"{result.Written?.Written} bestand(en) geschreven, {result.Written?.Unchanged} behouden; {warnings} waarschuwing(en).");
        }
        return Ok;
    }

    private static int Check(BuildOptions options, TextWriter stdout, TextWriter stderr)
    {
        var result = SiteBuilder.Build(options);
        Report(result.Diagnostics, stderr);
        int warnings = result.Diagnostics.Items.Count(d => d.Severity == Severity.Warning);
        if (!result.Succeeded)
        {
            stderr.WriteLine($"sitegen: controle vond {Errors(result)} fout(en) en {warnings} waarschuwing(en).");
            return ContentErrors;
        }
        int pages = result.Files!.All.Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal));
        stdout.WriteLine($"sitegen: de inhoud is in orde: {pages} pagina's, {result.LinksChecked} links gecontroleerd, geen kapotte links, {warnings} waarschuwing(en).");
        return Ok;
    }

    private static int Errors(BuildResult r) => r.Diagnostics.Items.Count(d => d.Severity == Severity.Error);

    private static int Explain(string content, string neighbourhood, string dwelling, string variant, TextWriter stdout, TextWriter stderr)
    {
        var options = new BuildOptions(content, "", Today, WriteOutput: false);
        var (site, diag) = SiteBuilder.ReadContent(options);
        var results = site is null ? [] : SiteBuilder.Compute(site, diag);
        Report(diag, stderr);
        if (site is null || diag.HasErrors) return ContentErrors;
        var found = results.FirstOrDefault(x => x.Item1.Id == neighbourhood);
        if (found.Item1 is null)
            return Usage(stderr, $"onbekende wijk '{neighbourhood}'; wel bekend: {string.Join(", ", results.Select(x => x.Item1.Id))}");
        var (n, r) = found;
        if (n.Dwellings.All(d => d.Id != dwelling))
            return Usage(stderr, $"onbekende woning '{dwelling}'; wel bekend: {string.Join(", ", n.Dwellings.Select(d => d.Id))}");
        if (n.Variants.All(v => v.Id != variant))
            return Usage(stderr, $"onbekende variant '{variant}'; wel bekend: {string.Join(", ", n.Variants.Select(v => v.Id))}");
        stdout.Write(Explanation.Write(n, r, r.Resident(dwelling, variant)));
        return Ok;
    }

    private static int ExplainPersonal(string content, string neighbourhood, string dwelling, string variant,
        Calculation.Personal.PersonalInputs inputs, bool json, TextWriter stdout, TextWriter stderr)
    {
        var all = Compute(content, stderr);
        if (all is null) return ContentErrors;
        var found = all.FirstOrDefault(x => x.N.Id == neighbourhood);
        if (found.N is null)
            return Usage(stderr, $"onbekende wijk '{neighbourhood}'; wel bekend: {string.Join(", ", all.Select(x => x.N.Id))}");
        var (_, n, r) = found;
        if (n.Dwellings.All(d => d.Id != dwelling))
            return Usage(stderr, $"onbekende woning '{dwelling}'; wel bekend: {string.Join(", ", n.Dwellings.Select(d => d.Id))}");
        if (n.Variants.All(v => v.Id != variant))
            return Usage(stderr, $"onbekende variant '{variant}'; wel bekend: {string.Join(", ", n.Variants.Select(v => v.Id))}");
        Calculation.Personal.PersonalResult result;
        try
        {
            result = new Calculation.Personal.PersonalModel(n.Input).Evaluate(dwelling, variant, inputs);
        }
        catch (Calculation.CalculationException e)
        {
            return Usage(stderr, e.Message);
        }
        stdout.Write(json ? Rendering.Text.PersonalExplanation.Json(n, r, result) : Rendering.Text.PersonalExplanation.Text(n, r, result));
        return Ok;
    }

    /// <summary>Loads and computes content for the verbs that do not build (explain, diff, publish).</summary>
    private static List<(Content.Model.SiteContent Site, Content.Model.Neighbourhood N, Calculation.NeighbourhoodResult R)>? Compute(string content, TextWriter stderr)
    {
        var (site, diag) = SiteBuilder.ReadContent(new BuildOptions(content, "", Today, WriteOutput: false));
        var results = site is null ? [] : SiteBuilder.Compute(site, diag);
        Report(diag, stderr);
        if (site is null || diag.HasErrors) return null;
        return results.Select(x => (site, x.Item1, x.Item2)).ToList();
    }

    private static int Diff(string content, string? only, TextWriter stdout, TextWriter stderr)
    {
        var all = Compute(content, stderr);
        if (all is null) return ContentErrors;
        var selected = all.Where(x => only is null || x.N.Id == only).ToList();
        if (selected.Count == 0) return Usage(stderr, $"onbekende wijk '{only}'; wel bekend: {string.Join(", ", all.Select(x => x.N.Id))}");
        // diff records nothing: a draft neighbourhood (placeholders of 'sitegen new') is shown too, marked as such. It
        // refused before, with publish's message ("niets gepubliceerd"), and showed no other neighbourhood's changes.
        foreach (var (site, n, r) in selected)
        {
            var now = Content.History.NeighbourhoodHistory.Snapshot(site, n, r, "nu", null);
            var report = Content.History.Changes.Between(n.History.Count > 0 ? n.History[^1] : null, now);
            stdout.WriteLine(report.Since is null ? $"{n.Name} ({n.Id}):" : $"{n.Name} ({n.Id}), sinds de publicatie van {report.Since}:");
            if (n.HasPlaceholders)
                stdout.WriteLine($"  concept: hier staat nog voorbeeldtekst van 'sitegen new' (waarschuwing {Codes.Placeholder} hierboven); 'publish' legt deze wijk pas vast als die vervangen is");
            foreach (var line in Rendering.Pages.ChangeView.Lines(report,
                // An earlier publication may name a dwelling or variant the content no longer has: then its id.
                d => n.Dwellings.FirstOrDefault(x => x.Id == d)?.Name ?? d, v => n.Variants.FirstOrDefault(x => x.Id == v)?.Name ?? v)) stdout.WriteLine(line);
        }
        return Ok;
    }

    private static int Publish(string content, string? only, string? date, string? note, TextWriter stdout, TextWriter stderr)
    {
        var when = Today;
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out when))
            return Usage(stderr, $"--date schrijft u als JJJJ-MM-DD, bijvoorbeeld 2025-08-01; er staat '{date}'");
        string day = when.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // A publication in the future would tell residents "sinds 1 januari 2027 is er niets veranderd" today.
        if (when > Today)
            return Usage(stderr, $"--date {day} ligt na vandaag ({Today:yyyy-MM-dd}); leg een publicatie vast op de dag zelf of later");
        var all = Compute(content, stderr);
        if (all is null) return ContentErrors;
        var selected = all.Where(x => only is null || x.N.Id == only).ToList();
        if (selected.Count == 0) return Usage(stderr, $"onbekende wijk '{only}'; wel bekend: {string.Join(", ", all.Select(x => x.N.Id))}");
        // Placeholders from 'sitegen new' are never recorded as published figures (they were listed above as SG017).
        if (selected.FirstOrDefault(x => x.N.HasPlaceholders) is { N: { } withPlaceholders })
        {
            stderr.WriteLine($"sitegen: niets gepubliceerd: in {withPlaceholders.Id} staat nog voorbeeldtekst van 'sitegen new' (waarschuwing {Codes.Placeholder} hierboven); vervang die eerst"
                + (only is null && selected.Count > 1 ? ", of leg een andere wijk apart vast met --neighbourhood <gemeente>/<wijk>" : ""));
            return ContentErrors;
        }
        // Before a later publication it would sit between two others, and "Wat is er veranderd" would compare today's
        // figures with the wrong one (dates are YYYY-MM-DD, so they compare as text).
        if (selected.Select(x => x.N).FirstOrDefault(n => n.History.Any(p => string.CompareOrdinal(p.Date, day) > 0)) is { } newer)
            return Usage(stderr, $"--date {day} ligt voor de laatste publicatie van {newer.Id} ({newer.History.Select(p => p.Date).Max(StringComparer.Ordinal)}); een nieuwe publicatie kan niet eerder zijn");
        foreach (var (site, n, r) in selected)
        {
            string path = Path.Combine(n.Folder, Content.History.NeighbourhoodHistory.FileName);
            // One publication per day: a second one that day takes its place, and says so.
            var replaced = n.History.FirstOrDefault(p => p.Date == day);
            Content.History.NeighbourhoodHistory.Append(path, n.History, Content.History.NeighbourhoodHistory.Snapshot(site, n, r, day, note));
            stdout.WriteLine(replaced is null ? $"sitegen: publicatie van {day} voor {n.Id} vastgelegd in {path}"
                : $"sitegen: publicatie van {day} voor {n.Id} vervangen in {path} (er was er al een van die dag"
                  + (replaced.Note is { } old ? $", met de notitie '{old}'" : "") + "; er is één publicatie per dag)");
        }
        return Ok;
    }

    /// <summary>A setting the GC runs with, as it reports it (0 when it does not).</summary>
    private static long GcSetting(string name) =>
        GC.GetConfigurationVariables().TryGetValue(name, out var v) && v is long value ? value : 0;

    private static int Serve(string content, string? themes, int port, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        if (port is < 0 or > 65535) return Usage(stderr, $"--port moet tussen 0 en 65535 liggen; er staat {port}");
        using var stop = new CancellationTokenSource();
        // Ctrl+C (SIGINT) and SIGTERM (systemd, Docker, CI) both stop the server; cancelling the default exit lets the
        // cleanup below run. The web host's own signal handling is switched off in DevServer, so this is the only one.
        void Stop(PosixSignalContext c) { c.Cancel = true; stop.Cancel(); }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        // Built and served in memory: serving never writes to disk, so it cannot touch a published site.
        var server = new Serve.DevServer(new BuildOptions(content, "", Today, ThemesDir: themes,
            Log: verbose ? line => stdout.WriteLine($"sitegen: {line}") : null), stdout);
        try
        {
            try { server.StartAsync(port, stop.Token).GetAwaiter().GetResult(); }
            catch (IOException e) when (IsAddressInUse(e))
            {
                return Usage(stderr, $"poort {port} op 127.0.0.1 is al in gebruik; stop het programma dat haar gebruikt of kies een andere met --port");
            }
            catch (IOException e)
            {
                return Usage(stderr, $"kan niet luisteren op 127.0.0.1:{port}: {e.Message}");
            }
            catch (OperationCanceledException) { return Ok; } // stopped while starting
            stdout.WriteLine($"sitegen: voorbeeldweergave van {content} op {server.Url} (Ctrl+C stopt)");
            stop.Token.WaitHandle.WaitOne();
            stdout.WriteLine("sitegen: gestopt");
            return Ok;
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static bool IsAddressInUse(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || x.GetType().Name == "AddressInUseException") return true;
        return false;
    }

    private static int New(string content, string kind, string id, TextWriter stdout, TextWriter stderr)
    {
        // A typo in --content made a whole new content tree; a file there was an internal error.
        if (File.Exists(content)) return Usage(stderr, $"'{content}' is een bestand; geef met --content de inhoudsmap op");
        if (!Directory.Exists(content))
            return Usage(stderr, $"de inhoudsmap '{content}' bestaat niet; geef de juiste map op met --content, of begin een nieuwe site met een kopie van de content/ van het voorbeeld (zonder putten/)");
        var (files, error) = kind == "municipality" ? Scaffolding.Municipality(content, id) : Scaffolding.Neighbourhood(content, id);
        if (error is not null) return Usage(stderr, error);
        foreach (var f in files) stdout.WriteLine($"sitegen: {f} geschreven");
        stdout.WriteLine($"sitegen: vervang de voorbeeldgetallen en -bronnen en typ dan 'sitegen check{(content == "content" ? "" : $" --content {content}")}'.");
        if (!Directory.Exists(Path.Combine(content, "assumptions")))
            stdout.WriteLine($"sitegen: let op: '{content}' heeft nog geen assumptions/ met de gedeelde parameters; kopieer assumptions/, step-plans/ en sources.yaml uit de content/ van het voorbeeld, anders bouwt de site niet.");
        return Ok;
    }

    /// <summary>
    /// A gas use as the dwelling page's calculator reads it (calculator.js, parseGas): a dot before three digits groups
    /// thousands, a comma is the decimal sign, m3 (or "kuub") may follow; 0 to 10,000. Null when it is none.
    /// </summary>
    public static decimal? GasM3(string text)
    {
        string s = System.Text.RegularExpressions.Regex.Replace(text, @"\s+|m\u00b3|m3|kuub", "", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        s = System.Text.RegularExpressions.Regex.Replace(s, @"\.(?=\d{3}(?!\d))", "");
        int comma = s.IndexOf(',');
        if (comma >= 0) s = s[..comma] + "." + s[(comma + 1)..];
        if (!System.Text.RegularExpressions.Regex.IsMatch(s, @"^\d+(\.\d+)?$")) return null;
        if (s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.'); // 1900,0 is 1900, as the calculator reads it
        return decimal.TryParse(s, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var gas) && gas <= 10000m ? gas : null;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"sitegen: {message}");
        return UsageError;
    }

    private static void Report(DiagnosticBag diag, TextWriter stderr)
    {
        foreach (var d in diag.Sorted()) stderr.WriteLine(d.ToString());
    }
}
