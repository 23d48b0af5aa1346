namespace SiteGen.Calculation;

/// <summary>Inputs that validate one by one but cannot be computed together (e.g. a label jump without a saving).</summary>
public sealed class CalculationException(string message) : Exception(message);
