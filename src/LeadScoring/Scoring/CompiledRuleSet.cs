using System.Diagnostics;
using System.Runtime.CompilerServices;
using LeadScoring.Conditions;
using LeadScoring.Funnel;
using LeadScoring.Leads;
using LeadScoring.Rules;
using LeadScoring.RuleSets;

namespace LeadScoring.Scoring;

/// <summary>
/// A rule set compiled for scoring: field names and activity types resolved to slots, conditions turned
/// into node trees, and for every activity type the list of rules and conditions that care about it.
/// Scoring is two passes: one over activities (counts and decayed sums), one over rules (totals, stage,
/// grade, disqualifiers). Immutable after construction, so any number of threads may score with it at once.
/// </summary>
internal sealed partial class CompiledRuleSet
{
    // Scratch arrays up to this many elements live on the stack; larger rule sets use a per-thread array.
    private const int StackLimit = 512;

    /// <summary>A contribution that moved by no more than this did not change.</summary>
    private const double ChangeTolerance = 1e-9;

    private static readonly bool[] IsFit = Array.ConvertAll(ScoreCategories.All, ScoreCategories.IsFit);

    [ThreadStatic]
    private static int[]? t_ints;

    [ThreadStatic]
    private static double[]? t_doubles;

    [ThreadStatic]
    private static RepeatMatch[]? t_repeatMatches;

    [ThreadStatic]
    private static RememberedSlots? t_rememberedSlots;

    private static readonly StrongBox<long> LastModelId = new();

    // Names this model's field slots on a thread's RememberedSlots (a number, not a reference: a memo must not keep a
    // replaced model alive).
    private readonly long _id = Interlocked.Increment(ref LastModelId.Value);

    private readonly NameTable _fields;
    private readonly NameTable _types;
    private readonly int[] _consumerStart;
    private readonly ActivityConsumer[] _consumers;
    private readonly RepeatLimit[] _repeatLimits;
    private readonly int _tallyCount;

    // How many activities the activity pass takes at a time, and how many matches of a sort such a chunk can set aside.
    private readonly int _chunk;
    private readonly int _pendingCapacity;
    private readonly CompiledRule[] _rules;
    private readonly double[] _categoryMin;
    private readonly double[] _categoryMax;
    private readonly double _rangeMin;
    private readonly double _rangeMax;
    private readonly DecayWeight _decay;
    private readonly InactivityPenalty _inactivity;
    private readonly CompiledDisqualifier[] _disqualifiers;
    private readonly string[] _disqualifierIds;
    private readonly CompiledStage[] _stages;

    // The disqualifiers' conditions, then the stages' (null: none), which the compiled rule pass evaluates and returns as
    // bits (_funnelInPass); when there are more than it can return, none, and the trees are evaluated instead.
    private readonly CompiledCondition?[] _funnel;
    private readonly bool _funnelInPass;
    private readonly ulong _disqualifierMask;
    private readonly GradeScale _grades;
    private readonly ProbabilityDefinition? _probability;

    // The rule pass compiled to IL (RulePassEmitter): null until it is ready, and where it cannot be compiled. A model
    // compiles it in the background once it has scored _warmUpLeft leads (counted without interlocking: a count lost to
    // a race only delays it), so that scoring never waits for the compiler.
    private RulePass? _rulePass;
    private int _warmUpLeft;

    // Made with the model, so that the score that ends the warm-up allocates nothing either; taken (set to null) by the
    // one score that queues it.
    private RulePassCompilationItem? _compilationItem;

    /// <summary>How the attribute pass learns a field's slot: looked up, or given by the caller (a lead binding).</summary>
    private interface IResolvedIds
    {
        /// <summary>The slot of the name at <paramref name="index"/> (-1: not in the model).</summary>
        int Of(int index, string name);
    }

    /// <summary>What the activity pass reads of a lead's activity at an index: a <see cref="Lead"/>'s, or already resolved ones.</summary>
    private interface IActivityColumns
    {
        int Length { get; }

        long UtcTicks(int index);

