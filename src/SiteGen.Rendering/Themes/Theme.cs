using System.Reflection;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Parsing;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Content.Diagnostics;

namespace SiteGen.Rendering.Themes;

/// <summary>
/// A theme: layouts/*.sbn, partials/*.sbn (Scriban) and assets/**, looked up in the municipality's folder first and
/// in the default theme after it ("a file of the same name overrides"). Templates only display: every value reaches
/// them computed and formatted; a value a template names but the page does not have fails the build.
/// </summary>
/// <remarks>
/// Every template is parsed when the theme loads, so a broken override is reported even when none of its pages is
/// re-rendered. Output is HTML-encoded unless a template asks for sanitised HTML with <c>raw</c> (see <see cref="HtmlContext"/>).
/// </remarks>
public sealed class Theme
{
    public const string Extension = ".sbn";

    private readonly Dictionary<string, Slot> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Slot> _partials = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, byte[]> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _display = new(StringComparer.Ordinal);

    /// <summary>
    /// A template of this theme: the default theme's, parsed once for every theme that uses it, or the municipality's
    /// own, whose text is kept so that its parse can be let go (<see cref="LetGo"/>) and made again from the same text.
    /// </summary>
    private sealed class Slot(string file, string? text, Template parsed)
    {
        public readonly string File = file;
        /// <summary>The municipality's own template's text; null for a shared one, which is never let go.</summary>
        public readonly string? Text = text;
        // A render that read it keeps its template when it is let go meanwhile.
        public volatile Template? Parsed = parsed;
    }

    /// <summary>The folder name assets are published under: the most specific theme's name.</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, byte[]> Assets => _assets;

    private Theme(string name) => Name = name;

    /// <summary>Whether the municipality has partials of its own (a cached partial's text then depends on the theme).</summary>
    private bool _ownPartials;

    /// <param name="folders">Theme folders, most specific first (e.g. themes/putten, themes/default).</param>
    /// <param name="files">Templates and assets already read, by file: the default theme's files, which every
    /// municipality's theme shares, are parsed and held once however many themes a site has (a compiled template is
    /// read-only and drawn from many threads already).</param>
    /// <exception cref="ThemeException">A template does not parse: every such finding, located.</exception>
    public static Theme Load(string name, IReadOnlyList<string> folders, Dictionary<string, object>? files = null)
    {
        var theme = new Theme(name);
        var findings = new List<Diagnostic>();
        files ??= new(StringComparer.Ordinal);
        theme.Parse(folders, "partials", theme._partials, findings, files);
        theme._ownPartials = theme._partials.Values.Any(slot => slot.Text is not null);
        theme.Parse(folders, "layouts", theme._layouts, findings, files);
        foreach (var (relative, file) in Files(folders, "assets"))
            if (!relative.EndsWith(".md", StringComparison.Ordinal)) // docs stay in the theme
                theme._assets[relative] = (byte[])Read(files, file, f => File.ReadAllBytes(f));
        if (findings.Count > 0) throw new ThemeException(findings);
        return theme;
    }

    private static object Read(Dictionary<string, object> files, string file, Func<string, object> read) =>
        files.TryGetValue(file, out var known) ? known : files[file] = read(file);

