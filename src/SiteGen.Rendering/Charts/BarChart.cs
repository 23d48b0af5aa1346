using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Charts;

/// <summary>One part of a stacked bar, e.g. "Aanschaf" or "Energiekosten". Values must be zero or positive.</summary>
public sealed record BarSegment(string SegmentLabel, decimal Value);

/// <summary>
/// <summary>The chart as the theme draws it: numbers are SVG user units, already formatted.</summary>
public sealed record ChartView(string Id, string Title, string Unit, string Width, string Height, string FontSize, string Description,
    IReadOnlyList<ChartRow> Rows, string Axis, IReadOnlyList<ChartPattern> Patterns, string Summary) : ITemplateMembers
{
    public bool TryGetMember(string name, out object? value)
    {
        value = name switch
        {
            "id" => Id, "title" => Title, "unit" => Unit, "width" => Width, "height" => Height, "font_size" => FontSize,
            "description" => Description, "rows" => Rows, "axis" => Axis, "patterns" => Patterns, "summary" => Summary, _ => Member.Unknown,
        };
        return Member.Found(value);
    }
}

/// <summary>One bar with its label lines above it; a stacked bar has <see cref="Segments"/> instead of one rectangle.</summary>
public sealed record ChartRow(string LabelX, string LabelY, string LineHeight, IReadOnlyList<string> LabelLines,
    string X, string Y, string Width, string Height, bool Highlight, IReadOnlyList<ChartSegment> Segments, ChartBox? Outline,
    string ValueX, string ValueY, bool ValueAnchorEnd, string Value, ChartWhisker? Whisker = null) : ITemplateMembers
{
    public bool TryGetMember(string name, out object? value)
    {
        value = name switch
        {
            "label_x" => LabelX, "label_y" => LabelY, "line_height" => LineHeight, "label_lines" => LabelLines, "x" => X, "y" => Y,
            "width" => Width, "height" => Height, "highlight" => Member.Of(Highlight), "segments" => Segments, "outline" => Outline,
            "value_x" => ValueX, "value_y" => ValueY, "value_anchor_end" => Member.Of(ValueAnchorEnd), "value" => Value,
            "whisker" => Whisker, _ => Member.Unknown,
        };
        return Member.Found(value);
    }
}

public sealed record ChartSegment(int Kind, string PatternId, string X, string Width);

public sealed record ChartBox(string X, string Y, string Width, string Height);

/// <summary>The range of a bar (low to high estimate) as a horizontal line with end caps, across the bar's middle.</summary>
public sealed record ChartWhisker(string X1, string X2, string Y, string CapTop, string CapBottom) : ITemplateMembers
{
    public bool TryGetMember(string name, out object? value)
    {
        value = name switch { "x1" => X1, "x2" => X2, "y" => Y, "cap_top" => CapTop, "cap_bottom" => CapBottom, _ => Member.Unknown };
        return Member.Found(value);
    }
}

/// <summary>A fill pattern for one segment kind: the theme draws pattern <see cref="Kind"/> (1-3) under <see cref="Id"/>.</summary>
public sealed record ChartPattern(string Id, int Kind, string Name, string Label);

/// <summary>
/// One bar. <paramref name="FormattedValue"/> is printed as given (format it with DutchFormat).
/// <paramref name="Label"/> is shown as given: the caller appends text such as "(laagste)" for highlighted bars,
/// so the highlight is never carried by colour alone.
/// When <paramref name="Segments"/> is set the bar is stacked; the segments must add up to <paramref name="Value"/>.
/// </summary>
public sealed record Bar(
    string Label,
    decimal Value,
    string FormattedValue,
    bool Highlight = false,
    IReadOnlyList<BarSegment>? Segments = null,
    BarRange? Range = null);

/// <summary>The uncertainty of a bar: drawn as a whisker from <see cref="Low"/> to <see cref="High"/> and read out as <see cref="Formatted"/>.</summary>
public sealed record BarRange(decimal Low, decimal High, string Formatted);

