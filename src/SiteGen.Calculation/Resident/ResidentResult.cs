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
/// The central lines of an evaluation with detail, which its low and high estimates are derived from, and the evaluation
/// they came from (for what a result makes only when it is read: the estimates' lines, the study's own CO2 figures).
/// </summary>
internal sealed class CentralLines
{
    public required Tco Model { get; init; }
    public required DwellingInput Dwelling { get; init; }
    public required VariantInput Variant { get; init; }
    public required Collective.HeatNetworkTechnics? Network { get; init; }
    public required LineItem[] OneOffs { get; init; }
    /// <summary>Per one-off line, the cost category whose margin moves it, or <see cref="OneOffSums.Fixed"/>.</summary>
    public required sbyte[] Moves { get; init; }
    public required LineItem[] Annual { get; init; }
    /// <summary>The central monthly lines: the i-th is the i-th annual line divided by 12.</summary>
    public required LineItem[] Monthly { get; init; }
    /// <summary>The study's monthly omission (negative, or 0): it stays as it is in both bounds.</summary>
    public required decimal MonthlyOmission { get; init; }
    /// <summary>The sum of the fixed annual costs, which stay as they are in both bounds.</summary>
    public required decimal FixedTotal { get; init; }
}

/// <summary>
/// The one-off lines' sums per cost category, which make a bound's one-off total one product per category instead of
/// one per line. Kept on the stack while an evaluation adds its lines.
/// </summary>
internal struct OneOffSums
{
    /// <summary>A one-off line no margin moves (a calibration, a fixed subsidy).</summary>
    public const sbyte Fixed = -1;

    private PerCategory _pv, _upfront;
    private int _moved; // bit c: category c has a line
    // Bit c (bit 31: the fixed lines): category c has a line after year 0. Until it has, its present value is its year-0
    // sum (a year-0 line's present value is its amount): that sum is kept once and the present value starts from it at
    // the first later line, which is the very sequence of additions that keeping both would make.
    private int _later;
    private const int FixedBit = 1 << 31;
    private decimal _fixedPv, _fixedUpfront;

    /// <summary>The sums of lines already made, added again in their order: the same figures as when they were made.</summary>
    public static OneOffSums Of(CentralLines central)
    {
        var sums = new OneOffSums();
        for (int i = 0; i < central.OneOffs.Length; i++) sums.Add(central.OneOffs[i], central.Moves[i]);
        return sums;
    }

    public void Add(LineItem line, sbyte move)
    {
        bool now = line.Year == 0;
        System.Diagnostics.Debug.Assert(!now || line.PresentValue == line.Amount, "a year-0 line's present value is its amount");
        if (move == Fixed)
        {
            if (now)
            {
                _fixedUpfront += line.Amount;
                if ((_later & FixedBit) != 0) _fixedPv += line.PresentValue;
            }
            else
            {
                if ((_later & FixedBit) == 0) _fixedPv = _fixedUpfront;
                _later |= FixedBit;
                _fixedPv += line.PresentValue;
            }
            return;
        }
        int bit = 1 << move;
        _moved |= bit;
        if (now)
        {
            _upfront[move] += line.Amount;
            if ((_later & bit) != 0) _pv[move] += line.PresentValue;
        }
        else
        {
            if ((_later & bit) == 0) _pv[move] = _upfront[move];
            _later |= bit;
            _pv[move] += line.PresentValue;
        }
    }

    private readonly decimal FixedPv => (_later & FixedBit) != 0 ? _fixedPv : _fixedUpfront;