    /// <param name="files">Where the last folder's (the default theme's) templates are parsed, once for every theme;
    /// the municipality's own are parsed for this theme alone.</param>
    private void Parse(IReadOnlyList<string> folders, string sub, Dictionary<string, Slot> into, List<Diagnostic> findings,
        Dictionary<string, object> files)
    {
        string shared = Path.Combine(folders[^1], sub) + Path.DirectorySeparatorChar;
        foreach (var (relative, file) in Files(folders, sub))
        {
            if (!relative.EndsWith(Extension, StringComparison.Ordinal)) continue;
            string display = DisplayPath(file);
            _display[file] = display;
            Slot slot;
            if (file.StartsWith(shared, StringComparison.Ordinal))
                slot = new Slot(file, null, (Template)Read(files, file, f => Template.Parse(File.ReadAllText(f), f)));
            else
            {
                string text = File.ReadAllText(file);
                slot = new Slot(file, text, Template.Parse(text, file));
            }
            var template = slot.Parsed!;
            if (template.HasErrors)
            {
                foreach (var m in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                    findings.Add(Located(display, m.Span, Dutch(m.Message, parse: true)));
                continue;
            }
            into[relative[..^Extension.Length]] = slot;
        }
    }

    /// <summary>
    /// Lets go of the parses of the municipality's own templates (a parsed theme of three partials held about 200 KB);
    /// a later page parses them again from the text read when the theme loaded, so it is drawn as before.
    /// </summary>
    internal void LetGo()
    {
        foreach (var slot in Own) slot.Parsed = null;
        // Emptied, not only dropped: a dropped table's entries live on until the runtime has finalized it and then its
        // inner tables, full collections later, while the shared models they hang on live for the whole build (at 20,000
        // pages five times the texts of the themes kept parsed, 0.5 MB; bench/README.md, thirtieth round).
        foreach (var (_, models) in (IEnumerable<KeyValuePair<Template, ConditionalWeakTable<object, Drawn>>>)_ownDrawn)
            foreach (var (_, drawn) in (IEnumerable<KeyValuePair<object, Drawn>>)models) drawn.Forget();
        _ownDrawn.Clear();
    }

    /// <summary>Whether any of the municipality's own templates is parsed now.</summary>
    public bool HoldsParsedTemplates => Own.Any(slot => slot.Parsed is not null);

    private IEnumerable<Slot> Own => _layouts.Values.Concat(_partials.Values).Where(slot => slot.Text is not null);

    private static Template? Find(Dictionary<string, Slot> slots, string name)
    {
        if (!slots.TryGetValue(name, out var slot)) return null;
        // Two threads may parse again at once: both parse the same text, and either result serves.
        return slot.Parsed ??= Template.Parse(slot.Text!, slot.File);
    }

    /// <summary>"themes/&lt;theme&gt;/&lt;file&gt;": the path a communicator recognises, whichever folder the theme was read from.</summary>
    private static string DisplayPath(string file)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(file)!);
        // Walk up to the theme folder: the parent of layouts/, partials/ or assets/.
        while (dir.Parent is { } parent && dir.Name is not ("layouts" or "partials" or "assets")) dir = parent;
        var themeFolder = dir.Parent!;
        return "themes/" + themeFolder.Name + "/" + Path.GetRelativePath(themeFolder.FullName, file).Replace('\\', '/');
    }

    /// <summary>
    /// A Dutch sentence before Scriban's own message (quoted as it comes, README "Messages are Dutch"): what kind of
    /// mistake it is and where to look. A missing <c>end</c> is reported where Scriban stopped looking, often far below.
    /// </summary>
    internal static string Dutch(string scriban, bool parse)
    {
        string lead =
            scriban.Contains("<end>", StringComparison.Ordinal) ? "hier mist een {{ end }}: elk if, for, while en capture heeft er een; de plek hier is waar het zoeken stopte, de ontbrekende end kan hoger staan"
            : scriban.Contains("was not found", StringComparison.Ordinal) || scriban.Contains("Cannot get member", StringComparison.Ordinal)
                ? "het sjabloon noemt hier iets dat deze pagina niet heeft; de namen per pagina staan in themes/README.md (let op spelling en snake_case)"
            : scriban.Contains("LoopLimit", StringComparison.Ordinal) ? "deze lus houdt niet op: een pagina mag hoogstens 1.000.000 keer rondgaan"
            : parse ? "het sjabloon klopt hier niet: kijk naar {{ en }}, aanhalingstekens en haakjes"
            : "het sjabloon kan hier niet worden getekend";
        return $"{lead} (Scriban meldt: {scriban})";
    }

    private static Diagnostic Located(string display, SourceSpan span, string message) =>
        new(display, span.Start.Line + 1, span.Start.Column + 1, Severity.Error, Codes.Template, message);

    private const string CallersKey = "sitegen.callers";

    public bool HasLayout(string name) => _layouts.ContainsKey(name);
    public bool HasPartial(string name) => _partials.ContainsKey(name);

    public string Render(string layout, object model) =>
        Render(Find(_layouts, layout) ?? throw Missing("layouts", layout), model);

    /// <summary>Renders one partial on its own (a table inside narrative, say).</summary>
    public string RenderPartial(string name, object model) =>
        Render(Find(_partials, name) ?? throw Missing("partials", name), model);

    private ThemeException Missing(string folder, string name) =>
        new([new Diagnostic($"themes/{Name}/{folder}/{name}{Extension}", 1, 1, Severity.Error, Codes.Template,
            $"het thema '{Name}' heeft geen {folder}/{name}{Extension}; voeg het bestand toe of gebruik het standaardthema")]);

    private static int s_preloadStarted;

    /// <summary>
    /// Makes Scriban's built-in functions (a reflection walk over a few hundred methods, 20-40 ms of a core) on another
    /// core while the build starts, instead of in the first page's render. Once per process.
    /// </summary>
    public static void Preload()
    {
        if (Interlocked.Exchange(ref s_preloadStarted, 1) == 0)
            Task.Run(() => RuntimeHelpers.RunClassConstructor(typeof(HtmlContext).TypeHandle));
    }

    // One context per thread for every theme, reset after each render (Scriban's TemplateContext.Reset: "can be reused
    // safely on the same thread for another run"): a new context per page and per partial allocated a sixth of the
    // whole build. Per thread, not per theme, so a site with a theme for each of hundreds of municipalities does not
    // keep hundreds of contexts with their output buffers.
    [ThreadStatic] private static HtmlContext? t_context;

    private string Render(Template template, object model) => Render(template, model, static (context, t) => t.Render(context));

    /// <summary>
    /// A page drawn with <paramref name="layout"/>, its text in a pooled buffer (<see cref="PageText"/>) instead of a
    /// string: a page's string was a tenth of what a build allocated, and one page in eight was large enough (over 85 KB
    /// as UTF-16) to land on the large-object heap, which only a full collection clears.
    /// </summary>
    public PageText RenderPage(string layout, object model) =>
        Render(Find(_layouts, layout) ?? throw Missing("layouts", layout), model, static (context, t) =>
        {
            Evaluate(context, t);
            // Copied out before End, whose reset empties the output for the next render.
            return PageText.From(((StringBuilderOutput)context.Output).Builder);
        });

    private T Render<T>(Template template, object model, Func<TemplateContext, Template, T> render)
    {
        // A render inside a render on this thread (a partial drawn while a view model is read) gets a context of its own.
        var context = t_context is { InUse: false } idle ? idle : new HtmlContext();
        context.Begin(this, Globals(model));
        try
        {
            var result = render(context, template);
            context.End();
            t_context ??= context;
            return result;
        }
        catch (ScriptRuntimeException e)
        {
            // A context left mid-render (loops, outputs) is not reused.
            if (ReferenceEquals(t_context, context)) t_context = null;
            string Display(SourceSpan span) => span.FileName is { } f && _display.TryGetValue(f, out var d) ? d : $"themes/{Name}";
            string message = e is ThemeRuleException ? e.OriginalMessage : Dutch(e.OriginalMessage, parse: false);
            if (e.Data[CallersKey] is List<SourceSpan> { Count: > 0 } callers)
                message += "; aangeroepen vanuit " + string.Join(", daarvoor vanuit ", callers.Select(c => $"{Display(c)}:{c.Start.Line + 1}:{c.Start.Column + 1}"));
            throw new ThemeException([Located(Display(e.Span), e.Span, message)]);
        }
        catch
        {
            if (ReferenceEquals(t_context, context)) t_context = null;
            throw;
        }
    }

    /// <summary>What <c>Template.Render</c> does before it turns the output into a string: the template written into the context's output.</summary>
    private static void Evaluate(TemplateContext context, Template template)
    {
        if (template.SourceFilePath is { } file) context.PushSourceFile(file);
        try
        {
            if (template.Page is { } page && context.Evaluate(page) is { } result && context.EnableOutput) context.Write(page.Span, result);
        }
        finally
        {
            if (template.SourceFilePath is not null) context.PopSourceFile();
        }
    }

    /// <summary>A partial, called from a template as <c>partial "name" value</c>; its result is written unescaped.</summary>
    internal Markup? Partial(TemplateContext context, string name, object? model) =>
        Include(context, PartialNamed(context, name), model, isolated: false);

    private Template PartialNamed(TemplateContext context, string name) => Find(_partials, name)
        ?? throw new ThemeRuleException(context.CurrentSpan, $"partial '{name}' bestaat niet in partials/ van het thema");

    /// <summary>Notes where a template that failed was called from: a mistake in what a municipality's layout passes to a
    /// default partial is reported in the partial, which the designer never edited.</summary>
    private static void AddCaller(Exception e, SourceSpan caller)
    {
        if (e.Data[CallersKey] is not List<SourceSpan> callers) e.Data[CallersKey] = callers = [];
        callers.Add(caller);
    }

    /// <summary>
    /// A partial called as <c>partial_cached "name" value</c> (Hugo's <c>partialCached</c>): drawn with its model alone
    /// (none of the calling page's variables), so the same model object always draws to the same text, and that text is
    /// reused wherever the same object is passed again in this build. A page passes one object for a part that many
    /// pages share (the common assumptions' tables: about a sixth of a neighbourhood's pages' text); a model made per page is
    /// simply drawn.
    /// </summary>
    internal Markup PartialCached(TemplateContext context, string name, object? model)
    {
        var template = PartialNamed(context, name);
        // The partials it calls are this theme's: the same text serves every theme without partials of its own.
        object scope = _ownPartials ? this : s_defaultPartials;
        // Only a reference (not a string or a boxed number, new at every call) can be met again.
        var drawn = model is null or string || model.GetType().IsValueType ? null
            : (_ownPartials ? _ownDrawn : s_drawn).GetValue(template, static _ => new()).GetValue(model, static _ => new());
        if (drawn?.Find(scope) is { } known) return new Markup(known);
        // A context of its own: the caller's variables and loops stay out of sight.
        var inner = t_isolated is { InUse: false } idle ? idle : new HtmlContext();
        inner.Begin(this, Globals(model));
        try
        {
            Evaluate(inner, template);
            string text = ((StringBuilderOutput)inner.Output).Builder.ToString();
            inner.End();
            t_isolated ??= inner;
            drawn?.Add(scope, text);
            return new Markup(text);
        }
        catch (Exception e)
        {
            if (ReferenceEquals(t_isolated, inner)) t_isolated = null;
            if (e is ScriptRuntimeException) AddCaller(e, context.CurrentSpan);
            throw;
        }
    }

    // The text a cached partial drew for each model, kept while both live: a municipality's own template let go
    // (LetGo) takes its texts with it, and the page renderer holds the shared models for one build.
    private static readonly ConditionalWeakTable<Template, ConditionalWeakTable<object, Drawn>> s_drawn = new();
    // A theme with partials of its own keeps its texts itself: they go when it is let go (LetGo). Kept with the shared
    // models, a large build held every themed municipality's copy of the common tables to its end (0.75 MB at 20,000
    // pages; bench/README.md, twenty-ninth round).
    private readonly ConditionalWeakTable<Template, ConditionalWeakTable<object, Drawn>> _ownDrawn = new();
    private static readonly object s_defaultPartials = new();

    /// <summary>What a cached partial drew for one model: once for the themes without partials of their own, once per theme with.</summary>
    private sealed class Drawn
    {
        private (object Scope, string Text)[] _texts = [];

        public string? Find(object scope)
        {
            foreach (var (s, text) in Volatile.Read(ref _texts)) if (ReferenceEquals(s, scope)) return text;
            return null;
        }

        // Two threads may draw the same at once: both texts are equal, either serves.
        public void Add(object scope, string text)
        {
            lock (this) _texts = [.. _texts, (scope, text)];
        }

        public void Forget()
        {
            lock (this) _texts = [];
        }
    }

    [ThreadStatic] private static HtmlContext? t_isolated;

    /// <summary>
    /// A page's own layout, drawn where the base layout writes <c>body | raw</c>, in the base layout's render: the
    /// layout's text is not made into a string of its own first and then copied into the page.
    /// </summary>
    public LayoutBody Body(string layout, object model) =>
        new(Find(_layouts, layout) ?? throw Missing("layouts", layout), model);

    /// <summary>
    /// Draws <paramref name="template"/> inside the running render. Called as a statement (<c>{{ partial "x" y }}</c>,
    /// <c>{{ body | raw }}</c>, as every template of the default theme does) it writes straight into the output the call
    /// stands in, which is where the statement's result would be written: made into a value of its own and copied in,
    /// every partial's text was copied once per level of nesting (a seventh of what a build allocated). Assigned, piped
    /// on or passed on, its text is a value (<see cref="Markup"/>) as before.
    /// </summary>
    /// <param name="isolated">True: the template sees its model only, not the variables of the template that calls it
    /// (a page's layout, as when it was drawn on its own).</param>
    internal static Markup? Include(TemplateContext context, Template template, object? model, bool isolated)
    {
        var html = (HtmlContext)context;
        var page = template.Page;
        var caller = context.CurrentSpan;
        bool inPlace = context.EnableOutput && page is not null && HtmlContext.IsStatement(context.CurrentNode);
        var outer = isolated ? context.PopGlobal() : null;
        context.PushGlobal(Globals(model));
        if (!inPlace) context.PushOutput(html.RentOutput());
        try
        {
            if (!inPlace) return new Markup(template.Render(context));
            Evaluate(context, template);
            return null;
        }
        catch (ScriptRuntimeException e)
        {
            AddCaller(e, caller);
            throw;
        }
        finally
        {
            if (!inPlace)
            {
                context.PopOutput();
                html.ReturnOutput();
            }
            context.PopGlobal();
            if (outer is not null) context.PushGlobal(outer);
        }
    }

    /// <summary>
    /// The variables a template sees: the model's properties (snake_case, as Scriban names them), or for a list
    /// the variable <c>items</c>.
    /// </summary>
    private static ScriptObject Globals(object? model)
    {
        switch (model)
        {
            case null: return new ScriptObject();
            case System.Collections.IEnumerable list when model is not string:
                return new ScriptObject(1) { ["items"] = list };
            default:
                // What ScriptObject.Import(model, Property, ViewModelOnly, StandardMemberRenamer) sets, with the
                // reflection done once per type instead of on every render and partial, into a table sized for it
                // (grown from empty it was remade three or four times per partial).
                var properties = Importable(model.GetType());
                var globals = new ScriptObject(properties.Length);
                var members = model as ITemplateMembers;
                foreach (var (name, property) in properties)
                    globals.SetValue(name, members is not null && members.TryGetMember(name, out var value) ? value : property.GetValue(model), false);
                return globals;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string, PropertyInfo)[]> s_importable = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string, PropertyInfo)[]> s_members = new();

    /// <summary>
    /// The members a template reads on a view model of this type (<c>cell.text</c>), with their template names: what
    /// Scriban's own accessor would find, its public instance properties that <see cref="ViewModelOnly"/> lets through.
    /// </summary>
    public static IReadOnlyList<(string Name, PropertyInfo Property)> TemplateMembers(Type type) =>
        s_members.GetOrAdd(type, static t => [.. Importable(t).Where(m => !m.Item2.GetMethod!.IsStatic)]);

    /// <summary>The properties Scriban's import would set, in its order (base type first), with their template names.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = NativeBuild.Rooted)]
    private static (string Name, PropertyInfo Property)[] Importable(Type type) => s_importable.GetOrAdd(type, static t =>
    {
        var chain = new Stack<Type>();
        for (var x = t; x is not null && x != typeof(object); x = x.BaseType) chain.Push(x);
        var result = new List<(string, PropertyInfo)>();
        while (chain.Count > 0)
            foreach (var p in chain.Pop().GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly))
                if (p.CanRead && p.GetMethod is { IsPublic: true } && ViewModelOnly(p) && p.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null)
                    result.Add((StandardMemberRenamer.Default(p) is { Length: > 0 } n ? n : p.Name, p));
        return [.. result];
    });

    /// <summary>
    /// Templates reach the view model's public properties and nothing else of .NET: no methods, no fields, no
    /// properties of framework types (a string's Length, a list's Capacity).
    /// </summary>
    public static bool ViewModelOnly(MemberInfo member) =>
        member is PropertyInfo { GetMethod.IsPublic: true } p && p.GetIndexParameters().Length == 0 && p.DeclaringType is { } t
        && (t.Namespace?.StartsWith("SiteGen.", StringComparison.Ordinal) == true || t.IsDefined(typeof(CompilerGeneratedAttribute), false))
        && p.Name != "EqualityContract";

    /// <summary>Files under a subfolder of every theme folder; a file in an earlier folder hides one of the same name later.</summary>
    private static SortedDictionary<string, string> Files(IReadOnlyList<string> folders, string sub)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            string dir = Path.Combine(folder, sub);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
                result.TryAdd(relative, file);
            }
        }
        return result;
    }
}

