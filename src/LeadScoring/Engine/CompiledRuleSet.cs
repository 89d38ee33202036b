using System.Runtime.CompilerServices;

namespace LeadScoring.Engine;

/// <summary>
/// A rule set compiled for scoring: field names and activity types resolved to slots, conditions turned
/// into node trees, and for every activity type the list of rules and conditions that care about it.
/// Immutable after construction, so any number of threads may score with it at once.
/// </summary>
internal sealed partial class CompiledRuleSet
{
    // Scratch arrays up to this many elements live on the stack; larger rule sets use a per-thread array.
    private const int StackLimit = 512;

    [ThreadStatic]
    private static int[]? t_ints;

    [ThreadStatic]
    private static double[]? t_doubles;

    private readonly NameTable _fields;
    private readonly NameTable _types;
    private readonly int[] _consumerStart;
    private readonly ActivityConsumer[] _consumers;
    private readonly int _counterCount;
    private readonly int _eachCount;
    private readonly CompiledRule[] _rules;
    private readonly double[] _categoryMin;
    private readonly double[] _categoryMax;
    private readonly double _rangeMin;
    private readonly double _rangeMax;
    private readonly DecayMode _decayMode;
    private readonly double _decayParameter;
    private readonly InactivityDefinition? _inactivity;
    private readonly (string Id, CompiledCondition When)[] _disqualifiers;
    private readonly CompiledStage[] _stages;
    private readonly GradeDefinition[] _grades;
    private readonly string? _defaultGrade;

    public CompiledRuleSet(RuleSetDefinition definition)
    {
        var compiler = new Compiler(definition);
        _rules = [.. definition.Rules.Select(compiler.CompileRule)];
        _disqualifiers = [.. (definition.Disqualify ?? []).Select(d => (d.Id, compiler.CompileCondition(d.When)))];
        _stages = [.. (definition.Stages ?? []).Select(s => new CompiledStage(
            s.Name, s.MinScore ?? double.NegativeInfinity, s.MinFit ?? double.NegativeInfinity,
            s.MinEngagement ?? double.NegativeInfinity, s.When is null ? null : compiler.CompileCondition(s.When)))];
        (_types, _consumerStart, _consumers) = compiler.BuildDispatch();
        _fields = new NameTable(compiler.Fields);
        _counterCount = compiler.CounterCount;
        _eachCount = compiler.EachCount;

        _categoryMin = new double[CategoryCount];
        _categoryMax = new double[CategoryCount];
        for (int c = 0; c < CategoryCount; c++)
        {
            var limits = definition.Categories?[c];
            _categoryMin[c] = limits?.Min ?? double.NegativeInfinity;
            _categoryMax[c] = limits?.Max ?? double.PositiveInfinity;
        }

        _rangeMin = definition.Range?.Min ?? 0;
        _rangeMax = definition.Range?.Max ?? 100;
        (_decayMode, _decayParameter) = definition.Decay switch
        {
            { HalfLifeDays: { } h } => (DecayMode.HalfLife, h),
            { ExpireAfterDays: { } e } => (DecayMode.Expire, e),
            _ => (DecayMode.None, 0),
        };
        _inactivity = definition.Inactivity;
        _grades = [.. definition.Grades ?? []];
        _defaultGrade = definition.Grades is null ? null : definition.DefaultGrade ?? "D";
        RuleIds = [.. _rules.Select(r => r.Id)];
        RuleCategories = [.. _rules.Select(r => r.Category)];
        DisqualifierIds = [.. _disqualifiers.Select(d => d.Id)];
    }

    private enum DecayMode
    {
        None,
        HalfLife,
        Expire,
    }

    public const int CategoryCount = 6;

    /// <summary>The id reported for the inactivity penalty in explanations.</summary>
    public const string InactivityId = "inactivity";

    public int RuleCount => _rules.Length;

    public string[] RuleIds { get; }

    public ScoreCategory[] RuleCategories { get; }

    public string[] DisqualifierIds { get; }

    public IReadOnlyList<CompiledStage> Stages => _stages;

    /// <summary>Scores a lead; with <paramref name="trace"/>, also records what an explanation needs.</summary>
    [SkipLocalsInit]
    public LeadScore Evaluate(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<LeadActivity> activities, long asOfUtcTicks, EvaluationTrace? trace)
    {
        int intCount = _fields.Count + _counterCount;
        Span<int> ints = intCount <= StackLimit ? stackalloc int[intCount] : ThreadScratch(ref t_ints, intCount);
        Span<double> sums = _eachCount <= StackLimit ? stackalloc double[_eachCount] : ThreadScratch(ref t_doubles, _eachCount);
        Span<int> fieldSlots = ints[.._fields.Count];
        Span<int> counts = ints[_fields.Count..];
        fieldSlots.Fill(-1);
        counts.Clear();
        sums.Clear();

        for (int i = 0; i < attributes.Length; i++)
        {
            if (_fields.TryGetValue(attributes[i].Name, out int field))
            {
                fieldSlots[field] = i;
            }
        }

        long newestAge = ScanActivities(activities, asOfUtcTicks, counts, sums);
        var state = new EvaluationState(attributes, fieldSlots, counts);
        return Total(in state, sums, newestAge, trace);
    }

    // Scratch for rule sets too large for the stack: one growing array per thread, never returned to a
    // shared pool, so that a garbage collection trimming the pool cannot make a later score allocate.
    // Evaluate calls nothing that could re-enter it, so one array per thread suffices.
    private static Span<T> ThreadScratch<T>(ref T[]? scratch, int length)
    {
        if (scratch is null || scratch.Length < length)
        {
            scratch = new T[Math.Max(length, (scratch?.Length ?? 0) * 2)];
        }

        return scratch.AsSpan(0, length);
    }

