using System.Runtime.CompilerServices;
using System.Text.Json;
using SiteGen.Calculation;
using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Personal;
using SiteGen.Content.Model;
using SiteGen.Rendering.Formatting;
using SiteGen.Rendering.OpenData;
using SiteGen.Rendering.Text;

namespace SiteGen.Rendering.Pages;

// View models of the personal calculator and the break-even sentences on a dwelling page (issue 11).
// Markup is the theme's (partials/calculator.sbn, partials/break-even.sbn); the script (assets/js/calculator.js)
// only evaluates a + b x gas from the numbers in `Data`.

public sealed record CalculatorOption(string Value, string Label, bool Selected = false);

/// <param name="InSentence">The name inside a sentence, with its article ("de hybride warmtepomp"): the script's outcome
/// sentence lists the choices with it.</param>
public sealed record CalculatorVariant(string Id, string Name, string InSentence);

public sealed record CalculatorLoanView(string MaxAmount, string Term, string Rate, string LowIncomeRate, string LowIncomeThreshold, bool ExampleValues);

public sealed record CalculatorTenantNote(string SourceText, string? SourceHref);

public sealed record CalculatorView(
    string Data,
    string ScriptHref,
    string Horizon,
    string DefaultGas,
    string DefaultLabel,
    IReadOnlyList<CalculatorOption> Labels,
    IReadOnlyList<CalculatorOption> Prices,
    IReadOnlyList<CalculatorVariant> Variants,
    CalculatorLoanView Loan,
    CalculatorTenantNote? TenantSubsidy);

public sealed record BreakEvenSentence(string Variant, string Text);

/// <summary>"Gebruikt u meer dan ... m3 gas per jaar, dan is ... goedkoper dan een gasketel", from the core's break-even.</summary>
public sealed record BreakEvenView(IReadOnlyList<BreakEvenSentence> Sentences, string? None, string Conditions);

public static class CalculatorViews
{
    /// <summary>The calculator data of each neighbourhood, derived once (it runs the core many times).</summary>
    private static readonly ConditionalWeakTable<NeighbourhoodResult, Data> Cache = new();

    /// <summary>A neighbourhood's calculator.json, and the same read for its dwelling pages (read once, not once per page).</summary>
    private sealed class Data(byte[] json)
    {
        public byte[] Json { get; } = json;
        private JsonDocument? _read;
        public JsonDocument Read => LazyInitializer.EnsureInitialized(ref _read, () => JsonDocument.Parse(Json));
        public void Dispose() => _read?.Dispose();
    }

    private static Data DataOf(Neighbourhood n, NeighbourhoodResult r) => Cache.GetValue(r, x => new Data(CalculatorFiles.Calculator(n, x)));

    /// <summary>The neighbourhood's calculator.json (see <see cref="CalculatorFiles.Calculator"/>), derived once per result for the file and the pages.</summary>
    public static byte[] CalculatorJson(Neighbourhood n, NeighbourhoodResult r) => DataOf(n, r).Json;

    /// <summary>Drops the cached data once the neighbourhood's pages and file are made: the results live for the whole build.</summary>
    public static void Forget(NeighbourhoodResult r)
    {
        if (!Cache.TryGetValue(r, out var data)) return;
        Cache.Remove(r);
        data.Dispose();
    }

    /// <summary>The calculator of one dwelling page; <paramref name="scriptHref"/> is the theme's script, relative to the page.</summary>
    public static CalculatorView Build(NeighbourhoodView view, string dwelling, string scriptHref)
    {
        var n = view.N;
        var a = n.Input.Assumptions;
        // Read in place and written straight out: a tree of the whole file per dwelling page, cloned into another, was
        // a fiftieth of what a build allocated. Read once for all the neighbourhood's dwelling pages.
        var root = DataOf(n, view.R).Read.RootElement;
        var own = root.GetProperty("dwellings").EnumerateArray().First(d => d.GetProperty("id").ValueEquals(dwelling));

        // The page's data: the neighbourhood's calculator.json, with only this dwelling, and the display steps.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer)) // compact, with the default encoder
        {
            json.WriteStartObject();
            foreach (string name in (ReadOnlySpan<string>)["horizon_years", "price_multipliers", "loan"])
            {
                json.WritePropertyName(name);
                root.GetProperty(name).WriteTo(json);
            }
            json.WriteStartObject("display_steps");
            json.WriteNumber("tco", DisplayRounding.TcoStep);
            json.WriteNumber("monthly", DisplayRounding.MonthlyStep);
            json.WriteNumber("upfront", DisplayRounding.UpfrontStep);
            json.WriteEndObject();
            json.WritePropertyName("dwelling");
            own.WriteTo(json);
            json.WriteEndObject();
        }
        string data = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);

