namespace LeadScoring;

/// <summary>
/// The result of scoring one lead (SPEC 3.4-3.5). A small struct: producing it allocates nothing.
/// Stage and grade names are the model's own strings.
/// </summary>
public readonly struct LeadScore
{
    /// <summary>The stage name of a disqualified lead.</summary>
    public const string DisqualifiedStage = "Disqualified";

    internal LeadScore(double score, double fit, double engagement, ReadOnlySpan<double> categories, string? stage, string? grade, bool isDisqualified, int stageIndex)
    {
        Score = score;
        Fit = fit;
        Engagement = engagement;
        Demographic = categories[0];
        CompanyFit = categories[1];
        OnlineBehaviour = categories[2];
        EmailEngagement = categories[3];
        SocialEngagement = categories[4];
        Decay = categories[5];
        Stage = stage;
        Grade = grade;
        IsDisqualified = isDisqualified;
        StageIndex = stageIndex;
    }

    /// <summary>Fit + engagement, clamped to the rule set's range (default 0..100).</summary>
    public double Score { get; }

    /// <summary>Demographic + company fit (not clamped).</summary>
    public double Fit { get; }

    /// <summary>Online behaviour + email + social engagement + decay (not clamped).</summary>
    public double Engagement { get; }

    /// <summary>The demographic category value, after its clamp.</summary>
    public double Demographic { get; }

    /// <summary>The company-fit category value, after its clamp.</summary>
    public double CompanyFit { get; }

    /// <summary>The online-behaviour category value, after its clamp.</summary>
    public double OnlineBehaviour { get; }

    /// <summary>The email-engagement category value, after its clamp.</summary>
    public double EmailEngagement { get; }

    /// <summary>The social-engagement category value, after its clamp.</summary>
    public double SocialEngagement { get; }

    /// <summary>The decay category value (inactivity and decay rules), after its clamp.</summary>
    public double Decay { get; }

    /// <summary>
    /// The highest stage reached with every earlier stage also met, <see cref="DisqualifiedStage"/>,
    /// or null when the first stage is not met (or the rule set has no stages).
    /// </summary>
    public string? Stage { get; }

    /// <summary>The fit grade, or null when the rule set defines no grades.</summary>
    public string? Grade { get; }

    /// <summary>True when any disqualifier holds; the scores are still computed.</summary>
    public bool IsDisqualified { get; }

    /// <summary>Index of <see cref="Stage"/> in the rule set's stage list; -1 when none or disqualified.</summary>
    internal int StageIndex { get; }

    /// <summary>A category value by category.</summary>
    public double this[ScoreCategory category] => category switch
    {
        ScoreCategory.Demographic => Demographic,
        ScoreCategory.CompanyFit => CompanyFit,
        ScoreCategory.OnlineBehaviour => OnlineBehaviour,
        ScoreCategory.EmailEngagement => EmailEngagement,
        ScoreCategory.SocialEngagement => SocialEngagement,
        ScoreCategory.Decay => Decay,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"score {Score:0.###} (fit {Fit:0.###}, engagement {Engagement:0.###}), stage {Stage ?? "none"}, grade {Grade ?? "none"}");
}
