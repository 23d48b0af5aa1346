namespace SiteGen.Content.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>
/// One finding about content, pointing at its source: "path:line:col: error CODE: message".
/// Line and column are 1-based everywhere; readers convert 0-based positions on the way in.
/// </summary>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>Collects all findings so the build can report them at once, then fail.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly List<(Diagnostic Finding, int AlsoLine)> _secondary = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>No findings and no checks still to run.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_pending) return _items.Count == 0 && _secondary.Count == 0 && _pending.Count == 0;
        }
    }

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Add(Diagnostic d) => _items.Add(d);
    public void Error(string path, int line, int column, string code, string message) =>
        _items.Add(new Diagnostic(path, line, column, Severity.Error, code, message));
    public void Warning(string path, int line, int column, string code, string message) =>
        _items.Add(new Diagnostic(path, line, column, Severity.Warning, code, message));

    /// <summary>
    /// A finding from a second line of checks (the JSON Schema): kept only where the first line (the typed
    /// reader, with the more helpful message) reported nothing on the same line, so one mistake is told once.
    /// </summary>
    /// <param name="alsoLine">
    /// Another line the same mistake may be reported on by the first line of checks: a missing key is reported by the
    /// schema at the key of the mapping that lacks it, by the typed reader at the mapping itself.
    /// </param>
    public void AddSecondary(Diagnostic d, int? alsoLine = null) => _secondary.Add((d, alsoLine ?? d.Line));

    /// <summary>Takes over another bag's findings (a part of the content read on its own), after this bag's.</summary>
    public void Append(DiagnosticBag other)
    {
        lock (other._pending)
            if (other._pending.Count > 0) throw new InvalidOperationException("the bag still has checks to run");
        _items.AddRange(other._items);
        _secondary.AddRange(other._secondary);
    }

    /// <summary>
    /// Whether a check may report into this bag later (<see cref="AddPending"/>): the content loader's bags allow it, so
    /// a file read while the JSON schemas are still loading on another core is checked once they are there.
    /// </summary>
    public bool AllowsPending { get; init; }

    private readonly List<Action> _pending = [];

    /// <summary>A check to run later, reporting into this bag; the owner runs it with <see cref="RunPending"/> before reading the findings.</summary>
    public void AddPending(Action check)
    {
        if (!AllowsPending) throw new InvalidOperationException("this bag takes no checks for later");
        lock (_pending) _pending.Add(check);
    }

    /// <summary>Runs the checks added for later, in the order they were added.</summary>
    public void RunPending()
    {
        Action[] checks;
        lock (_pending)
        {
            checks = [.. _pending];
            _pending.Clear();
        }
        foreach (var check in checks) check();
    }

    public void MergeSecondary()
    {
        lock (_pending)
            if (_pending.Count > 0) throw new InvalidOperationException("the bag still has checks to run");
        // One finding per line, the first line's first; the other line a mistake may be told on counts for the first line's only.
        var first = _items.Where(x => x.Severity == Severity.Error).Select(x => (x.Path, x.Line)).ToHashSet();
        var taken = new HashSet<(string, int)>(first);
        foreach (var (d, also) in _secondary)
            if (!first.Contains((d.Path, also)) && taken.Add((d.Path, d.Line)))
                _items.Add(d);
        _secondary.Clear();
    }

    /// <summary>Findings in a stable order: by file, then position (the file system's order must not show).</summary>
    public IEnumerable<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
              .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal);
}

/// <summary>Diagnostic codes, one per rule, so a finding can be looked up and tested.</summary>
public static class Codes
{
    public const string Syntax = "SG001";          // YAML or front matter does not parse
    public const string UnknownKey = "SG002";
    public const string MissingKey = "SG003";
    public const string WrongType = "SG004";
    public const string DuplicateKey = "SG005";
    public const string MissingSource = "SG006";
    public const string UnknownReference = "SG007"; // a dwelling, variant, cost, source... that is not defined
    public const string OutOfRange = "SG008";
    public const string UnknownParameter = "SG009";
    public const string WrongUnit = "SG010";
    public const string Calculation = "SG011";
    public const string Shortcode = "SG012";
    public const string FileSystem = "SG013";
    public const string Expired = "SG014";
    public const string UnsafeLink = "SG015";
    public const string BrokenLink = "SG016";
    public const string Placeholder = "SG017";      // scaffold text or values not yet replaced (warning; error with --strict)
    public const string MissingAlt = "SG018";       // an image in Markdown without alt text
    public const string NotNeeded = "SG019";        // a variant charges a dwelling for insulation to a label it already has (warning)
    public const string ExampleValue = "SG020"; // a value marked basis: example (illustrative, not a current published figure)
    public const string FutureValue = "SG021";     // the newest value of a parameter starts after the build date, yet applies now (warning)
    public const string RawHtml = "SG022";         // HTML in Markdown, which the page shows as plain text (warning)
    public const string DateOrder = "SG023";       // a parameter's dated value written below a later one: a date mistyped? (warning)
    public const string OtherMunicipality = "SG024"; // a source whose publisher names another municipality than the site's own (warning)
    public const string Template = "SG040";        // a theme template does not parse or names a value the page does not have
    public const string Contrast = "SG041";        // a house-style colour pair is below the WCAG 2.1 AA contrast
    public const string MissingFile = "SG042";     // a file the content names (a logo) is not there
}
