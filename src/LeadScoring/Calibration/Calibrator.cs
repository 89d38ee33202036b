using LeadScoring.Funnel;
using LeadScoring.RuleSets;
using LeadScoring.Rules;
using LeadScoring.Scoring;

namespace LeadScoring.Calibration;

/// <summary>
/// Turns the numbers kept of each decided lead into the report of SPEC section 6: it describes the rule set on all
/// decided leads, fits on the training set and evaluates what it fitted on the test set.
/// </summary>
internal static class Calibrator
{
    /// <summary>z for a 95 % Wilson interval.</summary>
    private const double Z = 1.959963984540054;

    /// <summary>The ridge penalty on the probability slope A (the intercept B is free).</summary>
    private const double ProbabilitySlopePenalty = 0.001;

    private const int Bands = 10;

    public static CalibrationReport Report(ScoringModel model, DecidedLeads leads, CalibrationOptions options)
    {
        int n = leads.Count;
        var won = leads.Won.ToArray();
        int wonCount = won.Count(w => w);
        double baseRate = wonCount / (double)n;
        var (training, test) = Split(leads, options.Holdout);

        var auc = new OutcomeAuc(
            Ranking.Auc(leads.Score.ToArray(), won),
            Ranking.Auc(leads.Fit.ToArray(), won),
            Ranking.Auc(leads.Engagement.ToArray(), won));

        bool canFit = HasBothOutcomes(training, won);
        double[]? theta = canFit ? FitModel(leads, training, options.L2) : null;
        ModelFit? modelFit = null;
        if (theta is not null)
        {
            modelFit = new ModelFit(theta[0], options.L2, options.PointsToDoubleOdds, ModelAuc(leads, training, theta), ModelAuc(leads, test, theta));
        }

        var rules = RuleRows(model, leads, wonCount, baseRate, theta, options.PointsToDoubleOdds);
        var probability = canFit ? FitProbability(leads, training, test) : null;
        var suggestions = theta is null
            ? SuggestedRuleSets.None
            : SuggestedRuleSets.From(model, [.. rules.Select(r => r.SuggestedPoints!.Value)], probability!);

        return new CalibrationReport(
            wonCount,
            n - wonCount,
            leads.Undecided,
            training.Length,
            test.Length,
            auc,
            StageRows(model, leads, wonCount, baseRate),
            GradeRows(model, leads, baseRate),
            BandRows(model, leads, baseRate),
            rules,
            canFit ? BestThreshold(leads, training, test) : null,
            modelFit,
            probability,
            suggestions);
    }

    /// <summary>
    /// Without a holdout both sets are all decided leads. With one, leads are ordered by scoring instant (ties: input
    /// order) and the last <c>ceil(F × N − 1e-9)</c> are the test set.
    /// </summary>
    internal static (int[] Training, int[] Test) Split(DecidedLeads leads, double? holdout)
    {
        int n = leads.Count;
        int[] all = [.. Enumerable.Range(0, n)];
        if (holdout is not { } fraction)
        {
            return (all, all);
        }

        var instants = leads.Instant.ToArray();
        int[] byInstant = [.. all.OrderBy(i => instants[i])]; // a stable sort: ties keep input order
        int testCount = Math.Min(n, (int)Math.Ceiling((fraction * n) - 1e-9));
        return (byInstant[..(n - testCount)], byInstant[(n - testCount)..]);
    }

    private static bool HasBothOutcomes(int[] set, bool[] won) => set.Any(i => won[i]) && set.Any(i => !won[i]);

    private static double[] FitModel(DecidedLeads leads, int[] training, double l2)
    {
        var won = new bool[training.Length];
        for (int i = 0; i < training.Length; i++)
        {
            won[i] = leads.Won[training[i]];
        }

        var penalties = Enumerable.Repeat(l2, leads.FeatureCount).ToArray();
        return LogisticFit.Fit(training.Length, leads.FeatureCount, (row, into) => leads.Features(training[row]).CopyTo(into), won, penalties);
    }

    private static double Linear(double[] theta, ReadOnlySpan<double> features)
    {
        double z = theta[0];
        for (int j = 0; j < features.Length; j++)
        {
            z += theta[j + 1] * features[j];
        }

        return z;
    }

