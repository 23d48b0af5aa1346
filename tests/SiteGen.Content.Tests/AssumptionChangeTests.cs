using SiteGen.Calculation;

namespace SiteGen.Content.Tests;

/// <summary>A communicator changes one number in YAML: exactly the figures that depend on it change, by the right amount.</summary>
public class AssumptionChangeTests
{
    private static NeighbourhoodResult WithChange(string file, string from, string to)
    {
        string dir = RepoPaths.CopyToTemp(RepoPaths.Content);
        string path = Path.Combine(dir, file);
        string text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
        return Putten.Load(dir).Item2;
    }

    private static readonly string[] Fields = ["gas", "electricity", "heat", "co2", "investment", "subsidy", "tco", "monthly"];

    private static decimal Field(Calculation.Resident.ResidentResult r, string f) => f switch
    {
        "gas" => r.GasM3, "electricity" => r.ElectricityKwh, "heat" => r.HeatGJ, "co2" => r.Co2Kg,
        "investment" => r.Investment, "subsidy" => r.Subsidy, "tco" => r.Tco, _ => r.MonthlyCost,
    };

    private static List<string> Changed(NeighbourhoodResult before, NeighbourhoodResult after) =>
        (from r in before.Residents
         let a = after.Resident(r.DwellingId, r.VariantId)
         from f in Fields
         where Field(r, f) != Field(a, f)
         select $"{r.DwellingId}/{r.VariantId}/{f}").ToList();

    [Fact]
    public void A_new_gas_price_changes_only_the_gas_boilers_tco_and_monthly_cost()
    {
        var after = WithChange("assumptions/energy.yaml", "value: 1.14", "value: 1.50");
        var changed = Changed(Putten.Result, after);
        // The study method takes the hybrid's energy cost as a published input (Tabel 8.2), so only the gas boiler moves.
        string[] dwellings = ["vrijstaand-voor-1980", "tussenwoning-1980-2000", "tussenwoning-na-2000"];
        var expected = dwellings.SelectMany(d => new[] { $"{d}/gasketel/tco", $"{d}/gasketel/monthly" }).ToList();
        Assert.Equal(expected.Order(), changed.Order());
        // Detached house: 1,280 m3 x EUR 0.36 more = 460.80 a year; x 30 years (g = r) = 13,824; / 12 = 38.40 a month.
        Assert.Equal(13824m, after.Resident("vrijstaand-voor-1980", "gasketel").Tco - Putten.Result.Resident("vrijstaand-voor-1980", "gasketel").Tco);
        Assert.Equal(38.40m, after.Resident("vrijstaand-voor-1980", "gasketel").MonthlyCost - Putten.Result.Resident("vrijstaand-voor-1980", "gasketel").MonthlyCost);
        // The heat company's business case does not read the resident's gas price.
        Assert.Equal(Putten.Result.Collectives.Select(c => c.BusinessCase.Gap(Calculation.Inputs.Operator.Public, Calculation.Inputs.SubsidyCase.None).Total),
            after.Collectives.Select(c => c.BusinessCase.Gap(Calculation.Inputs.Operator.Public, Calculation.Inputs.SubsidyCase.None).Total));
    }

    [Fact]
    public void A_new_heat_tariff_changes_every_heat_network_figure_that_uses_it_and_nothing_else()
    {
        var after = WithChange("assumptions/heat_tariffs.yaml", "value: 43.79", "value: 50.00");
        var changed = Changed(Putten.Result, after);
        Assert.All(changed, c => Assert.Contains("collectief/", c));
        Assert.Equal(3 * 3 * 2, changed.Count); // 3 dwellings x 3 networks x (tco, monthly)
        // Detached house: 39.62 GJ x EUR 6.21 more a year, x 30 years.
        decimal gj = Putten.Result.Resident("vrijstaand-voor-1980", "mini-collectief").HeatGJ;
        Assert.Equal(gj * 6.21m * 30m, after.Resident("vrijstaand-voor-1980", "mini-collectief").Tco - Putten.Result.Resident("vrijstaand-voor-1980", "mini-collectief").Tco, 6);
        // The heat company's revenue (ACM tariff excl. VAT) changes its funding gap too.
        Assert.True(after.Collectives[0].BusinessCase.Gap(Calculation.Inputs.Operator.Public, Calculation.Inputs.SubsidyCase.None).Total
                    < Putten.Result.Collectives[0].BusinessCase.Gap(Calculation.Inputs.Operator.Public, Calculation.Inputs.SubsidyCase.None).Total);
    }

    [Fact]
    public void A_neighbourhood_override_applies_to_that_neighbourhood_only_and_shows_as_an_override()
    {
        string dir = RepoPaths.CopyToTemp(RepoPaths.Content);
        string scenario = Path.Combine(dir, "putten", "bijsteren-husselerveld", "neighbourhood.yaml");
        File.AppendAllText(scenario, """

            overrides:
              energy.electricity_price:
                values:
                  2025-08-01: {value: 0.30, source: putten-study, ref: "test override"}
            """);
        var (n, after) = Putten.Load(dir);
        Assert.Single(n.Overrides);
        Assert.Equal(0.30m, n.Input.Assumptions.ElectricityPrice.Value);
        // Air/water heat pump, detached house: 2,751.5 kWh x EUR 0.04 more, x 30.
        var before = Putten.Result.Resident("vrijstaand-voor-1980", "lucht-water-warmtepomp");
        Assert.Equal(before.ElectricityKwh * 0.04m * 30m, after.Resident("vrijstaand-voor-1980", "lucht-water-warmtepomp").Tco - before.Tco, 6);
    }
}