/// <summary>
/// Lays out a horizontal bar chart, drawn as inline SVG by the theme's partials/bar-chart.sbn at build time: no
/// JavaScript needed.
/// Labels sit above the bars so long Dutch labels fit on a 375 px phone; the viewBox scales to the container.
/// Negative values are drawn to the left of a zero axis. The caller renders the equivalent data table.
/// </summary>
public static partial class BarChart
{
    /// <summary>At most this many distinct segment kinds: each needs its own fill pattern so colour is not needed.</summary>
    public const int MaxSegmentKinds = 3;

    // Geometry in SVG user units. The width is small on purpose: the chart is shown at roughly
    // 1 unit = 1 CSS px on a phone, so the 15-unit text stays readable; CSS caps the width on wide screens.
    private const decimal Width = 360m;
    private const decimal PadX = 4m;
    private const decimal FontSize = 15m;
    private const decimal LineHeight = 18m;
    private const decimal FirstBaseline = 14m;   // baseline of the first label line below the row top
    private const decimal LabelToBar = 5m;
    private const decimal BarHeight = 20m;
    private const decimal RowGap = 14m;
    private const decimal ValueGap = 6m;
    private const decimal MinPlot = 100m;
    private const decimal WhiskerCap = 7m;       // half the height of a range whisker's end caps
    // Conservative average glyph widths (in em) for layout estimates; no font metrics at build time.
    private const decimal LabelCharEm = 0.55m;
    private const decimal ValueCharEm = 0.62m;

    // The names of the fill patterns the theme draws (partials/bar-chart.sbn), in the order segment kinds get them.
    private static readonly string[] PatternNames = ["effen", "gearceerd", "gestippeld"];

