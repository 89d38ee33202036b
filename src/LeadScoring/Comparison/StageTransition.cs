namespace LeadScoring.Comparison;

/// <summary>How many leads the current rule set puts at one stage and the candidate at another (or the same).</summary>
public sealed class StageTransition
{
    internal StageTransition(string? from, string? to, int leads)
    {
        From = from;
        To = to;
        Leads = leads;
    }

    /// <summary>The stage under the current rule set (null: no stage; <c>Disqualified</c>).</summary>
    public string? From { get; }

    /// <summary>The stage under the candidate.</summary>
    public string? To { get; }

    /// <summary>The leads that move from <see cref="From"/> to <see cref="To"/> (at least 1).</summary>
    public int Leads { get; }
}
