namespace LeadScoring.Calibration;

/// <summary>One grade row of a calibration report: the decided leads with that grade and how many were won.</summary>
public sealed class GradeOutcome
{
    internal GradeOutcome(string grade, int leads, int won, double baseRate)
    {
        Grade = grade;
        Leads = leads;
        Won = won;
        Rate = OutcomeRates.Rate(won, leads);
        Lift = OutcomeRates.Lift(Rate, baseRate);
    }

    /// <summary>The grade.</summary>
    public string Grade { get; }

    /// <summary>Decided leads with this grade.</summary>
    public int Leads { get; }

    /// <summary>Of those, the won leads.</summary>
    public int Won { get; }

    /// <summary><c>won / leads</c>; null for 0 leads.</summary>
    public double? Rate { get; }

    /// <summary><c>rate / baseRate</c>; null when undefined.</summary>
    public double? Lift { get; }
}
