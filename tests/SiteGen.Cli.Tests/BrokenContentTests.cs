using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Content.Tests;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Cli.Tests;

/// <summary>
/// The broken-content corpus (BrokenContent/cases.yaml): each case breaks a copy of the example content in one
/// way and asserts the exact "path:line:col: error CODE", exit code 1, no crash or hang, and an untouched output
/// folder. The manifest's header documents the keys of a case.
/// </summary>
public class BrokenContentTests
{
    private static readonly string ManifestFolder = Path.Combine(RepoPaths.Root, "tests", "SiteGen.Cli.Tests", "BrokenContent");

    /// <summary>cases.yaml and the corpora next to it (numbers.yaml: numbers typed the Dutch way or out of range).</summary>
    private static IEnumerable<string> Manifests() =>
        Directory.GetFiles(ManifestFolder, "*.yaml").Order(StringComparer.Ordinal);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static readonly string[] CrashSigns = ["   at ", "Unhandled exception", "Stack overflow", "Exception:"];

    private static readonly Regex FindingLine = new(@"^\S+:\d+:\d+: error SG\d{3}: ", RegexOptions.Multiline);

    private static readonly Regex ExpectPattern = new(@"^(?<path>[^:\s]+):(?<line>\d+):(?<col>\d+): error (?<code>SG\d{3})$");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Corpus.Value) data.Add(c.Id);
        return data;
    }

    [Fact]
    public void The_corpus_is_well_formed()
    {
        var cases = Corpus.Value;
        Assert.True(cases.Count >= 45, $"the corpus has {cases.Count} cases; at least 45 are expected");
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        foreach (var c in cases)
        {
            Assert.Matches("^[a-z0-9][a-z0-9-]*$", c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.What), $"{c.Id}: 'what' is empty");
            Assert.NotEmpty(c.Edits);
            Assert.NotEmpty(c.Expect);
            foreach (var e in c.Expect)
                Assert.True(ExpectPattern.IsMatch(e), $"{c.Id}: expect '{e}' is not 'path:line:col: error SGnnn'");
        }
        // Every kind of unsafe link stays in the corpus, whether or not the product catches it yet.
        Assert.True(cases.Count(c => c.Expect.Any(e => e.EndsWith("SG015", StringComparison.Ordinal))) >= 3);
        // Issue 8: at least 30 numbers typed the Dutch way or out of their plausible range, each with what it should say.
        Assert.True(cases.Count(c => c.Manifest == "numbers.yaml" && c.Message.Count > 0 && c.PointAt is not null) >= 30);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_content_is_reported_at_its_position_and_nothing_is_written(string id)
    {
        var c = Corpus.Value.Single(x => x.Id == id);
        using var ws = new Workspace();
        foreach (var edit in c.Edits) Apply(ws.Content, edit);
        if (c.PointAt is not null) CheckPointAt(ws.Content, c);

        var run = c.SkipInProcess ? RunOutOfProcess(ws) : RunInProcess(ws);
        string context = $"case '{c.Id}' ({c.What})\nexpected: {string.Join(" | ", c.Expect)}\n{Describe(run)}";

        Assert.False(run.TimedOut, $"no result within {Timeout.TotalSeconds} s (a hang)\n{context}");
        Assert.False(CrashSigns.Any(run.Err.Contains) || CrashSigns.Any(run.Out.Contains), $"the build crashed\n{context}");
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}, expected 1\n{context}");
        Assert.True(FindingLine.IsMatch(run.Err),
            $"no 'path:line:col: error CODE: message' line\n{context}");
        // Paths print absolute (the copy lies outside the working directory): the reported path must be the file
        // in this workspace's copy, i.e. end with "<copy folder>/<content-relative path>".
        string copy = Path.GetFileName(Path.TrimEndingDirectorySeparator(ws.Content));
        foreach (var expected in c.Expect)
            Assert.True(run.Err.Contains($"{copy}/{expected}", StringComparison.Ordinal), $"'{expected}' was not reported\n{context}");
        // The message of the first expected finding says what was probably meant.
        var finding = run.Err.Split('\n').FirstOrDefault(l => l.Contains($"{copy}/{c.Expect[0]}: ", StringComparison.Ordinal)) ?? "";
        foreach (var fragment in c.Message)
            Assert.True(finding.Contains(fragment, StringComparison.Ordinal), $"the finding does not say '{fragment}': {finding}\n{context}");
        int errors = FindingLine.Matches(run.Err).Count;
        Assert.True(c.MaxErrors is not { } max || errors <= max,
            $"{errors} errors reported for one mistake; at most {c.MaxErrors} expected (the others are follow-on findings)\n{context}");
        ws.AssertOutputUntouched();
    }

    // ------------------------------------------------------------------------------------------ running the CLI

    private sealed record Run(int? ExitCode, string Out, string Err, bool TimedOut, TimeSpan Elapsed);

    private static string[] Args(Workspace ws) => ["build", "--content", ws.Content, "--out", ws.Output];

    private static Run RunInProcess(Workspace ws)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() => CliRun.Of(Args(ws)));
        // A hang cannot be stopped in-process: the case fails here and its thread is left behind. Cases that are
        // known to hang or to crash the process run out of process (skip_in_process: true).
        if (!task.Wait(Timeout)) return new Run(null, "", "", true, clock.Elapsed);
        var r = task.Result;
        return new Run(r.ExitCode, r.Out, r.Err, false, clock.Elapsed);
    }

    /// <summary>Runs the CLI's own executable (copied next to the tests as sitegen.dll), killed after the timeout.</summary>
    private static Run RunOutOfProcess(Workspace ws)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "sitegen.dll");
        Assert.True(File.Exists(dll), $"{dll} not found; it is copied there by the project reference to SiteGen.Cli");
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            // Outside the temporary folders, so paths print absolute as they do in-process.
            WorkingDirectory = RepoPaths.Root,
            StandardErrorEncoding = Encoding.UTF8, StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in Args(ws)) start.ArgumentList.Add(a);

        var clock = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        bool exited = p.WaitForExit(Timeout);
        if (!exited)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        return new Run(exited ? p.ExitCode : null, stdout.Result, stderr.Result, !exited, clock.Elapsed);
    }

    private static string Describe(Run run)
    {
        var lines = run.Err.Split('\n');
        string err = string.Join('\n', lines.Take(25)) + (lines.Length > 25 ? $"\n... ({lines.Length} lines)" : "");
        return $"exit code: {run.ExitCode?.ToString() ?? "none"}, {run.Elapsed.TotalSeconds:0.0} s\nstderr:\n{err}";
    }

    // ------------------------------------------------------------------------------------------ edits

    private static void Apply(string content, Edit e)
    {
        string path = Path.Combine(content, e.File);
        switch (e.Op)
        {
            case "delete":
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                else
                {
                    Assert.True(File.Exists(path), $"{e.File} does not exist");
                    File.Delete(path);
                }
                return;
            case "make_directory":
                if (File.Exists(path)) File.Delete(path);
                Directory.CreateDirectory(path);
                return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (e.Op)
        {
            case "replace":
            {
                var r = (YamlMappingNode)e.Arg;
                byte[] data = File.ReadAllBytes(path);
                byte[] from = Encoding.UTF8.GetBytes(Text(r, "from"));
                byte[] to = Optional(r, "to_hex") is { } hex ? Convert.FromHexString(hex) : Encoding.UTF8.GetBytes(Text(r, "to"));
                bool all = Optional(r, "all") == "true";
                var at = Occurrences(data, from);
                Assert.True(at.Count == 1 || (all && at.Count > 0),
                    $"{e.File}: the text to replace occurs {at.Count} times; expected exactly once (or all: true)\n{Text(r, "from")}");
                File.WriteAllBytes(path, ReplaceAt(data, at.Take(all ? at.Count : 1).ToList(), from.Length, to));
                return;
            }
            case "write":
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(((YamlScalarNode)e.Arg).Value ?? ""));
                return;
            case "write_bytes_hex":
                File.WriteAllBytes(path, Convert.FromHexString(((YamlScalarNode)e.Arg).Value ?? ""));
                return;
            case "append":
                File.AppendAllText(path, ((YamlScalarNode)e.Arg).Value ?? "", new UTF8Encoding(false));
                return;
            case "write_repeat":
            {
                var r = (YamlMappingNode)e.Arg;
                var sb = new StringBuilder(Optional(r, "before") ?? "");
                string text = Text(r, "text");
                int times = int.Parse(Text(r, "times"));
                for (int i = 0; i < times; i++) sb.Append(text);
                sb.Append(Optional(r, "after") ?? "");
                using var stream = new FileStream(path, Optional(r, "append") == "true" ? FileMode.Append : FileMode.Create);
                stream.Write(Encoding.UTF8.GetBytes(sb.ToString()));
                return;
            }
            case "write_nested":
            {
                var r = (YamlMappingNode)e.Arg;
                int depth = int.Parse(Text(r, "depth"));
                var sb = new StringBuilder(Optional(r, "before") ?? "");
                for (int i = 0; i < depth; i++) sb.Append(Text(r, "open"));
                sb.Append(Optional(r, "inner") ?? "");
                for (int i = 0; i < depth; i++) sb.Append(Text(r, "close"));
                sb.Append(Optional(r, "after") ?? "");
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(sb.ToString()));
                return;
            }
            default:
                throw new InvalidOperationException($"unknown edit '{e.Op}'");
        }
    }

    private static List<int> Occurrences(byte[] data, byte[] needle)
    {
        var list = new List<int>();
        if (needle.Length == 0) return list;
        var span = data.AsSpan();
        int offset = 0;
        while (offset <= data.Length - needle.Length)
        {
            int i = span[offset..].IndexOf(needle);
            if (i < 0) break;
            list.Add(offset + i);
            offset += i + needle.Length;
        }
        return list;
    }

    private static byte[] ReplaceAt(byte[] data, List<int> at, int length, byte[] to)
    {
        var result = new List<byte>(data.Length);
        int previous = 0;
        foreach (int i in at)
        {
            result.AddRange(data.AsSpan(previous, i - previous).ToArray());
            result.AddRange(to);
            previous = i + length;
        }
        result.AddRange(data.AsSpan(previous).ToArray());
        return result.ToArray();
    }

    /// <summary>The expectation says what a careful reader points at: point_at must start exactly at its line:col.</summary>
    private static void CheckPointAt(string content, Case c)
    {
        var m = ExpectPattern.Match(c.Expect[0]);
        string text = File.ReadAllText(Path.Combine(content, m.Groups["path"].Value));
        var at = Occurrences(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(c.PointAt!));
        Assert.True(at.Count == 1, $"corpus error in '{c.Id}': point_at occurs {at.Count} times in {m.Groups["path"].Value}");
        int index = text.IndexOf(c.PointAt!, StringComparison.Ordinal);
        int line = 1 + text.AsSpan(0, index).Count('\n');
        int lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        int column = index - lineStart + 1;
        Assert.True($"{line}:{column}" == $"{m.Groups["line"].Value}:{m.Groups["col"].Value}",
            $"corpus error in '{c.Id}': point_at is at {line}:{column}, the expectation says {m.Groups["line"].Value}:{m.Groups["col"].Value}");
    }

    // ------------------------------------------------------------------------------------------ the manifest

    private sealed record Edit(string File, string Op, YamlNode Arg);

    private sealed record Case(string Id, string What, List<Edit> Edits, List<string> Expect, string? PointAt, bool SkipInProcess, int? MaxErrors,
        List<string> Message, string Manifest);

    private static readonly string[] Ops = ["replace", "write", "write_bytes_hex", "append", "write_repeat", "write_nested", "delete", "make_directory"];

    private static readonly Lazy<List<Case>> Corpus = new(Load);

    private static List<Case> Load() => Manifests().SelectMany(Load).ToList();

    private static List<Case> Load(string manifestPath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(manifestPath, Encoding.UTF8)) stream.Load(reader);
        var cases = new List<Case>();
        foreach (var item in ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>())
        {
            string id = Text(item, "id");
            var edits = new List<Edit>();
            if (item.Children.TryGetValue(new YamlScalarNode("edits"), out var list))
                edits.AddRange(((YamlSequenceNode)list).Children.Cast<YamlMappingNode>().Select(e => ReadEdit(id, e)));
            else
                edits.Add(ReadEdit(id, item));
            var expectNode = item.Children[new YamlScalarNode("expect")];
            var expect = Strings(expectNode);
            var message = item.Children.TryGetValue(new YamlScalarNode("message"), out var messageNode) ? Strings(messageNode) : [];
            cases.Add(new Case(id, Text(item, "what"), edits, expect, Optional(item, "point_at"), Optional(item, "skip_in_process") == "true",
                Optional(item, "max_errors") is { } max ? int.Parse(max) : null, message, Path.GetFileName(manifestPath)));
        }
        return cases;
    }

    private static List<string> Strings(YamlNode node) => node is YamlSequenceNode seq
        ? seq.Children.Select(n => ((YamlScalarNode)n).Value!).ToList()
        : [((YamlScalarNode)node).Value!];

    private static Edit ReadEdit(string id, YamlMappingNode m)
    {
        var ops = Ops.Where(op => m.Children.ContainsKey(new YamlScalarNode(op))).ToList();
        if (ops.Count != 1)
            throw new InvalidDataException($"case '{id}': an edit needs exactly one of {string.Join(", ", Ops)}; found {ops.Count}");
        return new Edit(Text(m, "file"), ops[0], m.Children[new YamlScalarNode(ops[0])]);
    }

    private static string Text(YamlMappingNode m, string key) =>
        Optional(m, key) ?? throw new InvalidDataException($"'{key}' is missing at line {m.Start.Line} of a manifest in {ManifestFolder}");

    private static string? Optional(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
}
