namespace LeadScoring.Calibration;

/// <summary>How well score, fit and engagement each rank won leads above lost ones, over all decided leads.</summary>
public sealed class OutcomeAuc
{
    internal OutcomeAuc(double? score, double? fit, double? engagement)
    {
        Score = score;
        Fit = fit;
        Engagement = engagement;
    }

    /// <summary>The AUC of the score: the chance that a won lead outscores a lost one (0.5: no better than chance); null with one outcome only.</summary>
    public double? Score { get; }

    /// <summary>The AUC of fit (demographic and company fit); null with one outcome only.</summary>
    public double? Fit { get; }

    /// <summary>The AUC of engagement (behaviour, email, social, decay); null with one outcome only.</summary>
    public double? Engagement { get; }
}
