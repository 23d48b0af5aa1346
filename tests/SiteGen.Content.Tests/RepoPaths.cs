namespace SiteGen.Content.Tests;

/// <summary>Finds the repository from the test's working directory, so tests read the real example content.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();
    public static string Content => Path.Combine(Root, "content");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SiteGen.sln not found above the test folder");
    }

    // The copies this test process made, removed when it ends: most tests never delete theirs, and every test run
    // left some thirty folders of content behind in the temporary folder.
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> s_copies = new();
    private static int s_cleanupRegistered;

    /// <summary>Copies a folder (e.g. content/) to a fresh temporary folder a test may change; it is deleted when the test process ends.</summary>
    public static string CopyToTemp(string source)
    {
        string target = TempFolder("sitegen-test-");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }

    /// <summary>A new, not yet existing temporary folder's path, deleted (with all in it) when the test process ends.</summary>
    public static string TempFolder(string prefix)
    {
        string folder = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        s_copies.Enqueue(folder);
        if (Interlocked.Exchange(ref s_cleanupRegistered, 1) == 0)
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteCopies();
        return folder;
    }

    private static void DeleteCopies()
    {
        while (s_copies.TryDequeue(out var folder))
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A test that made a file unreadable on purpose: left for the system's own clean-up, not worth failing a run.
            }
        }
    }
}
