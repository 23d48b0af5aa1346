using SiteGen.Content.Tests;
using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// A build that draws each neighbourhood once keeps only the last-used municipalities' own templates parsed: a theme it
/// let go of draws the same as before, from the text it read when it loaded, and its mistakes are still located in
/// the municipality's file.
/// </summary>
public sealed class ThemeLetGoTests
{
    private static readonly int Municipalities = ThemeSet.KeptParsed + 3;

    /// <summary>The default theme and municipalities gemeente-0, gemeente-1, ... each with partials of its own.</summary>
    private static string Themes()
    {
        string themes = RepoPaths.CopyToTemp(Path.Combine(RepoPaths.Root, "themes"));
        for (int i = 0; i < Municipalities; i++)
        {
            string partials = Path.Combine(themes, $"gemeente-{i}", "partials");
            Directory.CreateDirectory(partials);
            File.WriteAllText(Path.Combine(partials, "greeting.sbn"), $"<p>{{{{ name }}}} woont in gemeente {i}.</p>");
            File.WriteAllText(Path.Combine(partials, "broken.sbn"), "<p>{{ name }} {{ not_there }}</p>");
            File.WriteAllText(Path.Combine(partials, "cached.sbn"), "{{ partial_cached \"greeting\" person }}");
        }
        return themes;
    }

    [Fact]
    public void A_theme_let_go_of_draws_as_before_and_parses_its_own_templates_again()
    {
        var set = ThemeSet.Load(Themes(), letGo: true);
        var first = set.For("gemeente-0");
        string before = first.RenderPartial("greeting", new { Name = "Anna" });
        Assert.Equal("<p>Anna woont in gemeente 0.</p>", before);
        Assert.True(first.HoldsParsedTemplates);

        // Drawn last: the first is let go, the most recent ones are kept.
        for (int i = 1; i < Municipalities; i++) set.For($"gemeente-{i}").RenderPartial("greeting", new { Name = "Bo" });
        Assert.False(first.HoldsParsedTemplates);
        for (int i = Municipalities - ThemeSet.KeptParsed; i < Municipalities; i++) Assert.True(set.For($"gemeente-{i}").HoldsParsedTemplates);

        var again = set.For("gemeente-0");
        Assert.Same(first, again);
        Assert.Equal(before, again.RenderPartial("greeting", new { Name = "Anna" }));
        Assert.True(again.HoldsParsedTemplates);
    }

    /// <summary>A cached partial's texts go with the theme that drew them: drawn again, they are its own.</summary>
    [Fact]
    public void A_cached_partial_of_a_theme_let_go_of_is_drawn_again_with_that_themes_templates()
    {
        var set = ThemeSet.Load(Themes(), letGo: true);
        var person = new { Name = "Anna" };
        Assert.Equal("<p>Anna woont in gemeente 0.</p>", set.For("gemeente-0").RenderPartial("cached", new { Person = person }));
        for (int i = 1; i < Municipalities; i++)
            Assert.Equal($"<p>Anna woont in gemeente {i}.</p>", set.For($"gemeente-{i}").RenderPartial("cached", new { Person = person }));
        Assert.False(set.For("gemeente-0").HoldsParsedTemplates);
        Assert.Equal("<p>Anna woont in gemeente 0.</p>", set.For("gemeente-0").RenderPartial("cached", new { Person = person }));
    }

    [Fact]
    public void A_mistake_in_a_template_parsed_again_is_located_in_the_municipalitys_file()
    {
        var set = ThemeSet.Load(Themes(), letGo: true);
        string Located(Theme theme) =>
            Assert.Single(Assert.Throws<ThemeException>(() => theme.RenderPartial("broken", new { Name = "Anna" })).Findings).Path;

        Assert.Equal("themes/gemeente-0/partials/broken.sbn", Located(set.For("gemeente-0")));
        for (int i = 1; i < Municipalities; i++) set.For($"gemeente-{i}");
        Assert.False(set.For("gemeente-1").HoldsParsedTemplates);
        Assert.Equal("themes/gemeente-1/partials/broken.sbn", Located(set.For("gemeente-1")));
    }

    [Fact]
    public void A_session_keeps_every_theme_parsed()
    {
        var set = ThemeSet.Load(Themes());
        for (int i = 0; i < Municipalities; i++) set.For($"gemeente-{i}");
        for (int i = 0; i < Municipalities; i++) Assert.True(set.For($"gemeente-{i}").HoldsParsedTemplates);
    }
}
