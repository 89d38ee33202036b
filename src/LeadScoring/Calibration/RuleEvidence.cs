using LeadScoring.Rules;

namespace LeadScoring.Calibration;

/// <summary>
/// What the outcomes say about one rule (or <c>inactivity</c>): how often it fires, how often the leads it fires
/// on are won, and, from the model, the points the evidence suggests.
/// </summary>
public sealed class RuleEvidence
{
    internal RuleEvidence(string id, ScoreCategory category, int fires, int won, double? rate, double? rateLow, double? rateHigh, double? lift, double? weightOfEvidence, double? coefficient, double? suggestedPoints)
    {
        Id = id;
        Category = category;
        Fires = fires;
        Won = won;
        Rate = rate;
        RateLow = rateLow;
        RateHigh = rateHigh;
        Lift = lift;
        WeightOfEvidence = weightOfEvidence;
        Coefficient = coefficient;
        SuggestedPoints = suggestedPoints;
    }

    /// <summary>The rule's id, or <c>inactivity</c>.</summary>
    public string Id { get; }

    /// <summary>The rule's category (<see cref="ScoreCategory.Decay"/> for inactivity).</summary>
    public ScoreCategory Category { get; }

    /// <summary>Decided leads on which it contributes something (not 0).</summary>
    public int Fires { get; }

    /// <summary>Of those, the won leads.</summary>
    public int Won { get; }

    /// <summary><c>won / fires</c>; null when it never fires.</summary>
    public double? Rate { get; }

    /// <summary>The lower end of the 95 % Wilson interval of <see cref="Rate"/>; null when it never fires.</summary>
    public double? RateLow { get; }

    /// <summary>The upper end of the 95 % Wilson interval of <see cref="Rate"/>; null when it never fires.</summary>
    public double? RateHigh { get; }

    /// <summary><c>rate / baseRate</c>: above 1, the leads it fires on are won more often than average.</summary>
    public double? Lift { get; }

    /// <summary>
    /// <c>ln((won + ½)/(W + ½) ÷ (lost + ½)/(L + ½))</c>: positive when firing is evidence for winning; null when it
    /// never fires.
    /// </summary>
    public double? WeightOfEvidence { get; }

    /// <summary>Its coefficient in the penalised logistic model of the outcome (per unit of its feature); null without a model.</summary>
    public double? Coefficient { get; }

    /// <summary><c>coefficient × P / ln 2</c>: the points the evidence suggests, P points doubling the odds; null without a model.</summary>
    public double? SuggestedPoints { get; }
}
