using LeadScoring.Conditions;
using LeadScoring.Funnel;
using LeadScoring.Rules;
using LeadScoring.RuleSets;
using LeadScoring.Validation;

namespace LeadScoring.Scoring;

/// <summary>
/// Builds a <see cref="ScoringModel"/> in code. <see cref="Build"/> validates exactly as JSON loading does
/// (errors name the JSON path the same rule set would have, for example <c>$.rules[2].points</c>), and the
/// model equals the one loaded from the equivalent JSON.
/// </summary>
/// <example><code>
/// var model = ScoringModel.CreateBuilder()
///     .Named("b2b", "1.0.0")
///     .When("exec-title", ScoreCategory.Demographic, 15, Condition.Field("jobTitle", ValueTest.ContainsAny("VP", "Chief")))
///     .Each("pricing-views", ScoreCategory.OnlineBehaviour, 5, ActivityFilter.OfType("pricing_page_view").Within(90), maxPoints: 15)
///     .HalfLifeDecay(30)
///     .Stage("MQL", minScore: 40)
///     .Build();
/// </code></example>
public sealed class ScoringModelBuilder
{
    private readonly List<RuleDefinition> _rules = [];
    private readonly LimitsDefinition?[] _categories = new LimitsDefinition?[ScoreCategories.Count];
    private List<DisqualifierDefinition>? _disqualify;
    private List<StageDefinition>? _stages;
    private List<GradeDefinition>? _grades;
    private string? _name;
    private string? _version;
    private LimitsDefinition? _range;
    private bool _hasCategories;
    private DecayDefinition? _decay;
    private InactivityDefinition? _inactivity;
    private string? _defaultGrade;
    private ProbabilityDefinition? _probability;

    internal ScoringModelBuilder()
    {
    }

    /// <summary>Sets the rule set's name and, optionally, version.</summary>
    /// <param name="name">The rule set's name (non-empty).</param>
    /// <param name="version">Its version (non-empty), or null for none.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder Named(string name, string? version = null)
    {
        _name = name;
        _version = version;
        return this;
    }

    /// <summary>Clamps the score to [<paramref name="min"/>, <paramref name="max"/>] instead of 0..100.</summary>
    /// <param name="min">The lowest score.</param>
    /// <param name="max">The highest score; not below <paramref name="min"/>.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder Range(double min, double max)
    {
        _range = new LimitsDefinition(min, max);
        return this;
    }

    /// <summary>Clamps one category's value (either bound optional).</summary>
    /// <param name="category">The category.</param>
    /// <param name="min">Its lowest value, or null for none.</param>
    /// <param name="max">Its highest value, or null for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined category.</exception>
    public ScoringModelBuilder CategoryLimits(ScoreCategory category, double? min = null, double? max = null)
    {
        if (!Enum.IsDefined(category))
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Not a score category.");
        }

