using SiteGen.Rendering.Themes;

namespace SiteGen.Rendering.Tests.Site;

/// <summary>
/// A theme renders every page and partial of a thread in one template context, reset between renders: nothing of one
/// render may reach the next, also after a render that failed half-way.
/// </summary>
public sealed class ThemeContextTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-context-" + Guid.NewGuid().ToString("N"));
    private readonly Theme _theme;

    public ThemeContextTests()
    {
        void Write(string folder, string name, string text)
        {
            Directory.CreateDirectory(Path.Combine(_dir, folder));
            File.WriteAllText(Path.Combine(_dir, folder, name + Theme.Extension), text);
        }
        void Partial(string name, string text) => Write("partials", name, text);
        Partial("page", "<h1>{{ title }}</h1>{{ for i in items }}{{ partial \"item\" i }}{{ end }}");
        Partial("item", "<li>{{ name }}</li>");
        // Sets a variable of its own, then names one it does not have.
        Partial("sets", "{{ leftover = \"oud\" }}<p>{{ title }}</p>");
        Partial("uses", "<p>{{ leftover }}</p>");
        Partial("breaks", "<ul>{{ for i in items }}<li>{{ i }}{{ missing }}</li>{{ end }}</ul>");
        // A partial as a statement writes where it stands; assigned, it is a value written where that is used.
        Partial("mixed", "<div>{{ saved = partial \"item\" items[0] }}[{{ partial \"item\" items[1] }}]"
                         + "({{ saved }}){{ if true }}{{ partial \"item\" items[0] }}{{ end }}{{ for x in [1] }}{{ partial \"nested\" items }}{{ end }}</div>");
        Partial("nested", "<i>{{ for i in items }}{{ partial \"item\" i }}{{ end }}</i>");
        // partial_cached: the same text as partial; the caller's variables and loop variables out of its sight.
        Partial("cached", "<ul>{{ for i in items }}{{ partial_cached \"item\" i }}{{ end }}</ul>");
        Partial("uncached", "<ul>{{ for i in items }}{{ partial \"item\" i }}{{ end }}</ul>");
        Partial("cached-twice", "{{ saved = partial_cached \"counted\" items[0] }}{{ partial_cached \"counted\" items[0] }}{{ saved }}{{ partial_cached \"counted\" items[1] }}");
        Partial("counted", "<b>{{ name }}/{{ draws }}</b>{{ partial \"item\" plain }}");
        Partial("cached-peeks", "{{ for i in items }}{{ partial_cached \"peek\" i }}{{ end }}");
        Partial("peek", "{{ name }}{{ title }}");
        Partial("cached-loop", "{{ for i in items }}{{ partial_cached \"loop-variable\" i }}{{ end }}");
        Partial("loop-variable", "{{ name }}{{ i }}");
        Partial("cached-missing", "{{ partial_cached \"nope\" items }}");
        // A page's layout drawn inside the base layout (Theme.Body), as a statement and as a value.
        void Layout(string name, string text) => Write("layouts", name, text);
        Layout("frame", "<title>{{ heading }}</title><main>{{ body | raw }}</main>");
        Layout("frame-twice", "{{ kept = body | raw }}<main>{{ kept }}</main><p>{{ heading }}</p>");
        Layout("page", "<h1>{{ title }}</h1>{{ for i in items }}{{ partial \"item\" i }}{{ end }}");
        Layout("peeks", "<h1>{{ heading }}</h1>");
        Layout("frame-escaped", "<main>{{ body }}</main>");
        _theme = Theme.Load("context", [_dir]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Item(string Name);

    private sealed record Page(string Title, IReadOnlyList<Item> Items)
    {
        public Page(string title, params string[] items) : this(title, items.Select(i => new Item(i)).ToList()) { }
    }

    [Fact]
    public void A_render_after_a_failed_one_is_the_same_as_the_first()
    {
        var page = new Page("Wijk", "a", "b");
        string first = _theme.RenderPartial("page", page);
        Assert.Equal("<h1>Wijk</h1><li>a</li><li>b</li>", first);

        // Fails inside a loop, inside an output pushed for the loop body.
        var e = Assert.Throws<ThemeException>(() => _theme.RenderPartial("breaks", new Page("x", "1", "2")));
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);

        Assert.Equal(first, _theme.RenderPartial("page", page));
    }

    [Theory]
    [InlineData("Wijk", "Wijk")]
    [InlineData("", "")]
    [InlineData("=", "&#x3D;")]
    [InlineData("a&<>\"'`=z", "a&amp;&lt;&gt;&quot;&#x27;&#x60;&#x3D;z")]
    [InlineData("<b>Noord</b> & \"Zuid\"", "&lt;b&gt;Noord&lt;/b&gt; &amp; &quot;Zuid&quot;")]
    public void A_value_is_written_encoded_as_Handlebars_did_it_escaped_characters_at_either_end_and_side_by_side(string title, string written)
    {
        // Written into the output piece by piece (the runs between escaped characters, then each entity).
        Assert.Equal($"<h1>{written}</h1><li>{written}</li>", _theme.RenderPartial("page", new Page(title, title)));
    }

    [Fact]
    public void A_partial_writes_where_it_is_called_also_when_assigned_or_nested()
    {
        for (int i = 0; i < 2; i++) // the second time in the reused context
            Assert.Equal("<div>[<li>b</li>](<li>a</li>)<li>a</li><i><li>a</li><li>b</li></i></div>",
                _theme.RenderPartial("mixed", new Page("Wijk", "a", "b")));
    }

    private sealed record Frame(string Heading, object Body);

    [Fact]
    public void A_pages_layout_drawn_inside_the_base_layout_is_what_it_is_drawn_on_its_own_and_sees_only_its_model()
    {
        var page = new Page("Wijk", "a", "b");
        string alone = _theme.Render("page", page);
        Assert.Equal("<h1>Wijk</h1><li>a</li><li>b</li>", alone);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal($"<title>Kop</title><main>{alone}</main>", _theme.Render("frame", new Frame("Kop", _theme.Body("page", page))));
            Assert.Equal($"<main>{alone}</main><p>Kop</p>", _theme.Render("frame-twice", new Frame("Kop", _theme.Body("page", page))));
        }
        // The base layout's variables are not the page layout's: a name only the base layout has fails, as on its own.
        var e = Assert.Throws<ThemeException>(() => _theme.Render("frame", new Frame("Kop", _theme.Body("peeks", page))));
        Assert.Contains("heading", e.Message, StringComparison.Ordinal);
        Assert.Throws<ThemeException>(() => _theme.Render("peeks", page));
        // Written without raw it has no text to show escaped: the theme author is told what to write.
        e = Assert.Throws<ThemeException>(() => _theme.Render("frame-escaped", new Frame("Kop", _theme.Body("page", page))));
        Assert.Contains("{{ body | raw }}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_partial_writes_what_partial_writes()
    {
        var page = new Page("Wijk", "a", "<b>", "a");
        string expected = _theme.RenderPartial("uncached", page);
        Assert.Equal("<ul><li>a</li><li>&lt;b&gt;</li><li>a</li></ul>", expected);
        for (int i = 0; i < 2; i++) Assert.Equal(expected, _theme.RenderPartial("cached", page));
    }

    /// <summary>Counts the draws of every model sharing <paramref name="draws"/>: a partial drawn again reads every property of its model.</summary>
    private sealed class Counted(string name, int[] draws)
    {
        public string Name => name;
        public int Draws => ++draws[0];
        public Item Plain => new(name);
    }

    private sealed record Models(IReadOnlyList<Counted> Items);

    [Fact]
    public void A_cached_partial_is_drawn_once_per_model_and_its_text_reused_in_later_pages()
    {
        int[] draws = [0];
        var a = new Counted("a", draws);
        var b = new Counted("b", draws);
        // Drawn once for a (assigned and as a statement alike), once for b; the nested plain partial comes with it.
        Assert.Equal("<b>a/1</b><li>a</li><b>a/1</b><li>a</li><b>b/2</b><li>b</li>",
            _theme.RenderPartial("cached-twice", new Models([a, b])));
        // A later page passing the same object gets the same text without drawing it again.
        Assert.Equal("<b>a/1</b><li>a</li><b>a/1</b><li>a</li><b>a/1</b><li>a</li>", _theme.RenderPartial("cached-twice", new Models([a, a])));
        // An equal but other object is drawn: the text is kept per object, not per value.
        Assert.Equal("<b>a/3</b><li>a</li><b>a/3</b><li>a</li><b>b/2</b><li>b</li>",
            _theme.RenderPartial("cached-twice", new Models([new Counted("a", draws), b])));
        Assert.Equal(3, draws[0]);
    }

    [Fact]
    public void A_cached_partial_sees_its_model_only_so_its_text_cannot_depend_on_the_page_that_calls_it()
    {
        // The caller's variable (title) and its loop variable (i) are not there: the mistake is named with its caller.
        var e = Assert.Throws<ThemeException>(() => _theme.RenderPartial("cached-peeks", new Page("Wijk", "a")));
        Assert.Contains("title", e.Message, StringComparison.Ordinal);
        Assert.Contains("aangeroepen vanuit", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ThemeException>(() => _theme.RenderPartial("cached-loop", new Page("Wijk", "a")));
        Assert.Contains("`i`", e.Message, StringComparison.Ordinal);
        // A render after the failed ones is whole.
        Assert.Equal("<ul><li>a</li></ul>", _theme.RenderPartial("cached", new Page("Wijk", "a")));
        // A missing partial is named as for partial.
        e = Assert.Throws<ThemeException>(() => _theme.RenderPartial("cached-missing", new Page("Wijk", "a")));
        Assert.Contains("partial 'nope' bestaat niet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_drawn_into_a_pooled_buffer_is_the_text_drawn_as_a_string()
    {
        // A page is drawn into a pooled buffer that goes back when the page is staged: the same text, a render after a
        // failed one included, and no text of one page left in the next.
        var big = new Page("Wijk", Enumerable.Range(0, 3000).Select(i => $"woning {i}").ToArray());
        var small = new Page("Buurt", "a");
        for (int round = 0; round < 2; round++)
        {
            foreach (var page in new[] { big, small, big })
            {
                string expected = _theme.Render("frame", new Frame("Kop", _theme.Body("page", page)));
                using var text = _theme.RenderPage("frame", new Frame("Kop", _theme.Body("page", page)));
                Assert.Equal(expected, text.ToString());
            }
            Assert.Throws<ThemeException>(() => _theme.RenderPage("frame", new Frame("Kop", _theme.Body("peeks", small))).Dispose());
        }
        var disposed = _theme.RenderPage("page", small);
        disposed.Dispose();
        disposed.Dispose(); // once back in the pool, never twice
        Assert.Throws<ObjectDisposedException>(() => disposed.Memory);
    }

    [Fact]
    public void A_variable_set_by_one_render_is_not_there_in_the_next()
    {
        Assert.Equal("<p>Wijk</p>", _theme.RenderPartial("sets", new Page("Wijk")));
        var e = Assert.Throws<ThemeException>(() => _theme.RenderPartial("uses", new Page("Wijk")));
        Assert.Contains("leftover", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_themes_rendering_in_turn_on_one_thread_each_call_their_own_partials()
    {
        // A second theme whose "item" partial is its own; "page" comes from the first theme's folder.
        string other = Path.Combine(_dir, "other");
        Directory.CreateDirectory(Path.Combine(other, "partials"));
        File.WriteAllText(Path.Combine(other, "partials", "item" + Theme.Extension), "<b>{{ name }}</b>");
        var second = Theme.Load("other", [other, _dir]);
        var page = new Page("Wijk", "a");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal("<h1>Wijk</h1><li>a</li>", _theme.RenderPartial("page", page));
            Assert.Equal("<h1>Wijk</h1><b>a</b>", second.RenderPartial("page", page));
        }
    }

    [Fact]
    public void A_cached_partial_drawn_for_one_theme_is_not_reused_by_a_theme_with_its_own_partials()
    {
        // "cached" is the default theme's, parsed once for both; the "item" it calls is the second theme's own.
        string other = Path.Combine(_dir, "other");
        Directory.CreateDirectory(Path.Combine(other, "partials"));
        File.WriteAllText(Path.Combine(other, "partials", "item" + Theme.Extension), "<b>{{ name }}</b>");
        var files = new Dictionary<string, object>(StringComparer.Ordinal);
        var first = Theme.Load("context", [_dir], files);
        var second = Theme.Load("other", [other, _dir], files);
        var third = Theme.Load("third", [_dir], files);
        var page = new Page("Wijk", "a");
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal("<ul><li>a</li></ul>", first.RenderPartial("cached", page));
            Assert.Equal("<ul><b>a</b></ul>", second.RenderPartial("cached", page));
            Assert.Equal("<ul><li>a</li></ul>", third.RenderPartial("cached", page));
        }
    }

    [Fact]
    public void Themes_sharing_the_default_themes_parsed_templates_still_call_their_own_partials()
    {
        // As a ThemeSet loads them: "page" is parsed once and held by both themes; the partial it calls is the rendering theme's.
        string other = Path.Combine(_dir, "other");
        Directory.CreateDirectory(Path.Combine(other, "partials"));
        File.WriteAllText(Path.Combine(other, "partials", "item" + Theme.Extension), "<b>{{ name }}</b>");
        var files = new Dictionary<string, object>(StringComparer.Ordinal);
        var first = Theme.Load("context", [_dir], files);
        int parsed = files.Count;
        var second = Theme.Load("other", [other, _dir], files);
        // Nothing of the default folder is parsed again; the second theme's own partial is held by that theme alone.
        Assert.Equal(parsed, files.Count);
        var page = new Page("Wijk", "a");
        Parallel.For(0, 50, i =>
        {
            Assert.Equal("<h1>Wijk</h1><li>a</li>", first.RenderPartial("page", page));
            Assert.Equal("<h1>Wijk</h1><b>a</b>", second.RenderPartial("page", page));
        });
    }

    [Fact]
    public void Renders_on_many_threads_at_once_each_get_their_own_page()
    {
        var pages = Enumerable.Range(0, 400).Select(i => new Page($"Wijk {i}", Enumerable.Range(0, i % 7).Select(j => $"{i}.{j}").ToArray())).ToArray();
        var expected = pages.Select(p => $"<h1>{p.Title}</h1>" + string.Concat(p.Items.Select(x => $"<li>{x.Name}</li>"))).ToArray();
        var actual = new string[pages.Length];
        Parallel.For(0, pages.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = _theme.RenderPartial("page", pages[i]));
        Assert.Equal(expected, actual);
    }
}
