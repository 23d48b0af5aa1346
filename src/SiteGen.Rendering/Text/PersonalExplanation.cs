using System.Text;
using System.Text.Json;
using SiteGen.Calculation;
using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Personal;
using SiteGen.Content.Model;
using SiteGen.Rendering.Formatting;

namespace SiteGen.Rendering.Text;

/// <summary>
/// <c>sitegen explain</c> with a resident's own inputs: the core's personal evaluation as text or as one JSON
/// object (the oracle for the page calculator).
/// </summary>
public static class PersonalExplanation
{
    public static string Text(Neighbourhood n, NeighbourhoodResult reference, PersonalResult p)
    {
        var a = n.Input.Assumptions;
        var i = p.Inputs;
        var sb = new StringBuilder();
        sb.AppendLine("Uw eigen situatie (berekend met de methode 'consistent', los van de voorbeeldwoning)");
        sb.AppendLine($"  gasverbruik nu: {DutchFormat.WithUnit(p.GasM3, 0, "m³")} per jaar{(i.GasM3 is null ? " (voorbeeldwoning)" : "")}");
        sb.AppendLine($"  energielabel: {p.Label}{(i.Label is null ? " (voorbeeldwoning)" : "")}");
        sb.AppendLine($"  energieprijzen: {PriceText(i.Price)} (x {DutchFormat.Number(PriceScenarios.Multiplier(a, i.Price), 2)} op gas, stroom en variabel warmtetarief)");
        sb.AppendLine($"  {(i.Tenant ? "huurder: alleen energie en vaste lasten, geen investering" : "eigenaar")}");
        if (!i.Tenant) sb.AppendLine($"  ketel moet binnenkort vervangen worden: {(i.NaturalMoment ? "ja" : "nee")}");
        sb.AppendLine();
        sb.Append(Explanation.Write(n, p.Detail, HeatDemandMethod.Consistent, p.Annuity));
        sb.AppendLine();
        sb.AppendLine("Uitkomst");
        if (p.Loan is { } loan)
            sb.AppendLine($"  lening: {DutchFormat.Euro(p.LoanAmount!.Value, 2)} tegen {DutchFormat.Percent(loan.InterestRate, 2)} in {loan.TermYears} jaar: "
                + $"{DutchFormat.Euro(p.LoanMonthly!.Value, 2)} per maand, rente {DutchFormat.Euro(p.LoanInterest!.Value, 2)} in totaal");
        sb.AppendLine($"  totaal over {a.HorizonYears.Value} jaar: {DutchFormat.Euro(p.Tco30y, 2)}");
        sb.AppendLine($"  per maand in het eerste jaar: {DutchFormat.Euro(p.MonthlyStartYear, 2)}");
        sb.AppendLine(p.UpfrontAfterSubsidy is { } u
            ? $"  nu te betalen na subsidie: {DutchFormat.Euro(u, 2)}"
            : "  nu te betalen: niets; de verhuurder beslist over de installatie en betaalt die");
        if (reference.BreakEven(p.DwellingId, p.VariantId) is { GasM3: { } be })
            sb.AppendLine($"  omslagpunt voor deze woning (label {n.Input.Dwellings.First(d => d.Id == p.DwellingId).Label}): boven {DutchFormat.WithUnit(be, 0, "m³")} gas per jaar goedkoper dan een gasketel");
        return sb.ToString();
    }

    public static string Json(Neighbourhood n, NeighbourhoodResult reference, PersonalResult p)
    {
        var i = p.Inputs;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("neighbourhood", n.Id);
            w.WriteString("dwelling", p.DwellingId);
            w.WriteString("variant", p.VariantId);
            w.WriteString("method", "consistent");
            w.WriteStartObject("inputs");
            w.WriteNumber("gas_m3", p.GasM3);
            w.WriteString("label", p.Label);
            w.WriteString("price", PriceScenarios.Id(i.Price));
            w.WriteBoolean("natural_moment", i.NaturalMoment);
            w.WriteBoolean("tenant", i.Tenant);
            w.WriteBoolean("loan", i.Loan);
            w.WriteBoolean("low_income", i.LowIncome);
            w.WriteEndObject();
            w.WriteNumber("tco_30y_eur", Cent(p.Tco30y));
            w.WriteNumber("monthly_cost_start_year_eur", Cent(p.MonthlyStartYear));
            if (p.UpfrontAfterSubsidy is { } u) w.WriteNumber("upfront_after_subsidy_eur", Cent(u));
            else w.WriteNull("upfront_after_subsidy_eur");
            if (p.Loan is { } loan)
            {
                w.WriteStartObject("loan");
                w.WriteNumber("amount_eur", Cent(p.LoanAmount!.Value));
                w.WriteNumber("monthly_eur", Cent(p.LoanMonthly!.Value));
                w.WriteNumber("interest_eur", Cent(p.LoanInterest!.Value));
                w.WriteNumber("interest_rate", loan.InterestRate);
                w.WriteNumber("term_years", loan.TermYears);
                w.WriteEndObject();
            }
            else w.WriteNull("loan");
            w.WriteNumber("gas_m3_per_year", Cent(p.Detail.GasM3));
            w.WriteNumber("electricity_kwh_per_year", Cent(p.Detail.ElectricityKwh));
            w.WriteNumber("heat_gj_per_year", Cent(p.Detail.HeatGJ));
            var be = reference.BreakEven(p.DwellingId, p.VariantId);
            if (be?.GasM3 is { } g) w.WriteNumber("break_even_gas_m3_per_year", g);
            else w.WriteNull("break_even_gas_m3_per_year");
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static decimal Cent(decimal v) => DecimalMath.RoundHalfUp(v, 2);

    private static string PriceText(PriceSetting s) => s switch
    {
        PriceSetting.Low => "lager dan nu",
        PriceSetting.High => "hoger dan nu",
        _ => "zoals nu",
    };
}
