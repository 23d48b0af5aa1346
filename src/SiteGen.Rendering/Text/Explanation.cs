using System.Text;
using SiteGen.Calculation;
using SiteGen.Calculation.Resident;
using SiteGen.Content.Model;
using SiteGen.Rendering.Formatting;

namespace SiteGen.Rendering.Text;

/// <summary>The derivation of one dwelling x variant as plain text: every line with amount, year, present value and source.</summary>
public static class Explanation
{
    public static string Write(Neighbourhood n, NeighbourhoodResult result, ResidentResult r) =>
        Write(n, r, n.Input.Method, result.Annuity);

    /// <summary>The derivation of a result computed with <paramref name="method"/> (e.g. a personal evaluation, always consistent).</summary>
    public static string Write(Neighbourhood n, ResidentResult r, Calculation.Inputs.HeatDemandMethod method, decimal annuity)
    {
        var a = n.Input.Assumptions;
        var sb = new StringBuilder();
        sb.AppendLine($"{n.Name} - {n.Dwelling(r.DwellingId).Name} - {n.Variant(r.VariantId).Name}");
        sb.AppendLine($"Methode: {Labels.Method(method)}");
        sb.AppendLine($"Warmtevraag: {DutchFormat.WithUnit(r.GasBasisM3, 0, "m³")} gas x {DutchFormat.Number(r.HeatDemandKwh / r.GasBasisM3, 3)} kWh/m³ = {DutchFormat.WithUnit(r.HeatDemandKwh, 0, "kWh")}");
        sb.AppendLine($"Energie per jaar: gas {DutchFormat.WithUnit(r.GasM3, 0, "m³")}, elektriciteit {DutchFormat.WithUnit(r.ElectricityKwh, 0, "kWh")}, warmte {DutchFormat.WithUnit(r.HeatGJ, 2, "GJ")}");
        sb.AppendLine($"Contante-waardefactor jaarlasten A = som van q^t over {a.HorizonYears.Value} jaar, q = (1 + {DutchFormat.Percent(a.Indexation.Value, 1)}) / (1 + {DutchFormat.Percent(a.DiscountRate.Value, 1)}): A = {DutchFormat.Number(annuity, 4)}");
        sb.AppendLine();

        const string header = "{0,-62} {1,5} {2,14} {3,16}  {4}";
        sb.AppendLine("Eenmalige posten");
        sb.AppendLine(string.Format(header, "post", "jaar", "bedrag", "contante waarde", "bron"));
        decimal oneOff = 0m;
        foreach (var l in r.OneOffs)
        {
            sb.AppendLine(string.Format(header, Cut(Labels.Line(l)), l.Year, DutchFormat.Euro(l.Amount, 2), DutchFormat.Euro(l.PresentValue, 2), l.Source.Text));
            oneOff += l.PresentValue;
        }
        sb.AppendLine(string.Format(header, "subtotaal eenmalig", "", "", DutchFormat.Euro(oneOff, 2), ""));
        sb.AppendLine();
        sb.AppendLine("Jaarlijkse kosten (prijspeil jaar 0)");
        sb.AppendLine(string.Format(header, "post", "", "per jaar", "contante waarde", "bron"));
        decimal annual = 0m;
        foreach (var l in r.Annual)
        {
            sb.AppendLine(string.Format(header, Cut(Labels.Line(l)), "", DutchFormat.Euro(l.Amount, 2), DutchFormat.Euro(l.PresentValue, 2), l.Source.Text));
            annual += l.PresentValue;
        }
        sb.AppendLine(string.Format(header, "subtotaal jaarlijks", "", "", DutchFormat.Euro(annual, 2), ""));
        sb.AppendLine(string.Format(header, $"TCO over {a.HorizonYears.Value} jaar", "", "", DutchFormat.Euro(r.Tco, 2), $"afgerond {DutchFormat.Euro(DutchFormat.RoundTo(r.Tco, 10))}"));
        sb.AppendLine();
        sb.AppendLine("Maandlasten in het startjaar");
        foreach (var l in r.Monthly)
            sb.AppendLine(string.Format(header, Cut(Labels.Line(l)), "", DutchFormat.Euro(l.Amount, 2), "", l.Source.Text));
        sb.AppendLine(string.Format(header, "maandlasten", "", DutchFormat.Euro(r.MonthlyCost, 2), "", $"afgerond {DutchFormat.Euro(r.MonthlyCost)}"));
        sb.AppendLine();
        WriteBound(sb, "Lage schatting", r.LowEstimate, header);
        WriteBound(sb, "Hoge schatting", r.HighEstimate, header);
        sb.AppendLine($"Bandbreedte TCO: {DutchFormat.Euro(r.TcoRange.Low, 2)} tot {DutchFormat.Euro(r.TcoRange.High, 2)}; " +
            $"maandlasten: {DutchFormat.Euro(r.MonthlyRange.Low, 2)} tot {DutchFormat.Euro(r.MonthlyRange.High, 2)}; " +
            $"nu te betalen: {DutchFormat.Euro(r.UpfrontRange.Low, 2)} tot {DutchFormat.Euro(r.UpfrontRange.High, 2)}");
        sb.AppendLine();
        sb.AppendLine("Posten voor bewoners en de boekhouding van de studie");
        decimal residentOneOff = r.ResidentOneOffs.Sum(l => l.PresentValue);
        sb.AppendLine(string.Format(header, "eenmalige posten voor bewoners", "", "", DutchFormat.Euro(residentOneOff, 2), ""));
        sb.AppendLine(string.Format(header, "jaarlijkse kosten", "", "", DutchFormat.Euro(annual, 2), ""));
        foreach (var x in r.Reconciliations.Where(x => x.TcoAmount != 0m))
            sb.AppendLine(string.Format(header, Cut("apart: " + x.Id), "", "", DutchFormat.Euro(x.TcoAmount, 2), x.Source.Text));
        sb.AppendLine(string.Format(header, "TCO (gelijk aan hierboven)", "", "", DutchFormat.Euro(residentOneOff + annual + r.Reconciliations.Sum(x => x.TcoAmount), 2), ""));
        sb.AppendLine(string.Format(header, "nu te betalen, optelsom posten", "", DutchFormat.Euro(r.ResidentUpfront, 2), "", $"met studie: {DutchFormat.Euro(r.Upfront, 2)}"));
        sb.AppendLine(string.Format(header, "maandlasten nagerekend", "", DutchFormat.Euro(r.MonthlyCostRecomputed, 2), "", $"volgens de studie: {DutchFormat.Euro(r.MonthlyCost, 2)}"));
        foreach (var x in r.Reconciliations)
            sb.AppendLine($"  {x.Describe(v => DutchFormat.Euro(v))} ({x.Source.Text})");
        sb.AppendLine();
        sb.AppendLine("CO2 per jaar");
        foreach (var c in r.Co2Lines)
            sb.AppendLine($"  {Labels.Carrier(c.Carrier)}: {DutchFormat.Number(c.Quantity, 1)} x {DutchFormat.Number(c.Factor.Value, 3)} kg = {DutchFormat.Number(c.Kg, 1)} kg  ({c.Factor.Source.Text})");
        sb.AppendLine($"  totaal: {Display.Co2(r.Co2Kg)}"); // as the page shows it
        return sb.ToString();
    }