    /// <summary>
    /// The one-off present value and year-0 amount of both bounds, with each category's lines times its factor (1 - margin
    /// for the low, 1 + margin for the high bound): the sum of <see cref="Tco.OneOffBound"/>'s lines (exactly so while no
    /// product needs more than decimal's 28 digits, as with the study's rates; otherwise within the 28th digit).
    /// </summary>
    public readonly void Totals(decimal[] lowFactors, decimal[] highFactors,
        out decimal lowPv, out decimal lowUpfront, out decimal highPv, out decimal highUpfront)
    {
        lowPv = highPv = FixedPv;
        lowUpfront = highUpfront = _fixedUpfront;
        for (int c = 0; c < PerCategory.Length; c++)
        {
            int bit = 1 << c;
            if ((_moved & bit) == 0) continue; // no term: 0 x f would change the sum's scale
            decimal up = _upfront[c], lf = lowFactors[c], hf = highFactors[c];
            decimal lowProduct = up * lf, highProduct = up * hf;
            lowUpfront += lowProduct;
            highUpfront += highProduct;
            if ((_later & bit) != 0)
            {
                decimal pv = _pv[c];
                lowProduct = pv * lf;
                highProduct = pv * hf;
            }
            // else: no later line, so the present value is the year-0 sum, and so are its products
            lowPv += lowProduct;
            highPv += highProduct;
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
        var oneOffs = new BoundLine[_central?.OneOffs.Length ?? 0];
        var annual = new BoundLine[_central?.Annual.Length ?? 0];
        if (_central is not null)
        {
            Resident.Tco.OneOffBound(_central, _factors!, oneOffs);
            Resident.Tco.AnnualBound(_central, PriceFactor, annual);
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
    public decimal StudyCo2Kg => StudyCo2().Kg;
    public IReadOnlyList<Co2Line> StudyCo2Lines => StudyCo2().Lines;
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
    public required CostRange TcoRange { get => new(_tcoLow, Tco, _tcoHigh); init => (_tcoLow, _tcoHigh) = Bounds(value, Tco); }
    /// <summary>Start-year monthly cost: low, central (= <see cref="MonthlyCost"/>), high. Follows the energy prices only.</summary>
    public required CostRange MonthlyRange { get => new(_monthlyLow, MonthlyCost, _monthlyHigh); init => (_monthlyLow, _monthlyHigh) = Bounds(value, MonthlyCost); }
    /// <summary>Up-front cost after subsidy: low, central (= <see cref="Upfront"/>), high. Follows the cost margins only.</summary>
    public required CostRange UpfrontRange { get => new(_upfrontLow, Upfront, _upfrontHigh); init => (_upfrontLow, _upfrontHigh) = Bounds(value, Upfront); }

    // A range's centre is the figure itself: only the bounds are kept (a result is made for every dwelling and variant).
    private readonly decimal _tcoLow, _tcoHigh, _monthlyLow, _monthlyHigh, _upfrontLow, _upfrontHigh;

    /// <remarks>Tco sets each range after its figure, around that figure (RangeTests hold it to that).</remarks>
    private static (decimal Low, decimal High) Bounds(CostRange range, decimal central)
    {
        System.Diagnostics.Debug.Assert(range.Central == central, "a range is around the figure it belongs to");
        return (range.Low, range.High);
    }
    /// <summary>The low estimate, with its lines; for a totals-only evaluation the central figures (made when first read).</summary>
    public ResidentBound LowEstimate => _low ?? Publish(ref _low, MakeBound(high: false));

    /// <summary>The high estimate, with its lines; for a totals-only evaluation the central figures (made when first read).</summary>
    public ResidentBound HighEstimate => _high ?? Publish(ref _high, MakeBound(high: true));

    // Made when read: the pages show the ranges only, and no page shows the study's own CO2 figures. Made from the
    // evaluation's own inputs and central lines, so they are what an eager evaluation would have made.
    private ResidentBound? _low, _high;
    private StudyCo2Figures? _studyCo2;

    /// <summary>The central lines and the evaluation they came from (null for a totals-only evaluation).</summary>
    internal CentralLines? Central { get; init; }

    private ResidentBound MakeBound(bool high) =>
        Central is not null
            ? Central.Model.Bound(Central, high)
            : high ? ResidentBound.Central(TcoRange.High, UpfrontRange.High, MonthlyRange.High)
                   : ResidentBound.Central(TcoRange.Low, UpfrontRange.Low, MonthlyRange.Low);

    private sealed record StudyCo2Figures(decimal Kg, IReadOnlyList<Co2Line> Lines);

    private StudyCo2Figures StudyCo2()
    {
        if (_studyCo2 is { } made) return made;
        decimal kg = Co2Kg; // without detail, the house's own figures
        var lines = Central is null ? Co2Lines : Central.Model.StudyCo2(this, Central, out kg);
        return Publish(ref _studyCo2, new StudyCo2Figures(kg, lines));
    }

    /// <summary>The first of two readers' objects wins, so every reader sees the same one.</summary>
    private static T Publish<T>(ref T? field, T made) where T : class =>
        System.Threading.Interlocked.CompareExchange(ref field, made, null) ?? made;
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
