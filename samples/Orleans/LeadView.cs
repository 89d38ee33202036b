namespace LeadScoring.Samples.Orleans;

/// <summary>A lead's last score as its grain keeps it: what a CRM screen or a routing rule reads.</summary>
/// <param name="Id">The lead id (the grain key).</param>
/// <param name="Score">The score.</param>
/// <param name="Fit">Fit points.</param>
/// <param name="Engagement">Engagement points.</param>
/// <param name="Stage">The stage (null: none reached; <c>Disqualified</c>).</param>
/// <param name="Grade">The grade, when the rule set has grades.</param>
/// <param name="ScoredAt">The as-of instant of this score.</param>
/// <param name="Reason">What made the grain score: <c>activity</c>, <c>attributes</c> or <c>look-again</c> (its reminder).</param>
/// <param name="Activities">How many activities the grain keeps (older ones past the retention horizon are dropped).</param>
/// <param name="LookAgainAt">When the grain's reminder will score it again without new activity; null until set.</param>
/// <param name="RuleSet">The rule set's name and version.</param>
/// <param name="StageChanges">How many times the stage has changed since the lead was first scored.</param>
[GenerateSerializer, Immutable]
public sealed record LeadView(
    string Id,
    double Score,
    double Fit,
    double Engagement,
    string? Stage,
    string? Grade,
    DateTimeOffset ScoredAt,
    string Reason,
    int Activities,
    DateTimeOffset? LookAgainAt,
    string RuleSet,
    int StageChanges);
