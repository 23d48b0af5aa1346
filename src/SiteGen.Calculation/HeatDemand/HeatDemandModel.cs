using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.HeatDemand;

/// <summary>The gas use a variant's energy figures start from, and why.</summary>
public readonly record struct GasBasis(decimal M3, Citation Source);

/// <summary>Heat demand from gas use (study Bijlage 1; MODEL.md §3).</summary>
public static class HeatDemandModel
{
    public const decimal MegajoulePerKilowattHour = 3.6m;
    public const decimal GigajoulePerKilowattHour = 0.0036m;

    private static readonly string[] LabelOrder = ["A", "B", "C", "D", "E", "F", "G"];

    /// <summary>Bijlage 1 as printed: (share_space x eff_space + share_tap x eff_tap) x LHV, in MJ/m3 (30.23).</summary>
    public static decimal Bijlage1FactorMegajoule(Assumptions a) =>
        (a.ShareSpaceHeating.Value * a.EfficiencySpaceHeating.Value
         + a.ShareTapWater.Value * a.EfficiencyTapWater.Value) * a.CalorificValue.Value;

    /// <summary>Useful heat per m3 of gas, kWh/m3: the study's inferred 8.598 or Bijlage 1's 8.40.</summary>
    public static decimal KilowattHourPerM3(Assumptions a, HeatDemandMethod method) =>
        (method == HeatDemandMethod.Study ? a.StudyConversionFactor.Value : Bijlage1FactorMegajoule(a))
        / MegajoulePerKilowattHour;

    public static Citation FactorSource(Assumptions a, HeatDemandMethod method) =>
        method == HeatDemandMethod.Study ? a.StudyConversionFactor.Source : a.CalorificValue.Source;

    /// <summary>
    /// Gas after insulating to a label: gas x (1 - space-heating share x saving[from, to]) (Tabel 10.1).
    /// A dwelling already at or above the target saves nothing.
    /// </summary>
    public static decimal GasAfterInsulation(decimal gas, string currentLabel, InsulationTarget target, Assumptions a)
    {
        if (target == InsulationTarget.None) return gas;
        string to = target == InsulationTarget.LabelD ? "D" : "B";
        string from = NormaliseLabel(currentLabel);
        if (MeetsTarget(currentLabel, target)) return gas;
        string key = SavingKey(from, to);
        if (!a.LabelSavings.TryGetValue(key, out var saving))
            throw new CalculationException($"er is geen besparing '{key}' vastgelegd voor een woning met label {currentLabel} die naar label {to} wordt geïsoleerd; voeg die toe aan de gedeelde parameters");
        return gas * (1m - a.SpaceHeatingShareForSavings.Value * saving.Value);
    }

    /// <summary>
    /// Labels with the same class behave the same towards this target: the same <see cref="GasAfterInsulation"/> and the
    /// same <see cref="MeetsTarget"/>. Without a target every label is alike; labels already at the target are alike;
    /// the others each have their own Tabel 10.1 saving.
    /// </summary>
    public static string LabelClass(string label, InsulationTarget target) =>
        target == InsulationTarget.None ? "*" : MeetsTarget(label, target) ? "met" : NormaliseLabel(label);

    /// <summary>True when a dwelling with this label is already at or above the insulation target (an unknown label never is).</summary>
    public static bool MeetsTarget(string currentLabel, InsulationTarget target)
    {
        if (target == InsulationTarget.None) return true;
        string from = NormaliseLabel(currentLabel);
        string to = target == InsulationTarget.LabelD ? "D" : "B";
        return from != "unknown" && Array.IndexOf(LabelOrder, from) <= Array.IndexOf(LabelOrder, to);
    }

    /// <summary>
    /// The gas use a variant's energy costs rest on. The study charges label-D gas to every variant
    /// (MODEL.md §3.2, §8 items 10-11); the consistent method uses the gas after the variant's own insulation.
    /// </summary>
    public static GasBasis CostBasis(DwellingInput d, InsulationTarget target, HeatDemandMethod method, Assumptions a)
    {
        if (method == HeatDemandMethod.Study)
        {
            var gasD = d.GasLabelD ?? throw new CalculationException(
                $"woning '{d.Id}' heeft geen gasverbruik bij label D, en dat heeft de rekenmethode van de studie nodig; vul 'gas_m3.label_d' in");
            return new GasBasis(gasD.Value, gasD.Source);
        }
        return new GasBasis(GasAfterInsulation(d.GasCurrent.Value, d.Label, target, a), d.GasCurrent.Source);
    }

    // The calculator's coefficients evaluate the model thousands of times per neighbourhood with the same few labels.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_labels = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), string> s_keys = new();

    private static string NormaliseLabel(string label) => s_labels.GetOrAdd(label, static label =>
    {
        string l = label.Trim().ToUpperInvariant();
        if (l.StartsWith('A')) return "A";
        return Array.IndexOf(LabelOrder, l) >= 0 ? l : "unknown";
    });

    /// <summary>"e_to_b": the key of a Tabel 10.1 saving.</summary>
    private static string SavingKey(string from, string to) =>
        s_keys.GetOrAdd((from, to), static k => $"{k.Item1.ToLowerInvariant()}_to_{k.Item2.ToLowerInvariant()}");
}
