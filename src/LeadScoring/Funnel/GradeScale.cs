namespace LeadScoring.Funnel;

/// <summary>The fit grades ready to evaluate: the first whose <c>minFit</c> the fit reaches, else the default grade.</summary>
internal sealed class GradeScale(IReadOnlyList<GradeDefinition>? grades, string? defaultGrade)
{
    /// <summary>The default grade when a rule set has grades but names none.</summary>
    public const string FallbackGrade = "D";

    private readonly GradeDefinition[] _grades = [.. grades ?? []];
    private readonly string? _default = grades is null ? null : defaultGrade ?? FallbackGrade;

    /// <summary>Every grade a lead can get: the listed ones in order, then the default unless it is listed; null without grades.</summary>
    public IReadOnlyList<string>? Names { get; } = grades is null
        ? null
        : [.. grades.Select(g => g.Grade).Append(defaultGrade ?? FallbackGrade).Distinct(StringComparer.Ordinal)];

    /// <summary>The fit thresholds of the grades, in rule-set order.</summary>
    public IEnumerable<double> MinFits => _grades.Select(g => g.MinFit);

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
