using LeadScoring.Conditions;

namespace LeadScoring.Rules;

/// <summary>
/// A scoring rule as the rule set states it: exactly one of <see cref="When"/> (points when it holds) and
/// <see cref="Each"/> (points times the decay weight per matching activity), capped by <see cref="MaxPoints"/>.
/// </summary>
internal sealed record RuleDefinition(
    string Id, ScoreCategory Category, double Points, double? MaxPoints, string? Description, Condition? When, ActivityFilter? Each);
