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
        var contentOption = new Option<string>("--content") { Description = "Content folder", DefaultValueFactory = _ => "content" };
        var outOption = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "output" };
        var strictOption = new Option<bool>("--strict") { Description = "Treat warnings (e.g. expired values) as errors" };

        var themesOption = new Option<string?>("--themes") { Description = "Themes folder (default: 'themes' next to the content folder)" };

        var quietOption = new Option<bool>("--quiet", "-q") { Description = "Print only errors and warnings" };
        var verboseOption = new Option<bool>("--verbose", "-v") { Description = "Print every step with its time" };
        var fullOption = new Option<bool>("--full") { Description = "Re-render every page instead of only what changed" };
        var build = new Command("build", "Build the site from the content folder into the output folder");
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

        var check = new Command("check", "Validate all content and check every link, without writing anything");
        check.Options.Add(contentOption);
        check.Options.Add(themesOption);
        check.Options.Add(strictOption);
        check.SetAction(p => Check(new BuildOptions(p.GetValue(contentOption)!, "", Today, p.GetValue(strictOption), WriteOutput: false,
            ThemesDir: p.GetValue(themesOption)), stdout, stderr));

        var neighbourhoodOption = new Option<string>("--neighbourhood") { Description = "Neighbourhood id, e.g. putten/bijsteren-husselerveld", Required = true };
        var dwellingOption = new Option<string>("--dwelling") { Description = "Dwelling id", Required = true };
        var variantOption = new Option<string>("--variant") { Description = "Variant id", Required = true };
        var explain = new Command("explain", "Print the derivation of the TCO and monthly cost of one dwelling with one variant");
        explain.Options.Add(contentOption);
        explain.Options.Add(neighbourhoodOption);
        explain.Options.Add(dwellingOption);
        explain.Options.Add(variantOption);
        // The resident's own situation (issue 11); without any of these, explain prints the reference figures as before.
        var gasOption = new Option<decimal?>("--gas-m3") { Description = "Annual gas use from the energy bill, m3 (personal evaluation)" };
        var labelOption = new Option<string?>("--label") { Description = "Current energy label A-G or unknown (personal evaluation)" };
        var priceOption = new Option<string?>("--price") { Description = "Energy prices: low, central or high (personal evaluation)" };
        var naturalOption = new Option<bool>("--natural-moment") { Description = "The boiler is due for replacement soon" };
        var tenantOption = new Option<bool>("--tenant") { Description = "Tenant: energy and fixed costs only" };
        var loanOption = new Option<bool>("--loan") { Description = "Finance the up-front cost with the Energiebespaarlening" };
        var lowIncomeOption = new Option<bool>("--low-income") { Description = "Joint income up to the Warmtefonds threshold (0% loan)" };
        var jsonOption = new Option<bool>("--json") { Description = "Print the personal evaluation as one JSON object" };
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
            if (price is null) return Usage(stderr, $"--price must be low, central or high; found '{p.GetValue(priceOption)}'");
            string? label = p.GetValue(labelOption);
            if (label is not null && !Calculation.Personal.PersonalInputs.Labels.Contains(label.Trim().ToUpperInvariant() is "UNKNOWN" ? "unknown" : label.Trim().ToUpperInvariant()))
                return Usage(stderr, $"--label must be one of {string.Join(", ", Calculation.Personal.PersonalInputs.Labels)}; found '{label}'");
            if (p.GetValue(gasOption) is < 0m) return Usage(stderr, $"--gas-m3 must be zero or more; found {p.GetValue(gasOption)}");
            var inputs = new Calculation.Personal.PersonalInputs
            {
                GasM3 = p.GetValue(gasOption),
                Label = label is null ? null : label.Trim().ToUpperInvariant() is "UNKNOWN" ? "unknown" : label.Trim().ToUpperInvariant(),
                Price = price.Value, NaturalMoment = p.GetValue(naturalOption), Tenant = p.GetValue(tenantOption),
                Loan = p.GetValue(loanOption), LowIncome = p.GetValue(lowIncomeOption),
            };
            return ExplainPersonal(p.GetValue(contentOption)!, p.GetValue(neighbourhoodOption)!, p.GetValue(dwellingOption)!,
                p.GetValue(variantOption)!, inputs, p.GetValue(jsonOption), stdout, stderr);
        });

        var onlyOption = new Option<string?>("--neighbourhood") { Description = "Only this neighbourhood, e.g. putten/bijsteren-husselerveld" };
        var diff = new Command("diff", "Print what changed since the last publication: inputs (old -> new) and the effect on every dwelling and variant");
        diff.Options.Add(contentOption);
        diff.Options.Add(onlyOption);
        diff.SetAction(p => Diff(p.GetValue(contentOption)!, p.GetValue(onlyOption), stdout, stderr));

        var dateOption = new Option<string?>("--date") { Description = "Publication date, YYYY-MM-DD (default: today)" };
        var noteOption = new Option<string?>("--note") { Description = "What this publication is about (shown in the changelog)" };
        var publish = new Command("publish", "Record the current figures as published (appends to each neighbourhood's history.json)");
        publish.Options.Add(contentOption);
        publish.Options.Add(onlyOption);
        publish.Options.Add(dateOption);
        publish.Options.Add(noteOption);
        publish.SetAction(p => Publish(p.GetValue(contentOption)!, p.GetValue(onlyOption), p.GetValue(dateOption), p.GetValue(noteOption), stdout, stderr));

        var kindArgument = new Argument<string>("kind") { Description = "municipality or neighbourhood" };
        kindArgument.AcceptOnlyFromAmong("municipality", "neighbourhood");
        var idArgument = new Argument<string>("id") { Description = "<municipality> or <municipality>/<neighbourhood>" };
        var scaffold = new Command("new", "Scaffold a municipality or neighbourhood with commented starting files that build at once");
        scaffold.Arguments.Add(kindArgument);
        scaffold.Arguments.Add(idArgument);
        scaffold.Options.Add(contentOption);
        scaffold.SetAction(p => New(p.GetValue(contentOption)!, p.GetValue(kindArgument)!, p.GetValue(idArgument)!, stdout, stderr));

        var portOption = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 1313 };
        var serve = new Command("serve", "Build, serve on 127.0.0.1, rebuild on every edit and reload the open browser page");
        serve.Options.Add(contentOption);
        serve.Options.Add(themesOption);
        serve.Options.Add(portOption);
        serve.SetAction(p => Serve(p.GetValue(contentOption)!, p.GetValue(themesOption), p.GetValue(portOption), stdout, stderr));

        var root = new RootCommand("sitegen: builds a resident-facing heat-transition guide from a study's YAML and Markdown");
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
            stderr.WriteLine("Run 'sitegen --help' for usage.");
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
            stdout.Write(done < total ? $"\rsitegen: rendering neighbourhoods {done}/{total}" : "\r\u001b[K");
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
            stderr.WriteLine($"sitegen: cannot write '{options.OutDir}': {e.Message}");
            return ContentErrors;
        }
        Report(result.Diagnostics, stderr);
        if (!result.Succeeded)
        {
            stderr.WriteLine($"sitegen: build failed with {Errors(result)} error(s); '{options.OutDir}' was not changed.");
            return ContentErrors;
        }
        if (!quiet)
        {
            var f = result.Files!;
            int pages = f.Paths.Count(p => p.EndsWith(".html", StringComparison.Ordinal));
            int warnings = result.Diagnostics.Items.Count(d => d.Severity == Severity.Warning);
            stdout.WriteLine($"sitegen: built {pages} pages ({f.Paths.Count()} files) into '{options.OutDir}' in {result.Elapsed.TotalMilliseconds:0} ms: "
                             + $"{result.NeighbourhoodsRendered} neighbourhood(s) rendered, {result.NeighbourhoodsReused} unchanged; "
                             + $"{result.Written?.Written} file(s) written, {result.Written?.Unchanged} kept; {warnings} warning(s).");
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
            stderr.WriteLine($"sitegen: check found {Errors(result)} error(s) and {warnings} warning(s).");
            return ContentErrors;
        }
        int pages = result.Files!.All.Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal));
        stdout.WriteLine($"sitegen: content is valid: {pages} pages, {result.LinksChecked} links checked, no broken links, {warnings} warning(s).");
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
            return Usage(stderr, $"unknown neighbourhood '{neighbourhood}'; known: {string.Join(", ", results.Select(x => x.Item1.Id))}");
        var (n, r) = found;
        if (n.Dwellings.All(d => d.Id != dwelling))
            return Usage(stderr, $"unknown dwelling '{dwelling}'; known: {string.Join(", ", n.Dwellings.Select(d => d.Id))}");
        if (n.Variants.All(v => v.Id != variant))
            return Usage(stderr, $"unknown variant '{variant}'; known: {string.Join(", ", n.Variants.Select(v => v.Id))}");
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
            return Usage(stderr, $"unknown neighbourhood '{neighbourhood}'; known: {string.Join(", ", all.Select(x => x.N.Id))}");
        var (_, n, r) = found;
        if (n.Dwellings.All(d => d.Id != dwelling))
            return Usage(stderr, $"unknown dwelling '{dwelling}'; known: {string.Join(", ", n.Dwellings.Select(d => d.Id))}");
        if (n.Variants.All(v => v.Id != variant))
            return Usage(stderr, $"unknown variant '{variant}'; known: {string.Join(", ", n.Variants.Select(v => v.Id))}");
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
        if (selected.Count == 0) return Usage(stderr, $"unknown neighbourhood '{only}'; known: {string.Join(", ", all.Select(x => x.N.Id))}");
        // Placeholders from 'sitegen new' are never recorded as published figures (they were listed above as SG017).
        if (selected.FirstOrDefault(x => x.N.HasPlaceholders) is { N: { } withPlaceholders })
        {
            stderr.WriteLine($"sitegen: nothing published: {withPlaceholders.Id} still has placeholders from 'sitegen new' (warning {Codes.Placeholder} above); replace them first");
            return ContentErrors;
        }
        foreach (var (site, n, r) in selected)
        {
            var now = Content.History.NeighbourhoodHistory.Snapshot(site, n, r, "nu", null);
            var report = Content.History.Changes.Between(n.History.Count > 0 ? n.History[^1] : null, now);
            stdout.WriteLine(report.Since is null ? $"{n.Name} ({n.Id}):" : $"{n.Name} ({n.Id}), sinds de publicatie van {report.Since}:");
            foreach (var line in Rendering.Pages.ChangeView.Lines(report, d => n.Dwelling(d).Name, v => n.Variant(v).Name)) stdout.WriteLine(line);
        }
        return Ok;
    }

    private static int Publish(string content, string? only, string? date, string? note, TextWriter stdout, TextWriter stderr)
    {
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            return Usage(stderr, $"--date must be written as YYYY-MM-DD; found '{date}'");
        var all = Compute(content, stderr);
        if (all is null) return ContentErrors;
        var selected = all.Where(x => only is null || x.N.Id == only).ToList();
        if (selected.Count == 0) return Usage(stderr, $"unknown neighbourhood '{only}'; known: {string.Join(", ", all.Select(x => x.N.Id))}");
        // Placeholders from 'sitegen new' are never recorded as published figures (they were listed above as SG017).
        if (selected.FirstOrDefault(x => x.N.HasPlaceholders) is { N: { } withPlaceholders })
        {
            stderr.WriteLine($"sitegen: nothing published: {withPlaceholders.Id} still has placeholders from 'sitegen new' (warning {Codes.Placeholder} above); replace them first");
            return ContentErrors;
        }
        string day = date ?? Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (site, n, r) in selected)
        {
            string path = Path.Combine(n.Folder, Content.History.NeighbourhoodHistory.FileName);
            Content.History.NeighbourhoodHistory.Append(path, n.History, Content.History.NeighbourhoodHistory.Snapshot(site, n, r, day, note));
            stdout.WriteLine($"sitegen: recorded the publication of {day} for {n.Id} in {path}");
        }
        return Ok;
    }

    private static int Serve(string content, string? themes, int port, TextWriter stdout, TextWriter stderr)
    {
        if (port is < 0 or > 65535) return Usage(stderr, $"--port must be between 0 and 65535; found {port}");
        // The preview is built outside the content and output folders, so serving never touches a published site.
        string preview = Path.Combine(Path.GetTempPath(), $"sitegen-serve-{Environment.ProcessId}");
        using var stop = new CancellationTokenSource();
        // Ctrl+C (SIGINT) and SIGTERM (systemd, Docker, CI) both stop the server; cancelling the default exit lets the
        // cleanup below run. The web host's own signal handling is switched off in DevServer, so this is the only one.
        void Stop(PosixSignalContext c) { c.Cancel = true; stop.Cancel(); }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var server = new Serve.DevServer(new BuildOptions(content, preview, Today, ThemesDir: themes), stdout);
        try
        {
            try { server.StartAsync(port, stop.Token).GetAwaiter().GetResult(); }
            catch (IOException e) when (IsAddressInUse(e))
            {
                return Usage(stderr, $"port {port} on 127.0.0.1 is already in use; stop the program using it or choose another with --port");
            }
            catch (IOException e)
            {
                return Usage(stderr, $"cannot listen on 127.0.0.1:{port}: {e.Message}");
            }
            catch (OperationCanceledException) { return Ok; } // stopped while starting
            stdout.WriteLine($"sitegen: serving {content} at {server.Url} (Ctrl+C stops)");
            stop.Token.WaitHandle.WaitOne();
            stdout.WriteLine("sitegen: stopped");
            return Ok;
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            RemovePreview(preview);
        }
    }

    private static bool IsAddressInUse(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || x.GetType().Name == "AddressInUseException") return true;
        return false;
    }

    /// <summary>The preview folder and anything an interrupted swap left beside it (".name.new-PID", ".name.old-PID").</summary>
    private static void RemovePreview(string preview)
    {
        string parent = Path.GetDirectoryName(preview)!, name = Path.GetFileName(preview);
        foreach (var dir in Directory.GetDirectories(parent, $".{name}.*").Append(preview).Where(Directory.Exists))
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { } // another process holding a file: the system's temp cleaner gets it later
        }
    }

    private static int New(string content, string kind, string id, TextWriter stdout, TextWriter stderr)
    {
        var (files, error) = kind == "municipality" ? Scaffolding.Municipality(content, id) : Scaffolding.Neighbourhood(content, id);
        if (error is not null) return Usage(stderr, error);
        foreach (var f in files) stdout.WriteLine($"sitegen: wrote {f}");
        stdout.WriteLine("sitegen: replace the placeholder numbers and sources, then run 'sitegen check'.");
        return Ok;
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
