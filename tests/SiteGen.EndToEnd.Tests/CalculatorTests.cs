using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SiteGen.Calculation;
using SiteGen.Calculation.Personal;
using SiteGen.Calculation.Resident;
using SiteGen.Content.Model;
using SiteGen.Rendering.Formatting;
using SiteGen.Rendering.Pipeline;
using SiteGen.Rendering.Text;
using Xunit.Abstractions;

namespace SiteGen.EndToEnd.Tests;

/// <summary>
/// "Reken met uw eigen situatie" on the dwelling pages (issue 11), in Chromium: every figure the script shows equals
/// the core's own evaluation (PersonalModel, the path of `sitegen explain --json`) as displayed; the page without
/// JavaScript; accessibility; 375 px; keyboard; the printed handout; the script's size.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class CalculatorTests(SiteFixture site, ITestOutputHelper output)
{
    private const string Neighbourhood = "putten/bijsteren-husselerveld";
    private static readonly string[] Dwellings = ["vrijstaand-voor-1980", "tussenwoning-1980-2000", "tussenwoning-na-2000"];
    private static string Url(string dwelling) => $"/{Neighbourhood}/woningen/{dwelling}/";

    private static readonly Lazy<(Neighbourhood N, PersonalModel Model)> Core = new(() =>
    {
        var options = new BuildOptions(RepoPaths.Content, "", new DateOnly(2025, 12, 1), WriteOutput: false);
        var (content, diag) = SiteBuilder.ReadContent(options);
        Assert.True(content is not null && !diag.HasErrors, string.Join("\n", diag.Items));
        var results = SiteBuilder.Compute(content!, diag);
        var n = results.Single(x => x.Item1.Id == Neighbourhood).Item1;
        return (n, new PersonalModel(n.Input));
    });

    private sealed record Inputs(string Gas, decimal? GasM3, string Label, string Price, bool Tenant, bool Boiler, bool Loan, bool LowIncome)
    {
        public PersonalInputs ForCore() => new()
        {
            GasM3 = GasM3, Label = Label.Length == 0 ? null : Label, Price = PriceScenarios.Parse(Price)!.Value,
            Tenant = Tenant, NaturalMoment = Boiler, Loan = Loan, LowIncome = LowIncome,
        };
    }

    /// <summary>Sets the form the way a resident does: typing, choosing, ticking (each fires the page's own events).</summary>
    private static async Task EnterAsync(IPage page, Inputs i)
    {
        await page.CheckAsync("#calc-owner");
        await page.FillAsync("#calc-gas", i.Gas);
        await page.SelectOptionAsync("#calc-label", i.Label);
        await page.CheckAsync($"#calc-price-{i.Price}");
        await page.SetCheckedAsync("#calc-boiler", i.Boiler);
        await page.SetCheckedAsync("#calc-loan", i.Loan);
        if (i.Loan) await page.SetCheckedAsync("#calc-low-income", i.LowIncome);
        if (i.Tenant) await page.CheckAsync("#calc-tenant");
    }

    /// <summary>What the page shows: per variant id, its figure cells (visible ones only), and the names in the outcome sentence.</summary>
    private static async Task<(Dictionary<string, Dictionary<string, string>> Figures, string Outcome, string Names)> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => {
              const cells = [];
              for (const tr of document.querySelectorAll('.calculator tr[data-variant]')) {
                cells.push([tr.dataset.variant, '', '']);
                for (const td of tr.querySelectorAll('[data-figure]'))
                  if (!td.hidden && td.offsetParent !== null) cells.push([tr.dataset.variant, td.dataset.figure, td.textContent]);
              }
              const shown = [...document.querySelectorAll('.calculator [data-outcome]')].find(e => !e.hidden);
              const names = shown && shown.querySelector('[data-names]') ? shown.querySelector('[data-names]').textContent : '';
              return { cells, outcome: shown ? shown.dataset.outcome : '', names };
            }
            """);
        var figures = new Dictionary<string, Dictionary<string, string>>();
        foreach (var c in json.GetProperty("cells").EnumerateArray())
        {
            string variant = c[0].GetString()!, key = c[1].GetString()!;
            if (!figures.TryGetValue(variant, out var row)) figures[variant] = row = [];
            if (key.Length > 0) row[key] = c[2].GetString()!;
        }
        return (figures, json.GetProperty("outcome").GetString()!, json.GetProperty("names").GetString()!);
    }

    /// <summary>The core's figures for the same inputs, formatted as the page shows them.</summary>
    private static (Dictionary<string, Dictionary<string, string>> Figures, string Outcome, string Names) Expected(string dwelling, Inputs i)
    {
        var (n, model) = Core.Value;
        var p = i.ForCore();
        var figures = new Dictionary<string, Dictionary<string, string>>();
        var ranges = new List<(string, CostRange)>();
        foreach (var v in n.Variants)
        {
            var r = model.Evaluate(dwelling, v.Id, p);
            var cells = new Dictionary<string, string>
            {
                ["tco"] = DutchFormat.Euro(DisplayRounding.Tco(r.Tco30y)),
                ["monthly"] = DutchFormat.Euro(DisplayRounding.Monthly(r.MonthlyStartYear)),
            };
            if (r.UpfrontAfterSubsidy is { } up) cells["upfront"] = DutchFormat.Euro(DisplayRounding.Upfront(up));
            // With a loan: what the loan does not cover, rounded as an up-front amount.
            if (r.UpfrontAfterSubsidy is { } total && r.LoanAmount is { } borrowed) cells["own"] = DutchFormat.Euro(DisplayRounding.Upfront(total - borrowed));
            figures[v.Id] = cells;
            decimal low = model.Evaluate(dwelling, v.Id, p with { Price = PriceSetting.Low }).Tco30y;
            decimal high = model.Evaluate(dwelling, v.Id, p with { Price = PriceSetting.High }).Tco30y;
            ranges.Add((v.Id, new CostRange(low, r.Tco30y, high)));
        }
        var outcome = Comparison.Cheapest(ranges);
        var names = outcome.Options.Select(id => Labels.InSentence(n.Variant(id).Name)).ToList();
        string joined = names.Count < 2 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " en " + names[^1];
        return (figures, outcome.Clear ? "clear" : "equal", joined);
    }

    private static Inputs RandomInputs(Random rng, IReadOnlyList<string> labels)
    {
        decimal? gas = rng.Next(6) == 0 ? null : rng.Next(0, 6001);
        string typed = gas is null ? "" : rng.Next(3) == 0 ? DutchFormat.Number(gas.Value) : gas.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Sometimes with its unit, as residents write it ("kuub" is what the site itself says).
        if (gas is not null) typed += rng.Next(4) switch { 0 => " m³", 1 => " kuub", _ => "" };
        bool loan = rng.Next(2) == 0;
        return new Inputs(typed, gas, labels[rng.Next(labels.Count)], new[] { "low", "central", "high" }[rng.Next(3)],
            Tenant: rng.Next(3) == 0, Boiler: rng.Next(2) == 0, Loan: loan, LowIncome: loan && rng.Next(2) == 0);
    }

    [Fact]
    public async Task Every_figure_matches_the_core_for_210_random_inputs()
    {
        site.Site.RequirePages();
        var rng = new Random(20251113);
        int checkedFigures = 0, combinations = 0;
        var failures = new List<string>();
        foreach (var dwelling in Dwellings)
        {
            await using var t = await site.OpenAsync();
            await t.GotoAsync(Url(dwelling));
            var labels = await t.Page.EvalOnSelectorAllAsync<string[]>("#calc-label option", "os => os.map(o => o.value)");
            Assert.Contains("", labels);
            for (int k = 0; k < 70; k++)
            {
                var inputs = RandomInputs(rng, labels);
                await EnterAsync(t.Page, inputs);
                var shown = await ReadAsync(t.Page);
                var expected = Expected(dwelling, inputs);
                combinations++;
                foreach (var (variant, cells) in expected.Figures)
                {
                    if (!shown.Figures.TryGetValue(variant, out var got)) { failures.Add($"{dwelling} {inputs}: no row for {variant}"); continue; }
                    if (!got.Keys.Order().SequenceEqual(cells.Keys.Order()))
                        failures.Add($"{dwelling} {inputs} {variant}: shows [{string.Join(",", got.Keys)}], expected [{string.Join(",", cells.Keys)}]");
                    foreach (var (key, value) in cells)
                    {
                        checkedFigures++;
                        if (!got.TryGetValue(key, out var g) || g != value)
                            failures.Add($"{dwelling} {inputs} {variant}.{key}: page {g ?? "(none)"}, core {value}");
                    }
                }
                if (shown.Outcome != expected.Outcome || shown.Names != expected.Names)
                    failures.Add($"{dwelling} {inputs}: page says {shown.Outcome} '{shown.Names}', core {expected.Outcome} '{expected.Names}'");
            }
        }
        output.WriteLine($"{combinations} combinations, {checkedFigures} figures compared, {failures.Count} differences");
        Assert.True(combinations >= 200);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task A_shared_address_fills_in_the_form()
    {
        await using var t = await site.OpenAsync();
        await t.GotoAsync(Url(Dwellings[0]) + "#gas=1900&label=E&lening=ja");
        Assert.Equal("1900", await t.Page.InputValueAsync("#calc-gas"));
        Assert.Equal("E", await t.Page.InputValueAsync("#calc-label"));
        Assert.True(await t.Page.IsCheckedAsync("#calc-loan"));
        var shown = await ReadAsync(t.Page);
        var expected = Expected(Dwellings[0], new Inputs("1900", 1900m, "E", "central", false, false, true, false));
        foreach (var (variant, cells) in expected.Figures)
            Assert.Equal(cells, shown.Figures[variant]);
        // Changing an input rewrites the address (no request, no storage).
        await t.Page.FillAsync("#calc-gas", "2500");
        Assert.Contains("gas=2500", await t.Page.EvaluateAsync<string>("() => location.hash"));
        Assert.All(t.Requests, r => Assert.True(SiteFixture.IsLocal(r), r));
    }

    [Fact]
    public async Task Choosing_to_rent_shows_running_costs_and_what_the_landlord_decides()
    {
        await using var t = await site.OpenAsync();
        await t.GotoAsync(Url(Dwellings[0]));
        var note = t.Page.Locator(".calculator__tenant");
        Assert.False(await note.IsVisibleAsync());
        await t.Page.CheckAsync("#calc-tenant");
        Assert.True(await note.IsVisibleAsync());
        string text = await note.InnerTextAsync();
        Assert.Contains("verhuurder beslist", text);
        Assert.Contains("verhuurders niet", text);
        Assert.Contains("8.4.2", text);
        Assert.False(await t.Page.Locator("th:has-text('Eenmalig')").IsVisibleAsync());
        Assert.False(await t.Page.Locator("#calc-loan").IsVisibleAsync());
        var shown = await ReadAsync(t.Page);
        Assert.All(shown.Figures.Values, cells => Assert.Equal(["monthly", "tco"], cells.Keys.Order()));
    }

    [Fact]
    public async Task Without_javascript_the_page_shows_the_reference_figures_and_the_break_even_sentence()
    {
        foreach (var dwelling in Dwellings)
        {
            await using var t = await site.OpenAsync(javaScript: false);
            await t.GotoAsync(Url(dwelling));
            Assert.False(await t.Page.Locator(".calculator").IsVisibleAsync(), "the calculator needs JavaScript and must stay hidden without it");
            Assert.True(await t.Page.Locator("section[aria-labelledby=kosten] table").IsVisibleAsync());
            Assert.True(await t.Page.Locator("section[aria-labelledby=per-maand] table").IsVisibleAsync());
            string breakEven = await t.Page.Locator("section.break-even").InnerTextAsync();
            Assert.Matches("Gebruikt u meer dan|hangt het niet van uw gasverbruik af", breakEven);
        }
    }

    private static readonly Inputs Filled = new("1900", 1900m, "E", "high", false, true, true, false);

    [Fact]
    public async Task The_filled_in_calculator_has_no_axe_violations()
    {
        foreach (var tenant in new[] { false, true })
        {
            await using var t = await site.OpenAsync();
            await t.GotoAsync(Url(Dwellings[0]));
            await EnterAsync(t.Page, Filled with { Tenant = tenant });
            await t.Page.FillAsync("#calc-gas", tenant ? "veel" : "1900"); // an invalid entry shows its error too
            var result = await t.Page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            Assert.True(result.Passes.Length > 0);
            Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
                $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        }
    }

    [Fact]
    public async Task The_filled_in_calculator_fits_a_375px_screen()
    {
        foreach (var dwelling in Dwellings)
        {
            await using var t = await site.OpenAsync(width: 375, height: 800);
            await t.GotoAsync(Url(dwelling));
            await EnterAsync(t.Page, Filled);
            var widths = await t.Page.EvaluateAsync<int[]>("() => [window.innerWidth, document.documentElement.scrollWidth, document.body.scrollWidth]");
            Assert.True(widths[1] <= widths[0] && widths[2] <= widths[0], $"{dwelling}: {string.Join(", ", widths)}");
        }
    }

    /// <summary>
    /// On a phone the table of the resident's own figures is stacked as the site's other tables are: each choice's name on
    /// a line of its own, whole (in a narrow first column "Hybride warmtepomp" was cut into "warmtepo" and "mp"), and its
    /// figures in columns under it, filling the row: three for an owner, two for a tenant (who has no one-off column).
    /// </summary>
    [Fact]
    public async Task On_a_phone_each_choice_s_name_has_its_own_line_above_its_figures()
    {
        foreach (var tenant in new[] { false, true })
        {
            await using var t = await site.OpenAsync(width: 375, height: 800);
            await t.GotoAsync(Url(Dwellings[0]));
            await EnterAsync(t.Page, Filled with { Tenant = tenant });
            var rows = await t.Page.EvaluateAsync<double[][]>("""
                () => [...document.querySelectorAll('.calculator__table tbody tr')].map(tr => {
                  const row = tr.getBoundingClientRect(), name = tr.querySelector('th').getBoundingClientRect();
                  const cells = [...tr.querySelectorAll('td')].filter(td => !td.hidden).map(td => td.getBoundingClientRect());
                  return [row.width, name.width, name.bottom, cells.length, Math.min(...cells.map(c => c.top)), cells.reduce((w, c) => w + c.width, 0)];
                })
                """);
            Assert.Equal(6, rows.Length);
            foreach (var r in rows)
            {
                Assert.True(r[1] >= r[0] - 1, $"tenant {tenant}: the name is {r[1]} px wide in a row of {r[0]} px");
                Assert.Equal(tenant ? 2 : 3, (int)r[3]);
                Assert.True(r[4] >= r[2] - 1, $"tenant {tenant}: the figures start at {r[4]}, above the name's bottom {r[2]}");
                Assert.True(Math.Abs(r[5] - r[0]) <= 2, $"tenant {tenant}: the figures fill {r[5]} px of a row of {r[0]} px");
            }
        }
    }

    [Fact]
    public async Task The_calculator_works_with_the_keyboard_alone()
    {
        await using var t = await site.OpenAsync();
        await t.GotoAsync(Url(Dwellings[0]));
        var before = await ReadAsync(t.Page);
        for (int i = 0; i < 200 && await t.Page.EvaluateAsync<string>("() => document.activeElement.id") != "calc-gas"; i++)
            await t.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("calc-gas", await t.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await t.Page.Keyboard.TypeAsync("3000");
        await t.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("calc-label", await t.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await t.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("calc-price-central", await t.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await t.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("calc-owner", await t.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await t.Page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await t.Page.IsCheckedAsync("#calc-tenant"));
        var after = await ReadAsync(t.Page);
        var expected = Expected(Dwellings[0], new Inputs("3000", 3000m, "", "central", true, false, false, false));
        foreach (var (variant, cells) in expected.Figures) Assert.Equal(cells, after.Figures[variant]);
        Assert.NotEqual(before.Figures["gasketel"]["tco"], after.Figures["gasketel"]["tco"]);
        // What a screen reader reads out: the summary, once the choice is made.
        Assert.Equal("polite", await t.Page.GetAttributeAsync(".calculator [data-announce]", "aria-live"));
        Assert.False(string.IsNullOrWhiteSpace(await t.Page.InnerTextAsync(".calculator__summary")));
        await t.Page.WaitForFunctionAsync("() => document.querySelector('.calculator [data-announce]').textContent !== ''");
        Assert.Equal(Normalise(await t.Page.InnerTextAsync(".calculator__summary")),
            Normalise(await t.Page.EvaluateAsync<string>("() => document.querySelector('.calculator [data-announce]').textContent")));
    }

    private static string Normalise(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    [Fact]
    public async Task The_answer_is_read_out_once_when_the_resident_stops_typing_not_at_every_key()
    {
        // At every key a screen reader said the answer for 1, 19 and 190 m3 before the one for 1900. The page's clock is
        // Playwright's: the pause is counted in its time, so a busy machine typing slowly cannot change the outcome.
        await using var t = await site.OpenAsync();
        await t.Page.Clock.InstallAsync();
        await t.GotoAsync(Url(Dwellings[0]));
        // Installed, the clock still flows with real time: paused, only RunForAsync moves it.
        await t.Page.Clock.PauseAtAsync(DateTime.UtcNow.AddMinutes(5));
        await t.Page.EvaluateAsync(@"() => {
            window.announced = [];
            const region = document.querySelector('.calculator [data-announce]');
            new MutationObserver(() => window.announced.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
        }");
        await t.Page.FillAsync("#calc-gas", "");
        await t.Page.FocusAsync("#calc-gas");
        await t.Page.Keyboard.TypeAsync("1900");
        await t.Page.Clock.RunForAsync(900);
        Assert.Empty(await t.Page.EvaluateAsync<string[]>("() => window.announced")); // still typing, as far as the page can tell
        await t.Page.Clock.RunForAsync(200);
        var single = Assert.Single(await t.Page.EvaluateAsync<string[]>("() => window.announced"));
        Assert.Equal(Normalise(await t.Page.InnerTextAsync(".calculator__summary")), Normalise(single));
        await t.Page.Clock.RunForAsync(5000);
        Assert.Single(await t.Page.EvaluateAsync<string[]>("() => window.announced"));
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();

    [Fact]
    public async Task A_printed_dwelling_page_is_at_most_two_A4_pages()
    {
        var counts = new List<string>();
        foreach (var dwelling in Dwellings)
            foreach (var filled in new[] { false, true })
            {
                await using var t = await site.OpenAsync();
                await t.GotoAsync(Url(dwelling));
                if (filled) await EnterAsync(t.Page, Filled);
                var pdf = await t.Page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = false });
                int pages = PdfPage().Matches(Encoding.Latin1.GetString(pdf)).Count;
                if (pages > 2)
                {
                    await t.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
                    await t.Page.SetViewportSizeAsync(673, 979);
                    output.WriteLine(await t.Page.EvaluateAsync<string>(
                        "() => [...document.querySelectorAll('body > *, main > *')].map(e => e.tagName + '.' + e.className + '#' + (e.getAttribute('aria-labelledby') || '') + ' ' + Math.round(e.getBoundingClientRect().height)).join('\\n')"));
                }
                counts.Add($"{dwelling} {(filled ? "filled" : "reference")}: {pages}");
                Assert.True(pages is >= 1 and <= 2, $"{dwelling} ({(filled ? "own figures" : "reference figures")}) prints on {pages} A4 pages");
                // What the handout must hold.
                await t.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
                Assert.True(await t.Page.Locator("section.break-even").IsVisibleAsync());
                Assert.True(await t.Page.Locator("section[aria-labelledby=stappen]").IsVisibleAsync());
                Assert.True(await t.Page.Locator("footer.site-footer").IsVisibleAsync());
                Assert.Equal(filled, await t.Page.Locator(".calculator__table").IsVisibleAsync());
                Assert.Equal(!filled, await t.Page.Locator("section[aria-labelledby=kosten] table").IsVisibleAsync());
                Assert.False(await t.Page.Locator(".calculator__form").IsVisibleAsync());
            }
        output.WriteLine(string.Join("\n", counts));
    }

    [Fact]
    public async Task The_script_on_a_dwelling_page_is_at_most_30_KB()
    {
        foreach (var dwelling in Dwellings)
        {
            await using var t = await site.OpenAsync();
            await t.GotoAsync(Url(dwelling));
            var scripts = await t.Page.EvalOnSelectorAllAsync<string[]>("script", "ss => ss.map(s => s.src ? 'src:' + s.src : 'inline:' + s.textContent)");
            long total = 0;
            foreach (var s in scripts)
            {
                if (s.StartsWith("inline:", StringComparison.Ordinal)) { total += Encoding.UTF8.GetByteCount(s[7..]); continue; }
                var path = new Uri(s[4..]).AbsolutePath.TrimStart('/');
                total += new FileInfo(Path.Combine(site.Site.OutputDir, path)).Length;
            }
            output.WriteLine($"{dwelling}: {scripts.Length} script(s), {total} bytes");
            Assert.True(scripts.Length >= 1);
            Assert.True(total <= 30 * 1024, $"{dwelling}: {total} bytes of script");
        }
    }
}
