namespace LeadScoring.Validation;

/// <summary>"Did you mean" for misspelt property, op and category names.</summary>
internal static class Suggestions
{
    private const int MaxGivenLength = 64;

    /// <summary>The closest candidate within a small edit distance (or differing only in case), else null.</summary>
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        if (given.Length > MaxGivenLength)
        {
            return null; // nothing that long is a misspelling, and the distance table would grow with it
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = string.Equals(given, candidate, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(given.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        int allowed = Math.Max(2, Math.Min(given.Length, best?.Length ?? 0) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary><c> (did you mean 'x'?)</c>, or empty when nothing is close.</summary>
    public static string DidYouMean(string given, IEnumerable<string> candidates) =>
        Closest(given, candidates) is { } match ? $" (did you mean '{match}'?)" : string.Empty;

    // Optimal string alignment distance: Levenshtein plus transpositions ("piont" -> "point").
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
