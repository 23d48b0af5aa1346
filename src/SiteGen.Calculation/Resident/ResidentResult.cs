using SiteGen.Calculation.Inputs;

namespace SiteGen.Calculation.Resident;

public enum LineKind { Cost, Subsidy, Variable, Fixed, Calibration }

/// <summary>
/// One itemised line: a one-off cost or subsidy (with its year) or an annual cost (year null, at
/// year-0 prices). <see cref="PresentValue"/> is its contribution to the 30-year TCO. Computed lines
/// (energy) have a stable <see cref="Id"/> such as "energy.gas" and no label of their own.
/// </summary>
public sealed record LineItem(
    string Id,
    string? Label,
    LineKind Kind,
    CostCategory? Category,
    int? Year,
    decimal Amount,
    decimal PresentValue,
    Citation Source);

/// <summary>One energy carrier's contribution to the CO2 figure.</summary>
public sealed record Co2Line(string Carrier, decimal Quantity, Quantity Factor, decimal Kg);

/// <summary>
/// A figure with its uncertainty: <see cref="Low"/> &lt;= <see cref="Central"/> &lt;= <see cref="High"/>.
/// Central is the figure the model (and the study) gives; the bounds follow the content's margins and what-ifs.
/// </summary>
public readonly record struct CostRange(decimal Low, decimal Central, decimal High)
{
    /// <summary>True when the two ranges share at least one value.</summary>
    public bool Overlaps(CostRange other) => Low <= other.High && other.Low <= High;

    public static CostRange Exact(decimal value) => new(value, value, value);
}

/// <summary>
/// An amount that exists only because the study's bookkeeping differs from the sum of the items a resident
/// pays or receives (a calibration, a subsidy the TCO computes otherwise than the study states, an omission).
/// Resident-facing items + these amounts = the published figures, exactly. Residents see them only under
/// "Waar komen deze cijfers vandaan?", never as a line of the bill.
/// </summary>
/// <param name="Id">Stable id, e.g. "unexplained_air_water" or "isde_heat_pump.difference".</param>
/// <param name="TcoAmount">What it adds to the 30-year TCO (present value).</param>
/// <param name="UpfrontAmount">What it adds to the up-front cost after subsidy (year 0).</param>
/// <param name="MonthlyAmount">What it adds to the start-year monthly cost.</param>
/// <param name="Explanation">Plain Dutch; "{bedrag}" stands for the amount (without sign), which the renderer formats.</param>
public sealed record ReconcilingAmount(
    string Id,
    decimal TcoAmount,
    decimal UpfrontAmount,
    decimal MonthlyAmount,
    string Explanation,
    Citation Source)
{
    /// <summary>The explanation with the amount filled in by <paramref name="money"/> (given a positive amount).</summary>
    public string Describe(Func<decimal, string> money)
    {
        decimal amount = MonthlyAmount != 0m ? MonthlyAmount : TcoAmount != 0m ? TcoAmount : UpfrontAmount;
        return Explanation.Replace("{bedrag}", money(Math.Abs(amount)), StringComparison.Ordinal);
    }
}

/// <summary>One line of a low or high derivation: the central line, the factor applied, and the result.</summary>
public readonly record struct BoundLine(LineItem Line, decimal Factor, decimal Amount, decimal PresentValue);

/// <summary>
/// The central lines a low and a high estimate are derived from, and their one-off sums per cost category, which make
/// a bound's one-off total one product per category instead of one per line.
/// </summary>
internal sealed class CentralLines(int capacity)
{
    /// <summary>A one-off line no margin moves (a calibration, a fixed subsidy).</summary>
    public const sbyte Fixed = -1;

    private sbyte[] _moves = new sbyte[capacity];
    private PerCategory _pv, _upfront;
    private int _moved; // bit c: category c has a line
    private decimal _fixedPv, _fixedUpfront;

    public List<LineItem> OneOffs { get; } = new(capacity);
    /// <summary>Per one-off line, the cost category whose margin moves it, or <see cref="Fixed"/>.</summary>
    public ReadOnlySpan<sbyte> Moves => _moves.AsSpan(0, OneOffs.Count);
    public LineItem[] Annual { get; set; } = [];
    /// <summary>The central monthly lines: the i-th is the i-th annual line divided by 12.</summary>
    public LineItem[] Monthly { get; set; } = [];

    public void Add(LineItem line, sbyte move)
    {
        if (OneOffs.Count == _moves.Length) Array.Resize(ref _moves, _moves.Length * 2 + 1);
        _moves[OneOffs.Count] = move;
        OneOffs.Add(line);
        bool now = line.Year == 0;
        if (move == Fixed)
        {
            _fixedPv += line.PresentValue;
            if (now) _fixedUpfront += line.Amount;
            return;
        }
        _moved |= 1 << move;
        _pv[move] += line.PresentValue;
        if (now) _upfront[move] += line.Amount;
    }