/// <summary>A rule of SiteGen's themes broken while drawing (raw on plain text, a missing partial): its message is SiteGen's own, in Dutch.</summary>
internal sealed class ThemeRuleException(SourceSpan span, string message) : ScriptRuntimeException(span, message);

/// <summary>A template or theme that cannot be used: its findings, each at themes/&lt;theme&gt;/&lt;file&gt;:line:col.</summary>
public sealed class ThemeException(IReadOnlyList<Diagnostic> findings)
    : Exception(string.Join(Environment.NewLine, findings))
{
    public IReadOnlyList<Diagnostic> Findings { get; } = findings;
}

/// <summary>A page's layout with its model, drawn when the base layout writes it with <c>raw</c> (see <see cref="Theme.Body"/>).</summary>
public sealed class LayoutBody
{
    private readonly Template _template;
    private readonly object _model;

    internal LayoutBody(Template template, object model) => (_template, _model) = (template, model);

    /// <summary>Null when drawn in place; else the layout's text as a value.</summary>
    internal Markup? Write(TemplateContext context) => Theme.Include(context, _template, _model, isolated: true);
}

/// <summary>HTML that is already safe to write as is: Markdown rendered by the sanitising pipeline, or a page body.</summary>
public sealed record SafeHtml(string Html)
{
    public static readonly SafeHtml Empty = new("");
    // Written without `raw`, it is escaped like any other value: the tags show, and the theme author sees the mistake.
    public override string ToString() => Html;
}

