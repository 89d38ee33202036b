using LeadScoring.Funnel;
using LeadScoring.Leads;
using LeadScoring.Rules;

namespace LeadScoring.Scoring;

/// <summary>
/// What the model says about time, for hosts that keep leads between scores: how old an activity can get before
/// it stops mattering (the retention horizon), and when a lead's stage or grade next changes without new activity.
/// </summary>
internal sealed partial class CompiledRuleSet
{
    // The finite age limits of the model (withinDays, an expiry): where an activity stops counting somewhere.
    private readonly double[] _windowDays;

    /// <summary>
    /// The age in days past which an activity changes no result (+infinity: some rule or condition counts activities
    /// of any age). Inactivity needs only the most recent activity, so it adds nothing here.
    /// </summary>
    public double RetentionDays { get; }

    /// <summary>
    /// The earliest instant <c>asOf + k</c> seconds (1 &lt;= k &lt;= <paramref name="horizonTicks"/> in whole seconds)
    /// at which the lead's stage or grade differs from its stage or grade at as-of; -1 when there is none.
    /// </summary>
    /// <remarks>
    /// Without new activity a result changes only when an activity arrives (it was after as-of), leaves a window
    /// or expires, when the inactivity penalty steps, or when a half-life sum decays across a threshold. The first
    /// four are instants read off the activities; between two of them every decaying sum scales by the same
    /// factor x, so each total is a piecewise-linear function of x and its threshold crossings are solved for.
    /// The engine itself is then asked, at the whole seconds around each candidate in order, which is the first
    /// to differ, so the answer is exact to the second whatever the rounding of the candidates.
    /// </remarks>
    public long NextChange(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<LeadActivity> activities, long asOfTicks, long horizonTicks)
    {
        long lastSecond = Math.Min(horizonTicks, DateTimeOffset.MaxValue.UtcTicks - asOfTicks) / TimeSpan.TicksPerSecond;
        if (lastSecond < 1)
        {
            return -1;
        }

        long endTicks = asOfTicks + (lastSecond * TimeSpan.TicksPerSecond);
        var events = new List<long>();
        AddActivityEvents(activities, asOfTicks, endTicks, events);
        AddInactivitySteps(activities, asOfTicks, endTicks, events);
        events.Sort();

        var candidates = new List<long>(events);
        AddDecayCrossings(attributes, activities, asOfTicks, endTicks, events, candidates);

        var seconds = new SortedSet<long>();
        foreach (long candidate in candidates)
        {
            // The seconds around the candidate: the first whole second at or after it, and two either side for rounding.
            long k = (candidate - asOfTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
            for (long s = Math.Max(1, k - 2); s <= Math.Min(lastSecond, k + 2); s++)
            {
                seconds.Add(s);
            }
        }

        var start = Score(attributes, activities, asOfTicks);
        foreach (long s in seconds)
        {
            long ticks = asOfTicks + (s * TimeSpan.TicksPerSecond);
            var later = Score(attributes, activities, ticks);
            if (!string.Equals(later.Stage, start.Stage, StringComparison.Ordinal) || !string.Equals(later.Grade, start.Grade, StringComparison.Ordinal))
            {
                return ticks;
            }
        }

        return -1;
    }

    private static long DaysToTicks(double days) => (long)Math.Round(days * TimeSpan.TicksPerDay);

    private (double RetentionDays, double[] WindowDays) Retention()
    {
        double retention = 0;
        var windows = new SortedSet<double>();
        if (_decay.ExpireAfterDays is { } expiry)
        {
            windows.Add(expiry);
        }

        foreach (ref readonly var consumer in _consumers.AsSpan())
        {
            var (counts, decays, points) = consumer.Kind switch
            {
                ConsumerKind.Count => (true, false, 0.0),
                ConsumerKind.Sum => (false, false, consumer.Points),
                ConsumerKind.DecayedSum => (false, true, consumer.Points),
                ConsumerKind.Limited => (_repeatLimits[consumer.Slot].IsCounter, _repeatLimits[consumer.Slot].Decays, _repeatLimits[consumer.Slot].Points),
            };

            double days = consumer.WithinDays;
            if (double.IsFinite(days))
            {
                windows.Add(days);
            }

            if (!counts)
            {
                // An each rule's activity is worth points x weight: nothing at all with 0 points, and with decay
                // less than 1e-9 points past the age where its weight has fallen far enough.
                days = points == 0 ? 0 : decays ? Math.Min(days, _decay.NegligibleAfterDays(points)) : days;
            }

            retention = Math.Max(retention, days);
        }

        return (retention, [.. windows]);
    }

    /// <summary>Instants where an activity is first counted (it was after as-of) or leaves a window or expires.</summary>
    private void AddActivityEvents(ReadOnlySpan<LeadActivity> activities, long asOfTicks, long endTicks, List<long> events)
    {
        foreach (ref readonly var activity in activities)
        {
            long at = activity.At.UtcTicks;
            if (at > asOfTicks && at <= endTicks)
            {
                events.Add(at);
            }

            if (!_types.TryGetValue(activity.Type, out _))
            {
                continue;
            }

            foreach (double days in _windowDays)
            {
                // Counted while its age is at most the limit: it leaves just after at + limit.
                double leaves = at + (days * TimeSpan.TicksPerDay);
                if (leaves > asOfTicks && leaves <= endTicks)
                {
                    events.Add(at + DaysToTicks(days));
                }
            }
        }
    }

    /// <summary>Instants where the inactivity penalty steps: after <c>afterDays</c>, then every <c>everyDays</c>, until <c>maxPenalty</c>.</summary>
    private void AddInactivitySteps(ReadOnlySpan<LeadActivity> activities, long asOfTicks, long endTicks, List<long> events)
    {
        if (_inactivity.Definition is not { Points: not 0 } rule)
        {
            return;
        }

        // The most recent activity at each instant: the newest not after as-of, then each later one as it arrives.
        long newest = long.MinValue;
        var arrivals = new List<long>();
        foreach (ref readonly var activity in activities)
        {
            long at = activity.At.UtcTicks;
            if (at <= asOfTicks)
            {
                newest = Math.Max(newest, at);
            }
            else if (at <= endTicks)
            {
                arrivals.Add(at);
            }
        }

        arrivals.Sort();
        long from = asOfTicks;
        for (int i = 0; i <= arrivals.Count; i++)
        {
            long until = i < arrivals.Count ? arrivals[i] : endTicks;
            if (newest != long.MinValue)
            {
                AddSteps(rule, newest, from, until, events);
            }

            if (i < arrivals.Count)
            {
                (newest, from) = (arrivals[i], arrivals[i]);
            }
        }
    }

    private static void AddSteps(InactivityDefinition rule, long newest, long from, long until, List<long> events)
    {
        // Step k (k >= 1) at afterDays + k x everyDays raises the periods from k to k + 1; it changes the penalty
        // only while k periods are still under maxPenalty. Step 0 is the first period, just after afterDays.
        double max = rule.MaxPenalty ?? double.PositiveInfinity;
        double sinceNewestDays = (from - newest) / (double)TimeSpan.TicksPerDay;
        long k = Math.Max(0, (long)Math.Floor((sinceNewestDays - rule.AfterDays) / rule.EveryDays));
        for (; Math.Abs(rule.Points) * k < max || k == 0; k++)
        {
            double at = newest + ((rule.AfterDays + (k * rule.EveryDays)) * TimeSpan.TicksPerDay);
            if (at > until)
            {
                break;
            }

            if (at >= from)
            {
                events.Add((long)Math.Round(at));
            }
        }
    }

    /// <summary>
    /// Between consecutive events, the instants where a half-life sum decays across a stage or grade threshold
    /// (or a cap or clamp it passes through makes a total do so).
    /// </summary>
    private void AddDecayCrossings(
        ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<LeadActivity> activities, long asOfTicks, long endTicks, List<long> events, List<long> candidates)
    {
        if (_decay.HalfLifeDays is not { } halfLife || !_rules.Any(Decays))
        {
            return;
        }

        double halfLifeTicks = halfLife * TimeSpan.TicksPerDay;
        var trace = new EvaluationTrace(_rules.Length);
        var crossings = new List<double>();
        long low = asOfTicks;
        for (int i = 0; i <= events.Count; i++)
        {
            long high = i < events.Count ? Math.Min(events[i], endTicks) : endTicks;
            if (high - low < 2)
            {
                low = Math.Max(low, high);
                continue;
            }

            // Inside the interval nothing but the decay factor changes. Read the raw sums near its start (x = 1 there),
            // not in its middle: over a long interval the sums would have decayed to 0 in doubles by then. A second
            // in keeps clear of the rounding of the event instant itself.
            long reference = low + Math.Min(TimeSpan.TicksPerSecond, (high - low) / 2);
            Score(attributes, activities, reference, trace);
            double xLow = Math.Pow(0.5, (high - reference) / halfLifeTicks);
            double xHigh = Math.Pow(0.5, (low - reference) / halfLifeTicks);
            crossings.Clear();
            AddThresholdCrossings(trace, xLow, xHigh, crossings);
            foreach (double x in crossings)
            {
                double at = reference - (halfLifeTicks * Math.Log2(x));
                if (at > low && at <= high)
                {
                    candidates.Add((long)Math.Round(at));
                }
            }

            low = high;
        }
    }

    private void AddThresholdCrossings(EvaluationTrace trace, double xLow, double xHigh, List<double> crossings)
    {
        var categories = new PiecewiseLinear?[ScoreCategories.Count];
        for (int r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            var part = Decays(rule) && trace.Raw[r] != 0
                ? PiecewiseLinear.CappedLine(xLow, xHigh, trace.Raw[r], rule.MaxPoints)
                : PiecewiseLinear.Constant(xLow, xHigh, trace.Contributions[r]);
            int c = (int)rule.Category;
            categories[c] = categories[c]?.Plus(part) ?? part;
        }

        var inactivity = PiecewiseLinear.Constant(xLow, xHigh, trace.Contributions[_rules.Length]);
        categories[(int)ScoreCategory.Decay] = categories[(int)ScoreCategory.Decay]?.Plus(inactivity) ?? inactivity;

        var fit = PiecewiseLinear.Constant(xLow, xHigh, 0);
        var engagement = PiecewiseLinear.Constant(xLow, xHigh, 0);
        for (int c = 0; c < categories.Length; c++)
        {
            if (categories[c]?.Clamp(_categoryMin[c], _categoryMax[c]) is { } value)
            {
                if (IsFit[c])
                {
                    fit = fit.Plus(value);
                }
                else
                {
                    engagement = engagement.Plus(value);
                }
            }
        }

        var score = fit.Plus(engagement).Clamp(_rangeMin, _rangeMax);
        foreach (var stage in _stages)
        {
            AddCrossings(score, stage.MinScore, crossings);
            AddCrossings(fit, stage.MinFit, crossings);
            AddCrossings(engagement, stage.MinEngagement, crossings);
        }

        foreach (double minFit in _grades.MinFits)
        {
            AddCrossings(fit, minFit, crossings);
        }
    }

    /// <summary>Whether the rule's points decay: an <c>each</c> rule of a decaying category.</summary>
    private bool Decays(CompiledRule rule) => rule.EachSlot >= 0 && _decay.Decays(rule.Category);

    private static void AddCrossings(PiecewiseLinear total, double threshold, List<double> crossings)
    {
        if (double.IsFinite(threshold))
        {
            total.Crossings(threshold, crossings);
        }
    }
}
