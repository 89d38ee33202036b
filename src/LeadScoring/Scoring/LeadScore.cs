using LeadScoring.Rules;

namespace LeadScoring.Scoring;

/// <summary>
/// The result of scoring one lead: score, fit and engagement, each category's value, the funnel stage, the fit
/// grade and the disqualifiers that hold. A struct: producing it allocates nothing. Stage and grade names and
/// disqualifier ids are the model's own strings.
/// </summary>
public readonly struct LeadScore
{
    /// <summary>The stage name of a disqualified lead.</summary>
    public const string DisqualifiedStage = "Disqualified";

    // NaN when the rule set has no probability section: a nullable would make every result 8 bytes larger.
    private readonly double _probability;

    internal LeadScore(double score, double fit, double engagement, ReadOnlySpan<double> categories, string? stage, string? grade, DisqualifierList disqualifiedBy, double probability)
    {
        _probability = probability;
        Score = score;
        Fit = fit;
        Engagement = engagement;
        Demographic = categories[(int)ScoreCategory.Demographic];
        CompanyFit = categories[(int)ScoreCategory.CompanyFit];
        OnlineBehaviour = categories[(int)ScoreCategory.OnlineBehaviour];
        EmailEngagement = categories[(int)ScoreCategory.EmailEngagement];
        SocialEngagement = categories[(int)ScoreCategory.SocialEngagement];
        Decay = categories[(int)ScoreCategory.Decay];
        Stage = stage;
        Grade = grade;
        DisqualifiedBy = disqualifiedBy;
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

    /// <summary>The ids of the disqualifiers that hold, in rule-set order (empty when none does).</summary>
    public DisqualifierList DisqualifiedBy { get; }

    /// <summary>
    /// The estimated chance that the lead is won, <c>1 / (1 + e^-(slope x score + intercept))</c>, when the rule set
    /// has a <c>probability</c> section; otherwise null.
    /// </summary>
    public double? Probability => double.IsNaN(_probability) ? null : _probability;

    /// <summary>True when any disqualifier holds; the scores are still computed.</summary>
    public bool IsDisqualified => !DisqualifiedBy.IsEmpty;

    /// <summary>A category value by category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>Its value, after its clamp.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined category.</exception>
    public double this[ScoreCategory category] => Enum.IsDefined(category)
        ? category switch
        {
            ScoreCategory.Demographic => Demographic,
            ScoreCategory.CompanyFit => CompanyFit,
            ScoreCategory.OnlineBehaviour => OnlineBehaviour,
            ScoreCategory.EmailEngagement => EmailEngagement,
            ScoreCategory.SocialEngagement => SocialEngagement,
            ScoreCategory.Decay => Decay,
        }
        : throw new ArgumentOutOfRangeException(nameof(category), category, "Not a score category.");

    /// <summary>A one-line summary.</summary>
    /// <returns>For example <c>score 73.5 (fit 40, engagement 33.5), stage SQL, grade A</c>.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"score {Score:0.###} (fit {Fit:0.###}, engagement {Engagement:0.###}), stage {Stage ?? "none"}, grade {Grade ?? "none"}");
}
