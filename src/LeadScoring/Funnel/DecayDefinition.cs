using LeadScoring.Rules;

namespace LeadScoring.Funnel;

/// <summary>Half-life or expiry decay of <c>each</c> rules in <see cref="Categories"/> (null: the default engagement categories).</summary>
internal sealed record DecayDefinition(double? HalfLifeDays, double? ExpireAfterDays, IReadOnlyList<ScoreCategory>? Categories);
