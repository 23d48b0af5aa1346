using BenchmarkDotNet.Attributes;
using SiteGen.Calculation;
using SiteGen.Calculation.Collective;
using SiteGen.Calculation.Inputs;
using SiteGen.Calculation.Resident;
using SiteGen.Content.Diagnostics;
using SiteGen.Content.Model;
using SiteGen.Content.Schema;
using SiteGen.Content.Yaml;

namespace SiteGen.Benchmarks;

/// <summary>
/// The calculation core on the real Putten inputs, single thread. EvaluateOneDwellingVariant reports the
/// time of ONE dwelling x variant evaluation (each invocation evaluates all 18 and BenchmarkDotNet divides by 18).
/// </summary>
[MemoryDiagnoser]
public class CalculationBenchmarks
{
    private const int Combinations = 18; // 3 dwellings x 6 variants

    private NeighbourhoodInput _input = null!;
    private Tco _tco = null!;
    private (DwellingInput Dwelling, VariantInput Variant, HeatNetworkTechnics? Network)[] _cases = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = PuttenContent.Load().Neighbourhoods.Single().Input;
        _tco = new Tco(_input);
        var technics = _input.Variants
            .Where(v => v.Collective is not null)
            .ToDictionary(v => v.Id, v => HeatNetworkTechnics.Compute(v.Collective!, _input.Assumptions, _input.Method));
        _cases = _input.Dwellings
            .SelectMany(d => _input.Variants.Select(v => (d, v, technics.GetValueOrDefault(v.Id))))
            .ToArray();
        if (_cases.Length != Combinations)
            throw new InvalidOperationException($"expected {Combinations} dwelling x variant combinations, found {_cases.Length}");
    }

    [Benchmark(OperationsPerInvoke = Combinations)]
    public ResidentResult EvaluateOneDwellingVariant()
    {
        // The last result is returned (BenchmarkDotNet consumes it); an evaluation makes objects, so none can be dropped.
        // Not a decimal sum of the results: its 18 additions of 28-digit figures were 3% of what was measured.
        ResidentResult last = null!;
        var cases = _cases;
        for (int i = 0; i < cases.Length; i++)
        {
            var (d, v, network) = cases[i];
            last = _tco.Evaluate(d, v, network);
        }
        return last;
    }

    /// <summary>The same evaluations asking for the totals only, as the calculator's coefficients do thousands of times per neighbourhood.</summary>
    [Benchmark(OperationsPerInvoke = Combinations)]
    public ResidentResult EvaluateOneDwellingVariantTotals()
    {
        ResidentResult last = null!;
        var cases = _cases;
        for (int i = 0; i < cases.Length; i++)
        {
            var (d, v, network) = cases[i];
            last = _tco.Evaluate(d, v, network, detail: false);
        }
        return last;
    }

    [Benchmark]
    public NeighbourhoodResult EvaluateNeighbourhood() => NeighbourhoodModel.Evaluate(_input);
}

/// <summary>The whole content load (YAML and Markdown parsing, validation), for scale next to the calculation.</summary>
[MemoryDiagnoser]
public class ContentBenchmarks
{
    private YamlDotNet.RepresentationModel.YamlNode _neighbourhood = null!;

    [GlobalSetup]
    public void Setup()
    {
        string file = System.IO.Directory.GetFiles(PuttenContent.Directory, "neighbourhood.yaml", SearchOption.AllDirectories).Single();
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        _neighbourhood = stream.Documents[0].RootNode;
        SchemaCheck.Get(SchemaCheck.Neighbourhood); // loaded once per process, as in a build
    }

    [Benchmark]
    public SiteContent LoadContent() => PuttenContent.Load();

    /// <summary>
    /// The JSON Schema check of one neighbourhood.yaml (NJsonSchema on the file turned into JSON): a neighbourhood's
    /// most costly file to check, once per neighbourhood in a build.
    /// </summary>
    [Benchmark]
    public int CheckNeighbourhoodSchema()
    {
        var diag = new DiagnosticBag();
        SchemaCheck.Validate(_neighbourhood, SchemaCheck.Neighbourhood, new YamlContext("neighbourhood.yaml", diag));
        diag.MergeSecondary();
        return diag.Items.Count;
    }
}