    private static double? ModelAuc(DecidedLeads leads, int[] set, double[] theta)
    {
        var values = new double[set.Length];
        var won = new bool[set.Length];
        for (int i = 0; i < set.Length; i++)
        {
            values[i] = Linear(theta, leads.Features(set[i]));
            won[i] = leads.Won[set[i]];
        }

        return Ranking.Auc(values, won);
    }

    private static List<RuleEvidence> RuleRows(ScoringModel model, DecidedLeads leads, int wonCount, double baseRate, double[]? theta, double pointsToDoubleOdds)
    {
        int lostCount = leads.Count - wonCount;
        var fires = new int[leads.FeatureCount];
        var firesWon = new int[leads.FeatureCount];
        for (int i = 0; i < leads.Count; i++)
        {
            var features = leads.Features(i);
            for (int j = 0; j < features.Length; j++)
            {
                if (features[j] != 0)
                {
                    fires[j]++;
                    firesWon[j] += leads.Won[i] ? 1 : 0;
                }
            }
        }

        var compiled = model.Compiled;
        var rows = new List<RuleEvidence>(leads.FeatureCount);
        for (int j = 0; j < leads.FeatureCount; j++)
        {
            var (id, category) = j < compiled.RuleCount
                ? (compiled.Rules[j].Id, compiled.Rules[j].Category)
                : (InactivityPenalty.Id, ScoreCategory.Decay);
            int n = fires[j];
            int w = firesWon[j];
            double? rate = OutcomeRates.Rate(w, n);
            double? low = null, high = null, weightOfEvidence = null;
            if (rate is { } p)
            {
                double z2 = Z * Z;
                double center = p + (z2 / (2.0 * n));
                double half = Z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
                double denominator = 1 + (z2 / n);
                low = (center - half) / denominator;
                high = (center + half) / denominator;
                weightOfEvidence = Math.Log(((w + 0.5) / (wonCount + 0.5)) / ((n - w + 0.5) / (lostCount + 0.5)));
            }

            double? coefficient = theta?[j + 1];
            rows.Add(new RuleEvidence(id, category, n, w, rate, low, high, OutcomeRates.Lift(rate, baseRate), weightOfEvidence, coefficient, coefficient * pointsToDoubleOdds / Math.Log(2)));
        }

        return rows;
    }

    private static List<StageOutcome> StageRows(ScoringModel model, DecidedLeads leads, int wonCount, double baseRate)
    {
        int stages = leads.StageCount;
        var count = new int[stages + 2];
        var won = new int[stages + 2];
        for (int i = 0; i < leads.Count; i++)
        {
            count[leads.Stage[i]]++;
            won[leads.Stage[i]] += leads.Won[i] ? 1 : 0;
        }

        var rows = new StageOutcome[stages + 2];
        int reachLeads = 0, reachWon = 0;
        for (int k = stages - 1; k >= 0; k--)
        {
            reachLeads += count[k];
            reachWon += won[k];
            var reach = new StageReach(reachLeads, reachWon, OutcomeRates.Rate(reachWon, reachLeads), OutcomeRates.Rate(reachWon, wonCount));
            rows[k] = new StageOutcome(model.Compiled.StageNames[k], count[k], won[k], baseRate, reach);
        }

        rows[stages] = new StageOutcome(null, count[stages], won[stages], baseRate, null);
        rows[stages + 1] = new StageOutcome(Scoring.LeadScore.DisqualifiedStage, count[stages + 1], won[stages + 1], baseRate, null);
        return [.. rows];
    }

    private static List<GradeOutcome>? GradeRows(ScoringModel model, DecidedLeads leads, double baseRate)
    {
        if (model.Compiled.GradeNames is not { } names)
        {
            return null;
        }

        var count = new int[names.Count];
        var won = new int[names.Count];
        for (int i = 0; i < leads.Count; i++)
        {
            count[leads.Grade[i]]++;
            won[leads.Grade[i]] += leads.Won[i] ? 1 : 0;
        }

        return [.. names.Select((name, g) => new GradeOutcome(name, count[g], won[g], baseRate))];
    }

