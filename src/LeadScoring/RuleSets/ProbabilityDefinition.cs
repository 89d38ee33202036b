namespace LeadScoring.RuleSets;

/// <summary>
/// The <c>probability</c> section: every scored lead also reports <c>1 / (1 + e^-(Slope x score + Intercept))</c>,
/// the estimated chance that it is won (calibration fits both from outcomes).
/// </summary>
internal sealed record ProbabilityDefinition(double Intercept, double Slope)
{
    /// <summary>The logistic of <c>Slope x score + Intercept</c>; never NaN (exp overflows to infinity, giving 0).</summary>
    public double Of(double score) => 1 / (1 + Math.Exp(-((Slope * score) + Intercept)));
}
