namespace LeadScoring.Comparison;

/// <summary>How one rule of one rule set contributes over the compared leads.</summary>
public sealed class RuleUsage
{
    internal RuleUsage(int fires, double meanPoints)
    {
        Fires = fires;
        MeanPoints = meanPoints;
    }

    /// <summary>Leads on which it contributes something (not 0).</summary>
    public int Fires { get; }

    /// <summary>Its mean contribution over all leads (0 for no leads).</summary>
    public double MeanPoints { get; }
}
