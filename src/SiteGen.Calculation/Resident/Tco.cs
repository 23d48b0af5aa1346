using SiteGen.Calculation.HeatDemand;
using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Resident;

/// <summary>
/// The resident's 30-year total cost of ownership and start-year monthly cost for one dwelling and
/// one variant (study ch. 8; MODEL.md §4). Costs incl. VAT.
/// </summary>
/// <remarks>
/// TCO = sum of PV(one-off items) + A x (variable + fixed), with q = (1+g)/(1+r), A = sum q^t over the
/// horizon and PV(item in year y) = amount x q^y. With g = r (the study) A = 30 and q^15 = 1.
/// Build one <see cref="Tco"/> per neighbourhood: it caches everything that does not depend on the dwelling.
/// </remarks>
public sealed class Tco
{
    private readonly NeighbourhoodInput _input;
    private readonly Assumptions _a;
    private readonly decimal _annuity;
    private readonly decimal _reinvestFactor;
    private readonly int _reinvestYear;
    private readonly decimal _kwhPerM3;
    private readonly Citation _factorSource;
    private readonly bool _study;

    public Tco(NeighbourhoodInput input)
    {
        _input = input;
        _a = input.Assumptions;
        _study = input.Method == HeatDemandMethod.Study;
        decimal q = (1m + _a.Indexation.Value) / (1m + _a.DiscountRate.Value);
        _annuity = AnnuityFactor(q, (int)_a.HorizonYears.Value);
        _reinvestYear = (int)_a.ReinvestmentYear.Value;
        _reinvestFactor = DecimalMath.Pow(q, _reinvestYear);
        _kwhPerM3 = HeatDemandModel.KilowattHourPerM3(_a, input.Method);
        _factorSource = HeatDemandModel.FactorSource(_a, input.Method);
    }

    /// <summary>Sum over t = 1..horizon of q^t: what one euro a year at year-0 prices is worth over the horizon.</summary>
    public decimal Annuity => _annuity;

    public static decimal AnnuityFactor(decimal q, int horizon)
    {
        decimal sum = 0m, term = 1m;
        for (int t = 1; t <= horizon; t++)
        {
            term *= q;
            sum += term;
        }
        return sum;
    }

    /// <param name="network">For heat-network variants: the network's technical figures (its electricity use carries the CO2).</param>
    public ResidentResult Evaluate(DwellingInput d, VariantInput v, Collective.HeatNetworkTechnics? network = null)
    {
        var a = _a;
        var target = v.Insulation.TryGetValue(d.Id, out var t) ? t : InsulationTarget.None;
        GasBasis basis;
        try
        {
            basis = HeatDemandModel.CostBasis(d, target, _input.Method, a);
        }
        catch (CalculationException e)
        {
            throw new CalculationException($"dwelling '{d.Id}' with variant '{v.Id}': {e.Message}");
        }
        decimal heatKwh = basis.M3 * _kwhPerM3;

        // Energy use and the variable cost it brings (Tabel 8.2, 5.2).
        decimal gas = 0m, el = 0m, heatGJ = 0m;
        LineItem[] variable;
        switch (v.Kind)
        {
            case VariantKind.GasBoiler:
                gas = basis.M3;
                variable = [Variable("energy.gas", gas * a.GasPrice.Value, a.GasPrice.Source)];
                break;
            case VariantKind.HybridHeatPump:
                el = heatKwh * a.HybridHeatShare.Value / a.ScopHybrid.Value;
                gas = basis.M3 * (1m - a.HybridHeatShare.Value);
                variable = _study && v.VariableCostOverride.TryGetValue(d.Id, out var published)
                    ? [Variable("energy.hybrid", published.Value, published.Source)]
                    : [Variable("energy.gas", gas * a.GasPrice.Value, a.GasPrice.Source),
                       Variable("energy.electricity", el * a.ElectricityPrice.Value, a.ElectricityPrice.Source)];
                break;
            case VariantKind.AirWaterHeatPump:
                el = heatKwh / a.ScopAirWater.Value;
                variable = [Variable("energy.electricity", el * a.ElectricityPrice.Value, a.ElectricityPrice.Source)];
                break;
            default:
                heatGJ = heatKwh * HeatDemandModel.GigajoulePerKilowattHour;
                variable = [Variable("energy.heat", heatGJ * a.HeatTariffVariable.Value, a.HeatTariffVariable.Source)];
                break;
        }

        // Annual lines: variable, then fixed.
        var annual = new LineItem[variable.Length + v.FixedCosts.Count];
        decimal variableTotal = 0m, fixedTotal = 0m;
        for (int i = 0; i < variable.Length; i++)
        {
            annual[i] = variable[i];
            variableTotal += variable[i].Amount;
        }
        for (int i = 0; i < v.FixedCosts.Count; i++)
        {
            var f = v.FixedCosts[i];
            annual[variable.Length + i] = new LineItem(f.Id, f.Label, LineKind.Fixed, null, null,
                f.Amount.Value, f.Amount.Value * _annuity, f.Amount.Source);
            fixedTotal += f.Amount.Value;
        }

        // One-off items: purchase at year 0 (with its subsidy), replacement at the reinvestment year without subsidy.
        var costs = v.Costs.TryGetValue(d.Id, out var c) ? c : [];
        var oneOffs = new List<LineItem>(costs.Count * 2);
        decimal investment = 0m, subsidy = 0m, oneOffPv = 0m;
        foreach (var cost in costs)
        {
            var kind = cost.Category == CostCategory.Calibration ? LineKind.Calibration : LineKind.Cost;
            // The consistent method leaves out every constant that only exists to match published figures.
            if (kind == LineKind.Calibration && !_study) continue;
            decimal amount = cost.Amount.Value;
            if (cost.PurchasedNow)
            {
                oneOffs.Add(new LineItem(cost.Id, cost.Label, kind, cost.Category, 0, amount, amount, cost.Amount.Source));
                investment += amount;
                oneOffPv += amount;
            }
            if (cost.PurchasedNow && cost.Subsidy is { } s)
            {
                decimal grant = s.Amount?.Value ?? s.ShareOfCost!.Value.Value * amount;
                var source = s.Amount?.Source ?? s.ShareOfCost!.Value.Source;
                oneOffs.Add(new LineItem(s.Id, s.Label, LineKind.Subsidy, cost.Category, 0, -grant, -grant, source));
                subsidy += grant;
                oneOffPv -= grant;
            }
            if (cost.ReplacedAtReinvestmentYear)
            {
                decimal pv = amount * _reinvestFactor;
                oneOffs.Add(new LineItem(cost.Id + ".replacement", cost.Label, kind, cost.Category, _reinvestYear,
                    amount, pv, cost.Amount.Source));
                oneOffPv += pv;
            }
        }

        // Start-year monthly cost (Tabel 8.9): no indexation, no investments; the study leaves out
        // the upkeep of gas appliances (calibration, MODEL.md §4.5).
        bool omit = _study && v.GasAppliances > 0 && a.MonthlyOmissionPerGasAppliance.Value != 0m;
        var monthly = new LineItem[annual.Length + (omit ? 1 : 0)];
        decimal monthlyTotal = 0m;
        for (int i = 0; i < annual.Length; i++)
        {
            var line = annual[i];
            decimal m = line.Amount / 12m;
            monthly[i] = line with { Amount = m, PresentValue = m };
            monthlyTotal += m;
        }
        if (omit)
        {
            decimal m = -v.GasAppliances * a.MonthlyOmissionPerGasAppliance.Value / 12m;
            monthly[^1] = new LineItem("calibration.monthly_omission", null, LineKind.Calibration, null, null, m, m,
                a.MonthlyOmissionPerGasAppliance.Source);
            monthlyTotal += m;
        }

        var co2 = Co2(d, v, gas, el, heatGJ, network, out decimal co2Total);

        return new ResidentResult
        {
            DwellingId = d.Id,
            VariantId = v.Id,
            Kind = v.Kind,
            GasBasisM3 = basis.M3,
            HeatDemandKwh = heatKwh,
            GasM3 = gas,
            ElectricityKwh = el,
            HeatGJ = heatGJ,
            Co2Kg = co2Total,
            Co2Lines = co2,
            OneOffs = oneOffs,
            Annual = annual,
            Monthly = monthly,
            Investment = investment,
            Subsidy = subsidy,
            VariableCostPerYear = variableTotal,
            FixedCostPerYear = fixedTotal,
            Tco = oneOffPv + (variableTotal + fixedTotal) * _annuity,
            MonthlyCost = monthlyTotal,
        };
    }

