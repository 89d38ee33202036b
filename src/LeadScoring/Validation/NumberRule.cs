namespace LeadScoring.Validation;

/// <summary>
/// The range a number in a rule set must fall in, and how an error describes it. Every number must be finite
/// and at most 1e9 in magnitude; day counts are at most 36,500.
/// </summary>
internal readonly record struct NumberRule(double Min, bool MinExclusive, double Max, string Description, bool Whole = false)
{
    public const double MaxMagnitude = 1e9;
    public const double MaxDays = 36_500;

    /// <summary>Points, thresholds, limits.</summary>
    public static readonly NumberRule AnyNumber = new(-MaxMagnitude, false, MaxMagnitude, "a number from -1e9 to 1e9");

    /// <summary>Caps: <c>maxPoints</c>, <c>maxPenalty</c>.</summary>
    public static readonly NumberRule NonNegative = new(0, false, MaxMagnitude, "a number from 0 to 1e9");

    /// <summary><c>withinDays</c>, <c>afterDays</c>.</summary>
    public static readonly NumberRule DaysOrZero = new(0, false, MaxDays, "a number of days from 0 to 36500");

    /// <summary><c>halfLifeDays</c>, <c>expireAfterDays</c>, <c>everyDays</c>.</summary>
    public static readonly NumberRule PositiveDays = new(0, true, MaxDays, "a number of days greater than 0 and at most 36500");

    /// <summary>Counts: <c>minCount</c>.</summary>
    public static readonly NumberRule PositiveCount = new(1, false, MaxMagnitude, "a positive whole number", Whole: true);

    /// <summary>Comparison operands (<c>gt</c>, <c>between</c>, <c>eq</c> ...): any finite number; they feed no arithmetic.</summary>
    public static readonly NumberRule Comparand = new(double.MinValue, false, double.MaxValue, "a finite number");
}
