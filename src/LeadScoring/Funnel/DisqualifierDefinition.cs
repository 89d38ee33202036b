using LeadScoring.Conditions;

namespace LeadScoring.Funnel;

/// <summary>A disqualifier: a lead for which <see cref="When"/> holds is <c>Disqualified</c>.</summary>
internal sealed record DisqualifierDefinition(string Id, Condition When);
