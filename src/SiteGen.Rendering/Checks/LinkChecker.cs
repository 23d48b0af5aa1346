using System.Collections.Concurrent;
using AngleSharp.Common;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using SiteGen.Content.Diagnostics;
using SiteGen.Rendering.Pipeline;

namespace SiteGen.Rendering.Checks;

/// <summary>
/// Checks every link and anchor of the built site before it is written: a relative link must reach a file
/// the build produces, a fragment an id on that page; only http(s), mailto and tel leave the site.
/// </summary>
/// <remarks>
/// Each page is reduced once to its links (with their source positions) and its ids. A full build scans each page as
/// soon as it is rendered (<see cref="SiteFiles"/>) and drops the page, so the check itself only resolves what was
/// kept. The scan reads tags, not a tree: building a DOM per page made the check allocation-bound, and the links and
/// ids are all it needs. The plain HTML themes write is read by <see cref="PlainTags"/>, any other page by AngleSharp's
/// tokenizer; <see cref="TreeRules"/> follows the tree builder's decisions for both. Findings are reported in page order.
/// </remarks>
public static partial class LinkChecker
{
    /// <summary>One link of a page: its address and where its element starts in the page's source.</summary>
    public readonly record struct Link(string Url, int Line, int Column);

    /// <summary>What the check needs of a page: its links in document order and the ids it defines (sorted, ordinal, distinct).</summary>
    /// <param name="Settled">Links of the page checked already, without a finding (<see cref="Settle"/>); not in <paramref name="Links"/>.</param>
    public sealed record PageLinks(Link[] Links, string[] Ids, int Settled = 0)
    {
        public bool HasId(string id) => HasId(id.AsSpan());

        /// <summary>The same for an id still in a buffer (ordinal order, as <see cref="Ids"/> is sorted).</summary>
        public bool HasId(ReadOnlySpan<char> id)
        {
            int low = 0, high = Ids.Length - 1;
            while (low <= high)
            {
                int mid = low + (high - low) / 2;
                int order = Ids[mid].AsSpan().SequenceCompareTo(id);
                if (order == 0) return true;
                if (order < 0) low = mid + 1; else high = mid - 1;
            }
            return false;
        }

        /// <summary>
        /// The page's links and ids as bytes, for a build that keeps them on disk until the site-wide check
        /// (<see cref="Decode"/>): counts, positions and lengths as 32-bit little-endian integers, texts as UTF-8.
        /// </summary>
        public void Encode(System.Buffers.IBufferWriter<byte> into)
        {
            Int(into, Settled);
            Int(into, Links.Length);
            foreach (var (url, line, column) in Links)
            {
                Int(into, line);
                Int(into, column);
                Text(into, url);
            }
            Int(into, Ids.Length);
            foreach (var id in Ids) Text(into, id);
        }

        private static void Int(System.Buffers.IBufferWriter<byte> into, int value)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(into.GetSpan(4), value);
            into.Advance(4);
        }

        private static void Text(System.Buffers.IBufferWriter<byte> into, string text)
        {
            var span = into.GetSpan(4 + System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
            int length = System.Text.Encoding.UTF8.GetBytes(text, span[4..]);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span, length);
            into.Advance(4 + length);
        }

        /// <summary>
        /// Reads back what <see cref="Encode"/> wrote. With a pool, an address or id met before is not made again: the
        /// site-wide check reads every page's links back (a million at 20,000 pages), and most are the same few.
        /// </summary>
        public static PageLinks Decode(ReadOnlySpan<byte> bytes, StringPool? pool = null)
        {
            int at = 0;
            int settled = ReadInt(bytes, ref at);
            var links = new Link[ReadInt(bytes, ref at)];
            for (int i = 0; i < links.Length; i++)
            {
                int line = ReadInt(bytes, ref at), column = ReadInt(bytes, ref at);
                links[i] = new Link(ReadText(bytes, ref at, pool), line, column);
            }
            var ids = new string[ReadInt(bytes, ref at)];
            for (int i = 0; i < ids.Length; i++) ids[i] = ReadText(bytes, ref at, pool);
            return new PageLinks(links, ids, settled);
        }

