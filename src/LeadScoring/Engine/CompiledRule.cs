namespace LeadScoring.Engine;

/// <summary>A scoring rule: a <see cref="When"/> condition, or an each rule reading its weight sum at <see cref="EachSlot"/>.</summary>
internal sealed record CompiledRule(string Id, ScoreCategory Category, double Points, double MaxPoints, CompiledCondition? When, int EachSlot);