        /// <summary>
        /// The instants (UTC ticks) and type ids in the model (-1: no rule counts the type) of the <paramref name="count"/>
        /// activities from <paramref name="start"/>: in the buffers given, or where the columns hold them already. In
        /// bulk, a chunk at a time: a loop of lookups alone keeps its values in registers.
        /// </summary>
        ActivityChunk Resolve(int start, int count, Span<long> utcTicksBuffer, Span<int> typeIdsBuffer);

        string? Tag(int index);
    }

    /// <param name="definition">The validated rule set.</param>
    /// <param name="compilation">When to compile the rule pass to IL, where the runtime can (tests compare the two ways).</param>
    public CompiledRuleSet(RuleSetDefinition definition, RulePassCompilation compilation = RulePassCompilation.AfterWarmUp)
    {
        _decay = new DecayWeight(definition.Decay);
        var compiler = new RuleSetCompiler(_decay);
        _rules = [.. definition.Rules.Select(compiler.CompileRule)];
        _disqualifiers = [.. (definition.Disqualify ?? []).Select(d => CompiledDisqualifier.Compile(d, compiler))];
        _stages = [.. (definition.Stages ?? []).Select(s => CompiledStage.Compile(s, compiler))];
        _funnelInPass = _disqualifiers.Length + _stages.Length <= RulePassEmitter.MaxFunnelConditions;
        _funnel = _funnelInPass ? [.. _disqualifiers.Select(d => d.When), .. _stages.Select(s => s.When)] : [];
        _disqualifierMask = _funnelInPass && _disqualifiers.Length > 0 ? ulong.MaxValue >> (64 - _disqualifiers.Length) : 0;
        (_types, _consumerStart, _consumers) = compiler.BuildDispatch();
        _fields = compiler.BuildFields();
        _repeatLimits = compiler.BuildRepeatLimits();
        _tallyCount = compiler.TallyCount;
        int consumersPerType = 1;
        for (int t = 0; t + 1 < _consumerStart.Length; t++)
        {
            consumersPerType = Math.Max(consumersPerType, _consumerStart[t + 1] - _consumerStart[t]);
        }

        _chunk = Math.Clamp(MaxPending / consumersPerType, 1, MaxChunk);
        _pendingCapacity = _chunk * consumersPerType;

        _categoryMin = new double[ScoreCategories.Count];
        _categoryMax = new double[ScoreCategories.Count];
        foreach (var category in ScoreCategories.All)
        {
            var limits = definition.Categories?[(int)category];
            _categoryMin[(int)category] = limits?.Min ?? double.NegativeInfinity;
            _categoryMax[(int)category] = limits?.Max ?? double.PositiveInfinity;
        }

        var range = definition.Range ?? LimitsDefinition.DefaultRange;
        _rangeMin = range.Min ?? LimitsDefinition.DefaultRange.Min!.Value;
        _rangeMax = range.Max ?? LimitsDefinition.DefaultRange.Max!.Value;
        _inactivity = new InactivityPenalty(definition.Inactivity);
        _grades = new GradeScale(definition.Grades, definition.DefaultGrade);
        _probability = definition.Probability;
        _disqualifierIds = [.. _disqualifiers.Select(d => d.Id)];
        StageNames = [.. _stages.Select(s => s.Name)];
        (RetentionDays, _windowDays) = Retention();
        ReadsTags = _consumers.Any(c => c.Tag is not null) || _repeatLimits.Any(l => l.DistinctTags);
        if (compilation == RulePassCompilation.Now)
        {
            _rulePass = RulePassEmitter.TryCompile(_rules, _funnel, _categoryMin, _categoryMax);
        }
        else if (compilation == RulePassCompilation.AfterWarmUp && RulePassEmitter.CanCompile(_rules, _funnel))
        {
            _warmUpLeft = RulePassEmitter.WarmUpScores;
            _compilationItem = new RulePassCompilationItem(this);
        }
    }

