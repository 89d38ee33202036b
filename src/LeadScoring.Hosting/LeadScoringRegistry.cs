namespace LeadScoring.Hosting;

/// <summary>The names given to <c>AddLeadScoring</c>, shared by every registration in one container.</summary>
internal sealed class LeadScoringRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _names;

    public void Add(string name) => _names.Add(name);
}
