namespace LeadScoring.Comparison;

/// <summary>How the candidate moves scores, over all leads (<c>delta = new − old</c>; a move of at most 1e-9 is none).</summary>
public sealed class ScoreShift
{
    internal ScoreShift(double meanOld, double meanNew, double meanDelta, int increased, int decreased, int unchanged, double maxIncrease, double maxDecrease)
    {
        MeanOld = meanOld;
        MeanNew = meanNew;
        MeanDelta = meanDelta;
        Increased = increased;
        Decreased = decreased;
        Unchanged = unchanged;
        MaxIncrease = maxIncrease;
        MaxDecrease = maxDecrease;
    }

    /// <summary>The mean score under the current rule set (0 for no leads).</summary>
    public double MeanOld { get; }

    /// <summary>The mean score under the candidate (0 for no leads).</summary>
    public double MeanNew { get; }

    /// <summary>The mean delta (0 for no leads).</summary>
    public double MeanDelta { get; }

    /// <summary>Leads whose score rises by more than 1e-9.</summary>
    public int Increased { get; }

    /// <summary>Leads whose score falls by more than 1e-9.</summary>
    public int Decreased { get; }

    /// <summary>The other leads.</summary>
    public int Unchanged { get; }

    /// <summary>The largest rise (0 when no score rises).</summary>
    public double MaxIncrease { get; }

    /// <summary>The largest fall, a negative number (0 when no score falls).</summary>
    public double MaxDecrease { get; }
}
