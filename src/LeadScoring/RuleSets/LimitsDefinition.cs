namespace LeadScoring.RuleSets;

/// <summary>The clamp of the score (<c>range</c>) or of one category's value (each bound optional).</summary>
internal sealed record LimitsDefinition(double? Min, double? Max)
{
    /// <summary>The score's range when a rule set gives none.</summary>
    public static LimitsDefinition DefaultRange { get; } = new(0, 100);
}
