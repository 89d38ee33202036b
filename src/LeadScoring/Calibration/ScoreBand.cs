namespace LeadScoring.Calibration;

/// <summary>One tenth of the score range: the decided leads whose score falls in it and how many were won.</summary>
public sealed class ScoreBand
{
    internal ScoreBand(double from, double to, int leads, int won, double baseRate)
    {
        From = from;
        To = to;
        Leads = leads;
        Won = won;
        Rate = OutcomeRates.Rate(won, leads);
        Lift = OutcomeRates.Lift(Rate, baseRate);
    }

    /// <summary>The band's lower bound (included).</summary>
    public double From { get; }

    /// <summary>The band's upper bound (excluded, but for the last band).</summary>
    public double To { get; }

    /// <summary>Decided leads whose score is in the band.</summary>
    public int Leads { get; }

    /// <summary>Of those, the won leads.</summary>
    public int Won { get; }

    /// <summary><c>won / leads</c>; null for 0 leads. Rising with the bands means the score ranks leads well.</summary>
    public double? Rate { get; }

    /// <summary><c>rate / baseRate</c>; null when undefined.</summary>
    public double? Lift { get; }
}
