using HandlebarsDotNet;

namespace SiteGen.Rendering.Themes;

/// <summary>
/// A compiled theme: layouts/*.hbs, partials/*.hbs and assets/**, looked up in the municipality's folder
/// first and in the default theme after it ("a file of the same name overrides"). Templates only display:
/// no helpers; an unresolved value fails the build instead of rendering blank.
/// </summary>
public sealed class Theme
{
    // Template sources are read at load; compiling waits for the first page, so a theme whose pages are all
    // carried over unchanged (incremental build) costs only its assets.
    private readonly Dictionary<string, string> _layoutSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _partialSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _partials = new(StringComparer.Ordinal);
    private IHandlebars? _hb;
    private readonly SortedDictionary<string, byte[]> _assets = new(StringComparer.Ordinal);

    /// <summary>The folder name assets are published under: the most specific theme's name.</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, byte[]> Assets => _assets;

    private Theme(string name) => Name = name;

    /// <param name="folders">Theme folders, most specific first (e.g. themes/putten, themes/default).</param>
    public static Theme Load(string name, IReadOnlyList<string> folders)
    {
        var theme = new Theme(name);
        foreach (var (relative, file) in Files(folders, "partials"))
            if (relative.EndsWith(".hbs", StringComparison.Ordinal))
                theme._partialSources[relative[..^4]] = File.ReadAllText(file);
        foreach (var (relative, file) in Files(folders, "layouts"))
            if (relative.EndsWith(".hbs", StringComparison.Ordinal))
                theme._layoutSources[relative[..^4]] = File.ReadAllText(file);
        foreach (var (relative, file) in Files(folders, "assets"))
            if (!relative.EndsWith(".md", StringComparison.Ordinal)) theme._assets[relative] = File.ReadAllBytes(file); // docs stay in the theme
        return theme;
    }

    public bool HasLayout(string name) => _layoutSources.ContainsKey(name);

    private IHandlebars Compiler()
    {
        if (_hb is not null) return _hb;
        var hb = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
        foreach (var (name, source) in _partialSources) hb.RegisterTemplate(name, source);
        return _hb = hb;
    }

    public string Render(string layout, object model)
    {
        if (!_layouts.TryGetValue(layout, out var template))
        {
            if (!_layoutSources.TryGetValue(layout, out var source))
                throw new InvalidOperationException($"theme '{Name}' has no layout '{layout}.hbs'");
            _layouts[layout] = template = Compiler().Compile(source);
        }
        return template(model);
    }

    /// <summary>Renders one partial on its own (a table inside narrative, say).</summary>
    public string RenderPartial(string name, object model)
    {
        if (!_partials.TryGetValue(name, out var template))
            _partials[name] = template = Compiler().Compile("{{> " + name + "}}");
        return template(model);
    }

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

/// <summary>The default theme and the municipalities' overrides, loaded once per build.</summary>
public sealed class ThemeSet
{
    public const string DefaultName = "default";
    private readonly Dictionary<string, Theme> _themes = new(StringComparer.Ordinal);
    private readonly string _default;
    private readonly string _root;

    private ThemeSet(string root, string defaultFolder)
    {
        _root = root;
        _default = defaultFolder;
        _themes[DefaultName] = Theme.Load(DefaultName, [defaultFolder]);
    }

    /// <summary>
    /// Themes live in <paramref name="root"/> (by default 'themes' next to the content folder). When it has no
    /// default theme, the copy shipped with SiteGen is used, so a content folder outside the repository builds too.
    /// </summary>
    public static ThemeSet Load(string root)
    {
        string local = Path.Combine(root, DefaultName);
        string shipped = Path.Combine(AppContext.BaseDirectory, "themes", DefaultName);
        return new ThemeSet(root, Directory.Exists(local) ? local : shipped);
    }

    public Theme Default => _themes[DefaultName];

    public Theme For(string municipality)
    {
        if (_themes.TryGetValue(municipality, out var t)) return t;
        string own = Path.Combine(_root, municipality);
        t = Directory.Exists(own) ? Theme.Load(municipality, [own, _default]) : Default;
        _themes[municipality] = t;
        return t;
    }

    /// <summary>The folders a municipality's pages are drawn from (its own, then the default): their files are its pages' template dependencies.</summary>
    public IReadOnlyList<string> Folders(string municipality)
    {
        string own = Path.Combine(_root, municipality);
        return Directory.Exists(own) ? [own, _default] : [_default];
    }

    public IEnumerable<Theme> Loaded => _themes.Values.Distinct().OrderBy(t => t.Name, StringComparer.Ordinal);
}