        _categories[(int)category] = new LimitsDefinition(min, max);
        _hasCategories = true;
        return this;
    }

    /// <summary>A rule that adds <paramref name="points"/> when <paramref name="when"/> holds.</summary>
    /// <param name="id">The rule's unique id (not <c>inactivity</c>).</param>
    /// <param name="category">The category it scores in.</param>
    /// <param name="points">The points (may be negative).</param>
    /// <param name="when">The condition.</param>
    /// <param name="maxPoints">The largest magnitude it may contribute, or null for no cap.</param>
    /// <param name="description">What it rewards, for people reading the rule set.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder When(string id, ScoreCategory category, double points, Condition when, double? maxPoints = null, string? description = null)
    {
        _rules.Add(new RuleDefinition(id, category, points, maxPoints, description, when, Each: null));
        return this;
    }

    /// <summary>A rule that adds <paramref name="points"/> times the decay weight for every activity passing <paramref name="each"/>.</summary>
    /// <param name="id">The rule's unique id (not <c>inactivity</c>).</param>
    /// <param name="category">The category it scores in.</param>
    /// <param name="points">The points per activity (may be negative).</param>
    /// <param name="each">Which activities count.</param>
    /// <param name="maxPoints">The largest magnitude it may contribute, or null for no cap.</param>
    /// <param name="description">What it rewards, for people reading the rule set.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder Each(string id, ScoreCategory category, double points, ActivityFilter each, double? maxPoints = null, string? description = null)
    {
        _rules.Add(new RuleDefinition(id, category, points, maxPoints, description, When: null, each));
        return this;
    }

    /// <summary>Each rules in <paramref name="categories"/> (default: the three engagement categories) lose half their weight every <paramref name="days"/>.</summary>
    /// <param name="days">The half-life in days (above 0, at most 36,500).</param>
    /// <param name="categories">The categories that decay; none for online behaviour, email and social engagement.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder HalfLifeDecay(double days, params ScoreCategory[]? categories)
    {
        _decay = new DecayDefinition(days, null, NullIfEmpty(categories));
        return this;
    }

    /// <summary>Each rules in <paramref name="categories"/> (default: the three engagement categories) ignore activities older than <paramref name="days"/>.</summary>
    /// <param name="days">The age in days after which an activity no longer counts (above 0, at most 36,500).</param>
    /// <param name="categories">The categories that decay; none for online behaviour, email and social engagement.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder ExpiringDecay(double days, params ScoreCategory[]? categories)
    {
        _decay = new DecayDefinition(null, days, NullIfEmpty(categories));
        return this;
    }

    /// <summary>Adds <paramref name="points"/> (usually negative) per <paramref name="everyDays"/> of silence after <paramref name="afterDays"/>.</summary>
    /// <param name="afterDays">Days without activity before the penalty starts (0 to 36,500).</param>
    /// <param name="everyDays">The length of a penalty period in days (above 0, at most 36,500).</param>
    /// <param name="points">The points per started period.</param>
    /// <param name="maxPenalty">The largest magnitude of the penalty, or null for no cap.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder Inactivity(double afterDays, double everyDays, double points, double? maxPenalty = null)
    {
        _inactivity = new InactivityDefinition(afterDays, everyDays, points, maxPenalty);
        return this;
    }

    /// <summary>Disqualifies leads for which <paramref name="when"/> holds.</summary>
    /// <param name="id">The disqualifier's unique id, reported in results.</param>
    /// <param name="when">The condition.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder Disqualify(string id, Condition when)
    {
        (_disqualify ??= []).Add(new DisqualifierDefinition(id, when));
        return this;
    }

    /// <summary>Adds the next (higher) funnel stage; it holds when every threshold given is met and its condition holds.</summary>
    /// <param name="name">The stage's unique name.</param>
    /// <param name="minScore">The lowest score, or null for none.</param>
    /// <param name="minFit">The lowest fit, or null for none.</param>
    /// <param name="minEngagement">The lowest engagement, or null for none.</param>
    /// <param name="when">A condition, or null for none.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder Stage(string name, double? minScore = null, double? minFit = null, double? minEngagement = null, Condition? when = null)
    {
        (_stages ??= []).Add(new StageDefinition(name, minScore, minFit, minEngagement, when));
        return this;
    }

    /// <summary>Adds a fit grade; the first grade whose <paramref name="minFit"/> the lead's fit reaches applies.</summary>
    /// <param name="grade">The grade's name, such as <c>A</c>.</param>
    /// <param name="minFit">The lowest fit for it.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder Grade(string grade, double minFit)
    {
        (_grades ??= []).Add(new GradeDefinition(grade, minFit));
        return this;
    }

    /// <summary>The grade when no grade's minFit is reached (default <c>D</c>).</summary>
    /// <param name="grade">The grade's name.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder DefaultGrade(string grade)
    {
        _defaultGrade = grade;
        return this;
    }

    /// <summary>Reports with every score the chance that the lead is won: <c>1 / (1 + e^-(slope x score + intercept))</c>.</summary>
    /// <param name="intercept">The logistic intercept (calibration fits it from outcomes).</param>
    /// <param name="slope">The logistic slope per score point.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder Probability(double intercept, double slope)
    {
        _probability = new ProbabilityDefinition(intercept, slope);
        return this;
    }

    /// <summary>Validates and compiles the rule set.</summary>
    /// <returns>The model.</returns>
    /// <exception cref="RuleSetValidationException">The rule set is not valid; every problem is listed with its JSON path.</exception>
    public ScoringModel Build() => ScoringModel.FromDefinition(new RuleSetDefinition
    {
        Name = _name,
        Version = _version,
        Range = _range,
        Categories = _hasCategories ? [.. _categories] : null,
        Rules = [.. _rules],
        Decay = _decay,
        Inactivity = _inactivity,
        Disqualify = _disqualify is null ? null : [.. _disqualify],
        Stages = _stages is null ? null : [.. _stages],
        Grades = _grades is null ? null : [.. _grades],
        DefaultGrade = _defaultGrade,
        Probability = _probability,
    });

    private static ScoreCategory[]? NullIfEmpty(ScoreCategory[]? categories) => categories is { Length: > 0 } ? [.. categories] : null;
}