    /// <summary>Whether the rule pass runs as compiled IL (<see cref="RulePassEmitter"/>) rather than as the rule loop.</summary>
    public bool IsRulePassCompiled => Volatile.Read(ref _rulePass) is not null;

    public int RuleCount => _rules.Length;

    /// <summary>Whether any rule or condition reads activity tags (a tag test or <c>distinctTags</c>); a binding and the tool's parser skip them otherwise.</summary>
    public bool ReadsTags { get; }

    public IReadOnlyList<string> StageNames { get; }

    /// <summary>The rules, in rule-set order (for reports over contributions).</summary>
    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>The inactivity penalty (<see cref="InactivityPenalty.IsDefined"/> false when the rule set has none).</summary>
    public InactivityPenalty Inactivity => _inactivity;

    /// <summary>The score's lower bound (<c>range.min</c>).</summary>
    public double RangeMin => _rangeMin;

    /// <summary>The score's upper bound (<c>range.max</c>).</summary>
    public double RangeMax => _rangeMax;

    /// <summary>The grades a lead can get, in rule-set order then the default grade; null without grades.</summary>
    public IReadOnlyList<string>? GradeNames => _grades.Names;

    /// <summary>Scores a lead. Allocates nothing.</summary>
    public LeadScore Score(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<LeadActivity> activities, long asOfUtcTicks) =>
        Evaluate(attributes, activities, asOfUtcTicks, trace: null);

    /// <summary>The explanation pass: the score, with every rule's contribution and the next stage's gap.</summary>
    public LeadScoreExplanation Explain(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<LeadActivity> activities, long asOfUtcTicks)
    {
        var trace = new EvaluationTrace(_rules.Length);
        var result = Evaluate(attributes, activities, asOfUtcTicks, trace);

        var rules = new List<RuleContribution>();
        for (int r = 0; r < _rules.Length; r++)
        {
            if (trace.Contributions[r] != 0)
            {
                rules.Add(new RuleContribution(_rules[r].Id, _rules[r].Category, trace.Contributions[r]));
            }
        }

        double inactivity = trace.Contributions[_rules.Length];
        if (inactivity != 0)
        {
            rules.Add(new RuleContribution(InactivityPenalty.Id, ScoreCategory.Decay, inactivity));
        }

        StageGap? gap = null;
        int next = result.IsDisqualified ? _stages.Length : trace.StageIndex + 1;
        if (next < _stages.Length)
        {
            var stage = _stages[next];
            gap = new StageGap(
                stage.Name,
                Math.Max(0, stage.MinScore - result.Score),
                Math.Max(0, stage.MinFit - result.Fit),
                Math.Max(0, stage.MinEngagement - result.Engagement),
                trace.NextStageConditionMet);
        }

        return new LeadScoreExplanation(result, rules, gap);
    }

    /// <summary>The lead at two instants, and the rules whose contribution moved by more than 1e-9.</summary>
    public ScoreChange ExplainChange(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<LeadActivity> activities, DateTimeOffset since, DateTimeOffset asOf)
    {
        var before = new EvaluationTrace(_rules.Length);
        var after = new EvaluationTrace(_rules.Length);
        var beforeScore = Evaluate(attributes, activities, since.UtcTicks, before);
        var afterScore = Evaluate(attributes, activities, asOf.UtcTicks, after);
        var changes = new List<RuleContribution>();
        for (int r = 0; r <= _rules.Length; r++)
        {
            double delta = after.Contributions[r] - before.Contributions[r];
            if (Math.Abs(delta) > ChangeTolerance)
            {
                changes.Add(r < _rules.Length
                    ? new RuleContribution(_rules[r].Id, _rules[r].Category, delta)
                    : new RuleContribution(InactivityPenalty.Id, ScoreCategory.Decay, delta));
            }
        }

        return new ScoreChange(since, asOf, beforeScore, afterScore, changes);
    }

    /// <summary>Scores a lead and records every rule's contribution (rule-set order, then inactivity) in <paramref name="trace"/>.</summary>
    public LeadScore Score(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<LeadActivity> activities, long asOfUtcTicks, EvaluationTrace trace) =>
        Evaluate(attributes, activities, asOfUtcTicks, trace);

