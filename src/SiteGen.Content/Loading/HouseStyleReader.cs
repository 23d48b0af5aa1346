using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Yaml;

namespace SiteGen.Content.Loading;

/// <summary>
/// Reads a municipality's house style from municipality.yaml: logo, colours, contact and footer links. Colours are
/// checked for contrast here (pure arithmetic, WCAG 2.1); whether the logo file exists is checked by the build,
/// which knows where the themes are.
/// </summary>
internal static partial class HouseStyleReader
{
    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();

    /// <summary>
    /// The backgrounds the default theme puts links and primary-coloured text on (tokens.css): white, surface,
    /// note, highlight, warning and the badge background. A colour the municipality sets must be readable on each.
    /// </summary>
    private static readonly (string Name, string Hex)[] Backgrounds =
    [
        ("wit", "#ffffff"), ("lichtgrijs vlak", "#f3f5f8"), ("lichtblauw notitievlak", "#eaf1fb"),
        ("lichtgeel accentvlak", "#fff4d6"), ("lichtoranje waarschuwingsvlak", "#fdf0e6"),
    ];
    private const string BadgeBackground = "#e8eef7";
    public const decimal TextContrast = 4.5m;

    public static HouseStyle Read(MapReader map)
    {
        var ctx = map.Context;
        Logo? logo = null;
        if (map.Map("logo", "'logo'", required: false) is { } l)
        {
            var fileNode = l.Get("file", required: true);
            string? file = l.String("file");
            string? alt = l.String("alt");
            l.Done();
            if (file is not null && (file.Contains("..") || Path.IsPathRooted(file) || file.Contains('\\')))
            {
                ctx.Error(fileNode!, Codes.WrongType, $"'logo.file' is een bestandsnaam in themes/<gemeente>/assets/, zoals logo.svg; gevonden '{file}'");
                file = null;
            }
            if (file is not null && alt is not null)
            {
                var (line, col) = ctx.Position(fileNode!);
                logo = new Logo(file, alt, ctx.Path, line, col);
            }
        }

        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        var colourNodes = new Dictionary<string, YamlDotNet.RepresentationModel.YamlNode>(StringComparer.Ordinal);
        if (map.Map("colours", "'colours'", required: false) is { } c)
        {
            foreach (var key in HouseStyle.ColourKeys)
            {
                var node = c.Get(key, required: false);
                string? value = c.String(key, required: false);
                if (node is null || value is null) continue;
                if (!HexColour().IsMatch(value))
                {
                    ctx.Error(node, Codes.WrongType, $"'colours.{key}' is een kleur als #rrggbb, bijvoorbeeld #154273; gevonden '{value}'");
                    continue;
                }
                colours[key] = value.ToLowerInvariant();
                colourNodes[key] = node;
            }
            c.Done();
        }
        CheckContrast(colours, colourNodes, ctx);

        Contact? contact = null;
        if (map.Map("contact", "'contact'", required: false) is { } k)
        {
            string? name = k.String("name");
            string? url = k.String("url", required: false);
            string? phone = k.String("phone", required: false);
            if (url is not null && !References.IsWebAddress(url))
                ctx.Error(k.Get("url", false)!, Codes.UnsafeLink, $"'contact.url' begint met https:// of http://; gevonden '{url}'");
            k.Done();
            if (name is not null) contact = new Contact(name, url, phone);
        }

        var links = new List<FooterLink>();
        if (map.Map("footer_links", "'footer_links'", required: false) is { } f)
        {
            foreach (var (key, text) in HouseStyle.FooterLinkKeys)
            {
                string? url = f.String(key, required: false);
                if (url is null) continue;
                if (!References.IsWebAddress(url))
                {
                    ctx.Error(f.Get(key, false)!, Codes.UnsafeLink, $"'footer_links.{key}' is een webadres dat begint met https:// of http://; gevonden '{url}'");
                    continue;
                }
                links.Add(new FooterLink(text, url));
            }
            f.Done();
        }
        return new HouseStyle(logo, colours, contact, links);
    }

    /// <summary>Every pair of colours the theme draws text with, at 4.5:1 (WCAG 2.1 AA for body text).</summary>
    private static void CheckContrast(Dictionary<string, string> colours, Dictionary<string, YamlDotNet.RepresentationModel.YamlNode> nodes, YamlContext ctx)
    {
        void Require(string key, string foreground, string background, string what)
        {
            decimal ratio = Contrast.Ratio(foreground, background);
            if (ratio < TextContrast)
                ctx.Error(nodes[key], Codes.Contrast,
                    $"{what}: {foreground} op {background} heeft een contrast van {ratio.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',')}:1; "
                    + $"nodig is minstens 4,5:1 (WCAG 2.1 AA). Kies een donkerdere of lichtere kleur");
        }
        colours.TryGetValue("primary", out var primary);
        colours.TryGetValue("primary_text", out var primaryText);
        // The default theme's values stand in for the keys a municipality leaves out.
        primary ??= "#154273";
        primaryText ??= "#ffffff";
        if (nodes.ContainsKey("primary_text")) Require("primary_text", primaryText, primary, "de tekst in de kopbalk ('primary_text' op 'primary')");
        else if (nodes.ContainsKey("primary")) Require("primary", primaryText, primary, "de tekst in de kopbalk ('primary_text' op 'primary')");
        if (nodes.ContainsKey("primary"))
        {
            Require("primary", primary, "#ffffff", "de stapnummers en randen in 'primary' op wit");
            Require("primary", primary, BadgeBackground, "de labels in 'primary' op hun lichtblauwe vlak");
        }
        if (colours.TryGetValue("link", out var link))
            foreach (var (name, hex) in Backgrounds)
                Require("link", link, hex, $"links ('link') op het {name}");
    }
}

/// <summary>The WCAG 2.1 contrast ratio of two sRGB colours.</summary>
public static class Contrast
{
    public static decimal Ratio(string a, string b)
    {
        double la = Luminance(a), lb = Luminance(b);
        double ratio = (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
        return Math.Round((decimal)ratio, 2, MidpointRounding.ToZero);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            double c = int.Parse(hex.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }
}
