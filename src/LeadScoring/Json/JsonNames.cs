namespace LeadScoring.Json;

/// <summary>The spec's JSON spellings of categories and operators, and lookups by name.</summary>
internal static class JsonNames
{
    public static readonly string[] Categories =
        ["demographic", "companyFit", "onlineBehaviour", "emailEngagement", "socialEngagement", "decay"];

    public static readonly string[] Operators =
    [
        "exists", "missing", "eq", "neq", "in", "notIn", "contains", "startsWith", "endsWith",
        "containsAny", "matches", "gt", "gte", "lt", "lte", "between", "isTrue", "isFalse",
    ];

    public static string Of(ScoreCategory category) => Categories[(int)category];

    public static string Of(TestOperator op) => Operators[(int)op];

    public static bool TryParseCategory(string name, out ScoreCategory category)
    {
        int i = Array.IndexOf(Categories, name);
        category = (ScoreCategory)Math.Max(i, 0);
        return i >= 0;
    }

    public static bool TryParseOperator(string name, out TestOperator op)
    {
        int i = Array.IndexOf(Operators, name);
        op = (TestOperator)Math.Max(i, 0);
        return i >= 0;
    }
}
