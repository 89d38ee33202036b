namespace LeadScoring.Scoring;

/// <summary>
/// Why a lead's score moved between two instants: the lead scored at <see cref="Since"/> and at
/// <see cref="AsOf"/>, and every rule whose contribution changed. Scores are pure functions of the lead and the
/// instant, so no history needs to be stored to answer "why did this score change?".
/// </summary>
public sealed class ScoreChange
{
    internal ScoreChange(DateTimeOffset since, DateTimeOffset asOf, LeadScore before, LeadScore after, IReadOnlyList<RuleContribution> changes)
    {
        Since = since;
        AsOf = asOf;
        Before = before;
        After = after;
        Changes = changes;
    }

    /// <summary>The earlier instant.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>The later instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The lead scored as of <see cref="Since"/>.</summary>
    public LeadScore Before { get; }

    /// <summary>The lead scored as of <see cref="AsOf"/>.</summary>
    public LeadScore After { get; }

    /// <summary>
    /// Every rule (in rule-set order, then <c>inactivity</c>) whose contribution at <see cref="AsOf"/> differs from
    /// its contribution at <see cref="Since"/> by more than 1e-9; <see cref="RuleContribution.Points"/> is the
    /// difference (later minus earlier). They add up to the score's change unless a category or range clamp binds.
    /// </summary>
    public IReadOnlyList<RuleContribution> Changes { get; }
}
