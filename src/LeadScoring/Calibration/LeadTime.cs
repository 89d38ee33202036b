using LeadScoring.Leads;

namespace LeadScoring.Calibration;

/// <summary>
/// The lead time of calibration and comparison: a decided lead is scored D days before its outcome, so that
/// nothing that happened after that instant (the sales call that closed it, say) leaks into its score.
/// </summary>
internal static class LeadTime
{
    /// <summary>The largest lead time, in days (100 years, like every day count of a rule set).</summary>
    public const double MaxDays = 36_500;

    /// <summary>Throws unless 0 &lt;= <paramref name="days"/> &lt;= 36 500.</summary>
    public static double Validate(double days, string parameterName)
    {
        if (!(days >= 0 && days <= MaxDays))
        {
            throw new ArgumentOutOfRangeException(parameterName, days, $"The lead time must be between 0 and {MaxDays:0} days.");
        }

        return days;
    }

    /// <summary>The instant a decided lead is scored at, in UTC ticks: <c>outcome.at − D × 86 400 s</c>, to the 100 ns tick.</summary>
    public static long ScoringInstant(LeadOutcome outcome, double days) =>
        outcome.At.UtcTicks - (long)Math.Round(days * TimeSpan.TicksPerDay, MidpointRounding.AwayFromZero);
}
