namespace LeadScoring.Calibration;

/// <summary>
/// How <see cref="ScoringModelCalibration.Calibrate"/> scores, splits and fits. Every value is checked
/// when it is set, so an options object is always valid.
/// </summary>
public sealed record CalibrationOptions
{
    private readonly double _leadTimeDays;
    private readonly double? _holdout;
    private readonly double _l2 = 1;
    private readonly double _pointsToDoubleOdds = 10;

    /// <summary>Options with the defaults; set what differs with an object initializer.</summary>
    public CalibrationOptions()
    {
    }

    /// <summary>The defaults: lead time 0, no holdout, l2 1, 10 points to double the odds.</summary>
    public static CalibrationOptions Default { get; } = new();

    /// <summary>
    /// Days before its outcome at which a decided lead is scored (0 to 36 500; default 0), so that what happened
    /// after that instant cannot leak into its score.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, above 36 500 or NaN.</exception>
    public double LeadTimeDays
    {
        get => _leadTimeDays;
        init => _leadTimeDays = LeadTime.Validate(value, nameof(LeadTimeDays));
    }

    /// <summary>
    /// The share of decided leads, the latest by scoring instant, held out as the test set (0 &lt; F &lt; 1); null
    /// (the default) to fit and evaluate on all of them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not strictly between 0 and 1.</exception>
    public double? Holdout
    {
        get => _holdout;
        init => _holdout = value is null || (value > 0 && value < 1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Holdout), value, "The holdout must be strictly between 0 and 1.");
    }

    /// <summary>The ridge penalty λ on the rule coefficients (1e-3 to 1e6; default 1). The intercept is not penalised.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1e-3..1e6 or NaN.</exception>
    public double L2
    {
        get => _l2;
        init => _l2 = value >= 1e-3 && value <= 1e6
            ? value
            : throw new ArgumentOutOfRangeException(nameof(L2), value, "l2 must be between 1e-3 and 1e6.");
    }

    /// <summary>P: how many points double the odds of winning (0 &lt; P &lt;= 1e6; default 10); <c>suggestedPoints = β × P / ln 2</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1e6] or is NaN.</exception>
    public double PointsToDoubleOdds
    {
        get => _pointsToDoubleOdds;
        init => _pointsToDoubleOdds = value > 0 && value <= 1e6
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PointsToDoubleOdds), value, "Points to double the odds must be above 0 and at most 1e6.");
    }
}
