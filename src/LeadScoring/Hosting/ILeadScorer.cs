namespace LeadScoring;

/// <summary>
/// A host's scorer: the current model of one (possibly reloading) rule set. Each call scores against one
/// model snapshot, so a reload in the middle of a call never mixes two rule sets.
/// </summary>
public interface ILeadScorer
{
    /// <summary>The model serving now. Hold on to it to score several leads against the same rule set.</summary>
    ScoringModel Model { get; }

    /// <summary>What is serving, and how the last reload went.</summary>
    RuleSetStatus Status { get; }

    /// <summary>Scores a lead at <paramref name="asOf"/>, or now as told by the registered <see cref="TimeProvider"/>.</summary>
    LeadScore Score(Lead lead, DateTimeOffset? asOf = null);

    /// <summary>Explains a lead's score at <paramref name="asOf"/>, or now.</summary>
    LeadScoreExplanation Explain(Lead lead, DateTimeOffset? asOf = null);
}
