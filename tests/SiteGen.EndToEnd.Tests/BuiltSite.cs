using SiteGen.Cli;

namespace SiteGen.EndToEnd.Tests;

/// <summary>One generated page: its URL path on the test server ("/putten/x/") and its file on disk.</summary>
public sealed record SitePage(string Url, string File)
{
    /// <summary>A file-name-safe name: "/" -> "home", "/putten/x/" -> "putten-x".</summary>
    public string Slug
    {
        get
        {
            string s = Url.Trim('/');
            if (s.EndsWith(".html", StringComparison.Ordinal)) s = s[..^5];
            return s.Length == 0 ? "home" : s.Replace('/', '-');
        }
    }
}

/// <summary>
/// The example site, built once per test process into a fresh temporary folder, in-process through the CLI.
/// It is static and lazy (not only inside the xunit fixture) because MemberData is evaluated at discovery time,
/// before any fixture exists, and the page list is the data of most theories.
/// </summary>
public sealed class BuiltSite
{
    /// <summary>The theory row used when nothing can be tested, so a theory fails instead of passing vacuously.</summary>
    public const string NoPages = "(no pages were built)";

    private static readonly Lazy<BuiltSite> instance = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    public static BuiltSite Instance => instance.Value;

    public string OutputDir { get; }
    public int ExitCode { get; }
    public string Log { get; }
    public IReadOnlyList<SitePage> Pages { get; }

    private BuiltSite(string outputDir, int exitCode, string log, IReadOnlyList<SitePage> pages)
    {
        OutputDir = outputDir;
        ExitCode = exitCode;
        Log = log;
        Pages = pages;
    }

    /// <summary>Set to an already built output folder to test it instead of building content/ (e.g. a CI artefact).</summary>
    public const string PrebuiltVariable = "SITEGEN_E2E_SITE";

    private static BuiltSite Build()
    {
        if (Environment.GetEnvironmentVariable(PrebuiltVariable) is { Length: > 0 } prebuilt)
        {
            string dir = Path.GetFullPath(prebuilt);
            return Directory.Exists(dir)
                ? new BuiltSite(dir, 0, $"{PrebuiltVariable}: testing the prebuilt site in {dir}", Discover(dir))
                : new BuiltSite(dir, -1, $"{PrebuiltVariable}={prebuilt}: no such folder", []);
        }

        SweepStaleFolders();
        // The CLI writes atomically via sibling staging folders, so give it a private parent folder.
        string parent = Path.Combine(Path.GetTempPath(), TempPrefix + Guid.NewGuid().ToString("N"));
        string output = Path.Combine(parent, "site");
        Directory.CreateDirectory(parent);
        // The fixture deletes it at the end of the run; this covers processes that only discover tests.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(parent);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit;
        try
        {
            exit = Commands.Run(["build", "--content", RepoPaths.Content, "--out", output], stdout, stderr);
        }
        catch (Exception e)
        {
            exit = -1;
            stderr.WriteLine($"the build threw: {e}");
        }
        string log = (stdout.ToString() + stderr.ToString()).Trim();
        return new BuiltSite(output, exit, log, exit == 0 ? Discover(output) : []);
    }

    private const string TempPrefix = "sitegen-e2e-";

    /// <summary>Removes the temporary site folder of this run (only a folder this class created).</summary>
    public void DeleteBuiltFolder()
    {
        if (Environment.GetEnvironmentVariable(PrebuiltVariable) is { Length: > 0 }) return;
        string parent = Path.GetDirectoryName(OutputDir)!;
        if (Path.GetFileName(parent).StartsWith(TempPrefix, StringComparison.Ordinal)) DeleteQuietly(parent);
    }

    /// <summary>Folders of runs that were killed before cleaning up (a test host stopped hard skips ProcessExit).</summary>
    private static void SweepStaleFolders()
    {
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), TempPrefix + "*"))
                if (Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddHours(-2)) DeleteQuietly(dir);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static void DeleteQuietly(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Every **/*.html file as a URL: "x/index.html" -> "/x/", "404.html" -> "/404.html".</summary>
    public static IReadOnlyList<SitePage> Discover(string output)
    {
        if (!Directory.Exists(output)) return [];
        return Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(file =>
            {
                string rel = Path.GetRelativePath(output, file).Replace(Path.DirectorySeparatorChar, '/');
                string url = rel == "index.html" ? "/"
                    : rel.EndsWith("/index.html", StringComparison.Ordinal) ? "/" + rel[..^"index.html".Length]
                    : "/" + rel;
                return new SitePage(url, file);
            })
            .OrderBy(p => p.Url, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>All files of the output folder, relative, for failure messages.</summary>
    public IEnumerable<string> Files() => Directory.Exists(OutputDir)
        ? Directory.EnumerateFiles(OutputDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(OutputDir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
        : [];

    /// <summary>Theory data: one row per page URL, or a single sentinel row that makes the test fail.</summary>
    public static TheoryData<string> PageUrls()
    {
        var data = new TheoryData<string>();
        var pages = Instance.Pages;
        if (pages.Count == 0) data.Add(NoPages);
        foreach (var p in pages) data.Add(p.Url);
        return data;
    }

    /// <summary>Theory data: one row per page URL and width (for screenshots).</summary>
    public static TheoryData<string, int> PageUrlsAndWidths(params int[] widths)
    {
        var data = new TheoryData<string, int>();
        var pages = Instance.Pages;
        foreach (int w in widths)
        {
            if (pages.Count == 0) data.Add(NoPages, w);
            foreach (var p in pages) data.Add(p.Url, w);
        }
        return data;
    }

    /// <summary>Fails with a clear message when the build failed or produced no HTML pages.</summary>
    public void RequirePages()
    {
        if (ExitCode != 0)
            Assert.Fail($"the site build failed (exit code {ExitCode}) into {OutputDir}:\n{Log}");
        if (Pages.Count == 0)
            Assert.Fail($"no pages were built: 'sitegen build' produced no .html files in {OutputDir}. Files built: "
                + $"{string.Join(", ", Files().DefaultIfEmpty("(none)"))}\nBuild output: {Log}");
    }

    /// <summary>The page for a theory row; fails when the row is the 'no pages' sentinel or the page is missing.</summary>
    public SitePage Page(string url)
    {
        RequirePages();
        return Pages.FirstOrDefault(p => p.Url == url)
            ?? throw new Xunit.Sdk.XunitException($"page {url} was not built; built pages: {string.Join(", ", Pages.Select(p => p.Url))}");
    }
}
