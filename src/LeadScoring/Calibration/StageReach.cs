namespace LeadScoring.Calibration;

/// <summary>The leads at a stage or a later one: how many, how many won, and what a threshold there would catch.</summary>
public sealed class StageReach
{
    internal StageReach(int leads, int won, double? precision, double? recall)
    {
        Leads = leads;
        Won = won;
        Precision = precision;
        Recall = recall;
    }

    /// <summary>Decided leads at this stage or a later one (never no stage or Disqualified).</summary>
    public int Leads { get; }

    /// <summary>Of those, the won leads.</summary>
    public int Won { get; }

    /// <summary><c>won / leads</c>: the share of leads handed on from here that are won; null for 0 leads.</summary>
    public double? Precision { get; }

    /// <summary><c>won / W</c>: the share of all won leads that reach this stage; null when no lead was won.</summary>
    public double? Recall { get; }
}
