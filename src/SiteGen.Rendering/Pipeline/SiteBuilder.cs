using SiteGen.Calculation;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Loading;
using SiteGen.Content.Model;
using SiteGen.Rendering.OpenData;
using SiteGen.Rendering.Pages;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Pipeline;

public sealed record BuildOptions(string ContentDir, string OutDir, DateOnly BuildDate, bool Strict = false, bool WriteOutput = true, string? ThemesDir = null)
{
    /// <summary>Themes live next to the content folder unless given: content/ and themes/ side by side.</summary>
    public string Themes => ThemesDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Path.TrimEndingDirectorySeparator(ContentDir)))!, "themes");
}

public sealed record BuildResult(DiagnosticBag Diagnostics, SiteFiles? Files, TimeSpan Elapsed, int LinksChecked = 0)
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
        var (content, diag) = ReadContent(options);
        if (content is null) return new BuildResult(diag, null, clock.Elapsed);

        var results = Compute(content, diag);
        if (diag.HasErrors) return new BuildResult(diag, null, clock.Elapsed);

        var files = Render(content, results, ThemeSet.Load(options.Themes));
        int links = CheckLinks(files, diag);
        if (diag.HasErrors) return new BuildResult(diag, null, clock.Elapsed);

        if (options.WriteOutput) OutputWriter.Write(files, options.OutDir);
        return new BuildResult(diag, files, clock.Elapsed, links);
    }

    /// <summary>Loads and validates content/; with --strict, warnings count as errors.</summary>
    public static (SiteContent?, DiagnosticBag) ReadContent(BuildOptions options)
    {
        var (content, diag) = ContentLoader.Load(options.ContentDir, options.BuildDate);
        if (options.Strict && diag.Items.Any(d => d.Severity == Severity.Warning))
        {
            var strict = new DiagnosticBag();
            foreach (var d in diag.Items) strict.Add(d with { Severity = Severity.Error });
            return (null, strict);
        }
        return (content, diag);
    }

    /// <summary>Runs the calculation core per neighbourhood; inputs that cannot be combined become findings.</summary>
    public static List<(Neighbourhood, NeighbourhoodResult)> Compute(SiteContent content, DiagnosticBag diag)
    {
        var results = new List<(Neighbourhood, NeighbourhoodResult)>();
        foreach (var n in content.Neighbourhoods)
        {
            try
            {
                results.Add((n, NeighbourhoodModel.Evaluate(n.Input)));
            }
            catch (CalculationException e)
            {
                diag.Error(n.ScenarioPath, 1, 1, Codes.Calculation, e.Message);
            }
        }
        return results;
    }

    /// <summary>A broken internal link or anchor fails the build like a content error.</summary>
    public static int CheckLinks(SiteFiles files, DiagnosticBag diag) => Checks.LinkChecker.Check(files, diag);

    public static SiteFiles Render(SiteContent content, List<(Neighbourhood, NeighbourhoodResult)> results, ThemeSet themes)
    {
        var files = new SiteFiles();
        new SiteRenderer(content, results, themes).RenderAll(files);
        files.Add(OpenDataFiles.ResultsJson, OpenDataFiles.Results(results));
        files.Add(OpenDataFiles.ResultsCsv, OpenDataFiles.ResultsCsvBytes(results));
        files.Add(OpenDataFiles.BusinessCasesJson, OpenDataFiles.BusinessCases(results));
        return files;
    }
}
