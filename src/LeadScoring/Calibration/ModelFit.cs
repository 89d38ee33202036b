namespace LeadScoring.Calibration;

/// <summary>The penalised logistic model of the outcome over the rules' features, fitted on the training set.</summary>
public sealed class ModelFit
{
    internal ModelFit(double intercept, double l2, double pointsToDoubleOdds, double? aucTraining, double? aucTest)
    {
        Intercept = intercept;
        L2 = l2;
        PointsToDoubleOdds = pointsToDoubleOdds;
        AucTraining = aucTraining;
        AucTest = aucTest;
    }

    /// <summary>The intercept b (log-odds of winning for a lead no rule fires on).</summary>
    public double Intercept { get; }

    /// <summary>The ridge penalty λ it was fitted with.</summary>
    public double L2 { get; }

    /// <summary>P, the points that double the odds in the suggested points.</summary>
    public double PointsToDoubleOdds { get; }

    /// <summary>The model's AUC on the training set; null when that set lacks an outcome.</summary>
    public double? AucTraining { get; }

    /// <summary>The model's AUC on the test set (what the suggested points could reach); null when that set lacks an outcome.</summary>
    public double? AucTest { get; }
}