    private static readonly char[] WrapChars = [' ', '\t', '\r', '\n'];

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>
    /// Lays out the chart: every position and size the theme's bar-chart partial needs, as SVG numbers.
    /// </summary>
    /// <param name="idPrefix">Unique slug on the page (lowercase letters, digits, single hyphens); prefixes all ids.</param>
    /// <param name="title">Visible caption and SVG title.</param>
    /// <param name="unitDescription">What the values mean, e.g. "totale kosten over 15 jaar in euro"; shown after the caption.</param>
    /// <param name="bars">The bars, drawn in the given order.</param>
    /// <param name="summary">Optional plain-Dutch summary replacing the generated "Het laagst is ..., het hoogst ..." sentence.</param>
    public static ChartView Layout(
        string idPrefix,
        string title,
        string unitDescription,
        IReadOnlyList<Bar> bars,
        string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(idPrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(unitDescription);
        ArgumentNullException.ThrowIfNull(bars);
        if (idPrefix.Length > 64 || !SlugPattern().IsMatch(idPrefix))
        {
            throw new ArgumentException(
                $"Chart id prefix '{idPrefix}' must be a slug: lowercase letters, digits and single hyphens, starting with a letter, at most 64 characters.",
                nameof(idPrefix));
        }

        if (bars.Count == 0)
        {
            throw new ArgumentException("A bar chart needs at least one bar.", nameof(bars));
        }

        var kinds = Validate(bars);

        // Horizontal scale: room for value labels on both sides of the drawn range.
        var maxPos = Math.Max(0m, bars.Max(b => Math.Max(b.Value, b.Range?.High ?? 0m)));
        var minNeg = Math.Min(0m, bars.Min(b => b.Value));
        var leftReserve = bars.Where(b => b.Value < 0).Select(b => ValueWidth(b.FormattedValue) + ValueGap).DefaultIfEmpty(0m).Max();
        var rightReserve = bars.Where(b => b.Value >= 0).Select(b => ValueWidth(b.FormattedValue) + ValueGap).DefaultIfEmpty(0m).Max();
        var plot = Math.Max(MinPlot, Width - (2 * PadX) - leftReserve - rightReserve);
        var range = maxPos - minNeg;
        var scale = range == 0 ? 0m : plot / range;
        var x0 = PadX + leftReserve + (-minNeg * scale);

        var rows = new List<ChartRow>(bars.Count);
        var axis = new StringBuilder();
        var y = 4m;
        var maxChars = (int)((Width - (2 * PadX)) / (FontSize * LabelCharEm));
        foreach (var bar in bars)
        {
            var lines = Wrap(bar.Label, maxChars);
            var top = y + (LineHeight * lines.Count) + LabelToBar;
            var length = Round(Math.Abs(bar.Value) * scale);
            var left = bar.Value < 0 ? x0 - length : x0;
            var segments = new List<ChartSegment>();
            ChartBox? outline = null;
            if (bar.Segments is { Count: > 0 } parts)
            {
                segments = Segments(idPrefix, kinds, parts, length, x0);
                if (bar.Highlight && length > 0)
                {
                    // Outline around the whole stack: the highlight must not rely on colour.
                    outline = new ChartBox(N(x0 - 2), N(top - 2), N(length + 4), N(BarHeight + 4));
                }
            }

            ChartWhisker? whisker = null;
            var end = x0 + length;
            if (bar.Range is { } r && bar.Value >= 0)
            {
                decimal mid = top + (BarHeight / 2);
                decimal x1 = x0 + Round(Math.Max(0m, r.Low) * scale), x2 = x0 + Round(r.High * scale);
                whisker = new ChartWhisker(N(x1), N(x2), N(mid), N(mid - WhiskerCap), N(mid + WhiskerCap));
                end = Math.Max(end, x2);
            }

            // Value text just past the end of the bar (or of its range): right of positive bars, left of negative ones.
            var valueX = bar.Value < 0 ? left - ValueGap : end + ValueGap;
            rows.Add(new ChartRow(N(PadX), N(y + FirstBaseline), N(LineHeight), lines,
                N(left), N(top), N(length), N(BarHeight), bar.Highlight, segments, outline,
                N(valueX), N(top + (BarHeight / 2) + 5), bar.Value < 0, bar.FormattedValue, whisker));

            // Zero axis only where the bars are, so it never crosses the labels above them.
            axis.Append('M').Append(N(x0)).Append(' ').Append(N(top - 3)).Append('v').Append(N(BarHeight + 6));
            y = top + BarHeight + RowGap;
        }

        var height = y - RowGap + 4;
        var patterns = kinds.Select((k, i) => new ChartPattern(PatternId(idPrefix, i), i + 1, PatternNames[i], k)).ToList();
        return new ChartView(idPrefix, title, unitDescription.Trim().Length == 0 ? "" : unitDescription, N(Width), N(height), N(FontSize),
            Description(unitDescription, bars, kinds), rows, axis.ToString(), patterns, summary ?? Summary(bars));
    }

    private static List<string> Validate(IReadOnlyList<Bar> bars)
    {
        // Segment kinds in order of first appearance, so patterns are assigned deterministically.
        var kinds = new List<string>();
        foreach (var bar in bars)
        {
            ArgumentNullException.ThrowIfNull(bar);
            if (string.IsNullOrWhiteSpace(bar.Label))
            {
                throw new ArgumentException("Every bar needs a label.", nameof(bars));
            }

            if (string.IsNullOrWhiteSpace(bar.FormattedValue))
            {
                throw new ArgumentException($"Bar '{bar.Label}' needs a formatted value.", nameof(bars));
            }

            if (bar.Segments is not { Count: > 0 } segments)
            {
                continue;
            }

            if (bar.Value < 0)
            {
                throw new ArgumentException($"Bar '{bar.Label}': stacked bars cannot be negative.", nameof(bars));
            }

            var sum = 0m;
            foreach (var segment in segments)
            {
                if (string.IsNullOrWhiteSpace(segment.SegmentLabel) || segment.Value < 0)
                {
                    throw new ArgumentException(
                        $"Bar '{bar.Label}': stacked segments need a label and a value of zero or more.", nameof(bars));
                }

                if (!kinds.Contains(segment.SegmentLabel, StringComparer.Ordinal))
                {
                    kinds.Add(segment.SegmentLabel);
                }

                sum += segment.Value;
            }

            // Tolerate rounding in the caller's total, but not a different number.
            if (Math.Abs(sum - bar.Value) > Math.Max(1m, Math.Abs(bar.Value) * 0.005m))
            {
                throw new ArgumentException(
                    $"Bar '{bar.Label}': segments add up to {sum.ToString(CultureInfo.InvariantCulture)}, not {bar.Value.ToString(CultureInfo.InvariantCulture)}.",
                    nameof(bars));
            }
        }

        if (kinds.Count > MaxSegmentKinds)
        {
            throw new ArgumentException(
                $"At most {MaxSegmentKinds} segment kinds are supported (each needs a distinct pattern); got {kinds.Count}.", nameof(bars));
        }

        return kinds;
    }

    private static List<ChartSegment> Segments(string id, List<string> kinds, IReadOnlyList<BarSegment> segments, decimal length, decimal x0)
    {
        var result = new List<ChartSegment>(segments.Count);
        var sum = segments.Sum(s => s.Value);
        var cumulative = 0m;
        var start = x0;
        foreach (var segment in segments)
        {
            // Positions come from cumulative sums so rounding never accumulates along the stack.
            cumulative += segment.Value;
            var end = sum == 0 ? x0 : x0 + Round(length * cumulative / sum);
            var k = kinds.IndexOf(segment.SegmentLabel);
            result.Add(new ChartSegment(k + 1, PatternId(id, k), N(start), N(end - start)));
            start = end;
        }
        return result;
    }

    private static string Description(string unit, IReadOnlyList<Bar> bars, List<string> kinds)
    {
        var sb = new StringBuilder("Staafdiagram");
        if (!string.IsNullOrWhiteSpace(unit))
        {
            sb.Append(" (").Append(unit).Append(')');
        }

        sb.Append(": ");
        sb.AppendJoin("; ", bars.Select(b => b.Label + ": " + b.FormattedValue + (b.Range is { } r ? " (" + r.Formatted + ")" : "")));
        sb.Append('.');
        if (kinds.Count > 0)
        {
            sb.Append(" Elke staaf is opgebouwd uit ")
                .Append(JoinDutch(kinds.Select((k, i) => k + " (" + PatternNames[i] + ")").ToList()))
                .Append('.');
        }

        return sb.ToString();
    }

    private static string Summary(IReadOnlyList<Bar> bars)
    {
        if (bars.Count == 1)
        {
            return $"Er is één waarde: {bars[0].Label} ({bars[0].FormattedValue}).";
        }

        var min = bars.Min(b => b.Value);
        var max = bars.Max(b => b.Value);
        if (min == max)
        {
            return $"Alle waarden zijn gelijk: {bars[0].FormattedValue}.";
        }

        var lowest = bars.Where(b => b.Value == min).ToList();
        var highest = bars.Where(b => b.Value == max).ToList();
        return $"Het laagst {(lowest.Count > 1 ? "zijn" : "is")} {Describe(lowest)}, het hoogst {(highest.Count > 1 ? "zijn" : "is")} {Describe(highest)}.";
    }

    private static string Describe(List<Bar> tied) =>
        JoinDutch(tied.Select(b => b.Label).ToList()) + " (" + tied[0].FormattedValue + ")";

    private static string JoinDutch(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " en " + items[^1];

    private static List<string> Wrap(string text, int maxChars)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        // Only ordinary whitespace: a no-break space in a label is meant to keep words together.
        foreach (var word in text.Split(WrapChars, StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > maxChars)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(word);
        }

        lines.Add(current.ToString());
        return lines;
    }

    private static decimal ValueWidth(string formatted) => Round(formatted.Length * FontSize * ValueCharEm);

    private static string PatternId(string id, int kind) => id + "-p" + (kind + 1).ToString(CultureInfo.InvariantCulture);

    private static decimal Round(decimal v) => Math.Round(v, 1, MidpointRounding.AwayFromZero);

    // Invariant, at most one decimal: keeps the output small and byte-for-byte reproducible.
    private static string N(decimal v)
    {
        var r = Round(v);
        return r == 0 ? "0" : r.ToString("0.#", CultureInfo.InvariantCulture);
    }
}
