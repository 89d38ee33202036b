using System.Text.Json.Nodes;
using LeadScoring.Calibration;

namespace LeadScoring.Tests.Calibration;

/// <summary>Calibration examples worked by hand, and its degenerate inputs.</summary>
public sealed class CalibrationTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One when rule (demo request, 10 points), one each rule (page views, 2 points), inactivity after 30 days.</summary>
    private static ScoringModel Model(string extra = "") => ScoringModel.FromJson($$"""
        {
          "schemaVersion": 1,
          "rules": [
            { "id": "demo", "category": "onlineBehaviour", "points": 10, "description": "kept as written",
              "when": { "activity": "demo_request" } },
            { "id": "views", "category": "onlineBehaviour", "points": 2, "maxPoints": 6, "each": { "activity": "page_view" } }
          ],
          "inactivity": { "afterDays": 30, "everyDays": 30, "points": -5, "maxPenalty": 20 },
          "stages": [ { "name": "MQL", "minScore": 10 }, { "name": "SQL", "minScore": 14 } ],
          "grades": [ { "grade": "A", "minFit": 1 } ]{{extra}}
        }
        """);

    private static Lead Decided(string id, bool won, int decidedOnDay, params (string Type, int Day)[] activities)
    {
        var lead = new Lead(id) { Outcome = new LeadOutcome(won, Day0.AddDays(decidedOnDay)) };
        foreach (var (type, day) in activities)
        {
            lead.AddActivity(type, Day0.AddDays(day));
        }

        return lead;
    }

    private static List<Lead> History() =>
    [
        Decided("w1", true, 10, ("demo_request", 5), ("page_view", 6)),            // 12
        Decided("w2", true, 10, ("demo_request", 9)),                              // 10
        Decided("w3", true, 10, ("page_view", 1), ("page_view", 2)),               // 4
        Decided("l1", false, 10, ("page_view", 3)),                                // 2
        Decided("l2", false, 10, ("demo_request", 1)),                             // 10
        Decided("l3", false, 100, ("page_view", 1)),                               // 2 - 5 x 3 periods -> 0 (range)
        new Lead("open").AddActivity("demo_request", Day0),                        // undecided
    ];

    [Fact]
    public void Counts_rates_auc_and_rule_evidence_follow_the_definitions()
    {
        var report = Model().Calibrate(History());

        Assert.Equal((6, 3, 3, 1), (report.Leads, report.Won, report.Lost, report.Undecided));
        Assert.Equal(0.5, report.BaseRate);
        Assert.Equal((6, 6), (report.Training, report.Test));

        // Scores 12, 10, 4 (won) against 2, 10, 0 (lost): 3 + (2 + 0.5) + 2 = 7.5 of 9 pairs.
        Assert.Equal(7.5 / 9, report.Auc.Score!.Value, 12);

        var demo = report.Rules[0];
        Assert.Equal(("demo", 3, 2), (demo.Id, demo.Fires, demo.Won));
        Assert.Equal(2.0 / 3, demo.Rate!.Value, 12);
        Assert.Equal(4.0 / 3, demo.Lift!.Value, 12);
        Assert.Equal(Math.Log((2.5 / 3.5) / (1.5 / 3.5)), demo.WeightOfEvidence!.Value, 12);
        (double low, double high) = Wilson(2, 3);
        Assert.Equal(low, demo.RateLow!.Value, 12);
        Assert.Equal(high, demo.RateHigh!.Value, 12);

        var inactivity = report.Rules[^1];
        Assert.Equal(("inactivity", ScoreCategory.Decay, 1, 0), (inactivity.Id, inactivity.Category, inactivity.Fires, inactivity.Won));
        Assert.Equal(3, report.Rules.Count);

        Assert.Equal(["MQL", "SQL", null, "Disqualified"], report.Stages.Select(s => s.Stage));
        Assert.Equal([3, 0, 3, 0], report.Stages.Select(s => s.Leads)); // 12, 10 and 10 are MQL; SQL needs 14
        Assert.Equal((3, 2), (report.Stages[0].AtOrAbove!.Leads, report.Stages[0].AtOrAbove!.Won));
        Assert.Equal(2.0 / 3, report.Stages[0].AtOrAbove!.Precision!.Value, 12);
        Assert.Equal(2.0 / 3, report.Stages[0].AtOrAbove!.Recall!.Value, 12);
        Assert.Null(report.Stages[1].AtOrAbove!.Precision); // nobody reaches SQL
        Assert.Equal(0, report.Stages[1].AtOrAbove!.Recall);
        Assert.Null(report.Stages[2].AtOrAbove);
        Assert.Null(report.Stages[1].Rate);

        Assert.Equal(["A", "D"], report.Grades!.Select(g => g.Grade)); // no fit rules: everyone is D
        Assert.Equal([0, 6], report.Grades!.Select(g => g.Leads));

        Assert.Equal(Enumerable.Range(0, 10).Select(k => k * 10.0), report.Bands.Select(b => b.From));
        Assert.Equal([3, 3, 0, 0, 0, 0, 0, 0, 0, 0], report.Bands.Select(b => b.Leads)); // 4, 2, 0 | 12, 10, 10
        Assert.Equal([1, 2], report.Bands.Take(2).Select(b => b.Won));
        Assert.Equal(4.0 / 3, report.Bands[1].Lift!.Value, 12);
    }

    [Fact]
    public void The_best_threshold_maximises_f1_on_training_and_prefers_the_highest_of_equal_ones()
    {
        var report = Model().Calibrate(History());

        // t=12: TP1 FP0 FN2 -> 2/4; t=10: TP2 FP1 FN1 -> 4/6; t=4: TP3 FP1 -> 6/7; t=2: 6/8; t=0: 6/9.
        Assert.Equal(4, report.BestThreshold!.Score);
        Assert.Equal(0.75, report.BestThreshold.Precision);
        Assert.Equal(1, report.BestThreshold.Recall);
        Assert.Equal(6.0 / 7, report.BestThreshold.F1!.Value, 12);

        // Won at 10 and 0, lost at 0 and 0: t=10 (TP1 FP0 FN1) and t=0 (TP2 FP2 FN0) tie at F1 2/3; the higher wins.
        var tie = Model().Calibrate([Decided("w1", true, 10, ("demo_request", 9)), Decided("w2", true, 10), Decided("l1", false, 10), Decided("l2", false, 10)]);
        Assert.Equal(10, tie.BestThreshold!.Score);
    }

    [Fact]
    public void The_model_is_the_penalised_optimum_and_suggestions_scale_its_coefficients()
    {
        var options = new CalibrationOptions { L2 = 0.5, PointsToDoubleOdds = 20 };
        var report = Model().Calibrate(History(), options);
        var model = report.Model!;
        Assert.Equal((0.5, 20.0), (model.L2, model.PointsToDoubleOdds));

        // At the optimum the gradient vanishes: sum (p - y01) x_j + l2 beta_j = 0 for every feature, and sum (p - y01) = 0.
        double[] beta = [.. report.Rules.Select(r => r.Coefficient!.Value)];
        var features = History().Where(l => l.Outcome is not null).Select(l => Features(l)).ToList();
        var won = History().Where(l => l.Outcome is not null).Select(l => l.Outcome!.Value.IsWon ? 1.0 : 0.0).ToList();
        var gradient = new double[beta.Length + 1];
        for (int i = 0; i < features.Count; i++)
        {
            double z = model.Intercept + features[i].Zip(beta, (x, b) => x * b).Sum();
            double residual = (1 / (1 + Math.Exp(-z))) - won[i];
            gradient[0] += residual;
            for (int j = 0; j < beta.Length; j++)
            {
                gradient[j + 1] += residual * features[i][j];
            }
        }

        for (int j = 0; j < beta.Length; j++)
        {
            gradient[j + 1] += 0.5 * beta[j];
        }

        Assert.All(gradient, g => Assert.True(Math.Abs(g) < 1e-9, $"gradient {g}"));
        Assert.All(report.Rules, r => Assert.Equal(r.Coefficient!.Value * 20 / Math.Log(2), r.SuggestedPoints!.Value, 12));

        static double[] Features(Lead lead)
        {
            var explanation = Model().Explain(lead, lead.Outcome!.Value.At);
            double Of(string id) => explanation.Rules.Where(r => r.Id == id).Sum(r => r.Points);
            return [Of("demo") / 10, Of("views") / 2, Of("inactivity") / -5];
        }
    }

    [Fact]
    public void The_suggested_rule_set_keeps_everything_but_points_and_caps_and_the_calibrated_one_only_adds_probability()
    {
        var report = Model(""", "probability": { "intercept": 1, "slope": 2 }, "defaultGrade": "C" """).Calibrate(History());
        var suggested = JsonNode.Parse(report.SuggestedJson!)!.AsObject();
        var rules = report.Rules;

        Assert.Equal(SuggestedRuleSets.RoundToTenth(rules[0].SuggestedPoints!.Value), suggested["rules"]![0]!["points"]!.GetValue<double>());
        Assert.Equal("kept as written", suggested["rules"]![0]!["description"]!.GetValue<string>());
        Assert.Equal(
            SuggestedRuleSets.RoundToTenth(6 * Math.Abs(rules[1].SuggestedPoints!.Value / 2)),
            suggested["rules"]![1]!["maxPoints"]!.GetValue<double>());
        Assert.Equal(
            SuggestedRuleSets.RoundToTenth(20 * Math.Abs(rules[2].SuggestedPoints!.Value / -5)),
            suggested["inactivity"]!["maxPenalty"]!.GetValue<double>());
        Assert.False(suggested.ContainsKey("probability"));
        Assert.Equal("C", suggested["defaultGrade"]!.GetValue<string>());
        Assert.Equal(ScoringModel.FromJson(report.SuggestedJson!), report.SuggestedModel);

        var calibrated = JsonNode.Parse(report.CalibratedJson!)!.AsObject();
        Assert.Equal(report.Probability!.Intercept, calibrated["probability"]!["intercept"]!.GetValue<double>());
        Assert.Equal(report.Probability!.Slope, calibrated["probability"]!["slope"]!.GetValue<double>());
        calibrated.Remove("probability");
        var original = JsonNode.Parse(Model(""", "probability": { "intercept": 1, "slope": 2 }, "defaultGrade": "C" """).ToJson())!.AsObject();
        original.Remove("probability");
        Assert.Equal(ScoringModel.FromJson(original.ToJsonString()), ScoringModel.FromJson(calibrated.ToJsonString()));
        Assert.Equal(["rules", "inactivity", "stages", "grades", "probability", "defaultGrade"], JsonNode.Parse(report.CalibratedJson!)!.AsObject().Select(p => p.Key).Skip(1));
    }

    [Theory]
    [InlineData(0.25, 0.3)]
    [InlineData(-0.25, -0.3)]
    [InlineData(0.35, 0.4)]
    [InlineData(-0.05, -0.1)]
    [InlineData(0.04, 0)]
    [InlineData(-0.04, 0)]
    public void Suggestions_round_to_a_tenth_halves_away_from_zero(double value, double expected)
    {
        double rounded = SuggestedRuleSets.RoundToTenth(value);
        Assert.Equal(expected, rounded);
        Assert.False(double.IsNegative(rounded) && rounded == 0, "no -0 in a rule set");
    }

    [Fact]
    public void Activities_after_the_outcome_minus_the_lead_time_do_not_count()
    {
        var leads = new List<Lead> { Decided("w", true, 10, ("demo_request", 8)), Decided("l", false, 10, ("page_view", 9)) };
        var noLeadTime = Model().Calibrate(leads);
        Assert.Equal(1, noLeadTime.Rules[0].Fires);

        var threeDays = Model().Calibrate(leads, new CalibrationOptions { LeadTimeDays = 3 });
        Assert.Equal(0, threeDays.Rules[0].Fires); // the demo request, 2 days before the win, is after the scoring instant
        Assert.Equal(0, threeDays.Rules[1].Fires);
    }

    [Fact]
    public void With_one_outcome_only_there_is_no_auc_model_threshold_probability_or_suggestion()
    {
        var report = Model().Calibrate(History().Where(l => l.Outcome is not { IsWon: false }));
        Assert.Equal((3, 0, 1.0), (report.Won, report.Lost, report.BaseRate));
        Assert.Null(report.Auc.Score);
        Assert.Null(report.Model);
        Assert.Null(report.BestThreshold);
        Assert.Null(report.Probability);
        Assert.All(report.Rules, r => Assert.Null(r.Coefficient));
        Assert.Null(report.SuggestedJson);
        Assert.Null(report.CalibratedModel);
        Assert.Equal(1.0, report.Rules[0].Lift); // fires on 2 leads, both won
        Assert.Contains("\"model\": null", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_holdout_that_leaves_the_training_set_empty_gives_no_model()
    {
        var report = Model().Calibrate([Decided("w", true, 10, ("demo_request", 9))], new CalibrationOptions { Holdout = 0.5 });
        Assert.Equal((0, 1), (report.Training, report.Test));
        Assert.Null(report.Model);
        Assert.Null(report.BestThreshold);
        Assert.Null(report.Probability);
    }

    [Fact]
    public void The_holdout_is_the_latest_share_of_leads_by_scoring_instant_ties_in_input_order()
    {
        var leads = Enumerable.Range(0, 10).Select(i => Decided($"l{i}", i % 2 == 0, 100 - (i / 2))).ToList();
        var table = DecidedLeads.Collect(Model().Compiled, leads, 0);
        var (training, test) = Calibrator.Split(table, 0.25); // ceil(2.5) = 3 leads: the latest instants 99, 100, 100
        Assert.Equal([3, 0, 1], test);
        Assert.Equal([8, 9, 6, 7, 4, 5, 2], training); // by instant, ties in input order

        var (_, exact) = Calibrator.Split(table, 0.3); // 0.3 x 10 = 3.0000000000000004: still 3, thanks to the 1e-9
        Assert.Equal(3, exact.Length);
    }

    [Fact]
    public void No_decided_lead_is_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => Model().Calibrate([new Lead("open")]));
        Assert.Contains("No decided lead", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Model().Calibrate([]));
    }

    [Theory]
    [InlineData("LeadTimeDays", -1)]
    [InlineData("LeadTimeDays", 36_501)]
    [InlineData("Holdout", 0)]
    [InlineData("Holdout", 1)]
    [InlineData("L2", 1e-4)]
    [InlineData("L2", 1e7)]
    [InlineData("PointsToDoubleOdds", 0)]
    [InlineData("PointsToDoubleOdds", double.NaN)]
    public void Options_out_of_range_are_rejected_when_set(string option, double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => option switch
        {
            "LeadTimeDays" => new CalibrationOptions { LeadTimeDays = value },
            "Holdout" => new CalibrationOptions { Holdout = value },
            "L2" => new CalibrationOptions { L2 = value },
            _ => new CalibrationOptions { PointsToDoubleOdds = value },
        });
        Assert.Equal(option, ex.ParamName);
    }

    [Fact]
    public void The_report_is_read_once_so_a_stream_reusing_one_lead_works()
    {
        var history = History();
        var expected = Model().Calibrate(history).ToJson();
        var reused = new Lead("-");
        IEnumerable<Lead> Stream()
        {
            foreach (var lead in history)
            {
                reused.Reset(lead.Id);
                reused.Outcome = lead.Outcome;
                foreach (var activity in lead.Activities)
                {
                    reused.AddActivity(activity);
                }

                yield return reused;
            }
        }

        Assert.Equal(expected, Model().Calibrate(Stream()).ToJson());
    }

    private static (double Low, double High) Wilson(int won, int n)
    {
        const double z = 1.959963984540054;
        double p = won / (double)n;
        double center = p + (z * z / (2 * n));
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n)));
        return ((center - half) / (1 + (z * z / n)), (center + half) / (1 + (z * z / n)));
    }
}
