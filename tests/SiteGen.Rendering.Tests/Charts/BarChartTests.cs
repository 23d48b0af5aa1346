using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Rendering.Charts;

namespace SiteGen.Rendering.Tests.Charts;

public class BarChartTests
{
    private const string S = "\u00A0";

    private static readonly Bar[] SixBars =
    [
        new("Lucht-water warmtepomp (laagste)", 64980m, "€" + S + "64.980", Highlight: true),
        new("Hybride warmtepomp", 71230m, "€" + S + "71.230"),
        new("Warmtenet", 75010m, "€" + S + "75.010"),
        new("Bodemwarmtepomp met isolatie van dak, vloer en gevel", 88460m, "€" + S + "88.460"),
        new("Groen gas", 69400m, "€" + S + "69.400"),
        new("Aardgas (referentie)", 80120m, "€" + S + "80.120"),
    ];

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument("<!doctype html><html><body>" + html + "</body></html>");

    private static decimal Num(IElement e, string attribute) =>
        decimal.Parse(e.GetAttribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    // The chart as a page shows it: laid out in C#, drawn by the default theme's bar-chart partial.
    private static readonly Themes.Theme DefaultTheme =
        Themes.Theme.Load("default", [Path.Combine(Content.Tests.RepoPaths.Root, "themes", "default")]);

    private static string Draw(string id, string title, string unit, IReadOnlyList<Bar> bars, string? summary = null) =>
        DefaultTheme.RenderPartial("bar-chart", BarChart.Layout(id, title, unit, bars, summary));

    private static string Render(IReadOnlyList<Bar> bars, string id = "kosten") =>
        Draw(id, "Totale kosten over 15 jaar", "euro, inclusief btw", bars);

    [Fact]
    public void Figure_has_one_accessible_svg_with_referenced_title_and_desc()
    {
        var doc = Parse(Render(SixBars));

        var figure = Assert.Single(doc.QuerySelectorAll("figure.chart"));
        Assert.Equal("kosten-title", figure.GetAttribute("aria-labelledby"));
        var caption = doc.GetElementById("kosten-title")!;
        Assert.Equal("figcaption", caption.LocalName);
        Assert.StartsWith("Totale kosten over 15 jaar", caption.TextContent, StringComparison.Ordinal);

        var svg = Assert.Single(doc.QuerySelectorAll("svg[role=img]"));
        Assert.Equal("100%", svg.GetAttribute("width"));
        Assert.Null(svg.GetAttribute("height"));
        Assert.Matches(@"^0 0 \d+(\.\d)? \d+(\.\d)?$", svg.GetAttribute("viewBox") ?? svg.GetAttribute("viewbox"));

        var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Equal(["kosten-svgtitle", "kosten-desc"], labelledBy);
        var title = doc.GetElementById("kosten-svgtitle")!;
        var desc = doc.GetElementById("kosten-desc")!;
        Assert.Equal("title", title.LocalName);
        Assert.Equal("desc", desc.LocalName);
        Assert.Same(svg, title.ParentElement);
        Assert.Same(svg, desc.ParentElement);
        Assert.Equal("Totale kosten over 15 jaar", title.TextContent);
        Assert.StartsWith("Staafdiagram (euro, inclusief btw): ", desc.TextContent, StringComparison.Ordinal);
        foreach (var bar in SixBars)
        {
            Assert.Contains(bar.Label + ": " + bar.FormattedValue, desc.TextContent, StringComparison.Ordinal);
        }

        // The caller renders the data table, the chart must not.
        Assert.Empty(doc.QuerySelectorAll("table"));
    }

    [Fact]
    public void Ids_are_unique_and_all_start_with_the_prefix()
    {
        var doc = Parse(Render(SixBars) + Render(SixBars, "kosten-2"));
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.StartsWith("kosten", id, StringComparison.Ordinal));
    }

    [Fact]
    public void One_rect_per_bar_with_width_proportional_to_value()
    {
        var doc = Parse(Render(SixBars));
        var rects = doc.QuerySelectorAll("svg rect.bar").ToList();
        Assert.Equal(SixBars.Length, rects.Count);

        var maxWidth = rects.Max(r => Num(r, "width"));
        var maxValue = SixBars.Max(b => b.Value);
        Assert.True(maxWidth > 150m, $"longest bar should use most of the width, got {maxWidth}");
        for (var i = 0; i < SixBars.Length; i++)
        {
            var expected = SixBars[i].Value / maxValue * maxWidth;
            Assert.InRange(Num(rects[i], "width"), expected - 0.5m, expected + 0.5m);
        }

        // Bars share the zero axis and fit inside the viewBox together with their value labels.
        Assert.Single(rects.Select(r => Num(r, "x")).Distinct());
        var viewBoxWidth = decimal.Parse((doc.QuerySelector("svg")!.GetAttribute("viewBox") ?? string.Empty).Split(' ')[2], CultureInfo.InvariantCulture);
        Assert.All(rects, r => Assert.True(Num(r, "x") + Num(r, "width") <= viewBoxWidth));
    }

