using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Content.Yaml;

/// <summary>
/// Recognises numbers written the Dutch way (or with a unit or sign attached) in the raw YAML text and says what
/// was probably meant. YAML reads `1.900` as 1.9; the raw scalar still holds "1.900", so the hint can be exact.
/// </summary>
public static partial class NumberHints
{
    /// <summary>A hint for the raw text of a number, or null when it looks like an ordinary YAML number.</summary>
    public static string? For(string raw)
    {
        string text = raw.Trim();
        if (text.Length == 0) return null;

        // A euro sign or word, before or after: € 1900, €1.900, EUR 1900, 1900 euro.
        var currency = Currency().Match(text);
        if (currency.Success)
        {
            string number = currency.Groups["n"].Value.Trim();
            string meant = Plain(number) ?? number;
            return $"Schrijf het getal zonder euroteken of het woord euro: {meant}";
        }
        // A unit typed after the number: 1200 m3, 30 jaar. The unit comes from the field itself.
        var unit = UnitSuffix().Match(text);
        if (unit.Success)
        {
            string number = unit.Groups["n"].Value.Trim();
            return $"Schrijf het getal zonder de eenheid '{unit.Groups["u"].Value}' (die hoort al bij het veld): {Plain(number) ?? number}";
        }
        var percent = Percent().Match(text);
        if (percent.Success)
        {
            string number = percent.Groups["n"].Value.Trim();
            if (Plain(number) is { } p && decimal.TryParse(p, NumberStyles.Number, CultureInfo.InvariantCulture, out var pct))
                return $"Schrijf een aandeel als breuk, zonder '%': {UnitRange.Format(pct / 100m)}";
            return "Schrijf een aandeel als breuk, zonder '%', bijvoorbeeld 0.15 voor 15%";
        }
        // Spaces as thousands separators: 1 900, 12 500.
        if (SpaceGrouped().IsMatch(text)) return $"Schrijf het getal zonder spaties: {text.Replace(" ", "").Replace("\u00A0", "")}";
        // Dots as thousands separators, optionally a decimal comma: 1.900, 12.500, 1.200,50, 1.900.000.
        if (DotGrouped().IsMatch(text))
        {
            string meant = Plain(text)!;
            bool comma = text.Contains(',');
            return comma
                ? $"{text} is op z'n Nederlands geschreven: YAML-getallen hebben geen punt voor duizendtallen en een punt (geen komma) voor decimalen. Schrijf {meant}"
                : $"YAML leest {text} als {DutchDecimal(text)}: YAML-getallen hebben geen punt voor duizendtallen. Schrijf {meant}";
        }
        // A decimal comma without thousands: 0,30 or 1,5.
        if (CommaDecimal().IsMatch(text))
            return text.Length - text.IndexOf(',') - 1 == 3
                ? $"YAML-getallen hebben een punt voor decimalen en geen scheidingsteken voor duizendtallen. Schrijf {text.Replace(',', '.')}, of {text.Replace(",", "")} als u duizendtallen bedoelde"
                : $"YAML-getallen hebben een punt voor decimalen, geen komma. Schrijf {text.Replace(',', '.')}";
        return null;
    }

    /// <summary>"1.900" as YAML reads it, written the Dutch way (1,9), so the author sees the misreading.</summary>
    private static string DutchDecimal(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? UnitRange.Dutch(d)
            : text;

    /// <summary>A Dutch-written number as YAML wants it: 1.200,50 -> 1200.50; null when it is not a number.</summary>
    public static string? Plain(string number)
    {
        string n = number.Replace(" ", "").Replace("\u00A0", "");
        if (DotGrouped().IsMatch(n)) return n.Replace(".", "").Replace(',', '.');
        if (CommaDecimal().IsMatch(n)) return n.Replace(',', '.');
        if (Regex.IsMatch(n, @"^-?\d+(\.\d+)?$")) return n;
        return null;
    }

    [GeneratedRegex(@"^(?:(?:€|EUR|eur|euro|Euro)\s*(?<n>-?[0-9][0-9., \u00A0]*)|(?<n>-?[0-9][0-9., \u00A0]*?)\s*(?:€|EUR|eur|euro|Euro|euro's))$")]
    private static partial Regex Currency();

    // A price's unit as well: 1.30 EUR/m3, 0,26 €/kWh, 1.14 euro per m3.
    [GeneratedRegex(@"^(?<n>-?[0-9][0-9., \u00A0]*?)\s*(?<u>(?:(?:€|eur|euro)\s*(?:/|per\s+)\s*(?:m3|m³|kuub|kWh|MWh|GJ))|m3|m³|kuub|kWh|MWh|GJ|jaar|jr|per jaar|/jaar|woningen|aansluitingen|kg)$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitSuffix();

    [GeneratedRegex(@"^(?<n>-?[0-9][0-9.,]*)\s*%$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^-?\d{1,3}([ \u00A0]\d{3})+([.,]\d+)?$")]
    private static partial Regex SpaceGrouped();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex DotGrouped();

    [GeneratedRegex(@"^-?\d+,\d+$")]
    private static partial Regex CommaDecimal();
}
