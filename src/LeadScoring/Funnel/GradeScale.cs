namespace LeadScoring.Funnel;

/// <summary>The fit grades ready to evaluate: the first whose <c>minFit</c> the fit reaches, else the default grade.</summary>
internal sealed class GradeScale(IReadOnlyList<GradeDefinition>? grades, string? defaultGrade)
{
    /// <summary>The default grade when a rule set has grades but names none.</summary>
    public const string FallbackGrade = "D";

    private readonly GradeDefinition[] _grades = [.. grades ?? []];
    private readonly string? _default = grades is null ? null : defaultGrade ?? FallbackGrade;

    /// <summary>The grade of <paramref name="fit"/>; null when the rule set defines no grades.</summary>
    public string? Of(double fit)
    {
        foreach (var grade in _grades)
        {
            if (grade.MinFit <= fit)
            {
                return grade.Grade;
            }
        }

        return _default;
    }
}