    [Fact]
    public void Value_texts_and_labels_are_visible_in_the_svg()
    {
        var doc = Parse(Render(SixBars));
        var values = doc.QuerySelectorAll("svg text.bar-value").Select(t => t.TextContent).ToList();
        Assert.Equal(SixBars.Select(b => b.FormattedValue), values);

        var labels = doc.QuerySelectorAll("svg text.bar-label").Select(t => t.TextContent).ToList();
        Assert.Equal(SixBars.Length, labels.Count);
        Assert.Equal("Lucht-water warmtepomp (laagste)", labels[0]);

        // Each value sits right after the end of its bar, on the bar's row.
        var rects = doc.QuerySelectorAll("svg rect.bar").ToList();
        var texts = doc.QuerySelectorAll("svg text.bar-value").ToList();
        for (var i = 0; i < rects.Count; i++)
        {
            var end = Num(rects[i], "x") + Num(rects[i], "width");
            Assert.InRange(Num(texts[i], "x"), end, end + 10m);
            Assert.InRange(Num(texts[i], "y"), Num(rects[i], "y"), Num(rects[i], "y") + Num(rects[i], "height"));
        }
    }

    [Fact]
    public void Labels_sit_above_their_bars_and_long_labels_wrap()
    {
        var narrow = new[]
        {
            new Bar("Bodemwarmtepomp met volledige isolatie van dak, vloer, gevel en nieuwe kozijnen met HR++ glas", 10m, "€" + S + "10"),
            new Bar("Kort", 5m, "€" + S + "5"),
        };
        var doc = Parse(Render(narrow));
        var labels = doc.QuerySelectorAll("svg text.bar-label").ToList();
        var rects = doc.QuerySelectorAll("svg rect.bar").ToList();

        Assert.NotEmpty(labels[0].QuerySelectorAll("tspan"));
        Assert.Equal(narrow[0].Label, string.Join(" ", new[] { labels[0].ChildNodes[0].TextContent }.Concat(labels[0].QuerySelectorAll("tspan").Select(t => t.TextContent))));
        for (var i = 0; i < rects.Count; i++)
        {
            var lineCount = 1 + labels[i].QuerySelectorAll("tspan").Length;
            var lastBaseline = Num(labels[i], "y") + ((lineCount - 1) * 18m);
            Assert.True(lastBaseline < Num(rects[i], "y"), "label must be above its bar");
            Assert.Equal(Num(labels[i], "x"), Num(rects[0], "x"));
        }

        Assert.True(Num(labels[1], "y") > Num(rects[0], "y") + Num(rects[0], "height"), "second row starts below the first bar");
    }

    [Fact]
    public void Highlighted_bar_has_class_and_an_outline_not_only_colour()
    {
        var doc = Parse(Render(SixBars));
        var highlighted = Assert.Single(doc.QuerySelectorAll("svg rect.bar--highlight"));
        Assert.Equal("bar bar--highlight", highlighted.GetAttribute("class"));
        Assert.Equal("2", highlighted.GetAttribute("stroke-width"));
        Assert.NotNull(highlighted.GetAttribute("stroke"));
        Assert.All(doc.QuerySelectorAll("svg rect.bar:not(.bar--highlight)"), r => Assert.Null(r.GetAttribute("stroke")));
        Assert.All(doc.QuerySelectorAll("svg rect.bar"), r => Assert.Matches("^#[0-9a-f]{6}$", r.GetAttribute("fill")));
    }

    [Fact]
    public void Summary_names_lowest_and_highest_in_dutch()
    {
        var doc = Parse(Render(SixBars));
        var summary = Assert.Single(doc.QuerySelectorAll("figure > p.chart-summary"));
        Assert.Equal(
            "Het laagst is Lucht-water warmtepomp (laagste) (€" + S + "64.980), het hoogst is Bodemwarmtepomp met isolatie van dak, vloer en gevel (€" + S + "88.460).",
            summary.TextContent);
    }