/// <summary>Output a template may write unescaped: what <c>raw</c> returns and what a partial renders.</summary>
internal sealed record Markup(string Html);

/// <summary>
/// A Scriban context that writes HTML: every value is HTML-encoded unless it is <see cref="Markup"/>, strict about
/// unknown variables and members, with a loop limit, and with only the functions a theme needs.
/// </summary>
internal sealed class HtmlContext : TemplateContext
{
    // Cumulative iterations per render; generous for a page listing thousands of neighbourhoods, small enough to stop a runaway loop.
    private const int MaxLoopIterations = 1_000_000;

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = NativeBuild.Rooted)]
    public HtmlContext() : base(Builtins)
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        LoopLimit = MaxLoopIterations;
        // Scriban cuts a render off after 1 MB of output by default and writes "..." instead of failing: a national
        // home page is larger, and a cut page is a broken page. The loop limit is what stops a runaway template.
        LimitToString = 0;
        AutoIndent = false;
        MemberFilter = Theme.ViewModelOnly;
        MemberRenamer = StandardMemberRenamer.Default;
        _functions = new ScriptObject();
        _functions.SetValue("partial", new Direct<string, object?>((c, name, model) => ((HtmlContext)c).Theme.Partial(c, name, model)), readOnly: true);
        _functions.SetValue("partial_cached", new Direct<string, object?>((c, name, model) => ((HtmlContext)c).Theme.PartialCached(c, name, model)), readOnly: true);
        _functions.SetValue("raw", new Direct<object?>(Raw), readOnly: true);
    }

    /// <summary>
    /// A theme function that Scriban calls straight. Scriban checks and converts the arguments from the delegate's
    /// signature as for any imported function; only its last step, <see cref="Delegate.DynamicInvoke"/> over an array,
    /// is a direct call here. A page calls partial and raw dozens of times: Scriban's function calls took 1.5% of a
    /// native 20,000-page build's samples before, 1.1% after (bench/README.md, twenty-eighth round).
    /// </summary>
    private sealed class Direct<T1, T2>(Func<TemplateContext, T1, T2, object?> function) : DelegateCustomFunction(function)
    {
        // The arguments as Scriban lays them out for the delegate: the context first (the function asks for it), then the template's.
        protected override object? InvokeImpl(TemplateContext context, SourceSpan span, object?[] arguments) =>
            function((TemplateContext)arguments[0]!, (T1)arguments[1]!, (T2)arguments[2]!);
    }

    /// <inheritdoc cref="Direct{T1, T2}"/>
    private sealed class Direct<T1>(Func<TemplateContext, T1, object?> function) : DelegateCustomFunction(function)
    {
        protected override object? InvokeImpl(TemplateContext context, SourceSpan span, object?[] arguments) =>
            function((TemplateContext)arguments[0]!, (T1)arguments[1]!);
    }

    private readonly ScriptObject _functions;

    /// <summary>Whether a render is running in this context (between <see cref="Begin"/> and <see cref="End"/>).</summary>
    public bool InUse { get; private set; }

    /// <summary>The theme whose partials the running render calls.</summary>
    public Theme Theme { get; private set; } = null!;

    /// <summary>Starts a render of one of <paramref name="theme"/>'s templates with these variables on top of the built-in functions and partial/raw.</summary>
    public void Begin(Theme theme, ScriptObject globals)
    {
        InUse = true;
        Theme = theme;
        PushGlobal(_functions);
        PushGlobal(globals);
    }

    /// <summary>Ends a render: back to the built-in functions only, the output emptied (capacity kept) for the next one.</summary>
    public void End()
    {
        Reset();
        _depth = 0;
        InUse = false;
    }

    // A partial's output, one per nesting depth, kept with the context: a partial inside a loop writes into the same
    // builder each time (Scriban empties an output once it has made its string).
    private readonly List<StringBuilderOutput> _outputs = [];
    private int _depth;

    public StringBuilderOutput RentOutput()
    {
        if (_depth == _outputs.Count) _outputs.Add(new StringBuilderOutput());
        return _outputs[_depth++];
    }

    public void ReturnOutput() => _depth--;

    /// <summary>
    /// True when <paramref name="call"/> (a function call, or the last stage of a pipe) is a statement of its own whose
    /// value the enclosing block writes to the output, and nothing else is done with it.
    /// </summary>
    internal static bool IsStatement(ScriptNode? call)
    {
        while (call?.Parent is ScriptPipeCall pipe && ReferenceEquals(pipe.To, call)) call = pipe;
        return call?.Parent is ScriptExpressionStatement { CanOutput: true, Parent: ScriptList<ScriptStatement> { Parent: ScriptBlockStatement } };
    }

    private static readonly ScriptObject Builtins = new BuiltinFunctions();

    // Every context has the same member filter and renamer, so the accessor Scriban builds for a view-model type (a
    // reflection walk over its members) can serve all renders; Scriban's own cache lives and dies with one context.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Scriban.Runtime.IObjectAccessor> s_accessors = new();

    protected override Scriban.Runtime.IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var type = target.GetType();
        if (s_accessors.TryGetValue(type, out var accessor)) return accessor;
        accessor = target is ITemplateMembers ? new TemplateMembersAccessor(type) : base.GetMemberAccessorImpl(target);
        return accessor is null ? null : s_accessors.GetOrAdd(type, accessor);
    }

    /// <summary>Writes sanitised HTML unescaped; anything else is refused, so content text can never be written raw.</summary>
    private static object? Raw(TemplateContext context, object? value) => value switch
    {
        SafeHtml h => new Markup(h.Html),
        Markup m => m,
        LayoutBody body => body.Write(context),
        null => new Markup(""),
        _ => throw new ThemeRuleException(context.CurrentSpan,
            "raw schrijft alleen HTML die SiteGen al veilig heeft gemaakt (zoals de verhaaltekst); gewone tekst wordt altijd ge-escaped"),
    };

    public override TemplateContext Write(SourceSpan span, object? value)
    {
        switch (value)
        {
            case null: return this;
            case Markup m: Write(m.Html); return this;
            // Unlike SafeHtml it has no text to show escaped: the theme author is told what to write instead.
            case LayoutBody: throw new ThemeRuleException(span, "de inhoud van de pagina schrijft u met raw: {{ body | raw }}");
            default:
                WriteEncoded(ObjectToString(value) ?? "");
                return this;
        }
    }

    // The characters Handlebars escaped, encoded the same way: pages stay byte-identical across the engine switch.
    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create("&<>\"'`=");

    /// <summary>
    /// Writes <paramref name="s"/> HTML-encoded, straight into the output: the runs between escaped characters as
    /// slices of the string, each escaped character as its entity. An encoded copy of every value a page writes was
    /// about 2% of what a build allocated.
    /// </summary>
    private void WriteEncoded(string s)
    {
        int start = 0;
        while (true)
        {
            int i = s.AsSpan(start).IndexOfAny(Escaped);
            if (i < 0)
            {
                Write(s, start, s.Length - start);
                return;
            }
            if (i > 0) Write(s, start, i);
            Write(Entity(s[start + i]));
            start += i + 1;
        }
    }

    private static string Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#x27;",
        '`' => "&#x60;",
        _ => "&#x3D;",
    };
}

