using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteGen.EndToEnd.Tests;

/// <summary>Every generated page, loaded from the local server in Chromium.</summary>
[Collection(SiteCollection.Name)]
public sealed class BrowserPageTests(SiteFixture site, ITestOutputHelper output)
{
    public static TheoryData<string> Pages => BuiltSite.PageUrls();
    public static TheoryData<string, int> PagesAtTwoWidths => BuiltSite.PageUrlsAndWidths(375, 1280);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_axe_violations(string url)
    {
        site.Site.Page(url);
        await using var t = await site.OpenAsync();
        await t.GotoAsync(url);
        var result = await t.Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        output.WriteLine($"{url}: axe {result.TestEngine?.Version}: {result.Passes.Length} rules passed, {result.Violations.Length} violated, "
            + $"{result.Incomplete.Length} need review: {string.Join(", ", result.Incomplete.Select(i => $"{i.Id} ({i.Nodes.Length})"))}");
        foreach (var item in result.Incomplete)
            foreach (var node in item.Nodes.Take(3))
                output.WriteLine($"  review {item.Id}: {node.Target} {Shorten(node.Html, 120)} :: "
                    + Shorten(string.Join(" | ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Distinct()), 200));
        if (result.Passes.Length == 0) Assert.Fail($"{url}: axe ran no rules at all");
        if (result.Violations.Length == 0) return;

        var message = new StringBuilder($"{url}: {result.Violations.Length} axe violation(s)\n");
        foreach (var v in result.Violations)
        {
            message.AppendLine($"- {v.Id} [{v.Impact}] {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes)
            {
                message.AppendLine($"    target: {node.Target}");
                message.AppendLine($"    html:   {Shorten(node.Html, 300)}");
                var why = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                    .Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToList();
                if (why.Count > 0) message.AppendLine($"    why:    {Shorten(string.Join(" | ", why), 400)}");
            }
        }
        Assert.Fail(message.ToString());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_fits_a_375px_screen(string url)
    {
        await using var t = await OnPhone(url);
        var m = await t.Page.EvaluateAsync<JsonElement>("""
            () => {
              const vw = window.innerWidth;
              const clipped = el => {
                for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
                  if (getComputedStyle(a).overflowX !== 'visible') return true;
                }
                return false;
              };
              const wide = [];
              for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.right > vw + 0.5 && !clipped(el))
                  wide.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`
                    + ` width=${Math.round(r.width)} left=${Math.round(r.left)} right=${Math.round(r.right)}`);
              }
              return { vw, doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, wide };
            }
            """);
        int vw = m.GetProperty("vw").GetInt32(), doc = m.GetProperty("doc").GetInt32(), body = m.GetProperty("body").GetInt32();
        if (doc <= vw && body <= vw) return;
        var wide = m.GetProperty("wide").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Fail($"{url} is wider than a {vw}px screen: documentElement.scrollWidth={doc}, body.scrollWidth={body}. "
            + $"Elements sticking out of the viewport ({wide.Count}):\n  " + string.Join("\n  ", wide.Take(40)));
    }

    /// <summary>
    /// A Dutch compound wider than its column ("Verblijfsobjecten" in the neighbourhood's key facts) was cut in two
    /// without a hyphen. Breaks at a hyphen, a slash or a space are fine, and so is text that asks to be hyphenated
    /// (<c>hyphens: auto</c>): a phone's browser hyphenates Dutch there. This machine's Chromium has no hyphenation
    /// dictionary, so it shows where a word would be cut on a browser without one; anywhere else a split word is a cut.
    /// </summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_word_is_cut_across_two_lines_on_a_375px_screen(string url)
    {
        await using var t = await OnPhone(url);
        var cut = await t.Page.EvaluateAsync<string[]>("""
            () => {
              const cut = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node; (node = walker.nextNode());) {
                if (!node.parentElement || getComputedStyle(node.parentElement).hyphens === 'auto') continue;
                const text = node.data;
                for (const m of text.matchAll(/[^\s\-\/\u2010-\u2015]{2,}/g)) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (tops.size > 1) {
                    const el = node.parentElement, table = el.closest('table');
                    cut.push(`'${m[0]}' in <${el.tagName.toLowerCase()}>${table ? ` of table #${table.id}` : ''}`);
                  }
                }
              }
              return cut;
            }
            """);
        Assert.True(cut.Length == 0, $"{url}: words cut across two lines at 375 px:\n  " + string.Join("\n  ", cut));
    }

    /// <summary>
    /// A table that scrolls sideways hides its last columns from a phone user who does not know to scroll (the monthly
    /// table's "Volgens de studie" explains why its total differs from the chart above it). Tables whose rows start
    /// with a row header are stacked instead; a screen reader must still meet a table with headers and cells.
    /// </summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_table_shows_all_its_columns_on_a_375px_screen(string url)
    {
        await using var t = await OnPhone(url);
        var scrolling = await t.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.table-scroll')]
              .filter(s => s.scrollWidth > s.clientWidth + 1)
              .map(s => `${s.querySelector('table')?.id}: ${s.scrollWidth}px wide in ${s.clientWidth}px`)
            """);
        Assert.True(scrolling.Length == 0, $"{url}: tables that scroll sideways at 375 px:\n  " + string.Join("\n  ", scrolling));

        var stacked = t.Page.Locator("table.data--stack");
        for (int i = 0; i < await stacked.CountAsync(); i++)
        {
            var table = stacked.Nth(i);
            string id = await table.GetAttributeAsync("id") ?? $"#{i}";
            // Playwright's ARIA snapshot is what Chromium exposes to assistive technology.
            string aria = await table.AriaSnapshotAsync();
            // Each line is "- role", "- role \"name\"" or, quoted where the name holds a colon, "- 'role \"name\":'".
            var roles = aria.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\s*- '?([a-z]+)")).Where(m => m.Success)
                .Select(m => m.Groups[1].Value).ToList();
            int Count(string role) => roles.Count(r => r == role);
            int rows = await table.Locator("tr").CountAsync(), cells = await table.Locator("td").CountAsync();
            int rowHeaders = await table.Locator("tbody th").CountAsync(), columnHeaders = await table.Locator("thead th").CountAsync();
            Assert.True(Count("table") == 1 && Count("row") == rows && Count("cell") == cells && Count("rowheader") == rowHeaders
                && Count("columnheader") == columnHeaders,
                $"{url}: table {id} at 375 px is not exposed as a table of {rows} rows, {columnHeaders} column headers, {rowHeaders} row headers "
                + $"and {cells} cells:\n{aria}");
        }
    }

    /// <summary>A page of the built site (it must be one) loaded in a 375 x 800 viewport.</summary>
    private async Task<TestPage> OnPhone(string url)
    {
        site.Site.Page(url);
        var t = await site.OpenAsync(width: 375, height: 800);
        try
        {
            await t.GotoAsync(url);
            return t;
        }
        catch
        {
            await t.DisposeAsync();
            throw;
        }
    }

    [Theory]
    [MemberData(nameof(PagesAtTwoWidths))]
    public async Task Every_page_has_a_full_page_screenshot(string url, int width)
    {
        var page = site.Site.Page(url);
        Directory.CreateDirectory(RepoPaths.Screenshots);
        string file = Path.Combine(RepoPaths.Screenshots, $"{page.Slug}-{width}.png");
        if (File.Exists(file)) File.Delete(file);
        await using var t = await site.OpenAsync(width: width, height: 800);
        await t.GotoAsync(url);
        await t.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });
        var info = new FileInfo(file);
        Assert.True(info.Exists && info.Length > 0, $"no screenshot written to {file}");
    }

    /// <summary>
    /// Reads the focused element and its 3 nearest ancestors while focused and again after blur(): a focus indicator
    /// is an outline or box-shadow that the focus adds to one of them (themes often ring the card or label around a
    /// focused link or radio). Focus is put back afterwards so the next Tab continues from there.
    /// </summary>
    private const string FocusProbe = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body || el === document.documentElement) return null;
          const chain = [];
          for (let e = el; e && e !== document.body && chain.length < 4; e = e.parentElement) chain.push(e);
          const read = () => chain.map(e => { const s = getComputedStyle(e); return { o: s.outlineStyle, w: s.outlineWidth, b: s.boxShadow }; });
          const focused = read();
          el.blur();
          const unfocused = read();
          el.focus();
          const ring = x => (x.o !== 'none' && parseFloat(x.w) > 0) || (x.b && x.b !== 'none');
          let indicator = null;
          focused.forEach((f, i) => {
            const u = unfocused[i];
            if (indicator === null && ring(f) && (f.o !== u.o || f.w !== u.w || f.b !== u.b))
              indicator = `${i === 0 ? 'itself' : chain[i].tagName.toLowerCase() + (chain[i].className ? '.' + String(chain[i].className).trim().split(/\s+/).join('.') : '')}: outline ${f.o} ${f.w}, box-shadow ${f.b}`;
          });
          const href = el.getAttribute('href') ?? '';
          const r = el.getBoundingClientRect();
          return {
            desc: el.outerHTML.slice(0, 160),
            tag: el.tagName.toLowerCase(),
            targetExists: href.length > 1 && href.startsWith('#') && !!document.getElementById(decodeURIComponent(href.slice(1))),
            indicator,
            own: `outline ${focused[0].o} ${focused[0].w}, box-shadow ${focused[0].b}`,
            visible: r.width > 0 && r.height > 0,
          };
        }
        """;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Keyboard_focus_is_visible(string url)
    {
        site.Site.Page(url);
        await using var t = await site.OpenAsync();
        await t.GotoAsync(url);
        var problems = new List<string>();
        var seen = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            await t.Page.Keyboard.PressAsync("Tab");
            var f = await t.Page.EvaluateAsync<JsonElement>(FocusProbe);
            if (f.ValueKind == JsonValueKind.Null)
            {
                if (i == 0) problems.Add("Tab does not focus anything (expected a skip link first)");
                break;
            }
            string desc = f.GetProperty("desc").GetString()!;
            if (seen.Contains(desc)) break; // wrapped around
            seen.Add(desc);
            output.WriteLine($"Tab {i + 1}: {desc} -> {f.GetProperty("indicator")}");

            if (i == 0 && !(f.GetProperty("tag").GetString() == "a" && f.GetProperty("targetExists").GetBoolean()))
                problems.Add($"the first Tab stop is not a skip link to an element on the page: {desc}");
            if (f.GetProperty("indicator").ValueKind == JsonValueKind.Null)
                problems.Add($"Tab stop {i + 1} shows no focus indicator (itself: {f.GetProperty("own").GetString()}; "
                    + $"no outline or box-shadow appears on it or its 3 nearest ancestors): {desc}");
            if (!f.GetProperty("visible").GetBoolean())
                problems.Add($"Tab stop {i + 1} is focused but has no size on screen: {desc}");
        }
        Assert.True(problems.Count == 0, $"{url}:\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_make_no_external_requests(string url)
    {
        site.Site.Page(url);
        await using var t = await site.OpenAsync();
        await t.GotoAsync(url, WaitUntilState.NetworkIdle);
        List<string> external;
        lock (t.Requests) external = t.Requests.Where(u => !SiteFixture.IsLocal(u)).Distinct().ToList();
        Assert.True(t.Requests.Count > 0, "no requests were recorded at all");
        Assert.True(external.Count == 0, $"{url} requested outside 127.0.0.1:\n  " + string.Join("\n  ", external));
    }

    private static string Shorten(string? s, int max)
    {
        s = (s ?? "").ReplaceLineEndings(" ");
        return s.Length <= max ? s : s[..max] + "…";
    }
}
