using SiteGen.Calculation.Collective;
using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;

namespace SiteGen.Rendering.Text;

/// <summary>Dutch wording for what the core only names by id. One place, so pages and the terminal say the same.</summary>
public static class Labels
{
    public static string Line(LineItem line)
    {
        if (line.Label is { } own)
            return line.Year is > 0 ? $"{own} (vervanging in jaar {line.Year})" : own;
        return line.Id switch
        {
            "energy.gas" => "Aardgas",
            "energy.electricity" => "Elektriciteit",
            "energy.heat" => "Warmte (variabel tarief)",
            "energy.hybrid" => "Gas en elektriciteit (bedrag uit de studie)",
            "calibration.monthly_omission" => "Correctie: de studie telt onderhoud van gastoestellen niet mee in de maandlasten",
            _ => line.Id,
        };
    }

    public static string Carrier(string carrier) => carrier switch
    {
        "gas" => "aardgas",
        "electricity" => "elektriciteit",
        "network-electricity" => "elektriciteit van het warmtenet (uw deel)",
        _ => carrier,
    };

    public static string Category(CostCategory? c) => c switch
    {
        CostCategory.Installation => "Installatie",
        CostCategory.Adaptation => "Aanpassing in huis",
        CostCategory.Insulation => "Isolatie",
        CostCategory.ConnectionFee => "Aansluiting",
        CostCategory.Calibration => "Correctie",
        _ => "",
    };

    public static string Method(HeatDemandMethod m) => m == HeatDemandMethod.Study
        ? "zoals de studie (de tabellen van de studie zijn nagerekend)"
        : "eigen berekening (de rekenregels van de studie, Bijlage 1, gelden voor elk huis en elke keuze op dezelfde manier, zonder correcties)";

    public static string Scale(ScaleClass s) => s switch
    {
        ScaleClass.Mini => "mini-warmtenet (2 tot 50 aansluitingen)",
        ScaleClass.Small => "kleinschalig warmtenet (51 tot 1.500 aansluitingen)",
        _ => "grootschalig warmtenet (meer dan 1.500 aansluitingen)",
    };

    public static string Wcw(WcwRegime r) => r switch
    {
        WcwRegime.UpToLightLimit => "tot en met 10 aansluitingen: de lichtste regels van de Wet collectieve warmte",
        WcwRegime.UpToMiddleLimit => "11 tot 1.500 aansluitingen: het lichtere regime van de Wet collectieve warmte",
        _ => "meer dan 1.500 aansluitingen: het basisregime van de Wet collectieve warmte",
    };

    public static string Operator(Operator o) => o == Calculation.Inputs.Operator.Public ? "publiek" : "commercieel";

    public static string Subsidy(SubsidyCase s) => s switch
    {
        SubsidyCase.None => "zonder subsidie",
        SubsidyCase.Wis => "met WIS",
        SubsidyCase.Sde => "met SDE++",
        _ => "met WIS en SDE++",
    };

    // Sentence building: names and lists as a person writes them, so generated text does not read as assembled.

    /// <summary>
    /// A name inside a sentence, with its article: "de hybride warmtepomp", "het mini-warmtenet". A name that starts
    /// with an abbreviation ("WKO-net") keeps its capitals.
    /// </summary>
    public static string InSentence(string name)
    {
        string lowered = Inflect(Lower(name));
        string lastWord = lowered.Split(' ')[^1];
        // Dutch compounds take the article of their last part; "net" and "warmtenet" are neuter.
        bool neuter = lastWord.EndsWith("net", StringComparison.Ordinal) || lastWord.EndsWith("systeem", StringComparison.Ordinal);
        return (neuter ? "het " : "de ") + lowered;
    }

    /// <summary>A label inside a sentence: lower-case first letter, unless it starts with an abbreviation ("BAK", "ISDE-subsidie").</summary>
    public static string Lower(string label)
    {
        string first = label.Split(' ', '-', '/', '(')[0];
        bool abbreviation = first.Length > 1 && first.All(c => !char.IsLetter(c) || char.IsUpper(c));
        return abbreviation || label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];
    }

    /// <summary>
    /// After "de" or "het" an adjective takes -e: "het grootschalige warmtenet", "de hybride warmtepomp". Only the
    /// common endings of adjectives in variant names (-ig, -isch, -lijk, -eel) are inflected; other words are left alone.
    /// </summary>
    private static string Inflect(string name)
    {
        int space = name.IndexOf(' ');
        if (space < 0) return name;
        string first = name[..space];
        bool adjective = first.EndsWith("ig", StringComparison.Ordinal) || first.EndsWith("isch", StringComparison.Ordinal)
                         || first.EndsWith("lijk", StringComparison.Ordinal) || first.EndsWith("eel", StringComparison.Ordinal);
        return adjective ? first + "e" + name[space..] : name;
    }

    /// <summary>A small count as a word, as Dutch text writes it ("vijf keuzes"); larger numbers as digits.</summary>
    public static string Count(int n) => n switch
    {
        1 => "één", 2 => "twee", 3 => "drie", 4 => "vier", 5 => "vijf", 6 => "zes", 7 => "zeven", 8 => "acht", 9 => "negen", 10 => "tien",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>"a, b en c".</summary>
    public static string JoinAnd(IReadOnlyList<string> items) => Join(items, " en ");

    /// <summary>"a, b of c".</summary>
    public static string JoinOr(IReadOnlyList<string> items) => Join(items, " of ");

    private static string Join(IReadOnlyList<string> items, string last) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + last + items[^1];
}