    /// <summary>
    /// Scores a lead whose names were resolved beforehand (a lead binding): <paramref name="fieldSlots"/> gives each
    /// attribute's field slot, and <paramref name="activities"/> carry this model's type ids. Allocates nothing.
    /// </summary>
    public LeadScore ScoreResolved(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<int> fieldSlots, ResolvedActivities activities, long asOfUtcTicks)
    {
        Debug.Assert(fieldSlots.Length == attributes.Length, "one slot per attribute");
        return Evaluate(attributes, new GivenIds(fieldSlots), new ResolvedColumns(activities), asOfUtcTicks, trace: null);
    }

    /// <summary>Scores a lead whose activities carry this model's type ids (the tool's scoring path); attributes are looked up. Allocates nothing.</summary>
    public LeadScore ScoreResolved(ReadOnlySpan<LeadAttribute> attributes, ResolvedActivities activities, long asOfUtcTicks) =>
        Evaluate(attributes, LookedUpIds.For(this, attributes), new ResolvedColumns(activities), asOfUtcTicks, trace: null);

    /// <summary>The slot of a field name in the model (-1: no rule reads it).</summary>
    public int FieldSlot(string name) => _fields.SlotOf(name);

    /// <summary>The id of an activity type in the model (-1: no rule counts it).</summary>
    public int TypeId(string type) => _types.SlotOf(type);

    /// <summary>Whether the activity types' table gives each type its own slot (<see cref="NameTable.IsDirect"/>).</summary>
    public bool TypeTableIsDirect => _types.IsDirect;

    /// <summary>Likewise for the fields' table.</summary>
    public bool FieldTableIsDirect => _fields.IsDirect;

    /// <summary>The id of the activity type that <paramref name="ascii"/> spells (ASCII bytes, as read from JSON; -1: no rule counts it).</summary>
    public int TypeId(ReadOnlySpan<byte> ascii) => _types.SlotOfAscii(ascii);

    private LeadScore Evaluate(ReadOnlySpan<LeadAttribute> attributes, ReadOnlySpan<LeadActivity> activities, long asOfUtcTicks, EvaluationTrace? trace) =>
        Evaluate(attributes, LookedUpIds.For(this, attributes), new LeadColumns(activities, _types), asOfUtcTicks, trace);

    /// <summary>
    /// Scores a lead, learning field slots through <typeparamref name="TIds"/> and reading activities through
    /// <typeparamref name="TActivities"/>: generic so that each way (looked up by name, or resolved beforehand) gets its
    /// own compiled passes, with no test per attribute or activity.
    /// </summary>
    [SkipLocalsInit]
    private LeadScore Evaluate<TIds, TActivities>(
        ReadOnlySpan<LeadAttribute> attributes, TIds fieldIds, TActivities activities, long asOfUtcTicks, EvaluationTrace? trace)
        where TIds : IResolvedIds, allows ref struct
        where TActivities : IActivityColumns, allows ref struct
    {
        int fieldCount = _fields.Count;
        Span<int> fieldSlots = fieldCount <= StackLimit ? stackalloc int[fieldCount] : ThreadScratch(ref t_ints, fieldCount);
        Span<double> tallies = _tallyCount <= StackLimit ? stackalloc double[_tallyCount] : ThreadScratch(ref t_doubles, _tallyCount);
        fieldSlots.Fill(-1);
        tallies.Clear();

        ResolveAttributes(attributes, fieldIds, fieldSlots);
        long newestAge = ScanActivities(activities, asOfUtcTicks, tallies);
        var state = new EvaluationState(attributes, fieldSlots, tallies);
        return Total(in state, newestAge, trace);
    }