        string defaultLabel = own.GetProperty("label").GetString()!;
        // Labels every variant has figures for; the others cannot be offered.
        var variants = own.GetProperty("variants").EnumerateArray().ToList();
        var offered = PersonalInputs.Labels.Where(l => l != "unknown"
            && variants.All(v => v.GetProperty("labels").TryGetProperty(l, out _))).ToList();
        var labels = new List<CalculatorOption> { new("", $"Zoals het voorbeeldhuis (label {defaultLabel})", true) };
        labels.AddRange(offered.Select(l => new CalculatorOption(l, "Label " + l)));
        if (variants.All(v => v.GetProperty("labels").TryGetProperty("unknown", out _)))
            labels.Add(new CalculatorOption("unknown", "Weet ik niet"));

        var prices = new List<CalculatorOption>
        {
            new("central", "Zoals nu", true),
            new("low", $"{Percent(1m - PriceScenarios.Multiplier(a, PriceSetting.Low))} lager dan nu"),
            new("high", $"{Percent(PriceScenarios.Multiplier(a, PriceSetting.High) - 1m)} hoger dan nu"),
        };

        var loan = new CalculatorLoanView(
            DutchFormat.Euro(a.LoanMaxAmount.Value),
            DutchFormat.Number(a.LoanTermYears.Value),
            DutchFormat.Percent(a.LoanInterestRate.Value, Display.Decimals(a.LoanInterestRate.Value * 100m, 2)),
            DutchFormat.Percent(a.LoanInterestRateLowIncome.Value, Display.Decimals(a.LoanInterestRateLowIncome.Value * 100m, 2)),
            DutchFormat.Euro(a.LoanLowIncomeThreshold.Value),
            root.GetProperty("loan").GetProperty("example_values").GetBoolean());

        return new CalculatorView(
            data,
            scriptHref,
            DutchFormat.Number(a.HorizonYears.Value),
            DutchFormat.Number(own.GetProperty("gas_m3").GetDecimal()),
            defaultLabel,
            labels, prices,
            n.Variants.Select(v => new CalculatorVariant(v.Id, v.Name, Labels.InSentence(v.Name))).ToList(),
            loan,
            TenantSubsidy(view, dwelling));
    }

    private static string Percent(decimal fraction) => DutchFormat.Percent(fraction, Display.Decimals(fraction * 100m, 1));

    /// <summary>
    /// Where the heat-network connection subsidy comes from (a tenant cannot count on it: landlords get no ISDE for it,
    /// study §8.4.2). Null when the dwelling has no heat-network variant with a fixed subsidy.
    /// </summary>
    private static CalculatorTenantNote? TenantSubsidy(NeighbourhoodView view, string dwelling)
    {
        foreach (var v in view.N.Input.Variants.Where(v => v.Kind == VariantKind.HeatNetwork))
            if (v.Costs.TryGetValue(dwelling, out var costs))
                foreach (var c in costs)
                    if (c.Subsidy?.Amount is { } amount)
                    {
                        var value = view.N.ScenarioValues.FirstOrDefault(s => s.Key == amount.Source.Key);
                        string doc = value?.Reference.Document.Short ?? amount.Source.Text;
                        return new CalculatorTenantNote($"{doc}, paragraaf 8.4.2", value is null ? null : view.CiteHref(value.Key));
                    }
        return null;
    }

    /// <summary>The break-even sentences of one dwelling: one per variant whose break-even lies within the range.</summary>
    public static BreakEvenView BreakEven(NeighbourhoodView view, string dwelling)
    {
        var n = view.N;
        string horizon = DutchFormat.Number(n.Input.Assumptions.HorizonYears.Value);
        string boiler = view.Reference is { } r ? MidSentence(r.Name) : "gasketel";
        var sentences = new List<BreakEvenSentence>();
        foreach (var v in n.Variants)
            if (view.R.BreakEven(dwelling, v.Id) is { Kind: BreakEvenKind.Within, GasM3: { } gas })
                sentences.Add(new BreakEvenSentence(v.Id,
                    $"Gebruikt u meer dan {DutchFormat.WithUnit(gas, 0, "m³")} gas per jaar, dan is een {MidSentence(v.Name)} over {horizon} jaar goedkoper dan een {boiler}."));
        string range = $"{DutchFormat.Number(BreakEvens.MinGasM3)} tot {DutchFormat.WithUnit(BreakEvens.MaxGasM3, 0, "m³")}";
        string? none = sentences.Count > 0 ? null
            : view.Reference is null ? "Voor deze buurt is er geen gasketel om mee te vergelijken."
            : $"Voor dit huis hangt het niet van uw gasverbruik af of een andere keuze over {horizon} jaar goedkoper is dan een {boiler} (bij {range} gas per jaar).";
        // The same model as the calculator (the house's own figures), not the study's: a table above may disagree at this gas use.
        const string conditions = "Dit geldt als u eigenaar bent, bij de energieprijzen van nu, zonder lening, en als uw cv-ketel nog niet vervangen hoeft te worden. "
            + "De tabel hierboven rekent zoals de studie; zij kan bij hetzelfde gasverbruik dus anders uitkomen.";
        return new BreakEvenView(sentences, none, conditions);
    }

    /// <summary>A name in the middle of a sentence: first letter lower-case, unless the word is an abbreviation ("MT-warmtenet").</summary>
    public static string MidSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