    /// <summary>
    /// One bound, line by line. Rule: low = one-off costs at (1 - margin of their kind) and energy prices at the
    /// 'lower' what-if; high = the opposite. Fixed annual costs, fixed subsidies and corrections stay as they are.
    /// </summary>
    private static void WriteBound(StringBuilder sb, string title, ResidentBound b, string header)
    {
        sb.AppendLine($"{title}: energieprijzen x {DutchFormat.Number(b.PriceFactor, 2)}" + (b.PriceSource is { } src ? $" ({src.Text})" : " (geen wat-als-prijs in de inhoud)"));
        sb.AppendLine(string.Format(header, "post", "jaar", "factor", "contante waarde", "bron"));
        foreach (var l in b.OneOffs)
            sb.AppendLine(string.Format(header, Cut(Labels.Line(l.Line)), l.Line.Year, DutchFormat.Number(l.Factor, 2), DutchFormat.Euro(l.PresentValue, 2), l.Line.Source.Text));
        foreach (var l in b.Annual)
            sb.AppendLine(string.Format(header, Cut(Labels.Line(l.Line)), "", DutchFormat.Number(l.Factor, 2), DutchFormat.Euro(l.PresentValue, 2), l.Line.Source.Text));
        sb.AppendLine(string.Format(header, $"TCO {title.ToLowerInvariant()}", "", "", DutchFormat.Euro(b.Tco, 2), ""));
        sb.AppendLine(string.Format(header, "maandlasten", "", DutchFormat.Euro(b.MonthlyCost, 2), "", ""));
        sb.AppendLine(string.Format(header, "nu te betalen, na subsidie", "", DutchFormat.Euro(b.Upfront, 2), "", ""));
        sb.AppendLine();
    }

    private static string Cut(string s) => s.Length > 62 ? s[..59] + "..." : s;
}
