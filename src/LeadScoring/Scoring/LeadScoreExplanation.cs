namespace LeadScoring.Scoring;

/// <summary>
/// Why a lead scored what it did: the result, every non-zero rule contribution (rule-set order, then
/// inactivity), the disqualifiers that hold, and what the next stage still needs. Off the hot path: it allocates.
/// </summary>
public sealed class LeadScoreExplanation
{
    internal LeadScoreExplanation(LeadScore result, IReadOnlyList<RuleContribution> rules, StageGap? nextStage)
    {
        Result = result;
        Rules = rules;
        DisqualifiedBy = [.. result.DisqualifiedBy];
        NextStage = nextStage;
    }

    /// <summary>The score, as <see cref="ScoringModel.Score(Leads.Lead, DateTimeOffset)"/> gives it.</summary>
    public LeadScore Result { get; }

    /// <summary>Every rule whose contribution is not 0, in rule-set order, then <c>inactivity</c> if not 0.</summary>
    public IReadOnlyList<RuleContribution> Rules { get; }

    /// <summary>The ids of the disqualifiers that hold, in rule-set order.</summary>
    public IReadOnlyList<string> DisqualifiedBy { get; }

    /// <summary>The stage after the current one and what it still needs; null when disqualified or at the top.</summary>
    public StageGap? NextStage { get; }
}
