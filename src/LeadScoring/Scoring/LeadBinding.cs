using LeadScoring.Leads;

namespace LeadScoring.Scoring;

/// <summary>
/// A model bound to a host's own lead type (<see cref="ScoringModel.Bind{TLead}"/>): scores those objects directly,
/// with the same results as converting each to a <see cref="Lead"/> first. Field names were resolved to the model's
/// slots, and enum activity types to its type ids, when the binding was built; attributes the model never reads are
/// not even read. Immutable and thread-safe; allocates nothing per score (beyond what the host's delegates allocate).
/// A binding belongs to one model: after a rule-set reload, bind the new model.
/// </summary>
/// <remarks>
/// Scoring reuses one scratch buffer per thread and lead type, so the binding's delegates must not themselves score
/// with a binding of the same lead type.
/// </remarks>
/// <typeparam name="TLead">The host's lead type.</typeparam>
public sealed class LeadBinding<TLead>
{
    [ThreadStatic]
    private static LeadAttribute[]? t_attributes;

    [ThreadStatic]
    private static ResolvedActivities? t_activities;

    private readonly CompiledRuleSet _compiled;
    private readonly string[] _names;
    private readonly Func<TLead, AttributeValue>[] _reads;
    private readonly int[] _slots;
    private readonly BoundActivities<TLead>? _activities;

    internal LeadBinding(ScoringModel model, IReadOnlyList<(string Name, Func<TLead, AttributeValue> Read)> attributes, BoundActivities<TLead>? activities)
    {
        Model = model;
        _compiled = model.Compiled;
        var read = attributes.Select(a => (a.Name, a.Read, Slot: _compiled.FieldSlot(a.Name))).Where(a => a.Slot >= 0).ToArray();
        _names = [.. read.Select(a => a.Name)];
        _reads = [.. read.Select(a => a.Read)];
        _slots = [.. read.Select(a => a.Slot)];
        _activities = activities?.For(_compiled);
    }

    /// <summary>The model this binding scores with.</summary>
    public ScoringModel Model { get; }

    /// <summary>Scores a host lead at <paramref name="asOf"/>.</summary>
    /// <param name="lead">The host's lead.</param>
    /// <param name="asOf">The instant to score at.</param>
    /// <returns>The same score as <see cref="ScoringModel.Score(Lead, DateTimeOffset)"/> of the lead converted to a <see cref="Lead"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public LeadScore Score(TLead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var attributes = t_attributes ??= new LeadAttribute[16];
        if (attributes.Length < _reads.Length)
        {
            t_attributes = attributes = new LeadAttribute[_reads.Length];
        }

        for (int i = 0; i < _reads.Length; i++)
        {
            attributes[i] = new LeadAttribute(_names[i], _reads[i](lead));
        }

        var activities = t_activities ??= new ResolvedActivities();
        try
        {
            _activities?.Fill(lead, _compiled, activities); // inside: a delegate that throws must not leave activities behind
            return _compiled.ScoreResolved(attributes.AsSpan(0, _reads.Length), _slots, activities, asOf.UtcTicks);
        }
        finally
        {
            // Do not keep the host's strings alive until this thread's next score.
            attributes.AsSpan(0, _reads.Length).Clear();
            activities.Clear();
        }
    }
}
