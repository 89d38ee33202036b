using FsCheck.Xunit;
using LeadScoring.Calibration;
using LeadScoring.Comparison;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Properties;

/// <summary>Invariants of calibration and comparison over random rule sets, leads and outcomes.</summary>
public sealed class CalibrationProperties
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Random leads, most of them decided (won or lost at a random instant before as-of).</summary>
    private static List<Lead> DecidedLeads(int seed, int count)
    {
        var random = new Random(seed ^ 0x5eed);
        var leads = RandomRuleSet.Leads(seed, count, AsOf);
        foreach (var lead in leads.Where(_ => random.Next(8) != 0))
        {
            lead.Outcome = new LeadOutcome(random.Next(3) == 0, AsOf.AddDays(-random.Next(0, 200)));
        }

        return leads;
    }

    [Property(MaxTest = 200)]
    public void Auc_is_invariant_under_strictly_increasing_transforms(Seed seed)
    {
        var random = new Random(seed);
        int n = random.Next(2, 60);
        var scores = Enumerable.Range(0, n).Select(_ => (double)random.Next(-50, 150)).ToArray(); // ties included
        var won = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0).ToArray();
        double? auc = Ranking.Auc(scores, won);

        Assert.Equal(auc, Ranking.Auc([.. scores.Select(s => (3 * s) + 7)], won));
        Assert.Equal(auc, Ranking.Auc([.. scores.Select(s => Math.Exp(s / 40))], won));
        Assert.Equal(auc, Ranking.Auc([.. scores.Select(s => (s * s * s) + s)], won));

        // And it is the definition: the pairs a won lead wins, half the ties, over all pairs.
        var wonScores = scores.Where((_, i) => won[i]).ToArray();
        var lostScores = scores.Where((_, i) => !won[i]).ToArray();
        double? pairs = wonScores.Length == 0 || lostScores.Length == 0
            ? null
            : wonScores.Sum(w => lostScores.Sum(l => w > l ? 1.0 : w == l ? 0.5 : 0)) / (wonScores.Length * (double)lostScores.Length);
        Assert.Equal(pairs, auc);
    }

    [Property(MaxTest = 5)]
    public void A_rule_independent_of_the_outcome_gets_a_coefficient_near_zero(Seed seed)
    {
        var model = ScoringModel.FromJson("""
            { "schemaVersion": 1, "rules": [
                { "id": "signal", "category": "onlineBehaviour", "points": 10, "when": { "activity": "demo_request" } },
                { "id": "noise", "category": "emailEngagement", "points": 10, "when": { "activity": "email_open" } } ] }
            """);
        var random = new Random(seed);
        var leads = new List<Lead>();
        for (int i = 0; i < 20_000; i++)
        {
            var lead = new Lead($"L-{i}");
            bool signal = random.Next(2) == 0;
            if (signal)
            {
                lead.AddActivity("demo_request", AsOf.AddDays(-3));
            }

            if (random.Next(2) == 0)
            {
                lead.AddActivity("email_open", AsOf.AddDays(-2));
            }

            lead.Outcome = new LeadOutcome(random.NextDouble() < (signal ? 0.6 : 0.2), AsOf);
            leads.Add(lead);
        }

        var report = model.Calibrate(leads);
        Assert.True(report.Rules[0].Coefficient > 1, $"signal {report.Rules[0].Coefficient}"); // ln(0.6/0.4 / (0.2/0.8)) = 1.79

        // The noise coefficient's estimate is 0 give or take its standard error: for a predictor present in half the
        // leads, outcome rate 0.4, sqrt(1 / (n x 0.25 x 0.4 x 0.6)), ~0.03 on the training leads. Six standard
        // errors: a sound fit fails this for about one seed in 500 million (0.1, under three, failed one in ~250).
        double standardError = Math.Sqrt(1 / (report.Training * 0.25 * 0.4 * 0.6));
        Assert.True(Math.Abs(report.Rules[1].Coefficient!.Value) < 6 * standardError, $"noise {report.Rules[1].Coefficient}, standard error {standardError}");
    }

    [Property(MaxTest = 100)]
    public void Suggested_and_calibrated_rule_sets_always_load(Seed seed, byte holdout, bool largeP)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        var options = new CalibrationOptions
        {
            Holdout = holdout % 4 == 0 ? null : (holdout % 99 + 1) / 100.0,
            PointsToDoubleOdds = largeP ? 1e6 : 10,
            L2 = largeP ? 1e-3 : 1,
        };
        var report = model.Calibrate(DecidedLeads(seed, 40).Append(new Lead("w") { Outcome = LeadOutcome.Won(AsOf) }), options);
        if (report.Model is null)
        {
            Assert.Null(report.SuggestedModel);
            return;
        }

        Assert.Equal(ScoringModel.FromJson(report.SuggestedJson!), report.SuggestedModel);
        Assert.Equal(ScoringModel.FromJson(report.CalibratedJson!), report.CalibratedModel);
        Assert.Equal(model.Compiled.RuleCount, report.SuggestedModel!.Compiled.RuleCount);
        Assert.All(report.Rules, r => Assert.True(double.IsFinite(r.Coefficient!.Value)));
        Assert.True(report.Probability!.Brier is null or (>= 0 and <= 1));
    }

    [Property(MaxTest = 100)]
    public void Diff_of_a_rule_set_against_itself_reports_no_change(Seed seed)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        var leads = DecidedLeads(seed, 30);
        int changes = 0;
        var report = model.CompareWith(ScoringModel.FromJson(model.ToJson()), leads, AsOf, onChange: _ => changes++);

        Assert.Equal(0, changes);
        Assert.Equal((30, 0, 0), (report.Leads, report.StageChanged, report.GradeChanged));
        Assert.All(report.Transitions, t => Assert.Equal(t.From, t.To));
        Assert.Equal(30, report.Transitions.Sum(t => t.Leads));
        Assert.Equal((0, 0, 30), (report.Score.Increased, report.Score.Decreased, report.Score.Unchanged));
        Assert.Equal((0.0, 0.0, 0.0), (report.Score.MeanDelta, report.Score.MaxIncrease, report.Score.MaxDecrease));
        Assert.All(report.Rules, r => Assert.Equal((r.Old!.Fires, r.Old.MeanPoints), (r.New!.Fires, r.New.MeanPoints)));
        Assert.Equal(report.Outcomes?.AucOld, report.Outcomes?.AucNew);
    }

    [Property(MaxTest = 100)]
    public void Diff_auc_is_the_calibration_auc_of_each_side(Seed seed, byte leadTime)
    {
        var old = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        var candidate = ScoringModel.FromJson(RandomRuleSet.Create(seed + 1).Json);
        var leads = DecidedLeads(seed, 30).Append(new Lead("w") { Outcome = LeadOutcome.Won(AsOf) }).ToList();
        var report = old.CompareWith(candidate, leads, AsOf, new ComparisonOptions { LeadTimeDays = leadTime });
        Assert.Equal(old.Calibrate(leads, new CalibrationOptions { LeadTimeDays = leadTime }).Auc.Score, report.Outcomes!.AucOld);
        Assert.Equal(candidate.Calibrate(leads, new CalibrationOptions { LeadTimeDays = leadTime }).Auc.Score, report.Outcomes!.AucNew);
    }
}