    [Fact]
    public void Summary_handles_ties_single_bars_and_overrides()
    {
        var tied = new[] { new Bar("A", 1m, "1"), new Bar("B", 1m, "1"), new Bar("C", 3m, "3") };
        Assert.Equal("Het laagst zijn A en B (1), het hoogst is C (3).", Parse(Render(tied)).QuerySelector(".chart-summary")!.TextContent);

        var single = new[] { new Bar("A", 7m, "7") };
        Assert.Equal("Er is één waarde: A (7).", Parse(Render(single)).QuerySelector(".chart-summary")!.TextContent);

        var equal = new[] { new Bar("A", 2m, "2"), new Bar("B", 2m, "2") };
        Assert.Equal("Alle waarden zijn gelijk: 2.", Parse(Render(equal)).QuerySelector(".chart-summary")!.TextContent);

        var custom = Draw("x", "T", "u", tied, summary: "Eigen <samenvatting>.");
        Assert.Equal("Eigen <samenvatting>.", Parse(custom).QuerySelector(".chart-summary")!.TextContent);
    }

    [Fact]
    public void Text_from_content_is_escaped()
    {
        var evil = new[]
        {
            new Bar("<script>alert(1)</script> & \"quote\" 'x'", 10m, "<b>€ 10</b>"),
            new Bar("B", 20m, "20"),
        };
        var html = Draw("xss", "<img src=x onerror=alert(1)>", "a&b \"c\"", evil);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quote&quot; &#x27;x&#x27;", html, StringComparison.Ordinal);

        var doc = Parse(html);
        Assert.Empty(doc.QuerySelectorAll("script, img, b"));
        Assert.Equal("<script>alert(1)</script> & \"quote\" 'x'", doc.QuerySelector("text.bar-label")!.TextContent);
        Assert.Equal("<b>€ 10</b>", doc.QuerySelector("text.bar-value")!.TextContent);
        Assert.StartsWith("<img src=x onerror=alert(1)>", doc.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>", doc.GetElementById("xss-desc")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_deterministic_small_and_culture_independent()
    {
        var first = Render(SixBars);
        var original = CultureInfo.CurrentCulture;
        try
        {
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(first, Render(SixBars));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.Equal(Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(Render(SixBars)));
        Assert.True(Encoding.UTF8.GetByteCount(first) < 4096, $"6-bar chart is {Encoding.UTF8.GetByteCount(first)} bytes");

        // Coordinates: invariant '.', at most one decimal.
        foreach (var attribute in new[] { "x", "y", "width", "height", "dy" })
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(first, $" {attribute}=\"([^\"]*)\""))
            {
                if (m.Groups[1].Value != "100%")
                {
                    Assert.Matches(@"^-?\d+(\.\d)?$", m.Groups[1].Value);
                }
            }
        }
    }

    [Fact]
    public void Negative_values_are_drawn_left_of_the_zero_axis()
    {
        var bars = new[]
        {
            new Bar("Besparing", -3170m, "\u2212" + S + "€" + S + "3.170"),
            new Bar("Meerkosten", 6340m, "€" + S + "6.340"),
            new Bar("Gelijk", 0m, "€" + S + "0"),
        };
        var doc = Parse(Render(bars));
        var rects = doc.QuerySelectorAll("svg rect.bar").ToList();
        Assert.Equal(3, rects.Count);

        var zero = Num(rects[1], "x");
        Assert.Equal(zero, Num(rects[2], "x"));
        Assert.Equal(0m, Num(rects[2], "width"));
        Assert.InRange(Num(rects[0], "x") + Num(rects[0], "width"), zero - 0.1m, zero + 0.1m);
        Assert.True(Num(rects[0], "x") > 0m, "room for the value label left of the negative bar");
        Assert.InRange(Num(rects[0], "width") * 2, Num(rects[1], "width") - 0.5m, Num(rects[1], "width") + 0.5m);

        var negativeValue = doc.QuerySelectorAll("svg text.bar-value")[0];
        Assert.Equal("end", negativeValue.GetAttribute("text-anchor"));
        Assert.True(Num(negativeValue, "x") < Num(rects[0], "x"));
        Assert.True(Num(negativeValue, "x") > 0m);

        // The axis is drawn at zero for every row.
        var axis = doc.QuerySelector("svg path.axis")!.GetAttribute("d")!;
        Assert.Equal(3, axis.Split('M', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(axis.Split('M', StringSplitOptions.RemoveEmptyEntries), part => Assert.StartsWith(zero.ToString(CultureInfo.InvariantCulture) + " ", part, StringComparison.Ordinal));
        Assert.Contains("het hoogst is Meerkosten", doc.QuerySelector(".chart-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Het laagst is Besparing", doc.QuerySelector(".chart-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void All_zero_values_render_zero_width_bars_with_labels()
    {
        var bars = new[] { new Bar("A", 0m, "€" + S + "0"), new Bar("B", 0m, "€" + S + "0") };
        var doc = Parse(Render(bars));
        Assert.All(doc.QuerySelectorAll("svg rect.bar"), r => Assert.Equal("0", r.GetAttribute("width")));
        Assert.Equal(2, doc.QuerySelectorAll("svg text.bar-value").Length);
        Assert.Equal("Alle waarden zijn gelijk: €" + S + "0.", doc.QuerySelector(".chart-summary")!.TextContent);
    }

    [Fact]
    public void Stacked_bars_use_distinct_patterns_and_a_text_legend()
    {
        var bars = new[]
        {
            new Bar("Warmtepomp (laagste)", 100m, "€" + S + "100", true, [new("Aanschaf", 40m), new("Energie", 50m), new("Onderhoud", 10m)]),
            new Bar("Warmtenet", 150m, "€" + S + "150", false, [new("Aanschaf", 30m), new("Energie", 120m)]),
        };
        var doc = Parse(Render(bars, "stapel"));

        var segs = doc.QuerySelectorAll("svg rect.bar-seg").ToList();
        Assert.Equal(5, segs.Count);
        Assert.Empty(doc.QuerySelectorAll("svg rect.bar"));

        // Every kind has its own pattern, reused for the same kind in other bars.
        var fills = segs.Select(s => s.GetAttribute("fill")).ToList();
        Assert.Equal(["url(#stapel-p1)", "url(#stapel-p2)", "url(#stapel-p3)", "url(#stapel-p1)", "url(#stapel-p2)"], fills);
        Assert.Equal(3, doc.QuerySelectorAll("svg defs pattern").Length);
        Assert.NotNull(doc.GetElementById("stapel-p2"));

        // Segments are contiguous and proportional; the longest bar spans the same scale.
        var total2 = Num(segs[3], "width") + Num(segs[4], "width");
        var total1 = Num(segs[0], "width") + Num(segs[1], "width") + Num(segs[2], "width");
        Assert.InRange(total1 * 1.5m, total2 - 0.5m, total2 + 0.5m);
        Assert.Equal(Num(segs[0], "x") + Num(segs[0], "width"), Num(segs[1], "x"));
        Assert.InRange(Num(segs[1], "width"), (Num(segs[0], "width") * 1.25m) - 0.5m, (Num(segs[0], "width") * 1.25m) + 0.5m);

        // Highlight on a stacked bar: an outline around the stack.
        Assert.Single(doc.QuerySelectorAll("svg rect.bar-outline"));

        // Legend is text, with the pattern named in words.
        var legend = doc.QuerySelectorAll("figure ul.legend > li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Aanschaf (effen)", "Energie (gearceerd)", "Onderhoud (gestippeld)"], legend);
        Assert.All(doc.QuerySelectorAll("ul.legend svg"), s => Assert.Equal("true", s.GetAttribute("aria-hidden")));
        Assert.Contains("Elke staaf is opgebouwd uit Aanschaf (effen), Energie (gearceerd) en Onderhoud (gestippeld).", doc.GetElementById("stapel-desc")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Stacked_bars_are_validated()
    {
        Assert.Throws<ArgumentException>(() => Render([new Bar("A", 10m, "10", false, [new("a", 1m), new("b", 1m), new("c", 1m), new("d", 7m)])]));
        Assert.Throws<ArgumentException>(() => Render([new Bar("A", 10m, "10", false, [new("a", 4m), new("b", 4m)])]));
        Assert.Throws<ArgumentException>(() => Render([new Bar("A", 0m, "0", false, [new("a", -4m), new("b", 4m)])]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kosten")]
    [InlineData("kosten grafiek")]
    [InlineData("1kosten")]
    [InlineData("kosten--2")]
    [InlineData("kosten-")]
    [InlineData("kosten\"><script>")]
    public void Unsafe_id_prefix_is_rejected(string id) =>
        Assert.Throws<ArgumentException>(() => BarChart.Layout(id, "T", "u", SixBars));

    [Fact]
    public void Empty_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Render([]));
        Assert.Throws<ArgumentException>(() => Render([new Bar(" ", 1m, "1")]));
        Assert.ThrowsAny<ArgumentException>(() => BarChart.Layout("x", " ", "u", SixBars));
    }
}