    /// <summary>Where each attribute the model reads sits in <paramref name="attributes"/>, by field slot (-1: absent).</summary>
    private static void ResolveAttributes<TIds>(ReadOnlySpan<LeadAttribute> attributes, TIds ids, Span<int> fieldSlots)
        where TIds : IResolvedIds, allows ref struct
    {
        for (int i = 0; i < attributes.Length; i++)
        {
            int field = ids.Of(i, attributes[i].Name);
            if (field >= 0)
            {
                fieldSlots[field] = i;
            }
        }
    }

    // Scratch for rule sets too large for the stack: one growing array per thread, never returned to a
    // shared pool, so that a garbage collection trimming the pool cannot make a later score allocate.
    // Evaluate calls nothing that could re-enter it, so one array per thread suffices.
    private static Span<T> ThreadScratch<T>(ref T[]? scratch, int length, int keep = 0)
    {
        if (scratch is null || scratch.Length < length)
        {
            var grown = new T[Math.Max(Math.Max(length, 16), (scratch?.Length ?? 0) * 2)];
            scratch?.AsSpan(0, keep).CopyTo(grown);
            scratch = grown;
        }

        return scratch.AsSpan(0, length);
    }

    /// <summary>
    /// The activity pass (<see cref="ActivityScan"/>), a chunk at a time; returns the age in ticks of the most recent
    /// activity not after as-of, or -1 when there is none.
    /// </summary>
    [SkipLocalsInit]
    private long ScanActivities<TActivities>(TActivities activities, long asOfUtcTicks, Span<double> tallies)
        where TActivities : IActivityColumns, allows ref struct
    {
        var scan = new ActivityScan(this, asOfUtcTicks, tallies, stackalloc double[MaxPending], stackalloc int[MaxPending], stackalloc long[MaxPending], stackalloc long[MaxChunk], stackalloc int[MaxChunk]);
        for (int start = 0; start < activities.Length; start += _chunk)
        {
            scan.Chunk(activities, start, Math.Min(start + _chunk, activities.Length));
        }

        return scan.Finish();
    }

    /// <summary>Sets a match of a consumer with distinctTags or maxPerDay aside until the limits are applied.</summary>
    private void SetAside(int limit, string? tag, long utcTicks, int order, long ageTicks, int index)
    {
        var buffer = ThreadScratch(ref t_repeatMatches, index + 1, keep: index);
        buffer[index] = new RepeatMatch
        {
            Limit = limit,
            Order = order,
            AgeTicks = ageTicks,
            UtcDay = utcTicks / TimeSpan.TicksPerDay,
            Tag = _repeatLimits[limit].DistinctTags ? tag : null,
        };
    }

    /// <summary>Tallies what distinctTags and maxPerDay keep of the <paramref name="setAside"/> matches.</summary>
    private void ApplyRepeatLimits(int setAside, Span<double> tallies)
    {
        if (setAside > 0)
        {
            var matches = t_repeatMatches.AsSpan(0, setAside);
            RepeatLimiter.Apply(matches, _repeatLimits, _decay, tallies);
            matches.Clear(); // drop the references to this lead's tags
        }
    }

    /// <summary>Adds the decaying each rules' matches of a chunk: their weights in one vectorised pass, then points x weight in order.</summary>
    private void AddDecayed(Span<double> ageTicksToWeights, ReadOnlySpan<int> consumerIndexes, Span<double> tallies)
    {
        _decay.WeightsOfAgeTicks(ageTicksToWeights);
        for (int k = 0; k < ageTicksToWeights.Length; k++)
        {
            ref readonly var consumer = ref _consumers[consumerIndexes[k]];
            tallies[consumer.Slot] += consumer.Points * ageTicksToWeights[k];
        }
    }

