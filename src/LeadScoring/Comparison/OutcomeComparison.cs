namespace LeadScoring.Comparison;

/// <summary>How well each rule set ranks won leads above lost ones, each decided lead scored as of its outcome minus the lead time.</summary>
public sealed class OutcomeComparison
{
    internal OutcomeComparison(int won, int lost, double? aucOld, double? aucNew)
    {
        Won = won;
        Lost = lost;
        AucOld = aucOld;
        AucNew = aucNew;
    }

    /// <summary>The decided leads.</summary>
    public int Leads => Won + Lost;

    /// <summary>The won leads.</summary>
    public int Won { get; }

    /// <summary>The lost leads.</summary>
    public int Lost { get; }

    /// <summary>The current rule set's AUC; null with one outcome only.</summary>
    public double? AucOld { get; }

    /// <summary>The candidate's AUC; null with one outcome only.</summary>
    public double? AucNew { get; }
}
