namespace LeadScoring.Benchmarks.Baselines;

/// <summary>What a baseline scorer computes, to check it against the engine.</summary>
public readonly record struct BaselineResult(double Score, double Fit, double Engagement, string? Stage, string? Grade)
{
    public static BaselineResult From(LeadScore score) => new(score.Score, score.Fit, score.Engagement, score.Stage, score.Grade);

    /// <summary>Equal within the spec's 1e-6.</summary>
    public bool Matches(BaselineResult other) =>
        Math.Abs(Score - other.Score) <= 1e-6 && Math.Abs(Fit - other.Fit) <= 1e-6 && Math.Abs(Engagement - other.Engagement) <= 1e-6
        && Stage == other.Stage && Grade == other.Grade;

    /// <summary>Throws unless <paramref name="scorer"/> agrees with the engine on every lead.</summary>
    public static void Verify(string name, ScoringModel model, IEnumerable<Lead> leads, DateTimeOffset asOf, Func<Lead, BaselineResult> scorer)
    {
        foreach (var lead in leads)
        {
            var expected = From(model.Score(lead, asOf));
            var actual = scorer(lead);
            if (!expected.Matches(actual))
            {
                throw new InvalidOperationException($"{name} disagrees with the engine on {lead.Id}: engine {expected}, {name} {actual}");
            }
        }
    }
}
