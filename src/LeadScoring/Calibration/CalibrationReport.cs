using LeadScoring.Scoring;

namespace LeadScoring.Calibration;

/// <summary>
/// How well a rule set separates won from lost leads, which rules carry that signal, and what points, threshold and
/// probability the evidence suggests. Calibration changes no rule set: it reports, and offers
/// <see cref="SuggestedModel"/> and <see cref="CalibratedModel"/> for a person to review.
/// </summary>
public sealed class CalibrationReport
{
    internal CalibrationReport(
        int won, int lost, int undecided, int training, int test, OutcomeAuc auc, IReadOnlyList<StageOutcome> stages,
        IReadOnlyList<GradeOutcome>? grades, IReadOnlyList<ScoreBand> bands, IReadOnlyList<RuleEvidence> rules,
        ThresholdFit? bestThreshold, ModelFit? model, ProbabilityFit? probability, SuggestedRuleSets suggestions)
    {
        Won = won;
        Lost = lost;
        Undecided = undecided;
        Training = training;
        Test = test;
        Auc = auc;
        Stages = stages;
        Grades = grades;
        Bands = bands;
        Rules = rules;
        BestThreshold = bestThreshold;
        Model = model;
        Probability = probability;
        SuggestedJson = suggestions.SuggestedJson;
        SuggestedModel = suggestions.Suggested;
        CalibratedJson = suggestions.CalibratedJson;
        CalibratedModel = suggestions.Calibrated;
    }

    /// <summary>N, the decided leads (with an outcome).</summary>
    public int Leads => Won + Lost;

    /// <summary>W, the won leads.</summary>
    public int Won { get; }

    /// <summary>L, the lost leads.</summary>
    public int Lost { get; }

    /// <summary>Leads without an outcome, otherwise ignored.</summary>
    public int Undecided { get; }

    /// <summary><c>W / N</c>: the share of decided leads that were won; every lift is relative to it.</summary>
    public double BaseRate => Won / (double)Leads;

    /// <summary>Decided leads the model, threshold and probability are fitted on.</summary>
    public int Training { get; }

    /// <summary>Decided leads they are evaluated on (all of them without a holdout).</summary>
    public int Test { get; }

    /// <summary>The AUCs of score, fit and engagement over all decided leads.</summary>
    public OutcomeAuc Auc { get; }

    /// <summary>One row per stage in rule-set order, then no stage (null), then Disqualified.</summary>
    public IReadOnlyList<StageOutcome> Stages { get; }

    /// <summary>One row per grade in rule-set order, then the default grade; null when the rule set has no grades.</summary>
    public IReadOnlyList<GradeOutcome>? Grades { get; }

    /// <summary>Ten equal bands of the score range, lowest first.</summary>
    public IReadOnlyList<ScoreBand> Bands { get; }

    /// <summary>One row per rule in rule-set order, then <c>inactivity</c> when the rule set has it.</summary>
    public IReadOnlyList<RuleEvidence> Rules { get; }

    /// <summary>The threshold with the best F1; null when the training set lacks a won or a lost lead.</summary>
    public ThresholdFit? BestThreshold { get; }

    /// <summary>The logistic model over the rules; null when the training set lacks a won or a lost lead.</summary>
    public ModelFit? Model { get; }

    /// <summary>The fitted probability section; null when the training set lacks a won or a lost lead.</summary>
    public ProbabilityFit? Probability { get; }

    /// <summary>
    /// The rule set with every rule's points (and inactivity's) replaced by the suggestion rounded to 0.1, caps scaled
    /// alike, and no probability section; everything else as given. Null without a model.
    /// </summary>
    public string? SuggestedJson { get; }

    /// <summary><see cref="SuggestedJson"/> loaded; null without a model.</summary>
    public ScoringModel? SuggestedModel { get; }

    /// <summary>The rule set as given but for a <c>probability</c> section with the fitted intercept and slope; null without a model.</summary>
    public string? CalibratedJson { get; }

    /// <summary><see cref="CalibratedJson"/> loaded; null without a model.</summary>
    public ScoringModel? CalibratedModel { get; }

    /// <summary>Writes the report as one indented JSON object (the <c>leadscore calibrate</c> report), UTF-8.</summary>
    /// <param name="destination">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void WriteJson(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        CalibrationReportJson.Write(destination, this);
    }

    /// <summary>The report as indented JSON (the <c>leadscore calibrate</c> report).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ReportJson.ToText(WriteJson);
}