        private static int ReadInt(ReadOnlySpan<byte> bytes, ref int at)
        {
            int value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            at += 4;
            return value;
        }

        private static string ReadText(ReadOnlySpan<byte> bytes, ref int at, StringPool? pool)
        {
            var utf8 = bytes.Slice(at + 4, ReadInt(bytes, ref at));
            at += utf8.Length;
            if (pool is null) return System.Text.Encoding.UTF8.GetString(utf8);
            char[]? rented = null;
            Span<char> chars = utf8.Length <= 512 ? stackalloc char[utf8.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(utf8.Length));
            try
            {
                return pool.Intern(chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)]);
            }
            finally
            {
                if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// One copy of each address and id for the whole site: most pages share their relative links ("../index.html",
    /// the stylesheets, the navigation), so the kept links cost little more than their positions.
    /// </summary>
    public sealed class StringPool
    {
        private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

        public StringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        private int _count;

        /// <summary>How many strings the pool holds.</summary>
        public int Count => _count;

        public string Intern(string s)
        {
            string pooled = _strings.GetOrAdd(s, s);
            if (ReferenceEquals(pooled, s)) Interlocked.Increment(ref _count);
            return pooled;
        }

        /// <summary>The pooled copy of these characters; a string is made only the first time they are met.</summary>
        public string Intern(ReadOnlySpan<char> s) => _bySpan.TryGetValue(s, out var known) ? known : Intern(s.ToString());

        // Large enough for what most pages share (navigation, stylesheets, the neighbourhood's own pages), small enough not
        // to hold a large site's anchors (a pool of 20,000 held 6 MB more at 20,000 pages than at 2,000, and the garbage
        // collector walked it on every collection).
        private const int PerThreadSize = 4_000;

        [ThreadStatic] private static StringPool? t_pool;

        /// <summary>This thread's pool, started afresh now and then rather than kept for the whole site.</summary>
        public static StringPool OfThread()
        {
            if (t_pool is not { Count: < PerThreadSize }) t_pool = new();
            return t_pool;
        }

        /// <summary>
        /// Starts this thread's pool afresh: a neighbourhood is drawn on it next. What one neighbourhood's pages pool is
        /// mostly its own anchors, of no use to the next; kept until the pool was full, they were 0.7 MB more at 20,000
        /// pages than at 2,000 (a small site's pools never fill).
        /// </summary>
        public static void Restart() => t_pool = null;
    }

    // The tree builder switches the tokenizer to one of these states after such a start tag (in HTML content), so
    // what follows up to the matching end tag is text, not tags. <noscript> stays markup: the parser does not script.
    private static HtmlParseMode? TextState(ReadOnlySpan<char> tag) => tag switch
    {
        "script" => HtmlParseMode.Script,
        "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
        "textarea" or "title" => HtmlParseMode.RCData,
        "plaintext" => HtmlParseMode.Plaintext,
        _ => null,
    };

    // HTML start tags that end SVG or MathML content, as the tree builder treats them.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeavesForeignContent = new HashSet<string>(StringComparer.Ordinal)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
        "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly ShouldEmitAttribute OnlyNeeded = (ref _, name) => name.Span is "href" or "src" or "id" or "xlink:href";

    /// <summary>
    /// Reads one page's links and ids, with the same result as parsing it into a DOM and selecting <c>[href], [src]</c>
    /// (href wins) and <c>[id]</c>: positions are those of the element's start tag. The tree builder's decisions that
    /// matter here are followed: the text states after &lt;script&gt;, &lt;style&gt;, &lt;textarea&gt;, &lt;title&gt; and
    /// the like; SVG and MathML content (where those tags are ordinary and xlink:href counts as href) with its HTML
    /// integration points; &lt;template&gt; contents, which are not part of the document.
    /// </summary>
    public static PageLinks Scan(ReadOnlySpan<byte> html, StringPool? pool = null) => Scan(System.Text.Encoding.UTF8.GetString(html), pool);

    /// <summary>The same, for a page still at hand as text (as rendered: not decoded again from its bytes).</summary>
    public static PageLinks Scan(string html, StringPool? pool = null) => Scan(html.AsMemory(), pool);

    /// <summary>The same, for a page's text in a buffer (<see cref="Themes.PageText"/>).</summary>
    public static PageLinks Scan(ReadOnlyMemory<char> html, StringPool? pool = null) => Scan(html, pool, Reader.Either)!;

    /// <summary>Which reader reads a page's tags.</summary>
    public enum Reader
    {
        /// <summary><see cref="PlainTags"/>, and AngleSharp's tokenizer where it declines the page.</summary>
        Either,
        /// <summary><see cref="PlainTags"/> only: no result where it declines the page.</summary>
        Plain,
        /// <summary>AngleSharp's tokenizer only.</summary>
        Tokenizer,
    }

    /// <summary>The same with a chosen reader: tests hold the two readers to each other.</summary>
    /// <returns>Null where <see cref="Reader.Plain"/> declines the page.</returns>
    public static PageLinks? Scan(ReadOnlyMemory<char> html, StringPool? pool, Reader reader)
    {
        // Reused by the thread's next page (a scan runs to its end on one thread): only the result is new.
        var (links, ids, scopes) = t_lists ??= ([], [], []);
        var tree = new TreeRules(links, ids, scopes, pool);
        tree.Reset();
        // The plain markup the themes write is read by PlainTags; a page with anything else, by AngleSharp's tokenizer.
        if (reader == Reader.Tokenizer || !PlainTags.TryRead(html.Span, ref tree))
        {
            if (reader == Reader.Plain) return null;
            tree.Reset();
            ReadWithTokenizer(html, ref tree);
        }
        return new PageLinks([.. links], SortedDistinct(ids));
    }

    private static void ReadWithTokenizer(ReadOnlyMemory<char> html, ref TreeRules tree)
    {
        // Read in place: the plain TextSource(string) copies the page into a StringBuilder and reads it back char by char.
        // Disposed: its buffer goes back to the shared pool (not disposing it cost a 64 KB array per page).
        using var tokenizer = new HtmlTokenizer(new TextSource(new ReadOnlyMemoryTextSource(html)), HtmlEntityProvider.Resolver)
        {
            SkipDataText = true,
            SkipComments = true,
            ShouldEmitAttribute = OnlyNeeded,
        };
        // The tokenizer's struct tokens, read in place: turning each into a token object cost a third of the scan.
        for (ref var tag = ref tokenizer.GetStructToken(); tag.Type != HtmlTokenType.EndOfFile; tag = ref tokenizer.GetStructToken())
        {
            if (tag.Type is not (HtmlTokenType.StartTag or HtmlTokenType.EndTag)) continue;
            var name = tag.Name.Memory.Span;
            if (tag.Type == HtmlTokenType.EndTag) tree.End(name);
            else
            {
                bool foreign = tree.Start(name);
                // The first of a repeated attribute counts, as in the DOM.
                int href = -1, src = -1, id = -1;
                var attributes = tag.Attributes;
                for (int i = 0; i < attributes.Count; i++)
                {
                    var a = attributes[i].Name;
                    if (a == "href" || foreign && a == "xlink:href") { if (href < 0) href = i; }
                    else if (a == "src") { if (src < 0) src = i; }
                    else if (a == "id" && id < 0) id = i;
                }
                int url = href >= 0 ? href : src;
                if (tree.Keeps)
                {
                    if (url >= 0) tree.Link(attributes[url].Value.Memory.Span, tag.Position.Line, tag.Position.Column);
                    if (id >= 0) tree.Id(attributes[id].Value.Memory.Span);
                }
                if (tree.Started(name, foreign, tag.IsSelfClosing) is { } state) tokenizer.State = state;
            }
            tokenizer.IsAcceptingCharacterData = tree.Foreign;
        }
    }

    /// <summary>
    /// The tree builder's decisions that matter for links and ids, given the tags in document order: SVG and MathML
    /// content and its HTML integration points, &lt;template&gt; contents, and the text states after a start tag.
    /// </summary>
    internal struct TreeRules(List<Link> links, List<string> ids, List<(string Name, bool Foreign)> scopes, StringPool? pool)
    {
        private int _template;

        /// <summary>Inside SVG or MathML, not in one of its HTML integration points.</summary>
        public readonly bool Foreign => scopes.Count > 0 && scopes[^1].Foreign;

        /// <summary>Outside &lt;template&gt; contents, which are not part of the document.</summary>
        public readonly bool Keeps => _template == 0;

        public void Reset()
        {
            links.Clear();
            ids.Clear();
            scopes.Clear();
            _template = 0;
        }

        public void End(ReadOnlySpan<char> name)
        {
            bool foreign = Foreign;
            int open = scopes.Count - 1;
            while (open >= 0 && !name.SequenceEqual(scopes[open].Name)) open--;
            if (open >= 0) scopes.RemoveRange(open, scopes.Count - open);
            else if (!foreign && name is "template" && _template > 0) _template--;
        }

        /// <summary>Before a start tag's attributes are read: leaves foreign content where the tag does.</summary>
        /// <returns>Whether the tag is foreign (its xlink:href counts as href).</returns>
        public bool Start(ReadOnlySpan<char> name)
        {
            if (Foreign && LeavesForeignContent.Contains(name)) scopes.Clear();
            return Foreign;
        }

        public readonly void Link(ReadOnlySpan<char> url, int line, int column) => links.Add(new Link(Keep(url), line, column));

        public readonly void Id(ReadOnlySpan<char> id) => ids.Add(Keep(id));

        private readonly string Keep(ReadOnlySpan<char> s) => pool?.Intern(s) ?? s.ToString();

        // The name of an open svg or math element or integration point, as a string that exists already.
        private static string Scope(ReadOnlySpan<char> name) => name switch
        {
            "svg" => "svg", "math" => "math", "foreignobject" => "foreignobject", "desc" => "desc", "title" => "title",
            "mi" => "mi", "mo" => "mo", "mn" => "mn", "ms" => "ms", _ => "mtext",
        };

        /// <summary>After a start tag: the text state the tokenizer enters, if any (what follows up to its end tag is text).</summary>
        public HtmlParseMode? Started(ReadOnlySpan<char> name, bool foreign, bool selfClosing)
        {
            if (foreign)
            {
                if (selfClosing) return null;
                if (name is "svg" or "math") scopes.Add((Scope(name), true));
                else if (name is "foreignobject" or "desc" or "title" or "mi" or "mo" or "mn" or "ms" or "mtext") scopes.Add((Scope(name), false));
                return null;
            }
            if (name is "svg" or "math")
            {
                if (!selfClosing) scopes.Add((Scope(name), true));
                return null;
            }
            if (name is "template")
            {
                _template++;
                return null;
            }
            return TextState(name);
        }
    }

    // A thread's lists for the page it scans: its links, its ids, and the open svg/math elements with the integration
    // points inside them (the last one decides whether tags are foreign).
    [ThreadStatic] private static (List<Link> Links, List<string> Ids, List<(string Name, bool Foreign)> Scopes)? t_lists;

    /// <summary>The ids in ordinal order, each once.</summary>
    private static string[] SortedDistinct(List<string> ids)
    {
        ids.Sort(StringComparer.Ordinal);
        int kept = 0;
        for (int i = 0; i < ids.Count; i++)
            if (kept == 0 || !string.Equals(ids[i], ids[kept - 1], StringComparison.Ordinal)) ids[kept++] = ids[i];
        return [.. System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids)[..kept]];
    }

    /// <param name="scan">How a page kept in memory is scanned, by its path (serve: a page byte for byte as last time is not scanned again).</param>
    public static int Check(SiteFiles files, DiagnosticBag diag, Func<string, PageLinks>? scan = null)
    {
        // Only pages rendered by this build are checked; pages carried over were checked when they were made. Pages
        // scanned when they were staged are not read again (those kept on disk are read back one at a time, so a large
        // site's links are never all in memory); pages kept in memory are scanned now, in parallel. The pages to check
        // are listed as they are checked, never all at once: a large build keeps most of its paths on disk (SiteFiles.AddGroup).
        var names = files.Unscanned().Where(k => k.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        var scanned = new PageLinks?[names.Length];
        Parallel.For(0, names.Length, Content.Loading.Cores.Options(), i => scanned[i] = scan is null ? Scan(files.Read(names[i])) : scan(names[i]));
        // Only the pages scanned just now are looked up here (a site kept in memory); a staged page's links are where it
        // was staged, so a build that writes keeps no second map of its pages for the check.
        var now = new Dictionary<string, PageLinks>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) now[names[i]] = scanned[i]!;
        scanned = null!;
        return Check(files, files.All.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)), p => now.TryGetValue(p, out var links) ? links
            : files.HasLinks(p) ? files.LinksOf(p, StringPool.OfThread()) : null, diag);
    }

    /// <summary>Resolves the links of the scanned pages, in ordinal page order; targets not scanned are read and scanned on demand.</summary>
    public static int Check(SiteFiles files, IReadOnlyDictionary<string, PageLinks> pages, DiagnosticBag diag) =>
        Check(files, [.. pages.Keys.Order(StringComparer.Ordinal)], p => pages.TryGetValue(p, out var l) ? l : null, diag);

    /// <param name="ordered">The pages to check, in ordinal order.</param>
    /// <param name="linksOf">A page's links and ids; null for a page not checked (it is scanned when a link needs its ids).
    /// Called from several threads at once.</param>
    private static int Check(SiteFiles files, IEnumerable<string> ordered, Func<string, PageLinks?> linksOf, DiagnosticBag diag)
    {
        // A page linked to with a fragment is looked up again and again (the site-wide pages): its ids are kept once read.
        var targets = new ConcurrentDictionary<string, PageLinks>(StringComparer.Ordinal);
        var targetsBySpan = targets.GetAlternateLookup<ReadOnlySpan<char>>();
        PageLinks Target(ReadOnlySpan<char> target)
        {
            if (targetsBySpan.TryGetValue(target, out var known)) return known;
            string path = target.ToString();
            return targets.GetOrAdd(path, linksOf(path) ?? Scan(files.Read(path)));
        }
        // In batches of pages, each batch on all cores: most of a page's check is reading its links back from where they
        // were set aside, and one core did it for the whole site at the end of the build while the others waited.
        // Findings are reported in page order, and only one batch's links are held at a time.
        const int Batch = 256;
        var counts = new int[Batch];
        var findings = new List<(Diagnostic Finding, string Written, string Reached)>?[Batch];
        int checkedLinks = 0;
        // A broken link in a template (a header's image) is on every page: reported once, at its first page, naming the
        // other pages (it was one finding per page, none hinting at the template). The same link is the same written
        // address ("wapen.png" on every page) or the same file reached from each page's depth ("../../assets/x.png").
        var firsts = new List<(Diagnostic Finding, List<string> Others)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in ordered.Chunk(Batch))
        {
            int n = batch.Length;
            Parallel.For(0, n, i =>
            {
                string page = batch[i];
                var links = linksOf(page)!;
                int count = links.Settled;
                List<(Diagnostic, string, string)>? found = null;
                foreach (var (url, line, column) in links.Links)
                {
                    count++;
                    var (code, message) = Judge(page, url, t => files.Contains(t), t => Target(t), out var target, out var fragment) switch
                    {
                        Verdict.NotAllowed => (Codes.UnsafeLink, $"link '{url}' begint niet met http, https, mailto of tel; zulke links zijn niet toegestaan"),
                        Verdict.NoFile => (Codes.BrokenLink, $"link '{url}' wijst naar '{target}', maar die pagina of dat bestand maakt de build niet"),
                        Verdict.NoPlace => (Codes.BrokenLink, $"link '{url}' wijst naar de plek '#{fragment}', maar die staat niet op '{target}'"),
                        _ => (null, null),
                    };
                    if (message is not null)
                        (found ??= []).Add((new Diagnostic(page, line, column, Severity.Error, code!, message), $"{code}|{url}",
                            target is null ? $"{code}|{url}" : $"{code}|{target}#{fragment}")); // a link not allowed reaches nothing
                }
                counts[i] = count;
                findings[i] = found;
            });
            for (int i = 0; i < n; i++)
            {
                checkedLinks += counts[i];
                if (findings[i] is { } found)
                    foreach (var (d, written, reached) in found)
                    {
                        if (byKey.TryGetValue(written, out int at) || byKey.TryGetValue(reached, out at))
                            firsts[at].Others.Add(d.Path);
                        else
                        {
                            byKey[written] = byKey[reached] = firsts.Count;
                            firsts.Add((d, []));
                        }
                    }
                findings[i] = null;
            }
        }
        foreach (var (d, others) in firsts)
            diag.Add(others.Count switch
            {
                0 => d,
                <= 3 => d with { Message = $"{d.Message} (dezelfde link staat ook op {string.Join(", ", others)})" },
                _ => d with { Message = $"{d.Message} (dezelfde link staat ook op {string.Join(", ", others.Take(2))} en {others.Count - 2} andere pagina's: staat hij in een sjabloon van het thema?)" },
            });
        return checkedLinks;
    }

    /// <summary>
    /// Checks the links among a group of files drawn together (one neighbourhood's) and keeps of each page only the links
    /// that point outside the group, with a count of the others: the site-wide check then holds far less for a large
    /// site. Null when a link the group can decide is broken or not allowed: the site-wide check then checks the group's
    /// pages whole and reports it where it always has (settled links have no findings, so the order stays).
    /// </summary>
    /// <param name="links">Per file of <paramref name="paths"/>: its scan, or null for a file that is not a scanned page.</param>
    public static PageLinks?[]? Settle(IReadOnlyList<string> paths, IReadOnlyList<PageLinks?> links)
    {
        var group = new Dictionary<string, PageLinks?>(paths.Count, StringComparer.Ordinal);
        for (int i = 0; i < paths.Count; i++) group[paths[i]] = links[i];
        // Looked up by the resolved target as it stands in the resolver's buffer: no string per link.
        var inGroup = group.GetAlternateLookup<ReadOnlySpan<char>>();
        var result = new PageLinks?[paths.Count];
        for (int i = 0; i < paths.Count; i++)
        {
            if (links[i] is not { } page) continue;
            var outside = new List<Link>();
            int settled = page.Settled;
            foreach (var link in page.Links)
            {
                // Outside the group, or a page whose ids are not known here: for the site-wide check.
                var verdict = Judge(paths[i], link.Url, t => inGroup.ContainsKey(t) ? true : null, t => inGroup[t], out _, out _);
                if (verdict == Verdict.Later) outside.Add(link);
                else if (verdict == Verdict.Fine) settled++;
                else return null;
            }
            result[i] = new PageLinks([.. outside], page.Ids, settled);
        }
        return result;
    }

    private enum Verdict { Fine, NotAllowed, NoFile, NoPlace, Later }

    /// <summary>The rules for one link, for the site-wide check and for a group of pages (<see cref="Settle"/>).</summary>
    /// <param name="exists">Whether the build makes a file; null when that cannot be told here.</param>
    /// <param name="links">A page's scan, for its ids; null when they cannot be told here.</param>
    /// <param name="target">For a finding: the resolved target (null when the link climbs out of the site).</param>
    /// <param name="fragment">For a finding: the link's fragment.</param>
    private static Verdict Judge(string page, string url, Exists exists, LinksOf links, out string? target, out string fragment)
    {
        (target, fragment) = (null, "");
        // An address with a scheme leaves the site: allowed ones are not checked further, others are refused.
        if (Content.Loading.SafeMarkdown.SchemeOf(url) is not null)
            return Content.Loading.SafeMarkdown.IsAllowed(url) ? Verdict.Fine : Verdict.NotAllowed;
        if (!TryResolve(page, url, out var resolved, out var hash))
        {
            fragment = hash.ToString();
            return Verdict.NoFile;
        }
        switch (exists(resolved))
        {
            case null: return Verdict.Later;
            case false:
                (target, fragment) = (resolved.ToString(), hash.ToString());
                return Verdict.NoFile;
        }
        // A fragment of a document ("rapport.pdf#page=3") is the viewer's business; only pages have ids.
        if (hash.IsEmpty || !resolved.EndsWith(".html", StringComparison.Ordinal)) return Verdict.Fine;
        if (links(resolved) is not { } to) return Verdict.Later;
        if (to.HasId(hash)) return Verdict.Fine;
        (target, fragment) = (resolved.ToString(), hash.ToString());
        return Verdict.NoPlace;
    }

    private delegate bool? Exists(ReadOnlySpan<char> target);

    private delegate PageLinks? LinksOf(ReadOnlySpan<char> target);

    /// <summary>Resolves a relative link from an output file; "dir/" means "dir/index.html". Null when it climbs out of the site.</summary>
    public static (string? Target, string Fragment) Resolve(string page, string url) =>
        TryResolve(page, url, out var target, out var fragment) ? (target.ToString(), fragment.ToString()) : (null, fragment.ToString());

    /// <summary>
    /// <see cref="Resolve"/> into this thread's buffer: <paramref name="target"/> holds until the next call on the thread.
    /// Run for every link of every page (a million at 20,000 pages): no string is made unless the link has an escape
    /// (or, in <see cref="Judge"/>, a finding).
    /// </summary>
    private static bool TryResolve(string page, string url, out ReadOnlySpan<char> target, out ReadOnlySpan<char> fragment)
    {
        fragment = default;
        target = default;
        var rest = url.AsSpan();
        int hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = Unescape(rest[(hash + 1)..]);
            rest = rest[..hash];
        }
        int query = rest.IndexOf('?');
        if (query >= 0) rest = rest[..query];
        if (rest.IsEmpty)
        {
            target = page;
            return true;
        }
        var buffer = t_target ??= new PathBuffer();
        buffer.Clear();
        // Relative to the page's folder (its own name is not a folder), or to the site's root.
        int folder = page.LastIndexOf('/');
        if (rest[0] != '/' && folder >= 0)
            foreach (var range in page.AsSpan(0, folder).Split('/'))
                buffer.Push(page.AsSpan(0, folder)[range]);
        var path = rest.TrimStart('/');
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment is "." or "") continue;
            if (segment is "..")
            {
                if (buffer.Parts == 0) return false;
                buffer.Pop();
            }
            else if (segment.Contains('%')) buffer.Push(Uri.UnescapeDataString(segment.ToString()));
            else buffer.Push(segment);
        }
        if (rest[^1] == '/' || buffer.Parts == 0) buffer.Push("index.html");
        target = buffer.Path;
        return true;
    }

    [ThreadStatic] private static PathBuffer? t_target;

    private static ReadOnlySpan<char> Unescape(ReadOnlySpan<char> s) => s.Contains('%') ? Uri.UnescapeDataString(s.ToString()) : s;

    /// <summary>A path built part by part in one reused buffer; a part may hold '/' (unescaped from "%2F").</summary>
    private sealed class PathBuffer
    {
        private char[] _chars = new char[256];
        private int _length;
        private readonly List<int> _starts = [];

        public int Parts => _starts.Count;
        public ReadOnlySpan<char> Path => _chars.AsSpan(0, _length);

        public void Clear()
        {
            _length = 0;
            _starts.Clear();
        }

        public void Push(ReadOnlySpan<char> part)
        {
            int needed = _length + part.Length + 1;
            if (needed > _chars.Length) Array.Resize(ref _chars, Math.Max(needed, _chars.Length * 2));
            if (_starts.Count > 0) _chars[_length++] = '/';
            _starts.Add(_length);
            part.CopyTo(_chars.AsSpan(_length));
            _length += part.Length;
        }

        public void Pop()
        {
            int start = _starts[^1];
            _starts.RemoveAt(_starts.Count - 1);
            _length = _starts.Count > 0 ? start - 1 : 0;
        }
    }
}
