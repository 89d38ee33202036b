namespace LeadScoring;

// The validated, uncompiled form of a rule set: what JSON says, one record per section.
// Built by the JSON reader (after validation) and written back by the JSON writer; the fluent
// builder fills the same records and goes through JSON so that both paths validate alike.

/// <summary>A scoring rule: exactly one of <see cref="When"/> and <see cref="Each"/> is set.</summary>
internal sealed record RuleDefinition(
    string Id, ScoreCategory Category, double Points, double? MaxPoints, string? Description, Condition? When, ActivityFilter? Each);

/// <summary>Minimum and maximum of a category (each optional).</summary>
internal sealed record LimitsDefinition(double? Min, double? Max);

/// <summary>Half-life or expiry decay of <c>each</c> rules in <see cref="Categories"/> (null: the spec's default).</summary>
internal sealed record DecayDefinition(double? HalfLifeDays, double? ExpireAfterDays, IReadOnlyList<ScoreCategory>? Categories);

/// <summary>The inactivity penalty.</summary>
internal sealed record InactivityDefinition(double AfterDays, double EveryDays, double Points, double? MaxPenalty);

/// <summary>A disqualifier.</summary>
internal sealed record DisqualifierDefinition(string Id, Condition When);

/// <summary>A funnel stage.</summary>
internal sealed record StageDefinition(string Name, double? MinScore, double? MinFit, double? MinEngagement, Condition? When);

/// <summary>A fit grade.</summary>
internal sealed record GradeDefinition(string Grade, double MinFit);

/// <summary>A whole rule set. Optional sections are null when absent, so a round trip keeps them absent.</summary>
internal sealed class RuleSetDefinition
{
    public const int SchemaVersion = 1;

    public string? Name { get; init; }

    public string? Version { get; init; }

    public LimitsDefinition? Range { get; init; }

    /// <summary>Indexed by <see cref="ScoreCategory"/>; null entries were not given.</summary>
    public IReadOnlyList<LimitsDefinition?>? Categories { get; init; }

    public required IReadOnlyList<RuleDefinition> Rules { get; init; }

    public DecayDefinition? Decay { get; init; }

    public InactivityDefinition? Inactivity { get; init; }

    public IReadOnlyList<DisqualifierDefinition>? Disqualify { get; init; }

    public IReadOnlyList<StageDefinition>? Stages { get; init; }

    public IReadOnlyList<GradeDefinition>? Grades { get; init; }

    public string? DefaultGrade { get; init; }
}
