namespace LeadScoring.Funnel;

/// <summary>A fit grade: the first grade whose <see cref="MinFit"/> the lead's fit reaches applies.</summary>
internal sealed record GradeDefinition(string Grade, double MinFit);