    /// <summary>
    /// The one-off present value and year-0 amount with each category's lines times its factor: the sum of
    /// <see cref="Tco.OneOffBound"/>'s lines (exactly so while no product needs more than decimal's 28 digits, as with the
    /// study's rates; otherwise within the 28th digit).
    /// </summary>
    public void OneOffTotals(decimal[] factors, out decimal pv, out decimal upfront)
    {
        pv = _fixedPv;
        upfront = _fixedUpfront;
        for (int c = 0; c < PerCategory.Length; c++)
        {
            if ((_moved & (1 << c)) == 0) continue; // no term: 0 x f would change the sum's scale
            pv += _pv[c] * factors[c];
            upfront += _upfront[c] * factors[c];
        }
    }

    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct PerCategory
    {
        public const int Length = 5; // CostCategory's values
        private decimal _first;
    }
}

/// <summary>
/// The low or high estimate of one dwelling x variant, line by line (for <c>explain</c>).
/// Low: one-off costs at (1 - margin of their category), energy prices at the "lower" what-if;
/// high: costs at (1 + margin), prices at the "higher" what-if. Subsidies that are a share of the price
/// follow the price; fixed subsidies, fixed annual costs and reconciling amounts stay as they are.
/// </summary>
/// <remarks>
/// The totals are computed with the evaluation; the lines only when read (a page shows the totals; <c>explain</c> reads
/// the lines), from the same central lines and factors (<see cref="CentralLines"/>).
/// </remarks>
public sealed class ResidentBound
{
    private readonly CentralLines? _central;
    private readonly decimal[]? _factors;
    private BoundLine[]? _oneOffs, _annual;

    internal ResidentBound(decimal priceFactor, Citation? priceSource, decimal tco, decimal upfront, decimal monthlyCost,
        CentralLines? central, decimal[]? factors)
    {
        PriceFactor = priceFactor;
        PriceSource = priceSource;
        Tco = tco;
        Upfront = upfront;
        MonthlyCost = monthlyCost;
        _central = central;
        _factors = factors;
    }

    /// <summary>The estimate without margins: both bounds of a totals-only evaluation.</summary>
    internal static ResidentBound Central(decimal tco, decimal upfront, decimal monthly) => new(1m, null, tco, upfront, monthly, null, null);

    public decimal PriceFactor { get; }
    public Citation? PriceSource { get; }
    public decimal Tco { get; }
    public decimal Upfront { get; }
    public decimal MonthlyCost { get; }

    /// <summary>The one-off lines with this estimate's factors (empty for a totals-only evaluation).</summary>
    public IReadOnlyList<BoundLine> OneOffs
    {
        get
        {
            MakeLines();
            return _oneOffs!;
        }
    }

    /// <summary>The annual lines with this estimate's price factor (empty for a totals-only evaluation).</summary>
    public IReadOnlyList<BoundLine> Annual
    {
        get
        {
            MakeLines();
            return _annual!;
        }
    }

    private void MakeLines()
    {
        // Read as it is published below: a reader that sees the annual lines sees the one-off lines too.
        if (System.Threading.Volatile.Read(ref _annual) is not null) return;
        // Two readers may both make them: the same lines, and each assignment is whole.
        var oneOffs = new BoundLine[_central?.OneOffs.Count ?? 0];
        var annual = new BoundLine[_central?.Annual.Length ?? 0];
        if (_central is not null)
        {
            Resident.Tco.OneOffBound(_central, _factors!, oneOffs);
            Resident.Tco.AnnualBound(_central, PriceFactor, annual, out _, out _, out _);
        }
        _oneOffs = oneOffs;
        System.Threading.Volatile.Write(ref _annual, annual);
    }
}

/// <summary>The totals of one dwelling x variant (<see cref="Tco.Totals"/>), as <see cref="ResidentResult"/> has them.</summary>
public readonly record struct ResidentTotals(
    decimal Tco, decimal MonthlyCost, decimal Investment, decimal Subsidy, decimal VariableCostPerYear, decimal FixedCostPerYear)
{
    /// <summary>Up-front cost after subsidy: <see cref="Investment"/> - <see cref="Subsidy"/>.</summary>
    public decimal Upfront => Investment - Subsidy;
}

