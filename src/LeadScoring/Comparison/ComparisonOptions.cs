using LeadScoring.Calibration;

namespace LeadScoring.Comparison;

/// <summary>How <see cref="ScoringModelComparison.CompareWith"/> scores decided leads. Checked when set, so always valid.</summary>
public sealed record ComparisonOptions
{
    private readonly double _leadTimeDays;

    /// <summary>Options with the defaults; set what differs with an object initializer.</summary>
    public ComparisonOptions()
    {
    }

    /// <summary>The defaults: lead time 0.</summary>
    public static ComparisonOptions Default { get; } = new();

    /// <summary>Days before its outcome at which a decided lead is scored for the AUCs (0 to 36 500; default 0), as in calibration.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, above 36 500 or NaN.</exception>
    public double LeadTimeDays
    {
        get => _leadTimeDays;
        init => _leadTimeDays = LeadTime.Validate(value, nameof(LeadTimeDays));
    }
}
