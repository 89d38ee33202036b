namespace LeadScoring.Calibration;

/// <summary>
/// The fitted <c>probability</c> section (<c>p = 1 / (1 + e^-(slope × score + intercept))</c>) and how well its
/// probabilities match the test set's outcomes.
/// </summary>
public sealed class ProbabilityFit
{
    internal ProbabilityFit(double intercept, double slope, double? brier, double? expectedCalibrationError)
    {
        Intercept = intercept;
        Slope = slope;
        Brier = brier;
        ExpectedCalibrationError = expectedCalibrationError;
    }

    /// <summary>B, the section's <c>intercept</c>.</summary>
    public double Intercept { get; }

    /// <summary>A, the section's <c>slope</c> (per point of score).</summary>
    public double Slope { get; }

    /// <summary>The mean squared difference between p and the outcome (1 won, 0 lost) on the test set: lower is better; null for an empty test set.</summary>
    public double? Brier { get; }

    /// <summary>Over 10 bins of p on the test set, the weighted gap between mean p and the won share; null for an empty test set.</summary>
    public double? ExpectedCalibrationError { get; }
}
