namespace LeadScoring.Calibration;

/// <summary>One stage row of a calibration report: the decided leads at that stage and how many were won.</summary>
public sealed class StageOutcome
{
    internal StageOutcome(string? stage, int leads, int won, double baseRate, StageReach? atOrAbove)
    {
        Stage = stage;
        Leads = leads;
        Won = won;
        Rate = OutcomeRates.Rate(won, leads);
        Lift = OutcomeRates.Lift(Rate, baseRate);
        AtOrAbove = atOrAbove;
    }

    /// <summary>The stage's name; null for the row of leads with no stage; <c>Disqualified</c> for disqualified leads.</summary>
    public string? Stage { get; }

    /// <summary>Decided leads at this stage.</summary>
    public int Leads { get; }

    /// <summary>Of those, the won leads.</summary>
    public int Won { get; }

    /// <summary><c>won / leads</c>; null for 0 leads.</summary>
    public double? Rate { get; }

    /// <summary><c>rate / baseRate</c>: above 1, leads at this stage are won more often than average; null when undefined.</summary>
    public double? Lift { get; }

    /// <summary>This stage and every later one together (real stages only; null for no stage and Disqualified).</summary>
    public StageReach? AtOrAbove { get; }
}
