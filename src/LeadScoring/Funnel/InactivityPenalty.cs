using LeadScoring.Rules;

namespace LeadScoring.Funnel;

/// <summary>The inactivity penalty ready to evaluate, reported under the reserved rule id <see cref="Id"/>.</summary>
internal sealed class InactivityPenalty(InactivityDefinition? definition)
{
    /// <summary>The id the penalty is reported under; no rule may take it.</summary>
    public const string Id = "inactivity";

    /// <summary>Whether the rule set has an inactivity section.</summary>
    public bool IsDefined => definition is not null;

    /// <summary>The inactivity section; null when the rule set has none.</summary>
    public InactivityDefinition? Definition => definition;

    /// <summary>The points per period (0 when the rule set has no inactivity section).</summary>
    public double Points => definition?.Points ?? 0;

    /// <summary>
    /// The penalty for a lead whose most recent activity is <paramref name="newestAgeTicks"/> old (-1: none):
    /// 0 up to <c>afterDays</c>, then <c>points</c> per started period of <c>everyDays</c>, capped by <c>maxPenalty</c>.
    /// </summary>
    public double Of(long newestAgeTicks)
    {
        if (definition is not { } rule || newestAgeTicks < 0)
        {
            return 0;
        }

        double days = newestAgeTicks / (double)TimeSpan.TicksPerDay;
        if (days <= rule.AfterDays)
        {
            return 0;
        }

        double periods = Math.Floor((days - rule.AfterDays) / rule.EveryDays) + 1;
        double penalty = rule.Points == 0 ? 0 : CompiledRule.Cap(rule.Points * periods, rule.MaxPenalty ?? double.PositiveInfinity);

        // A tiny everyDays (the format only asks for > 0) can overflow the count; keep every output finite.
        return double.IsFinite(penalty) ? penalty : Math.CopySign(double.MaxValue, penalty);
    }
}
