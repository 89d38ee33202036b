namespace LeadScoring.Funnel;

/// <summary>The inactivity penalty: <see cref="Points"/> per <see cref="EveryDays"/> of silence after <see cref="AfterDays"/>.</summary>
internal sealed record InactivityDefinition(double AfterDays, double EveryDays, double Points, double? MaxPenalty);
