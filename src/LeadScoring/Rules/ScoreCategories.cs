namespace LeadScoring.Rules;

/// <summary>
/// The category table: one row per <see cref="ScoreCategory"/> with its JSON name and whether it counts
/// towards fit or engagement. Switches without a default arm make a category without a row fail the build.
/// </summary>
internal static class ScoreCategories
{
    /// <summary>Every category, in enum (and JSON, and output) order.</summary>
    public static readonly ScoreCategory[] All = Enum.GetValues<ScoreCategory>();

    /// <summary>The JSON names, in enum order.</summary>
    public static readonly string[] JsonNames = Array.ConvertAll(All, JsonName);

    /// <summary>How many categories there are (a constant, for fixed-size scratch on the scoring path; a test holds it to the enum).</summary>
    public const int Count = 6;

    public static string JsonName(ScoreCategory category) => category switch
    {
        ScoreCategory.Demographic => "demographic",
        ScoreCategory.CompanyFit => "companyFit",
        ScoreCategory.OnlineBehaviour => "onlineBehaviour",
        ScoreCategory.EmailEngagement => "emailEngagement",
        ScoreCategory.SocialEngagement => "socialEngagement",
        ScoreCategory.Decay => "decay",
    };

    /// <summary>Fit is who the lead is; everything else is engagement (what they do, and its decay).</summary>
    public static bool IsFit(ScoreCategory category) => category switch
    {
        ScoreCategory.Demographic or ScoreCategory.CompanyFit => true,
        ScoreCategory.OnlineBehaviour or ScoreCategory.EmailEngagement or ScoreCategory.SocialEngagement or ScoreCategory.Decay => false,
    };

    /// <summary>The categories that decay when a rule set's decay names none.</summary>
    public static readonly ScoreCategory[] DecayingByDefault =
        [ScoreCategory.OnlineBehaviour, ScoreCategory.EmailEngagement, ScoreCategory.SocialEngagement];

    public static bool TryParse(string jsonName, out ScoreCategory category)
    {
        int i = Array.IndexOf(JsonNames, jsonName);
        category = (ScoreCategory)Math.Max(i, 0);
        return i >= 0;
    }
}