/// <summary>The default theme and the municipalities' overrides, loaded once per build.</summary>
public sealed class ThemeSet
{
    public const string DefaultName = "default";
    private readonly Dictionary<string, Theme> _themes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _files = new(StringComparer.Ordinal);
    private readonly string _default;
    private readonly string _root;

    // A build that lets go of each neighbourhood keeps the own templates of the municipalities it drew last parsed, and
    // lets go of the others' (the synthetic national site has 180 themed municipalities, about 200 KB each). Neighbourhoods
    // are drawn about in folder order, a municipality's one after the other, on every core at once: one municipality
    // per core and the one before. A municipality drawn again after it was let go parses its templates again. Eight
    // kept on two cores held 1.2 MB more at 20,000 pages than at 2,000 (bench/README.md, twenty-ninth round).
    private readonly LinkedList<Theme>? _parsed;
    public static readonly int KeptParsed = Environment.ProcessorCount + 1;

    private ThemeSet(string root, string defaultFolder, bool letGo)
    {
        _root = root;
        _default = defaultFolder;
        _themes[DefaultName] = Theme.Load(DefaultName, [defaultFolder], _files);
        if (letGo) _parsed = new();
    }

    /// <summary>
    /// Themes live in <paramref name="root"/> (by default 'themes' next to the content folder). When it has no
    /// default theme, the copy shipped with SiteGen is used, so a content folder outside the repository builds too.
    /// </summary>
    /// <param name="letGo">Keep only the last-used municipalities' own templates parsed (a build that draws each
    /// neighbourhood once); a session keeps them all for the next rebuild.</param>
    public static ThemeSet Load(string root, bool letGo = false) => new(root, DefaultFolder(root), letGo);

