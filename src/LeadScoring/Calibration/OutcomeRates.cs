namespace LeadScoring.Calibration;

/// <summary>The rate and lift of SPEC section 6, shared by every row of a report.</summary>
internal static class OutcomeRates
{
    /// <summary><c>won / leads</c>; null for 0 leads.</summary>
    public static double? Rate(long won, long leads) => leads == 0 ? null : won / (double)leads;

    /// <summary><c>rate / baseRate</c>; null when either is null or the base rate is 0.</summary>
    public static double? Lift(double? rate, double? baseRate) => rate is null || baseRate is null or 0 ? null : rate / baseRate;
}
