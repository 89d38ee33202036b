namespace LeadScoring.RuleSets;

/// <summary>
/// The JSON Schema (draft 2020-12) of the rule-set format, for editors: point a rule set's <c>$schema</c> at a copy
/// of it to get completion and checking while typing. The library checks more than a schema can express (unique
/// ids, <c>min</c> not above <c>max</c>, valid regular expressions), so loading remains the final word.
/// </summary>
public static class RuleSetSchema
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(RuleSetSchema).Assembly.GetManifestResourceStream("LeadScoring.RuleSets.leadscoring.schema.json")
            ?? throw new InvalidOperationException("The rule-set schema is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The schema, as JSON text (also shipped in the package as <c>schema/leadscoring.schema.json</c>).</summary>
    public static string Json => Text.Value;
}
