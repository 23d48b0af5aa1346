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
    [InlineData("<dl>\n{{ for fact in items }}<dt>{{ fact.term }}</dt>\n</dl>\n", 2, 43, "end", "hier mist een {{ end }}")]
    // A plausible name the page does not have: a located error, not a stack trace.
    [InlineData("<dl>{{ for fact in items }}<dt>{{ fact.term }}</dt>{{ end }}</dl>\n<p>{{ assets_href }}</p>\n", 2, 7, "assets_href", "het sjabloon noemt hier iets dat deze pagina niet heeft")]
    // A member of the .NET string behind a value is not part of the view model.
    [InlineData("<dl>{{ for fact in items }}<dt>{{ fact.term.Length }}</dt>{{ end }}</dl>\n", 1, 45, "Length", "het sjabloon noemt hier iets dat deze pagina niet heeft")]
    // Content text can never be written unescaped.
    [InlineData("<dl>{{ for fact in items }}<dt>{{ fact.term | raw }}</dt>{{ end }}</dl>\n", 1, 47, "raw", "raw schrijft alleen HTML die SiteGen al veilig heeft gemaakt")]
    // A runaway loop stops at the loop limit.
    [InlineData("{{ for i in 1..100000000 }}{{ end }}\n", 1, 14, "loop", "deze lus houdt niet op")]
    // SiteGen's own functions (called straight, not by reflection): Scriban still checks their arguments, and what
    // they refuse is located at the call.
    [InlineData("<dl>\n{{ partial \"term\" }}</dl>\n", 2, 18, "partial", "het sjabloon kan hier niet worden getekend")]
    [InlineData("<dl>\n{{ partial_cached \"nope\" items }}</dl>\n", 2, 4, "nope", "partial 'nope' bestaat niet")]
    [InlineData("<dl>{{ raw }}</dl>\n", 1, 11, "raw", "het sjabloon kan hier niet worden getekend")]
    public void A_template_mistake_in_a_municipality_override_is_reported_at_its_file_line_and_column(string template, int line, int column, string mentions, string dutch)
    {
        string themes = ThemesWithZonnedal();
        File.WriteAllText(Path.Combine(themes, "zonnedal", "partials", "facts.sbn"), template);
        var result = Build(Path.Combine(Fictional, "content"), themes);
        Assert.False(result.Succeeded);
        var finding = Assert.Single(result.Diagnostics.Items, d => d.Code == Codes.Template);
        Assert.Equal("themes/zonnedal/partials/facts.sbn", finding.Path);
        Assert.Equal((line, column), (finding.Line, finding.Column));
        Assert.Contains(mentions, finding.Message, StringComparison.OrdinalIgnoreCase);
        // A Dutch sentence first (Scriban's own message follows it, quoted).
        Assert.StartsWith(dutch, finding.Message, StringComparison.Ordinal);
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

    [Fact]
    public void Theme_files_no_page_uses_are_warned_about_and_the_site_builds_as_before()
    {
        // Each was ignored without a word: the designer saw the default footer and could not tell why.
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        void Write(string relative, string text)
        {
            string path = Path.Combine(themes, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Write("putten/partials/footer.html", "<p>eigen</p>");
        Write("putten/partials/Footer.sbn", "<p>eigen</p>");
        Write("putten/footer.sbn", "<p>eigen</p>");
        Write("putten/partial/footer.sbn", "<p>eigen</p>");
        Write("putten/layouts/footer.sbn", "<p>eigen</p>");
        Write("Putten/assets/css/tokens.css", ":root{}");
        // A partial of the theme's own, called by its own template, is used: no warning.
        Write("putten/partials/header.sbn", "{{ partial \"banner\" \"\" }}");
        Write("putten/partials/banner.sbn", "<p>Gemeente Putten</p>");
        var result = SiteBuilder.Build(new BuildOptions(RepoPaths.Content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: themes));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        var warnings = result.Diagnostics.Items.Where(d => d.Path.StartsWith("themes/", StringComparison.Ordinal))
            .Select(d => (d.Path, d.Severity, d.Code, d.Message)).ToList();
        Assert.All(warnings, w => Assert.Equal((Severity.Warning, Codes.FileSystem), (w.Severity, w.Code)));
        Assert.Equal(["themes/Putten", "themes/putten/footer.sbn", "themes/putten/partial", "themes/putten/layouts/footer.sbn",
            "themes/putten/partials/Footer.sbn", "themes/putten/partials/footer.html"], warnings.Select(w => w.Path).ToList());
        Assert.EndsWith("de map van de gemeente heet 'putten'", warnings[0].Message);
        Assert.EndsWith("bedoelt u partials/footer.sbn (hoofdletters tellen)?", warnings[4].Message);
        Assert.EndsWith("sjablonen eindigen op .sbn; bedoelt u partials/footer.sbn?", warnings[5].Message);
        Assert.Contains("<p>Gemeente Putten</p>", Encoding.UTF8.GetString(result.Files!.All["putten/bijsteren-husselerveld/index.html"]));

        // The shipped themes and the fictional municipality's theme use every file they have.
        foreach (var (content, own) in new[] { (RepoPaths.Content, Path.Combine(RepoPaths.Root, "themes")),
                     (Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "content"), Path.Combine(RepoPaths.Root, "tests", "fixtures", "fictional", "themes")) })
        {
            var diag = new DiagnosticBag();
            SiteGen.Rendering.Themes.ThemeFolderCheck.Check(own, [.. Directory.GetDirectories(content).Select(Path.GetFileName).Where(n => File.Exists(Path.Combine(content, n!, "municipality.yaml")))!], diag);
            Assert.Empty(diag.Items);
        }
    }

    [Fact]
    public void What_a_themes_stylesheet_loads_must_be_in_its_assets_and_on_this_site()
    {
        // A missing font was a silent 404; a font from another site broke the footer's promise not to follow readers.
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        Directory.CreateDirectory(Path.Combine(themes, "putten", "assets", "fonts"));
        File.WriteAllText(Path.Combine(themes, "putten", "assets", "fonts", "eigen.woff2"), "x");
        Directory.CreateDirectory(Path.Combine(themes, "putten", "assets", "css"));
        File.WriteAllText(Path.Combine(themes, "putten", "assets", "css", "tokens.css"), string.Join("\n",
            "@import url(\"https://fonts.googleapis.com/css2?family=Open+Sans\");",
            "@font-face { font-family: X; src: url(\"../fonts/OpenSans.woff2\") format(\"woff2\"), url(../fonts/eigen.woff2); }",
            "body { background: url('/img/bg.png'); }",
            ".x { background: url(data:image/png;base64,AAAA); }",
            ".y { background-image: url(\"../favicon.svg\"); }",
            "/* oud: url(\"../fonts/weg.woff2\") */"));
        var result = SiteBuilder.Build(new BuildOptions(RepoPaths.Content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: themes));
        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Items.Where(d => d.Severity == Severity.Error).ToList();
        Assert.All(errors, e => Assert.Equal(("themes/putten/assets/css/tokens.css", Codes.BrokenLink), (e.Path, e.Code)));
        Assert.Equal([(1, 14), (2, 40), (3, 25)], errors.Select(e => (e.Line, e.Column)).ToList());
        Assert.StartsWith("'https://fonts.googleapis.com/css2?family=Open+Sans' komt van een andere site", errors[0].Message);
        Assert.StartsWith("'../fonts/OpenSans.woff2' staat niet in de assets/ van het thema", errors[1].Message);
        Assert.StartsWith("'/img/bg.png' begint met '/'", errors[2].Message);
    }

    [Fact]
    public void A_mistake_in_what_an_override_passes_to_a_default_partial_names_the_override_too()
    {
        // The finding named only themes/default/partials/facts.sbn, a file the designer never edited.
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        string layout = File.ReadAllText(Path.Combine(themes, "default", "layouts", "dwelling.sbn"));
        const string call = "{{ partial \"facts\" facts ~}}";
        Assert.Contains(call, layout);
        Directory.CreateDirectory(Path.Combine(themes, "putten", "layouts"));
        File.WriteAllText(Path.Combine(themes, "putten", "layouts", "dwelling.sbn"), layout.Replace(call, "{{ partial \"facts\" lead ~}}"));
        int line = layout[..layout.IndexOf(call, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var result = SiteBuilder.Build(new BuildOptions(RepoPaths.Content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: themes));
        var finding = Assert.Single(result.Diagnostics.Items, d => d.Code == Codes.Template);
        Assert.Equal("themes/default/partials/facts.sbn", finding.Path);
        Assert.EndsWith($"; aangeroepen vanuit themes/putten/layouts/dwelling.sbn:{line}:4", finding.Message);
    }

    [Fact]
    public void A_broken_link_in_a_template_is_one_finding_naming_the_other_pages()
    {
        // An image in the header that is not there: 16 findings, one per page, none hinting at the template.
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        Directory.CreateDirectory(Path.Combine(themes, "putten", "partials"));
        File.WriteAllText(Path.Combine(themes, "putten", "partials", "header.sbn"),
            "<a class=\"site-header__name\" href=\"{{ home_href }}\">{{ site_name }}</a><img src=\"wapen.png\" alt=\"\">\n");
        var result = SiteBuilder.Build(new BuildOptions(RepoPaths.Content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: themes));
        var finding = Assert.Single(result.Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal(("index.html", Codes.BrokenLink), (finding.Path, finding.Code));
        Assert.EndsWith("(dezelfde link staat ook op open-data/index.html, putten/bijsteren-husselerveld/begrippen/index.html en 13 andere pagina's: staat hij in een sjabloon van het thema?)", finding.Message);
    }

    [Fact]
    public void A_themes_own_image_is_written_with_assets_href_and_resolves_from_every_page()
    {
        // A municipality's header could show its logo (logo_href) but no other image of its own: no path to its assets.
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        Directory.CreateDirectory(Path.Combine(themes, "putten", "partials"));
        Directory.CreateDirectory(Path.Combine(themes, "putten", "assets"));
        File.WriteAllText(Path.Combine(themes, "putten", "assets", "wapen.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        File.WriteAllText(Path.Combine(themes, "putten", "partials", "header.sbn"),
            "<a class=\"site-header__name\" href=\"{{ home_href }}\">{{ site_name }}</a><img src=\"{{ assets_href }}wapen.svg\" alt=\"\">\n");
        File.WriteAllText(Path.Combine(themes, "putten", "partials", "footer.sbn"), "<p><img src=\"{{ assets_href }}wapen.svg\" alt=\"\"></p>\n");
        var result = SiteBuilder.Build(new BuildOptions(RepoPaths.Content, "", BuiltSite.BuildDate, WriteOutput: false, ThemesDir: themes));
        // The link check resolves each image from its page.
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Items));
        Assert.Contains("<img src=\"../../../../assets/putten/wapen.svg\"", Text(result.Files!, "putten/bijsteren-husselerveld/woningen/vrijstaand-voor-1980/index.html"));
        Assert.Contains("<img src=\"assets/putten/wapen.svg\"", Text(result.Files!, "index.html"));
    }
}
