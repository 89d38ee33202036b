using LeadScoring.Funnel;

namespace LeadScoring.Scoring;

/// <summary>
/// Applies <c>distinctTags</c> and then <c>maxPerDay</c> to the matches the activity pass set aside, and counts or
/// sums what is kept. Three sorts of the matches (O(m log m) for m matches, never quadratic, however many
/// activities share a day or a tag) and no allocation: the matches live in a per-thread buffer.
/// </summary>
internal static class RepeatLimiter
{
    /// <summary>Counts (activity conditions) or sums points x weight (each rules, in input order) what the limits keep.</summary>
    public static void Apply(Span<RepeatMatch> matches, RepeatLimit[] limits, DecayWeight decay, Span<double> tallies)
    {
        // distinctTags: the most recent match of each (limit, tag); matches without a tag (or of limits that keep
        // every tag) are groups of their own.
        HeapSort.Sort(matches, default(ByLimitTagAge));
        for (int i = 1; i < matches.Length; i++)
        {
            ref var match = ref matches[i];
            ref var previous = ref matches[i - 1];
            match.Dropped = match.Tag is not null && previous.Limit == match.Limit && previous.Tag is not null
                && string.Equals(previous.Tag, match.Tag, StringComparison.OrdinalIgnoreCase);
        }

        // maxPerDay: of what is left, the most recent N of each (limit, UTC day).
        int kept = Compact(matches);
        var left = matches[..kept];
        HeapSort.Sort(left, default(ByLimitDayAge));
        int run = 0;
        for (int i = 0; i < left.Length; i++)
        {
            run = i > 0 && left[i - 1].Limit == left[i].Limit && left[i - 1].UtcDay == left[i].UtcDay ? run + 1 : 0;
            left[i].Dropped = run >= limits[left[i].Limit].MaxPerDay;
        }

        // What is kept counts, in input order, so that sums add up in the same order as without limits.
        kept = Compact(left);
        var counted = left[..kept];
        HeapSort.Sort(counted, default(ByOrder));
        foreach (ref readonly var match in counted)
        {
            var limit = limits[match.Limit];
            tallies[limit.Slot] += limit.Decays ? limit.Points * decay.Of(match.AgeTicks / (double)TimeSpan.TicksPerDay) : limit.Points; // a count's points are 1
        }
    }

    private static int Compact(Span<RepeatMatch> matches)
    {
        int kept = 0;
        for (int i = 0; i < matches.Length; i++)
        {
            if (!matches[i].Dropped)
            {
                matches[kept++] = matches[i];
            }
        }

        return kept;
    }

    private readonly struct ByLimitTagAge : IComparer<RepeatMatch>
    {
        public int Compare(RepeatMatch x, RepeatMatch y)
        {
            int c = x.Limit.CompareTo(y.Limit);
            if (c != 0)
            {
                return c;
            }

            if (x.Tag is null || y.Tag is null)
            {
                // Untagged matches after tagged ones, in input order among themselves: each is its own group.
                return x.Tag is null ? (y.Tag is null ? x.Order.CompareTo(y.Order) : 1) : -1;
            }

            c = string.Compare(x.Tag, y.Tag, StringComparison.OrdinalIgnoreCase);
            return c != 0 ? c : x.AgeTicks.CompareTo(y.AgeTicks);
        }
    }

    private readonly struct ByLimitDayAge : IComparer<RepeatMatch>
    {
        public int Compare(RepeatMatch x, RepeatMatch y)
        {
            int c = x.Limit.CompareTo(y.Limit);
            if (c == 0)
            {
                c = x.UtcDay.CompareTo(y.UtcDay);
            }

            return c != 0 ? c : x.AgeTicks.CompareTo(y.AgeTicks);
        }
    }

    private readonly struct ByOrder : IComparer<RepeatMatch>
    {
        public int Compare(RepeatMatch x, RepeatMatch y)
        {
            int c = x.Limit.CompareTo(y.Limit);
            return c != 0 ? c : x.Order.CompareTo(y.Order);
        }
    }
}
