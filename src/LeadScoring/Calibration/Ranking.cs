namespace LeadScoring.Calibration;

/// <summary>
/// How scores are ranked wherever they are compared (AUC, best threshold): first rounded to the nearest multiple
/// of 1e-6, so that implementations whose arithmetic differs in the last bits rank alike.
/// </summary>
internal static class Ranking
{
    /// <summary>The score rounded to the nearest multiple of 1e-6.</summary>
    public static double Rounded(double score) => Math.Round(score * 1e6) / 1e6;

    /// <summary>
    /// <c>(sum over won/lost pairs of [s_w &gt; s_l] + 0.5 [s_w = s_l]) / (W x L)</c> on rounded scores; null when either
    /// outcome is missing. O(n log n): one sort, then each won lead counts the lost leads below and level with it.
    /// </summary>
    public static double? Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> won)
    {
        int n = scores.Length;
        var order = new (double Key, bool Won)[n];
        long wins = 0;
        for (int i = 0; i < n; i++)
        {
            order[i] = (Rounded(scores[i]), won[i]);
            wins += won[i] ? 1 : 0;
        }

        long losses = n - wins;
        if (wins == 0 || losses == 0)
        {
            return null;
        }

        Array.Sort(order, static (a, b) => a.Key.CompareTo(b.Key));
        double pairs = 0;
        long lostBelow = 0;
        for (int i = 0; i < n;)
        {
            int j = i;
            long wonHere = 0, lostHere = 0;
            while (j < n && order[j].Key == order[i].Key)
            {
                if (order[j].Won)
                {
                    wonHere++;
                }
                else
                {
                    lostHere++;
                }

                j++;
            }

            pairs += (wonHere * (double)lostBelow) + (0.5 * wonHere * lostHere);
            lostBelow += lostHere;
            i = j;
        }

        return pairs / (wins * (double)losses);
    }
}
