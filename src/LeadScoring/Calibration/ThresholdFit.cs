namespace LeadScoring.Calibration;

/// <summary>The score threshold with the best F1 on the training set, and how it does on the test set.</summary>
public sealed class ThresholdFit
{
    internal ThresholdFit(double score, double? precision, double? recall, double? f1)
    {
        Score = score;
        Precision = precision;
        Recall = recall;
        F1 = f1;
    }

    /// <summary>The threshold (a score rounded to 1e-6): leads at or above it are predicted won. A candidate MQL threshold.</summary>
    public double Score { get; }

    /// <summary>On the test set, the share of leads at or above the threshold that were won; null when none is.</summary>
    public double? Precision { get; }

    /// <summary>On the test set, the share of won leads at or above the threshold; null when no test lead was won.</summary>
    public double? Recall { get; }

    /// <summary>On the test set, <c>2TP / (2TP + FP + FN)</c>; null when undefined.</summary>
    public double? F1 { get; }
}