/// <summary>Everything the site shows for one dwelling with one variant.</summary>
public sealed class ResidentResult
{
    public required string DwellingId { get; init; }
    public required string VariantId { get; init; }
    public required VariantKind Kind { get; init; }
    public required decimal GasBasisM3 { get; init; }
    public required decimal HeatDemandKwh { get; init; }
    public required decimal GasM3 { get; init; }
    public required decimal ElectricityKwh { get; init; }
    public required decimal HeatGJ { get; init; }
    /// <summary>CO2 per year of this house, from <see cref="GasM3"/>, <see cref="ElectricityKwh"/> and <see cref="HeatGJ"/> and the emission factors.</summary>
    public required decimal Co2Kg { get; init; }
    public required IReadOnlyList<Co2Line> Co2Lines { get; init; }
    /// <summary>
    /// CO2 as the study prints it (Tabel 5.3: current gas, Tabel 5.2's rounded electricity; Tabel 6.4: the network's
    /// average per connected home). Equal to <see cref="Co2Kg"/> under the consistent method.
    /// </summary>
    public required decimal StudyCo2Kg { get; init; }
    public required IReadOnlyList<Co2Line> StudyCo2Lines { get; init; }
    /// <summary>One-off costs and subsidies (subsidies negative), in the order the scenario lists them.</summary>
    public required IReadOnlyList<LineItem> OneOffs { get; init; }
    /// <summary>Variable and fixed annual costs at year-0 prices.</summary>
    public required IReadOnlyList<LineItem> Annual { get; init; }
    /// <summary>Start-year monthly cost, line by line (annual lines / 12 plus calibrations).</summary>
    public required IReadOnlyList<LineItem> Monthly { get; init; }
    /// <summary>Sum of the one-off costs at year 0, before subsidies.</summary>
    public required decimal Investment { get; init; }
    /// <summary>Sum of the subsidies, as a positive amount.</summary>
    public required decimal Subsidy { get; init; }
    public required decimal VariableCostPerYear { get; init; }
    public required decimal FixedCostPerYear { get; init; }
    public required decimal Tco { get; init; }
    public required decimal MonthlyCost { get; init; }

    // Issue 13: ranges and the resident's view without the study's bookkeeping.

    /// <summary>The totals of this result, as <see cref="Resident.Tco.Totals"/> gives them without one.</summary>
    public ResidentTotals Totals => new(Tco, MonthlyCost, Investment, Subsidy, VariableCostPerYear, FixedCostPerYear);

    /// <summary>Up-front cost after subsidy as the model computes it: <see cref="Investment"/> - <see cref="Subsidy"/>.</summary>
    public decimal Upfront => Investment - Subsidy;
    /// <summary>30-year TCO: low, central (= <see cref="Tco"/>), high.</summary>
    public required CostRange TcoRange { get; init; }
    /// <summary>Start-year monthly cost: low, central (= <see cref="MonthlyCost"/>), high. Follows the energy prices only.</summary>
    public required CostRange MonthlyRange { get; init; }
    /// <summary>Up-front cost after subsidy: low, central (= <see cref="Upfront"/>), high. Follows the cost margins only.</summary>
    public required CostRange UpfrontRange { get; init; }
    /// <summary>The low estimate; for a totals-only evaluation the central figures (made when first read).</summary>
    public ResidentBound LowEstimate
    {
        get => _low ??= ResidentBound.Central(TcoRange.Low, UpfrontRange.Low, MonthlyRange.Low);
        init => _low = value;
    }

    /// <summary>The high estimate; for a totals-only evaluation the central figures (made when first read).</summary>
    public ResidentBound HighEstimate
    {
        get => _high ??= ResidentBound.Central(TcoRange.High, UpfrontRange.High, MonthlyRange.High);
        init => _high = value;
    }

    private ResidentBound? _low, _high;
    /// <summary>
    /// One-off items a resident really pays or receives: no calibration, and subsidies at the amount the source
    /// states per measure (Tabel 8.7) where the model computes another.
    /// </summary>
    public required IReadOnlyList<LineItem> ResidentOneOffs { get; init; }
    /// <summary>Monthly items a resident really pays (no calibration); they add up to <see cref="MonthlyCostRecomputed"/>.</summary>
    public required IReadOnlyList<LineItem> ResidentMonthly { get; init; }
    /// <summary>
    /// What makes the resident's items add up to the published figures:
    /// sum(ResidentOneOffs PV) + sum(Annual PV) + sum(TcoAmount) = <see cref="Tco"/>;
    /// sum(ResidentOneOffs at year 0) + sum(UpfrontAmount) = <see cref="Upfront"/>;
    /// <see cref="MonthlyCostRecomputed"/> + sum(MonthlyAmount) = <see cref="MonthlyCost"/>.
    /// </summary>
    public required IReadOnlyList<ReconcilingAmount> Reconciliations { get; init; }
    /// <summary>Up-front cost after subsidy, summed from <see cref="ResidentOneOffs"/> ("nagerekend").</summary>
    public required decimal ResidentUpfront { get; init; }
    /// <summary>
    /// <see cref="UpfrontRange"/> around <see cref="ResidentUpfront"/>: the cost margins move the same items, only the
    /// centre differs by the study's bookkeeping (a subsidy computed as a share instead of the stated amount).
    /// </summary>
    public CostRange ResidentUpfrontRange =>
        new(UpfrontRange.Low - Upfront + ResidentUpfront, ResidentUpfront, UpfrontRange.High - Upfront + ResidentUpfront);
    /// <summary>Start-year monthly cost summed from <see cref="ResidentMonthly"/> ("nagerekend"); <see cref="MonthlyCost"/> is the study's.</summary>
    public required decimal MonthlyCostRecomputed { get; init; }
}
