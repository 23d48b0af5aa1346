using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using SiteGen.Cli;

namespace SiteGen.EndToEnd.Tests;

/// <summary>
/// Content is untrusted: script-injection payloads in Markdown narrative and in YAML strings (names, descriptions,
/// sources, labels) must come out as harmless text: no script runs in Chromium, no element is injected, and the
/// HTML holds no event attributes or javascript: addresses. Unsafe link addresses are refused by the build.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class InjectionTests(SiteFixture fixture)
{
    /// <summary>Each payload tries to run alert() or to add an element with id "pwned".</summary>
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1) id=pwned>",
        "\"><svg onload=alert(1) id=pwned>",
        "'><iframe src=javascript:alert(1) id=pwned></iframe>",
        "<a href=\"javascript:alert(1)\" id=pwned>klik</a>",
        "{{constructor.constructor('alert(1)')()}}",
        "{{{Body}}}{{> table}}",
        "<style>body{display:none}</style>",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1) id=pwned>",
        "<input autofocus onfocus=alert(1) id=pwned>",
        "<video><source onerror=alert(1)></video>",
        "</textarea><script>alert(1)</script>",
        "<!--<script>alert(1)</script>-->",
        "<scr<script>ipt>alert(1)</script>",
        "\" onmouseover=\"alert(1)",
        "' onmouseover='alert(1)",
        "<a href=x onclick=alert(1) id=pwned>x</a>",
        "<object data=javascript:alert(1) id=pwned></object>",
        "<embed src=javascript:alert(1) id=pwned>",
        "<form action=javascript:alert(1)><button id=pwned>x</button></form>",
        "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
        "<base href=javascript:alert(1)//>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "javascript:alert(1)",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<img src=\"x\" onerror=\"document.body.appendChild(document.createElement('div')).id='pwned'\">",
        "<div id=pwned style=\"position:fixed;inset:0\">nep</div>",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "<svg/onload=alert(1)>",
        "<iframe srcdoc=\"<script>alert(1)</script>\" id=pwned></iframe>",
    ];

    private static string Yaml(string payload) => "\"" + payload.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Puts every payload somewhere a resident reads it: scenario names, labels, parameter descriptions, sources, narrative.</summary>
    private static void Inject(ContentCopy c)
    {
        int i = 0;
        string Next() => Payloads[i++ % Payloads.Length];
        const string n = "putten/bijsteren-husselerveld";
        c.Replace($"{n}/neighbourhood.yaml", "name: Vrijstaande woning van voor 1980", "name: " + Yaml("Vrijstaand " + Next()));
        c.Replace($"{n}/neighbourhood.yaml", "name: Tussenwoning van 1980 tot 2000", "name: " + Yaml("Tussen " + Next()));
        c.Replace($"{n}/neighbourhood.yaml", "name: Gasketel\n", "name: " + Yaml("Gasketel " + Next()) + "\n");
        c.Replace($"{n}/neighbourhood.yaml", "name: Hybride warmtepomp\n", "name: " + Yaml("Hybride " + Next()) + "\n");
        c.Replace($"{n}/neighbourhood.yaml", "label: HR-combiketel", "label: " + Yaml("HR " + Next()));
        c.Replace($"{n}/neighbourhood.yaml", "label: Hybride warmtepomp\n", "label: " + Yaml("Hybride wp " + Next()) + "\n");
        c.Replace($"{n}/neighbourhood.yaml", "label: Elektrisch koken (inductie)", "label: " + Yaml("Koken " + Next()));
        c.Replace($"{n}/neighbourhood.yaml", "label: Ventilatiesysteem", "label: " + Yaml("Ventilatie " + Next()));
        c.Replace($"{n}/neighbourhood.yaml", "label: ISDE-subsidie warmtepomp", "label: " + Yaml("ISDE " + Next()));
        c.Replace($"{n}/neighbourhood.yaml", "label: Vastrecht warmte,", "label: " + Yaml("Vastrecht " + Next()) + ",");
        c.Replace($"{n}/neighbourhood.yaml", "label: Woningen,", "label: " + Yaml("Woningen " + Next()) + ",");
        c.Replace($"{n}/neighbourhood.yaml", "ref: \"Tabel 8.3\"}", "ref: " + Yaml("Tabel 8.3 " + Next()) + "}");
        c.Replace($"{n}/neighbourhood.yaml", "description: MT-warmtenet met een collectieve lucht-waterwarmtepomp", "description: " + Yaml("MT " + Next()));
        c.Replace("assumptions/energy.yaml", "description: Prijs van aardgas voor huishoudens, inclusief btw", "description: " + Yaml("Gasprijs " + Next()));
        c.Replace("assumptions/energy.yaml", "ref: \"§8.1, gemiddelde energieprijzen augustus 2025\"", "ref: " + Yaml("§8.1 " + Next()));
        c.Replace("assumptions/finance.yaml", "description: Discontovoet voor de totale kosten over 30 jaar", "description: " + Yaml("Discontovoet " + Next()));
        c.Replace("sources.yaml", "short: IF Technology (2025)", "short: " + Yaml("IF " + Next()));
        c.Replace("sources.yaml", "publisher: IF Technology, in opdracht van gemeente Putten", "publisher: " + Yaml("IF " + Next()));
        c.Replace("putten/municipality.yaml", "name: Gemeente Putten", "name: " + Yaml("Gemeente " + Next()));
        c.Replace("step-plans/individueel.yaml", "title: ", "title: " + Yaml(Next()) + "\nx_unused: ");
        // Markdown: payloads as raw text in bodies, and in front matter.
        c.Replace($"{n}/index.md", "## ", "Tekst " + Next() + " en " + Next() + "\n\n# Kop {onclick=\"alert(1)\"}\n\n" + Next() + "\n\n## ");
        c.Replace($"{n}/dwellings/vrijstaand-voor-1980.md", "## ", Next() + "\n\n> " + Next() + "\n\n- " + Next() + "\n\n## ");
        c.Replace($"{n}/variants/gasketel.md", "## ", "| a | b |\n|---|---|\n| " + Next().Replace("|", "") + " | " + Next().Replace("|", "") + " |\n\n`" + Next() + "`\n\n## ");
        c.Replace($"{n}/variants/mini-collectief.md", "  - Korte aanloop, met weinig partijen", "  - " + Yaml(Next()));
        c.Replace($"{n}/variants/mini-collectief.md", "  - Te klein voor de landelijke subsidie voor warmtenetten (WIS)", "  - " + Yaml(Next()));
        c.Replace($"{n}/variants/klein-collectief.md", "## ", Next() + "\n\n**" + Next() + "**\n\n## ");
        Assert.True(i >= Payloads.Length, $"only {i} payloads placed");
    }

    [Fact]
    public async Task No_payload_in_content_runs_a_script_or_adds_markup()
    {
        using var copy = new ContentCopy();
        Inject(copy);
        // The step plan got an unknown key so that its title can carry a payload: remove that again.
        string plan = Path.Combine(copy.Content, "step-plans", "individueel.yaml");
        File.WriteAllLines(plan, File.ReadAllLines(plan).Where(l => !l.StartsWith("x_unused:", StringComparison.Ordinal)));
        string output = Path.Combine(copy.Root, "out");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Commands.Run(["build", "--content", copy.Content, "--out", output, "--themes", copy.Themes], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());

        var pages = Directory.GetFiles(output, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length >= 15);
        var parser = new HtmlParser();
        foreach (var file in pages)
        {
            var doc = parser.ParseDocument(File.ReadAllText(file));
            string where = Path.GetRelativePath(output, file);
            Assert.Null(doc.GetElementById("pwned"));
            Assert.Empty(doc.QuerySelectorAll("iframe, object, embed, base, video, math"));
            // The only script is the theme's calculator, loaded from the theme's assets: no inline script, nothing from content.
            Assert.All(doc.QuerySelectorAll("script"), s =>
            {
                Assert.EndsWith("/js/calculator.js", s.GetAttribute("src") ?? "");
                Assert.Equal("", s.TextContent);
            });
            // The only style element is the chooser's, generated from dwelling ids.
            Assert.All(doc.QuerySelectorAll("style"), s => Assert.StartsWith(".chooser__result{display:none}", s.TextContent));
            // The only forms are the chooser and the calculator, with the inputs the theme drew.
            Assert.All(doc.QuerySelectorAll("form"), f => Assert.Contains(f.ClassName, new[] { "chooser", "calculator__form" }));
            Assert.All(doc.QuerySelectorAll("input, select"), i => Assert.NotNull(i.Closest("form.chooser, form.calculator__form")));
            Assert.Empty(doc.QuerySelectorAll("meta[http-equiv]"));
            foreach (var e in doc.All)
            {
                Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                foreach (var a in e.Attributes.Where(a => a.Name is "href" or "src" or "action" or "data" or "xlink:href"))
                    Assert.False(a.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{where}: {e.TagName} {a.Name}={a.Value}");
            }
            // Handlebars in content stays text: it is never evaluated as a template.
            if (where.StartsWith("putten/bijsteren-husselerveld/index.html", StringComparison.Ordinal))
                Assert.Contains("{{constructor.constructor", doc.Body!.TextContent);
        }

        // And in the browser: no dialog, no injected element, on every page.
        using var server = new StaticServer(output);
        await using var tab = await fixture.OpenAsync();
        var dialogs = new List<string>();
        tab.Page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        foreach (var file in pages)
        {
            string url = server.Url + Path.GetRelativePath(output, file).Replace('\\', '/').Replace("index.html", "");
            await tab.GotoAsync(url);
            await tab.Page.Mouse.MoveAsync(100, 200);
            await tab.Page.Keyboard.PressAsync("Tab");
            Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.getElementById('pwned') === null"), url);
        }
        Assert.Empty(dialogs);
    }

    public static IEnumerable<object[]> RefusedAddresses() =>
    [
        ["[klik](javascript:alert(1))", "putten/bijsteren-husselerveld/index.md"],
        ["[klik](JaVaScRiPt:alert(1))", "putten/bijsteren-husselerveld/index.md"],
        ["[klik]( javascript:alert(1) )", "putten/bijsteren-husselerveld/index.md"],
        ["<javascript:alert(1)>", "putten/bijsteren-husselerveld/index.md"],
        ["![plaatje](javascript:alert(1))", "putten/bijsteren-husselerveld/index.md"],
        ["[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "putten/bijsteren-husselerveld/index.md"],
        ["[x](vbscript:msgbox(1))", "putten/bijsteren-husselerveld/dwellings/vrijstaand-voor-1980.md"],
        ["[x]: javascript:alert(1)\n\nZie [x].", "putten/bijsteren-husselerveld/variants/gasketel.md"],
    ];

    [Theory]
    [MemberData(nameof(RefusedAddresses))]
    public void An_unsafe_link_address_in_narrative_is_refused_naming_its_line(string markdown, string file)
    {
        using var copy = new ContentCopy();
        string path = Path.Combine(copy.Content, file);
        int line = File.ReadAllLines(path).Length + 2;
        File.AppendAllText(path, "\n" + markdown + "\n");
        var stderr = new StringWriter();
        int code = Commands.Run(["check", "--content", copy.Content, "--themes", copy.Themes], new StringWriter(), stderr);
        Assert.Equal(1, code);
        Assert.Contains($"{file}:{line}:", stderr.ToString());
        Assert.Contains("error SG015", stderr.ToString());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void An_unsafe_source_address_is_refused(string url)
    {
        using var copy = new ContentCopy();
        copy.Replace("sources.yaml", "  url: https://www.acm.nl/nl/energie/warmte/warmtetarieven", "  url: " + Yaml(url));
        var stderr = new StringWriter();
        Assert.Equal(1, Commands.Run(["check", "--content", copy.Content, "--themes", copy.Themes], new StringWriter(), stderr));
        Assert.Contains("sources.yaml:", stderr.ToString());
        Assert.Contains("error SG015", stderr.ToString());
    }
}

/// <summary>A loopback server for another built folder, the same way the fixture serves the example site.</summary>
public sealed class StaticServer : IDisposable
{
    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
    public string Url { get; }

    public StaticServer(string root)
    {
        _app = SiteFixture.StartServer(root);
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Urls.First().TrimEnd('/') + "/";
    }

    public void Dispose() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
