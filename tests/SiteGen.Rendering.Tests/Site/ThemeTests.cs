using System.Text;
using AngleSharp.Html.Parser;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Tests;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// Themes a municipality owns: its partials replace the default ones on its pages only, template mistakes are located
/// in the theme file, output is escaped unless a template asks for sanitised HTML, and the house style in
/// municipality.yaml (logo, colours, contact, footer links) reaches every page of that municipality.
/// </summary>
public class ThemeTests
{
    private static string Fictional => Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional");

    /// <summary>A themes folder with the default theme and the fictional municipality's overrides, as a communicator would have it.</summary>
    private static string ThemesWithZonnedal()
    {
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        CopyInto(Path.Combine(Fictional, "themes", "zonnedal"), Path.Combine(themes, "zonnedal"));
        return themes;
    }

    private static void CopyInto(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
    }

    private static BuildResult Build(string content, string themes) =>
        SiteBuilder.Build(new BuildOptions(content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: themes));

    private static string Text(SiteFiles files, string path) => Encoding.UTF8.GetString(files.All[path]);

    private static IEnumerable<string> Pages(SiteFiles files) => files.All.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal));

    [Fact]
    public void A_municipality_overriding_the_table_and_chart_partials_sees_its_markup_on_its_pages_and_not_on_Puttens()
    {
        string themes = ThemesWithZonnedal();
        var zonnedal = Build(Path.Combine(Fictional, "content"), themes);
        var putten = Build(RepoPaths.Content, themes);
        Assert.True(zonnedal.Succeeded, string.Join("\n", zonnedal.Diagnostics.Items));
        Assert.True(putten.Succeeded, string.Join("\n", putten.Diagnostics.Items));

        string dwelling = Text(zonnedal.Files!, Pages(zonnedal.Files!).First(p => p.StartsWith("zonnedal/", StringComparison.Ordinal) && p.Contains("/woningen/")));
        Assert.Contains("class=\"data zonnedal-table\"", dwelling);
        Assert.Contains("class=\"chart zonnedal-chart\"", dwelling);
        Assert.DoesNotContain("<table class=\"data\" ", dwelling);
        Assert.DoesNotContain("<table class=\"data data--stack", dwelling);

        foreach (var page in Pages(putten.Files!))
        {
            string html = Text(putten.Files!, page);
            Assert.DoesNotContain("zonnedal-table", html);
            Assert.DoesNotContain("zonnedal-chart", html);
        }
        // The default partial: a cost table whose rows start with a row header can be stacked on a phone.
        Assert.Contains("<table class=\"data data--stack data--cols-3\" ", Text(putten.Files!, "putten/bijsteren-husselerveld/woningen/vrijstaand-voor-1980/index.html"));
    }

    [Theory]
    // An unbalanced block: a parse error at the line and column of the unclosed 'for'.
    [InlineData("<dl>\n{{ for fact in items }}<dt>{{ fact.term }}</dt>\n</dl>\n", 2, 43, "end")]
    // A plausible name the page does not have: a located error, not a stack trace.
    [InlineData("<dl>{{ for fact in items }}<dt>{{ fact.term }}</dt>{{ end }}</dl>\n<p>{{ assets_href }}</p>\n", 2, 7, "assets_href")]
    // A member of the .NET string behind a value is not part of the view model.
    [InlineData("<dl>{{ for fact in items }}<dt>{{ fact.term.Length }}</dt>{{ end }}</dl>\n", 1, 45, "Length")]
    // Content text can never be written unescaped.
    [InlineData("<dl>{{ for fact in items }}<dt>{{ fact.term | raw }}</dt>{{ end }}</dl>\n", 1, 47, "raw")]
    // A runaway loop stops at the loop limit.
    [InlineData("{{ for i in 1..100000000 }}{{ end }}\n", 1, 14, "loop")]
    public void A_template_mistake_in_a_municipality_override_is_reported_at_its_file_line_and_column(string template, int line, int column, string mentions)
    {
        string themes = ThemesWithZonnedal();
        File.WriteAllText(Path.Combine(themes, "zonnedal", "partials", "facts.sbn"), template);
        var result = Build(Path.Combine(Fictional, "content"), themes);
        Assert.False(result.Succeeded);
        var finding = Assert.Single(result.Diagnostics.Items, d => d.Code == Codes.Template);
        Assert.Equal("themes/zonnedal/partials/facts.sbn", finding.Path);
        Assert.Equal((line, column), (finding.Line, finding.Column));
        Assert.Contains(mentions, finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"^themes/zonnedal/partials/facts\.sbn:\d+:\d+: error SG040: ", finding.ToString());
    }

    [Fact]
    public void Values_are_html_encoded_unless_the_template_asks_for_sanitised_html()
    {
        string themes = ThemesWithZonnedal();
        string content = RepoPaths.CopyToTemp(Path.Combine(Fictional, "content"));
        string yaml = Path.Combine(content, "zonnedal", "municipality.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("name: \"Gemeente Zonnedal (fictief voorbeeld)\"", "name: \"Zonnedal <script>alert(1)</script> & 'co'\""));
        var result = Build(content, themes);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        foreach (var page in Pages(result.Files!).Where(p => p.StartsWith("zonnedal/", StringComparison.Ordinal)))
        {
            string html = Text(result.Files!, page);
            Assert.DoesNotContain("<script>", html);
            Assert.Contains("Zonnedal &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x27;co&#x27;", html);
        }
    }

    [Fact]
    public void The_house_style_reaches_every_page_of_the_municipality()
    {
        var result = Build(Path.Combine(Fictional, "content"), ThemesWithZonnedal());
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        var files = result.Files!;
        Assert.Equal("/* Made by SiteGen from the colours in municipality.yaml. */\n:root {\n  --sg-color-link: #00594f;\n  --sg-color-primary: #00594f;\n  --sg-color-primary-contrast: #ffffff;\n}\n",
            Text(files, "assets/zonnedal/css/house-style.css"));
        var parser = new HtmlParser();
        foreach (var page in Pages(files).Where(p => p.StartsWith("zonnedal/", StringComparison.Ordinal)))
        {
            var doc = parser.ParseDocument(Text(files, page));
            var logo = doc.QuerySelector("header.site-header a.site-header__name img")!;
            Assert.Equal("Gemeente Zonnedal (fictief)", logo.GetAttribute("alt"));
            Assert.True(files.All.ContainsKey(Resolve(page, logo.GetAttribute("src")!)), $"{page}: logo");
            // The house style is loaded after the theme's tokens, so its colours win.
            var sheets = doc.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
            Assert.True(sheets.FindIndex(h => h.EndsWith("house-style.css", StringComparison.Ordinal)) > sheets.FindIndex(h => h.EndsWith("tokens.css", StringComparison.Ordinal)), page);
            var footer = doc.QuerySelector("footer.site-footer")!;
            Assert.Equal(["Privacyverklaring", "Toegankelijkheidsverklaring", "Colofon"], footer.QuerySelectorAll("ul a").Select(a => a.TextContent));
            Assert.Contains("Energieloket Zonnedal (fictief)", footer.TextContent);
            Assert.Equal("tel:140123", footer.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void Every_page_names_a_favicon_that_exists_so_browsers_do_not_ask_for_favicon_ico()
    {
        var zonnedal = Build(Path.Combine(Fictional, "content"), ThemesWithZonnedal());
        foreach (var files in new[] { BuiltSite.Files, zonnedal.Files! })
        {
            var parser = new HtmlParser();
            foreach (var page in Pages(files))
            {
                var icon = parser.ParseDocument(Text(files, page)).QuerySelector("head link[rel=icon]");
                Assert.NotNull(icon);
                Assert.True(files.All.ContainsKey(Resolve(page, icon.GetAttribute("href")!)), $"{page}: {icon.GetAttribute("href")}");
            }
        }
        // Putten has no logo: the default theme's icon. Zonnedal's logo doubles as its icon.
        Assert.Contains("<link rel=\"icon\" href=\"../../../../assets/default/favicon.svg\">", BuiltSite.Text("putten/bijsteren-husselerveld/woningen/vrijstaand-voor-1980/index.html"));
        Assert.Contains("<link rel=\"icon\" href=\"../../assets/zonnedal/logo.svg\">", Text(zonnedal.Files!, "zonnedal/de-akkers/index.html"));
    }

    [Theory]
    [InlineData("colours: {primary: \"#00594f\", primary_text: \"#ffffff\", link: \"#00594f\"}", "colours: {primary: \"#eeeeee\", primary_text: \"#ffffff\", link: \"#00594f\"}", 6, 20, "#eeeeee op #ffffff")]
    [InlineData("colours: {primary: \"#00594f\", primary_text: \"#ffffff\", link: \"#00594f\"}", "colours: {primary: \"#00594f\", primary_text: \"#ffffff\", link: \"#9fc5e8\"}", 6, 62, "#9fc5e8 op #ffffff")]
    [InlineData("colours: {primary: \"#00594f\", primary_text: \"#ffffff\", link: \"#00594f\"}", "colours: {primary: \"#00594f\", primary_text: \"#2b2b2b\", link: \"#00594f\"}", 6, 45, "#2b2b2b op #00594f")]
    public void A_colour_pair_below_the_WCAG_contrast_is_an_error_at_its_line_in_municipality_yaml(string from, string to, int line, int column, string pair)
    {
        string content = RepoPaths.CopyToTemp(Path.Combine(Fictional, "content"));
        string yaml = Path.Combine(content, "zonnedal", "municipality.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace(from, to));
        var result = Build(content, ThemesWithZonnedal());
        Assert.False(result.Succeeded);
        var finding = result.Diagnostics.Items.First(d => d.Code == Codes.Contrast && d.Message.Contains(pair, StringComparison.Ordinal));
        Assert.EndsWith("zonnedal/municipality.yaml", finding.Path);
        Assert.Equal((line, column), (finding.Line, finding.Column));
        Assert.Contains("4,5:1", finding.Message);
    }

    [Fact]
    public void A_logo_that_is_not_in_the_municipality_theme_is_an_error_at_its_line()
    {
        string content = RepoPaths.CopyToTemp(Path.Combine(Fictional, "content"));
        string yaml = Path.Combine(content, "zonnedal", "municipality.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("logo: {file: logo.svg", "logo: {file: wapen.svg"));
        var result = Build(content, ThemesWithZonnedal());
        Assert.False(result.Succeeded);
        var finding = Assert.Single(result.Diagnostics.Items, d => d.Code == Codes.MissingFile);
        Assert.EndsWith("zonnedal/municipality.yaml", finding.Path);
        Assert.Equal((5, 14), (finding.Line, finding.Column));
        Assert.Contains("themes/zonnedal/assets/", finding.Message);
    }

    private static string Resolve(string page, string href)
    {
        var parts = page.Split('/').SkipLast(1).ToList();
        foreach (var segment in href.Split('/'))
        {
            if (segment == "..") parts.RemoveAt(parts.Count - 1);
            else if (segment is not ("." or "")) parts.Add(segment);
        }
        return string.Join('/', parts);
    }
}