    /// <summary>The pass over rules: contributions, category clamps, totals, disqualifiers, stage and grade.</summary>
    private LeadScore Total(in EvaluationState state, long newestAgeTicks, EvaluationTrace? trace)
    {
        // A fixed-size local, not stackalloc: a method with a loop and stackalloc is compiled once, fully optimised but
        // without profile data, and never recompiled; this one then gets the tiered, profile-guided compilation (its
        // condition calls are mostly to one node type, which the profile lets the JIT call directly and inline).
        var values = default(CategoryValues);
        Span<double> categories = values;
        double inactivity = _inactivity.Of(newestAgeTicks);
        ulong? funnel = null; // the funnel's conditions, when the compiled pass evaluated them
        if (trace is null && _rulePass is { } rulePass)
        {
            ulong conditions = rulePass(in state, inactivity, categories); // clamped categories
            funnel = _funnelInPass ? conditions : null;
        }
        else
        {
            if (_warmUpLeft > 0 && --_warmUpLeft == 0)
            {
                CompileRulePassInBackground();
            }

            for (int r = 0; r < _rules.Length; r++)
            {
                var rule = _rules[r];
                double raw = rule.When is { } when
                    ? (when.Evaluate(state) ? rule.Points : 0)
                    : state.Tallies[rule.EachSlot]; // already points x weight, summed in activity order
                double contribution = rule.Contribution(raw);
                categories[(int)rule.Category] += contribution;
                if (trace is not null)
                {
                    trace.Raw[r] = raw;
                    trace.Contributions[r] = contribution;
                }
            }

            categories[(int)ScoreCategory.Decay] += inactivity;
            if (trace is not null)
            {
                trace.Contributions[_rules.Length] = inactivity;
            }

            for (int c = 0; c < categories.Length; c++)
            {
                categories[c] = Math.Min(Math.Max(categories[c], _categoryMin[c]), _categoryMax[c]) + 0.0;
            }
        }

        double fit = 0;
        double engagement = 0;
        for (int c = 0; c < categories.Length; c++)
        {
            if (IsFit[c])
            {
                fit += categories[c];
            }
            else
            {
                engagement += categories[c];
            }
        }

        double score = Math.Min(Math.Max(fit + engagement, _rangeMin), _rangeMax) + 0.0;
        var disqualifiedBy = funnel is { } bits
            ? new DisqualifierList(_disqualifierIds, bits & _disqualifierMask, rest: null)
            : Disqualifiers(in state);
        string? stage = null;
        if (!disqualifiedBy.IsEmpty)
        {
            stage = LeadScore.DisqualifiedStage;
        }
        else
        {
            int k = StageIndex(in state, score, fit, engagement, funnel);
            stage = k >= 0 ? _stages[k].Name : null;
            if (trace is not null)
            {
                trace.StageIndex = k;
                trace.NextStageConditionMet = k + 1 < _stages.Length && (_stages[k + 1].When?.Evaluate(state) ?? true);
            }
        }

        return new LeadScore(score, fit, engagement, categories, stage, _grades.Of(fit), disqualifiedBy, _probability?.Of(score) ?? double.NaN);
    }

    /// <summary>Queues the rule pass's compilation (<see cref="RulePassCompilationItem"/>), once.</summary>
    private void CompileRulePassInBackground()
    {
        if (Interlocked.Exchange(ref _compilationItem, null) is { } item)
        {
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
        }
    }

    private DisqualifierList Disqualifiers(in EvaluationState state)
    {
        ulong first64 = 0;
        ulong[]? rest = null;
        for (int d = 0; d < _disqualifiers.Length; d++)
        {
            if (!_disqualifiers[d].When.Evaluate(state))
            {
                continue;
            }

            if (d < 64)
            {
                first64 |= 1UL << d;
            }
            else
            {
                // Only rule sets with more than 64 disqualifiers get here, and only when one past the 64th holds.
                rest ??= new ulong[((_disqualifiers.Length - 64) >> 6) + 1];
                rest[(d - 64) >> 6] |= 1UL << (d & 63);
            }
        }

        return new DisqualifierList(_disqualifierIds, first64, rest);
    }

