namespace LeadScoring.Leads;

/// <summary>
/// What became of a lead: won or lost, and when. Scoring ignores it; calibration and rule-set comparison score
/// a decided lead as of <see cref="At"/> (minus a lead time), so nothing after the decision leaks into its score.
/// </summary>
/// <param name="IsWon">True when the lead was won, false when it was lost.</param>
/// <param name="At">When it was decided.</param>
public readonly record struct LeadOutcome(bool IsWon, DateTimeOffset At)
{
    /// <summary>A lead won at <paramref name="at"/>.</summary>
    /// <param name="at">When it was won.</param>
    /// <returns>The outcome.</returns>
    public static LeadOutcome Won(DateTimeOffset at) => new(true, at);

    /// <summary>A lead lost at <paramref name="at"/>.</summary>
    /// <param name="at">When it was lost.</param>
    /// <returns>The outcome.</returns>
    public static LeadOutcome Lost(DateTimeOffset at) => new(false, at);
}
