using System.CommandLine;
using SiteGen.Content.Diagnostics;
using SiteGen.Rendering.Pipeline;
using SiteGen.Rendering.Text;

namespace SiteGen.Cli;

/// <summary>The verbs of the sitegen command. Each returns the process exit code.</summary>
public static class Commands
{
    public const int Ok = 0, ContentErrors = 1, UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var contentOption = new Option<string>("--content") { Description = "Content folder", DefaultValueFactory = _ => "content" };
        var outOption = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "output" };
        var strictOption = new Option<bool>("--strict") { Description = "Treat warnings (e.g. expired values) as errors" };

        var build = new Command("build", "Build the site from the content folder into the output folder");
        build.Options.Add(contentOption);
        build.Options.Add(outOption);
        build.Options.Add(strictOption);
        build.SetAction(p => Build(p.GetValue(contentOption)!, p.GetValue(outOption)!, p.GetValue(strictOption), stdout, stderr));

        var neighbourhoodOption = new Option<string>("--neighbourhood") { Description = "Neighbourhood id, e.g. putten/bijsteren-husselerveld", Required = true };
        var dwellingOption = new Option<string>("--dwelling") { Description = "Dwelling id", Required = true };
        var variantOption = new Option<string>("--variant") { Description = "Variant id", Required = true };
        var explain = new Command("explain", "Print the derivation of the TCO and monthly cost of one dwelling with one variant");
        explain.Options.Add(contentOption);
        explain.Options.Add(neighbourhoodOption);
        explain.Options.Add(dwellingOption);
        explain.Options.Add(variantOption);
        explain.SetAction(p => Explain(p.GetValue(contentOption)!, p.GetValue(neighbourhoodOption)!, p.GetValue(dwellingOption)!,
            p.GetValue(variantOption)!, stdout, stderr));

        var root = new RootCommand("sitegen: builds a resident-facing heat-transition guide from a study's YAML and Markdown");
        root.Subcommands.Add(build);
        root.Subcommands.Add(explain);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"sitegen: {e.Message}");
            stderr.WriteLine("Run 'sitegen --help' for usage.");
            return UsageError;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private static int Build(string content, string output, bool strict, TextWriter stdout, TextWriter stderr)
    {
        var result = SiteBuilder.Build(new BuildOptions(content, output, Today, strict));
        Report(result.Diagnostics, stderr);
        if (!result.Succeeded)
        {
            stderr.WriteLine($"sitegen: build failed with {result.Diagnostics.Items.Count(d => d.Severity == Severity.Error)} error(s); '{output}' was not changed.");
            return ContentErrors;
        }
        stdout.WriteLine($"sitegen: built {result.Files!.All.Count} files into '{output}' in {result.Elapsed.TotalMilliseconds:0} ms.");
        return Ok;
    }

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
