namespace LeadScoring.Engine;

internal sealed partial class CompiledRuleSet
{
    private static readonly ScoreCategory[] DefaultDecayCategories =
        [ScoreCategory.OnlineBehaviour, ScoreCategory.EmailEngagement, ScoreCategory.SocialEngagement];

    /// <summary>Resolves names to slots and builds the per-activity-type dispatch table.</summary>
    private sealed class Compiler
    {
        private readonly Dictionary<string, int> _typeIndex = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<List<ActivityConsumer>> _consumersByType = [];
        private readonly bool[] _decays = new bool[CategoryCount];

        public Compiler(RuleSetDefinition definition)
        {
            if (definition.Decay is { } decay)
            {
                foreach (var category in decay.Categories ?? DefaultDecayCategories)
                {
                    _decays[(int)category] = true;
                }
            }
        }

        public Dictionary<string, int> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int CounterCount { get; private set; }

        public int EachCount { get; private set; }

        public CompiledRule CompileRule(RuleDefinition rule)
        {
            double maxPoints = rule.MaxPoints ?? double.PositiveInfinity;
            if (rule.Each is { } each)
            {
                int slot = EachCount++;
                Register(each, slot, isCounter: false, decays: _decays[(int)rule.Category], rule.Points);
                return new CompiledRule(rule.Id, rule.Category, rule.Points, maxPoints, When: null, slot);
            }

            return new CompiledRule(rule.Id, rule.Category, rule.Points, maxPoints, CompileCondition(rule.When!), EachSlot: -1);
        }

        public CompiledCondition CompileCondition(Condition condition)
        {
            switch (condition)
            {
                case FieldCondition field:
                    if (!Fields.TryGetValue(field.FieldName, out int slot))
                    {
                        slot = Fields.Count;
                        Fields.Add(field.FieldName, slot);
                    }

                    return new FieldNode(slot, new CompiledTest(field.Test));

                case ActivityCondition activity:
                    int counter = CounterCount++;
                    Register(activity.Filter, counter, isCounter: true, decays: false, points: 0);
                    return new CountNode(counter, activity.MinCount);

                case GroupCondition group:
                    CompiledCondition[] children = [.. group.Items.Select(CompileCondition)];
                    return group.IsAll ? new AllNode(children) : new AnyNode(children);

                case NotCondition not:
                    return new NotNode(CompileCondition(not.Inner));

                default:
                    throw new InvalidOperationException($"Unknown condition type {condition.GetType().Name}.");
            }
        }

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
            var consumer = new ActivityConsumer(slot, isCounter, filter.WithinDays ?? double.PositiveInfinity, tag, decays, points);
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
}
