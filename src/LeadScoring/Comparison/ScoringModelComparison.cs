using LeadScoring.Leads;
using LeadScoring.Scoring;

namespace LeadScoring.Comparison;

/// <summary>Comparison of a <see cref="ScoringModel"/> with a candidate before the candidate is published.</summary>
public static class ScoringModelComparison
{
    /// <summary>
    /// What <paramref name="candidate"/> would do to the funnel: every lead is scored by both rule sets as of
    /// <paramref name="asOf"/> (stage transitions, score moves, each rule's use), and each decided lead also as of its
    /// outcome minus the lead time (each rule set's AUC). <paramref name="leads"/> is enumerated once and no lead is
    /// kept, so a stream that reuses one <see cref="Lead"/> instance works.
    /// </summary>
    /// <param name="model">The current rule set.</param>
    /// <param name="candidate">The candidate rule set.</param>
    /// <param name="leads">The leads to compare on.</param>
    /// <param name="asOf">The instant to score at.</param>
    /// <param name="options">The lead time for decided leads; null for the defaults.</param>
    /// <param name="onChange">
    /// Called, in input order, for every lead whose stage or grade changes or whose score moves by more than 1e-9; null
    /// when the changes are not wanted.
    /// </param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="candidate"/>, <paramref name="leads"/> or a lead is null.</exception>
    public static ComparisonReport CompareWith(this ScoringModel model, ScoringModel candidate, IEnumerable<Lead> leads, DateTimeOffset asOf, ComparisonOptions? options = null, Action<LeadChange>? onChange = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(leads);
        return RuleSetComparer.Compare(model, candidate, leads, asOf, (options ?? ComparisonOptions.Default).LeadTimeDays, onChange);
    }
}
