namespace LeadScoring.Hosting;

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

    /// <summary>Scores a lead at <paramref name="asOf"/>, or now as told by the registered <see cref="TimeProvider"/>. Allocates nothing.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The instant to score at, or null for now.</param>
    /// <returns>The score, stage, grade and disqualifiers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    LeadScore Score(Lead lead, DateTimeOffset? asOf = null);

    /// <summary>Explains a lead's score at <paramref name="asOf"/>, or now.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The instant to score at, or null for now.</param>
    /// <returns>Every rule's contribution, the disqualifiers and the next stage's gap.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    LeadScoreExplanation Explain(Lead lead, DateTimeOffset? asOf = null);
}