    private static List<ScoreBand> BandRows(ScoringModel model, DecidedLeads leads, double baseRate)
    {
        double min = model.Compiled.RangeMin;
        double max = model.Compiled.RangeMax;
        var count = new int[Bands];
        var won = new int[Bands];
        for (int i = 0; i < leads.Count; i++)
        {
            int band = max == min ? 0 : (int)Math.Clamp(Math.Floor(Bands * (leads.Score[i] - min) / (max - min)), 0, Bands - 1);
            count[band]++;
            won[band] += leads.Won[i] ? 1 : 0;
        }

        return [.. Enumerable.Range(0, Bands).Select(k => new ScoreBand(
            min + (k * (max - min) / Bands), min + ((k + 1) * (max - min) / Bands), count[k], won[k], baseRate))];
    }

    /// <summary>
    /// Every distinct rounded training score t is a candidate (score >= t predicted won); the highest F1 wins, ties
    /// going to the highest t. F1s are compared exactly, as fractions of counts.
    /// </summary>
    private static ThresholdFit BestThreshold(DecidedLeads leads, int[] training, int[] test)
    {
        var ordered = training.Select(i => (Score: Ranking.Rounded(leads.Score[i]), Won: leads.Won[i])).OrderByDescending(x => x.Score).ToArray();
        long positives = ordered.Count(x => x.Won);
        long truePositives = 0, falsePositives = 0;
        long bestNumerator = -1, bestDenominator = 1;
        double best = double.NaN;
        for (int i = 0; i < ordered.Length;)
        {
            double t = ordered[i].Score;
            for (; i < ordered.Length && ordered[i].Score == t; i++)
            {
                truePositives += ordered[i].Won ? 1 : 0;
                falsePositives += ordered[i].Won ? 0 : 1;
            }

            long numerator = 2 * truePositives;
            long denominator = (2 * truePositives) + falsePositives + (positives - truePositives);
            if ((Int128)numerator * bestDenominator > (Int128)bestNumerator * denominator)
            {
                (bestNumerator, bestDenominator, best) = (numerator, denominator, t); // descending t: a tie keeps the higher
            }
        }

        long tp = 0, fp = 0, fn = 0;
        foreach (int i in test)
        {
            bool predicted = Ranking.Rounded(leads.Score[i]) >= best;
            bool isWon = leads.Won[i];
            tp += predicted && isWon ? 1 : 0;
            fp += predicted && !isWon ? 1 : 0;
            fn += !predicted && isWon ? 1 : 0;
        }

        return new ThresholdFit(best, Ratio(tp, tp + fp), Ratio(tp, tp + fn), Ratio(2 * tp, (2 * tp) + fp + fn));
    }

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : numerator / (double)denominator;

    private static ProbabilityFit FitProbability(DecidedLeads leads, int[] training, int[] test)
    {
        var won = training.Select(i => leads.Won[i]).ToArray();
        var theta = LogisticFit.Fit(training.Length, 1, (row, into) => into[0] = leads.Score[training[row]], won, [ProbabilitySlopePenalty]);
        var fitted = new ProbabilityDefinition(Intercept: theta[0], Slope: theta[1]);
        if (test.Length == 0)
        {
            return new ProbabilityFit(fitted.Intercept, fitted.Slope, null, null);
        }

        double brier = 0;
        var binCount = new int[10];
        var binP = new double[10];
        var binWon = new double[10];
        foreach (int i in test)
        {
            double p = fitted.Of(leads.Score[i]);
            double o = leads.Won[i] ? 1 : 0;
            brier += (p - o) * (p - o);
            int bin = Math.Min(9, (int)Math.Floor(10 * p));
            binCount[bin]++;
            binP[bin] += p;
            binWon[bin] += o;
        }

        double calibrationError = 0;
        for (int k = 0; k < 10; k++)
        {
            if (binCount[k] > 0)
            {
                calibrationError += binCount[k] / (double)test.Length * Math.Abs((binP[k] / binCount[k]) - (binWon[k] / binCount[k]));
            }
        }

        return new ProbabilityFit(fitted.Intercept, fitted.Slope, brier / test.Length, calibrationError);
    }
}
