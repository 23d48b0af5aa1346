using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Rendering.Charts;

/// <summary>One part of a stacked bar, e.g. "Aanschaf" or "Energiekosten". Values must be zero or positive.</summary>
public sealed record BarSegment(string SegmentLabel, decimal Value);

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
    IReadOnlyList<BarSegment>? Segments = null);

/// <summary>
/// Renders a horizontal bar chart as inline SVG inside a &lt;figure&gt;, at build time: no JavaScript needed.
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
    // Conservative average glyph widths (in em) for layout estimates; no font metrics at build time.
    private const decimal LabelCharEm = 0.55m;
    private const decimal ValueCharEm = 0.62m;

    // Fallback colours if no stylesheet is loaded; each has at least 3:1 contrast against white.
    private const string BarFill = "#1f5c99";          // 6.9:1
    private const string HighlightFill = "#a34a00";    // 5.9:1
    private const string OutlineColour = "#1a1a1a";    // 17.4:1

    private static readonly (string Name, string Ink, string Defs)[] Patterns =
    [
        // Solid, dark blue.
        ("effen", "#1b4f8a", "<pattern id=\"{0}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#1b4f8a\"/></pattern>"),
        // Diagonal hatching, dark orange on light orange.
        ("gearceerd", "#8a4600", "<pattern id=\"{0}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#f6d7b8\"/><path d=\"M-1 1l2-2M0 6l6-6M5 7l2-2\" stroke=\"#8a4600\" stroke-width=\"2\"/></pattern>"),
        // Dots, dark green on light green.
        ("gestippeld", "#2b6a2e", "<pattern id=\"{0}\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><rect width=\"5\" height=\"5\" fill=\"#dcefdc\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.5\" fill=\"#2b6a2e\"/></pattern>"),
    ];

    private static readonly char[] WrapChars = [' ', '\t', '\r', '\n'];

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>
    /// Renders the chart markup.
    /// </summary>
    /// <param name="idPrefix">Unique slug on the page (lowercase letters, digits, single hyphens); prefixes all ids.</param>
    /// <param name="title">Visible caption and SVG title.</param>
    /// <param name="unitDescription">What the values mean, e.g. "totale kosten over 15 jaar in euro"; shown after the caption.</param>
    /// <param name="bars">The bars, drawn in the given order.</param>
    /// <param name="summary">Optional plain-Dutch summary replacing the generated "Het laagst is ..., het hoogst ..." sentence.</param>
    public static string Render(
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
        var maxPos = Math.Max(0m, bars.Max(b => b.Value));
        var minNeg = Math.Min(0m, bars.Min(b => b.Value));
        var leftReserve = bars.Where(b => b.Value < 0).Select(b => ValueWidth(b.FormattedValue) + ValueGap).DefaultIfEmpty(0m).Max();
        var rightReserve = bars.Where(b => b.Value >= 0).Select(b => ValueWidth(b.FormattedValue) + ValueGap).DefaultIfEmpty(0m).Max();
        var plot = Math.Max(MinPlot, Width - (2 * PadX) - leftReserve - rightReserve);
        var range = maxPos - minNeg;
        var scale = range == 0 ? 0m : plot / range;
        var x0 = PadX + leftReserve + (-minNeg * scale);

        var body = new StringBuilder(2048);
        var axis = new StringBuilder();
        var y = 4m;
        var maxChars = (int)((Width - (2 * PadX)) / (FontSize * LabelCharEm));
        foreach (var bar in bars)
        {
            var lines = Wrap(bar.Label, maxChars);
            body.Append("<text class=\"bar-label\" x=\"").Append(N(PadX)).Append("\" y=\"").Append(N(y + FirstBaseline)).Append("\">")
                .Append(Escape(lines[0]));
            for (var i = 1; i < lines.Count; i++)
            {
                body.Append("<tspan x=\"").Append(N(PadX)).Append("\" dy=\"").Append(N(LineHeight)).Append("\">")
                    .Append(Escape(lines[i])).Append("</tspan>");
            }

            body.Append("</text>");

            var top = y + (LineHeight * lines.Count) + LabelToBar;
            var length = Round(Math.Abs(bar.Value) * scale);
            var left = bar.Value < 0 ? x0 - length : x0;
            if (bar.Segments is { Count: > 0 } segments)
            {
                AppendSegments(body, idPrefix, kinds, segments, length, x0, top);
                if (bar.Highlight && length > 0)
                {
                    // Outline around the whole stack: the highlight must not rely on colour.
                    body.Append("<rect class=\"bar-outline\" x=\"").Append(N(x0 - 2)).Append("\" y=\"").Append(N(top - 2))
                        .Append("\" width=\"").Append(N(length + 4)).Append("\" height=\"").Append(N(BarHeight + 4))
                        .Append("\" fill=\"none\" stroke=\"").Append(OutlineColour).Append("\" stroke-width=\"2\"/>");
                }
            }
            else
            {
                body.Append("<rect class=\"bar").Append(bar.Highlight ? " bar--highlight" : string.Empty)
                    .Append("\" x=\"").Append(N(left)).Append("\" y=\"").Append(N(top))
                    .Append("\" width=\"").Append(N(length)).Append("\" height=\"").Append(N(BarHeight))
                    .Append("\" fill=\"").Append(bar.Highlight ? HighlightFill : BarFill).Append('"');
                if (bar.Highlight)
                {
                    body.Append(" stroke=\"").Append(OutlineColour).Append("\" stroke-width=\"2\"");
                }

                body.Append("/>");
            }

            // Value text just past the end of the bar: right of positive bars, left of negative ones.
            var valueX = bar.Value < 0 ? left - ValueGap : x0 + length + ValueGap;
            body.Append("<text class=\"bar-value\" x=\"").Append(N(valueX)).Append("\" y=\"").Append(N(top + (BarHeight / 2) + 5))
                .Append('"').Append(bar.Value < 0 ? " text-anchor=\"end\"" : string.Empty).Append('>')
                .Append(Escape(bar.FormattedValue)).Append("</text>");

            // Zero axis only where the bars are, so it never crosses the labels above them.
            axis.Append('M').Append(N(x0)).Append(' ').Append(N(top - 3)).Append('v').Append(N(BarHeight + 6));
            y = top + BarHeight + RowGap;
        }

        var height = y - RowGap + 4;
        var id = idPrefix; // validated slug: safe in attributes without escaping
        var sb = new StringBuilder(body.Length + 1024);
        sb.Append("<figure class=\"chart\" aria-labelledby=\"").Append(id).Append("-title\">\n")
            .Append("<figcaption id=\"").Append(id).Append("-title\">").Append(Escape(title));
        if (!string.IsNullOrWhiteSpace(unitDescription))
        {
            sb.Append(" <span class=\"chart-unit\">(").Append(Escape(unitDescription)).Append(")</span>");
        }

        sb.Append("</figcaption>\n")
            .Append("<svg role=\"img\" aria-labelledby=\"").Append(id).Append("-svgtitle ").Append(id).Append("-desc\" viewBox=\"0 0 ")
            .Append(N(Width)).Append(' ').Append(N(height)).Append("\" width=\"100%\" font-size=\"").Append(N(FontSize))
            .Append("\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<title id=\"").Append(id).Append("-svgtitle\">").Append(Escape(title)).Append("</title>")
            .Append("<desc id=\"").Append(id).Append("-desc\">").Append(Escape(Description(unitDescription, bars, kinds))).Append("</desc>");
        if (kinds.Count > 0)
        {
            sb.Append("<defs>");
            for (var k = 0; k < kinds.Count; k++)
            {
                sb.Append(Patterns[k].Defs.Replace("{0}", PatternId(id, k), StringComparison.Ordinal));
            }

            sb.Append("</defs>");
        }

        sb.Append(body)
            .Append("<path class=\"axis\" d=\"").Append(axis).Append("\" stroke=\"").Append(OutlineColour).Append("\" stroke-width=\"1\"/>")
            .Append("</svg>\n");
        if (kinds.Count > 0)
        {
            // Legend in HTML, not SVG: it wraps naturally and is read by screen readers (the SVG is one image).
            sb.Append("<ul class=\"legend\">");
            for (var k = 0; k < kinds.Count; k++)
            {
                sb.Append("<li><svg class=\"legend-swatch\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">")
                    .Append("<rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" fill=\"url(#").Append(PatternId(id, k))
                    .Append(")\" stroke=\"").Append(Patterns[k].Ink).Append("\"/></svg>")
                    .Append(Escape(kinds[k])).Append(" <span class=\"legend-pattern\">(").Append(Patterns[k].Name).Append(")</span></li>");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("<p class=\"chart-summary\">").Append(Escape(summary ?? Summary(bars))).Append("</p>\n")
            .Append("</figure>");
        return sb.ToString();
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

    private static void AppendSegments(
        StringBuilder body, string id, List<string> kinds, IReadOnlyList<BarSegment> segments, decimal length, decimal x0, decimal top)
    {
        var sum = segments.Sum(s => s.Value);
        var cumulative = 0m;
        var start = x0;
        foreach (var segment in segments)
        {
            // Positions come from cumulative sums so rounding never accumulates along the stack.
            cumulative += segment.Value;
            var end = sum == 0 ? x0 : x0 + Round(length * cumulative / sum);
            var k = kinds.IndexOf(segment.SegmentLabel);
            body.Append("<rect class=\"bar-seg bar-seg--").Append(k + 1).Append("\" x=\"").Append(N(start)).Append("\" y=\"").Append(N(top))
                .Append("\" width=\"").Append(N(end - start)).Append("\" height=\"").Append(N(BarHeight))
                .Append("\" fill=\"url(#").Append(PatternId(id, k)).Append(")\" stroke=\"").Append(Patterns[k].Ink).Append("\"/>");
            start = end;
        }
    }

    private static string Description(string unit, IReadOnlyList<Bar> bars, List<string> kinds)
    {
        var sb = new StringBuilder("Staafdiagram");
        if (!string.IsNullOrWhiteSpace(unit))
        {
            sb.Append(" (").Append(unit).Append(')');
        }

        sb.Append(": ");
        sb.AppendJoin("; ", bars.Select(b => b.Label + ": " + b.FormattedValue));
        sb.Append('.');
        if (kinds.Count > 0)
        {
            sb.Append(" Elke staaf is opgebouwd uit ")
                .Append(JoinDutch(kinds.Select((k, i) => k + " (" + Patterns[i].Name + ")").ToList()))
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

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