    /// <summary>
    /// The highest stage k such that stages 0..k all hold; -1 when the first does not. A stage's condition is bit
    /// <c>disqualifier count + k</c> of <paramref name="funnel"/> when the compiled pass evaluated it, else evaluated here.
    /// </summary>
    private int StageIndex(in EvaluationState state, double score, double fit, double engagement, ulong? funnel)
    {
        int k = -1;
        while (k + 1 < _stages.Length)
        {
            var stage = _stages[k + 1];
            bool holds = stage.Meets(score, fit, engagement) && (funnel is { } bits
                ? ((bits >> (_disqualifiers.Length + k + 1)) & 1) != 0 // under 64: the pass returns at most 64 bits
                : stage.When?.Evaluate(state) ?? true);
            if (!holds)
            {
                break;
            }

            k++;
        }

        return k;
    }

    /// <summary>
    /// Compiles a model's rule pass on a pool thread and runs it once there on an empty lead, so that the JIT compiles it
    /// there too; scoring switches to it when it is ready. A failure leaves the rule loop running: an optimisation
    /// must not take the host down (tests compile every shape of rule set with <see cref="RulePassCompilation.Now"/>).
    /// </summary>
    private sealed class RulePassCompilationItem(CompiledRuleSet model) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            try
            {
                if (RulePassEmitter.TryCompile(model._rules, model._funnel, model._categoryMin, model._categoryMax) is { } rulePass)
                {
                    var fieldSlots = new int[model._fields.Count];
                    Array.Fill(fieldSlots, -1);
                    rulePass(new EvaluationState([], fieldSlots, new double[model._tallyCount]), 0, new double[ScoreCategories.Count]);
                    Volatile.Write(ref model._rulePass, rulePass);
                }
            }
            catch (Exception ex)
            {
                Debug.Fail($"the rule pass did not compile: {ex}");
            }
        }
    }

    /// <summary>One value per category, as a local of the rule pass.</summary>
    [InlineArray(ScoreCategories.Count)]
    private struct CategoryValues
    {
        private double _first;
    }

    /// <summary>
    /// Field slots looked up by name, unless the lead scored before on this thread had the very same name string at the
    /// same position (<see cref="RememberedSlots"/>), among the first <c>positions</c>.
    /// </summary>
    private readonly struct LookedUpIds(NameTable names, RememberedSlots remembered, int positions) : IResolvedIds
    {
        /// <summary>
        /// The lookup for a lead: its names are compared with those remembered when its first name is the one remembered
        /// first. Otherwise (leads whose name strings are made anew for each, by a deserialiser without a string pool)
        /// only the first is remembered: each miss costs a store, and one per lead is enough to notice when a lead starts
        /// like the one before it.
        /// </summary>
        public static LookedUpIds For(CompiledRuleSet model, ReadOnlySpan<LeadAttribute> attributes)
        {
            var remembered = RememberedSlots.For(model._id);
            bool alike = !attributes.IsEmpty && ReferenceEquals(remembered.Names[0], attributes[0].Name);
            return new LookedUpIds(model._fields, remembered, alike ? remembered.Names.Length : 1);
        }

        public int Of(int index, string name)
        {
            if ((uint)index >= (uint)positions)
            {
                return names.SlotOf(name);
            }

            var known = remembered.Names;
            if (!ReferenceEquals(known[index], name))
            {
                remembered.Slots[index] = names.SlotOf(name);
                known[index] = name;
            }

            return remembered.Slots[index];
        }
    }

    /// <summary>
    /// The last attribute names a thread looked up, by position, with their field slots in one model (each name with
    /// its own slot, whatever lead it came from). Leads made by the same code (literals) or read by the same parser (its
    /// string pool) share their name strings, in the same order, so a name is compared by reference with the one at its
    /// position in the lead before, instead of hashed and looked up: the lookup was about a sixth of a lead's fixed cost.
    /// </summary>
    private sealed class RememberedSlots
    {
        private const int Positions = 32;

        private long _modelId;

        public string?[] Names { get; } = new string?[Positions];

        public int[] Slots { get; } = new int[Positions];

        /// <summary>This thread's memo, emptied if it was last used by another model.</summary>
        public static RememberedSlots For(long modelId)
        {
            var remembered = t_rememberedSlots ??= new RememberedSlots();
            if (remembered._modelId != modelId)
            {
                Array.Clear(remembered.Names);
                remembered._modelId = modelId;
            }

            return remembered;
        }
    }

    private readonly ref struct GivenIds(ReadOnlySpan<int> ids) : IResolvedIds
    {
        private readonly ReadOnlySpan<int> _ids = ids;

        public int Of(int index, string name) => _ids[index];
    }

    /// <summary>A chunk of activities as the activity pass reads them: instants (UTC ticks) and type ids, one each per activity.</summary>
    private readonly ref struct ActivityChunk(ReadOnlySpan<long> utcTicks, ReadOnlySpan<int> typeIds)
    {
        public ReadOnlySpan<long> UtcTicks { get; } = utcTicks;

        public ReadOnlySpan<int> TypeIds { get; } = typeIds;
    }

    /// <summary>A <see cref="Lead"/>'s activities: each type looked up by name at each score.</summary>
    private readonly ref struct LeadColumns(ReadOnlySpan<LeadActivity> activities, NameTable types) : IActivityColumns
    {
        private readonly ReadOnlySpan<LeadActivity> _activities = activities;

        public int Length => _activities.Length;

        public long UtcTicks(int index) => _activities[index].At.UtcTicks;

        /// <summary>
        /// In a direct table, two loops: the first decides every ASCII type with no call (<see cref="NameTable.QuickSlotOf"/>),
        /// so nothing it holds is spilled around one; the second looks up the rest, if any (non-ASCII types, or a table
        /// with non-ASCII keys). A table that is not direct takes every type through its probe loop.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public ActivityChunk Resolve(int start, int count, Span<long> utcTicksBuffer, Span<int> typeIdsBuffer)
        {
            var activities = _activities.Slice(start, count);
            var utcTicks = utcTicksBuffer[..count];
            var typeIds = typeIdsBuffer[..count];
            if (!types.IsDirect)
            {
                LookUp(activities, utcTicks, typeIds);
                return new ActivityChunk(utcTicks, typeIds);
            }

            bool undecided = false;
            for (int k = 0; k < activities.Length; k++)
            {
                ref readonly var activity = ref activities[k];
                utcTicks[k] = activity.At.UtcTicks;
                int id = types.QuickSlotOf(activity.Type);
                typeIds[k] = id;
                undecided |= id == NameTable.Undecided;
            }

            if (undecided)
            {
                LookUpUndecided(activities, typeIds);
            }

            return new ActivityChunk(utcTicks, typeIds);
        }

        // A table that is not direct (large generated vocabularies): every type through the probe loop.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void LookUp(ReadOnlySpan<LeadActivity> activities, Span<long> utcTicks, Span<int> typeIds)
        {
            for (int k = 0; k < activities.Length; k++)
            {
                utcTicks[k] = activities[k].At.UtcTicks;
                typeIds[k] = types.SlotOfUndecided(activities[k].Type);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void LookUpUndecided(ReadOnlySpan<LeadActivity> activities, Span<int> typeIds)
        {
            for (int k = 0; k < typeIds.Length; k++)
            {
                if (typeIds[k] == NameTable.Undecided)
                {
                    typeIds[k] = types.SlotOfUndecided(activities[k].Type);
                }
            }
        }

        public string? Tag(int index) => _activities[index].Tag;
    }

    /// <summary>Activities whose type ids were resolved beforehand (a binding, or the tool's scoring path).</summary>
    private readonly ref struct ResolvedColumns(ResolvedActivities activities) : IActivityColumns
    {
        private readonly ReadOnlySpan<int> _typeIds = activities.TypeIds;
        private readonly ReadOnlySpan<long> _utcTicks = activities.UtcTicks;
        private readonly ReadOnlySpan<string?> _tags = activities.Tags;

        public int Length => _typeIds.Length;

        public long UtcTicks(int index) => _utcTicks[index];

        public ActivityChunk Resolve(int start, int count, Span<long> utcTicksBuffer, Span<int> typeIdsBuffer) =>
            new(_utcTicks.Slice(start, count), _typeIds.Slice(start, count));

        public string? Tag(int index) => _tags[index];
    }
}