    private LineItem Variable(string id, decimal amount, Citation source) =>
        new(id, null, LineKind.Variable, null, null, amount, amount * _annuity, source);

    /// <summary>
    /// CO2 per year (Tabel 5.3, 6.4). The study computes it on current gas use and on the rounded
    /// electricity of Tabel 5.2 (MODEL.md §5); the consistent method uses the energy the costs rest on.
    /// </summary>
    private Co2Line[] Co2(DwellingInput d, VariantInput v, decimal gas, decimal el, decimal heatGJ,
        Collective.HeatNetworkTechnics? network, out decimal total)
    {
        var a = _a;
        if (v.Kind == VariantKind.HeatNetwork)
        {
            if (network is null) throw new CalculationException($"variant '{v.Id}' is a heat network without collective inputs");
            // The study gives one figure per connected WEQ, from MWh/WEQ rounded to 0.01 (Tabel 6.3/6.4);
            // the consistent method shares the network's electricity out by the heat a dwelling takes.
            decimal kwh = _study
                ? DecimalMath.RoundHalfUp(network.ElectricityPerWeqMWh, 2) * 1000m
                : heatGJ * network.ElectricityMWh * 1000m / network.ConnectedDemandGJ;
            total = kwh * a.Co2Electricity.Value;
            return [new Co2Line("network-electricity", kwh, a.Co2Electricity, total)];
        }
        decimal co2Gas = gas, co2El = el;
        if (_study)
        {
            co2Gas = v.Kind switch
            {
                VariantKind.GasBoiler => d.GasCurrent.Value,
                VariantKind.HybridHeatPump => d.GasCurrent.Value * (1m - a.HybridHeatShare.Value),
                _ => 0m,
            };
            if (v.PublishedElectricityKwh.TryGetValue(d.Id, out var publishedEl)) co2El = publishedEl.Value;
        }
        var lines = new List<Co2Line>(2);
        total = 0m;
        if (co2Gas > 0m)
        {
            decimal kg = co2Gas * a.Co2Gas.Value;
            lines.Add(new Co2Line("gas", co2Gas, a.Co2Gas, kg));
            total += kg;
        }
        if (co2El > 0m)
        {
            decimal kg = co2El * a.Co2Electricity.Value;
            lines.Add(new Co2Line("electricity", co2El, a.Co2Electricity, kg));
            total += kg;
        }
        return lines.ToArray();
    }
}
