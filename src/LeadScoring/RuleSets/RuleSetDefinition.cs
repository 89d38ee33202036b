using LeadScoring.Funnel;
using LeadScoring.Rules;

namespace LeadScoring.RuleSets;

/// <summary>
/// A whole rule set as it states itself, one record per section: built by the JSON reader (after validation)
/// and written back by the JSON writer; the fluent builder fills the same records and goes through JSON so
/// that both paths validate alike. Optional sections are null when absent, so a round trip keeps them absent.
/// </summary>
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

    public ProbabilityDefinition? Probability { get; init; }
}
