namespace LeadScoring.Tests.Support;

/// <summary>Small rule-set JSON documents for tests.</summary>
internal static class TestRuleSets
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A rule set whose rules are <paramref name="rules"/> (JSON array items), plus top-level <paramref name="extra"/> properties.</summary>
    public static string Json(string rules, string extra = "") =>
        $$"""{ "schemaVersion": 1, "rules": [ {{rules}} ]{{(extra.Length > 0 ? ", " + extra : string.Empty)}} }""";

    /// <summary>One rule worth 10 demographic points when <paramref name="condition"/> holds.</summary>
    public static ScoringModel When(string condition, string extra = "") =>
        ScoringModel.FromJson(Json($$"""{ "id": "r", "category": "demographic", "points": 10, "when": {{condition}} }""", extra));

    /// <summary>Whether the single-rule model of <see cref="When"/> fires for <paramref name="lead"/>.</summary>
    public static bool Fires(string condition, Lead lead) => When(condition).Score(lead, AsOf).Demographic == 10;

    public static Lead LeadWith(string name, AttributeValue value) => new Lead("L").Set(name, value);

    public static Lead LeadWithActivities(params (string Type, double DaysAgo, string? Tag)[] activities)
    {
        var lead = new Lead("L");
        foreach (var (type, daysAgo, tag) in activities)
        {
            lead.AddActivity(type, AsOf.AddDays(-daysAgo), tag);
        }

        return lead;
    }
}