    /// <summary>
    /// The one pass over activities: counts for activity conditions, points x weight sums for each rules.
    /// Returns the age in ticks of the most recent activity not after as-of, or -1 when there is none.
    /// </summary>
    private long ScanActivities(ReadOnlySpan<LeadActivity> activities, long asOfUtcTicks, Span<int> counts, Span<double> sums)
    {
        long newest = long.MaxValue;
        foreach (ref readonly var activity in activities)
        {
            long ticks = asOfUtcTicks - activity.At.UtcTicks;
            if (ticks < 0)
            {
                continue; // after as-of: ignored everywhere
            }

            newest = Math.Min(newest, ticks);
            if (!_types.TryGetValue(activity.Type, out int type))
            {
                continue;
            }

            double age = ticks / (double)TimeSpan.TicksPerDay;
            double weight = -1;
            var consumers = _consumers.AsSpan(_consumerStart[type], _consumerStart[type + 1] - _consumerStart[type]);
            foreach (ref readonly var consumer in consumers)
            {
                if (age > consumer.WithinDays || (consumer.Tag is { } tag && !tag.Evaluate(activity.Tag)))
                {
                    continue;
                }

                if (consumer.IsCounter)
                {
                    counts[consumer.Slot]++;
                }
                else if (consumer.Decays)
                {
                    if (weight < 0)
                    {
                        weight = Weight(age);
                    }

                    sums[consumer.Slot] += consumer.Points * weight;
                }
                else
                {
                    sums[consumer.Slot] += consumer.Points;
                }
            }
        }

        return newest == long.MaxValue ? -1 : newest;
    }

    private double Weight(double age) => _decayMode switch
    {
        // The spec's formula as written (not exp(-age ln2 / H)): the same libm pow a reference implementation
        // calls, so results agree to the last bit where they can.
        DecayMode.HalfLife => Math.Pow(0.5, age / _decayParameter),
        DecayMode.Expire => age <= _decayParameter ? 1 : 0,
        _ => 1,
    };

    private LeadScore Total(in EvaluationState state, Span<double> sums, long newestAgeTicks, EvaluationTrace? trace)
    {
        Span<double> categories = stackalloc double[CategoryCount];
        categories.Clear();
        for (int r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            double raw = rule.When is { } when
                ? (when.Evaluate(state) ? rule.Points : 0)
                : sums[rule.EachSlot]; // already points x weight, summed in activity order
            double contribution = Cap(raw, rule.MaxPoints);
            categories[(int)rule.Category] += contribution;
            if (trace is not null)
            {
                trace.Contributions[r] = contribution;
            }
        }

        double inactivity = Inactivity(newestAgeTicks);
        categories[(int)ScoreCategory.Decay] += inactivity;
        if (trace is not null)
        {
            trace.Contributions[_rules.Length] = inactivity;
        }

        for (int c = 0; c < CategoryCount; c++)
        {
            categories[c] = Math.Min(Math.Max(categories[c], _categoryMin[c]), _categoryMax[c]) + 0.0;
        }

        double fit = categories[0] + categories[1];
        double engagement = categories[2] + categories[3] + categories[4] + categories[5];
        double score = Math.Min(Math.Max(fit + engagement, _rangeMin), _rangeMax) + 0.0;

        bool isDisqualified = false;
        for (int d = 0; d < _disqualifiers.Length; d++)
        {
            if (_disqualifiers[d].When.Evaluate(state))
            {
                isDisqualified = true;
                if (trace is null)
                {
                    break;
                }

                trace.Disqualified[d] = true;
            }
        }

        int stage = isDisqualified ? -1 : StageIndex(in state, score, fit, engagement);
        if (trace is not null && !isDisqualified && stage + 1 < _stages.Length)
        {
            trace.NextStageConditionMet = _stages[stage + 1].When?.Evaluate(state) ?? true;
        }

        string? stageName = isDisqualified ? LeadScore.DisqualifiedStage : stage >= 0 ? _stages[stage].Name : null;
        return new LeadScore(score, fit, engagement, categories, stageName, Grade(fit), isDisqualified, stage);
    }

    private double Inactivity(long newestAgeTicks)
    {
        if (_inactivity is not { } rule || newestAgeTicks < 0)
        {
            return 0;
        }

        double days = newestAgeTicks / (double)TimeSpan.TicksPerDay;
        if (days <= rule.AfterDays)
        {
            return 0;
        }

        double periods = Math.Floor((days - rule.AfterDays) / rule.EveryDays) + 1;
        double penalty = rule.Points == 0 ? 0 : Cap(rule.Points * periods, rule.MaxPenalty ?? double.PositiveInfinity);

        // A tiny everyDays (the spec only asks for > 0) can overflow the count; keep every output finite.
        return double.IsFinite(penalty) ? penalty : Math.CopySign(double.MaxValue, penalty);
    }

    /// <summary>The highest stage k such that stages 0..k all hold; -1 when the first does not.</summary>
    private int StageIndex(in EvaluationState state, double score, double fit, double engagement)
    {
        int k = -1;
        while (k + 1 < _stages.Length && _stages[k + 1].Holds(in state, score, fit, engagement))
        {
            k++;
        }

        return k;
    }

    private string? Grade(double fit)
    {
        foreach (var grade in _grades)
        {
            if (grade.MinFit <= fit)
            {
                return grade.Grade;
            }
        }

        return _defaultGrade;
    }

    /// <summary><c>sign(raw) x min(|raw|, max)</c>.</summary>
    private static double Cap(double raw, double max) => Math.CopySign(Math.Min(Math.Abs(raw), max), raw) + 0.0;
}
