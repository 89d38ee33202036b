using LeadScoring.Conditions;
using LeadScoring.Funnel;
using LeadScoring.Rules;

namespace LeadScoring.Scoring;

/// <summary>
/// Resolves a rule set's names to slots while its parts compile: a slot per attribute name, a tally per activity
/// condition (a count) and per <c>each</c> rule (a sum of points x weight), and for every activity type the list of
/// consumers that want to see its activities, so that scoring makes one pass over activities.
/// </summary>
internal sealed class RuleSetCompiler(DecayWeight decay) : IConditionSlots
{
    private readonly Dictionary<string, int> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _typeIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<List<ActivityConsumer>> _consumersByType = [];
    private readonly List<RepeatLimit> _repeatLimits = [];

    /// <summary>How many tallies scoring keeps: counts and sums share one index space, so the activity pass fills one buffer.</summary>
    public int TallyCount { get; private set; }

    public int FieldSlot(string field)
    {
        if (!_fields.TryGetValue(field, out int slot))
        {
            slot = _fields.Count;
            _fields.Add(field, slot);
        }

        return slot;
    }

    public int ActivityCounter(ActivityFilter filter)
    {
        int counter = TallyCount++;
        Register(filter, counter, isCounter: true, decays: false, points: 1);
        return counter;
    }

    public CompiledRule CompileRule(RuleDefinition rule)
    {
        if (rule.Each is { } each)
        {
            int slot = TallyCount++;
            Register(each, slot, isCounter: false, decays: decay.Decays(rule.Category), rule.Points);
            return new CompiledRule(rule, when: null, slot);
        }

        return new CompiledRule(rule, rule.When!.Compile(this), eachSlot: -1);
    }

    public NameTable BuildFields() => new(_fields);

    /// <summary>The distinctTags/maxPerDay limits of the consumers that have them, by the <see cref="ActivityConsumer.Slot"/> of a <see cref="ConsumerKind.Limited"/> consumer.</summary>
    public RepeatLimit[] BuildRepeatLimits() => [.. _repeatLimits];

    /// <summary>The activity types, and per type (by its index) the range of <c>Consumers</c> that want it.</summary>
    public (NameTable Types, int[] Start, ActivityConsumer[] Consumers) BuildDispatch()
    {
        var start = new int[_consumersByType.Count + 1];
        for (int t = 0; t < _consumersByType.Count; t++)
        {
            start[t + 1] = start[t] + _consumersByType[t].Count;
        }

        return (new NameTable(_typeIndex), start, [.. _consumersByType.SelectMany(c => c)]);
    }

    private void Register(ActivityFilter filter, int slot, bool isCounter, bool decays, double points)
    {
        var tag = filter.Tag is null ? null : new CompiledTest(filter.Tag);
        var kind = isCounter ? ConsumerKind.Count : decays ? ConsumerKind.DecayedSum : ConsumerKind.Sum;
        if (filter.LimitsRepeats)
        {
            _repeatLimits.Add(new RepeatLimit(slot, isCounter, decays, points, filter.DistinctTags, filter.MaxPerDay ?? int.MaxValue));
            (kind, slot) = (ConsumerKind.Limited, _repeatLimits.Count - 1);
        }

        var consumer = new ActivityConsumer(kind, slot, filter.WithinDays ?? double.PositiveInfinity, tag, points);
        var registered = new HashSet<int>();
        foreach (string type in filter.Types)
        {
            if (!_typeIndex.TryGetValue(type, out int index))
            {
                index = _consumersByType.Count;
                _typeIndex.Add(type, index);
                _consumersByType.Add([]);
            }

            // A type listed twice (in any case) still counts each activity once.
            if (registered.Add(index))
            {
                _consumersByType[index].Add(consumer);
            }
        }
    }
}