    internal static string DefaultFolder(string root)
    {
        string local = Path.Combine(root, DefaultName);
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "themes", DefaultName);
    }

    public Theme Default { get { lock (_themes) return _themes[DefaultName]; } }

    // Neighbourhoods are drawn in parallel; a loaded theme is read-only, loading one is serialised.
    public Theme For(string municipality)
    {
        lock (_themes)
        {
            if (!_themes.TryGetValue(municipality, out var t))
            {
                string own = Path.Combine(_root, municipality);
                t = Directory.Exists(own) ? Theme.Load(municipality, [own, _default], _files) : Default;
                _themes[municipality] = t;
            }
            if (_parsed is not null && t.Name != DefaultName) Used(t);
            return t;
        }
    }

    private void Used(Theme t)
    {
        if (_parsed!.First?.Value == t) return;
        _parsed.Remove(t);
        _parsed.AddFirst(t);
        if (_parsed.Count <= KeptParsed) return;
        _parsed.Last!.Value.LetGo();
        _parsed.RemoveLast();
    }

    /// <summary>The folders a municipality's pages are drawn from (its own, then the default): their files are its pages' template dependencies.</summary>
    public IReadOnlyList<string> Folders(string municipality) => Folders(_root, municipality);

    /// <summary>The same, before any theme is loaded (an incremental build decides what to read by them).</summary>
    public static IReadOnlyList<string> Folders(string root, string municipality)
    {
        string own = Path.Combine(root, municipality);
        return Directory.Exists(own) ? [own, DefaultFolder(root)] : [DefaultFolder(root)];
    }

    public IEnumerable<Theme> Loaded => _themes.Values.Distinct().OrderBy(t => t.Name, StringComparer.Ordinal);
}
