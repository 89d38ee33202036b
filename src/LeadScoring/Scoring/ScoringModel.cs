using System.Text;
using LeadScoring.Leads;
using LeadScoring.RuleSets;
using LeadScoring.Validation;

namespace LeadScoring.Scoring;

/// <summary>
/// A validated, compiled rule set: the thing that scores leads. Immutable and thread-safe; build one
/// from JSON (<see cref="FromJson(string)"/>, <see cref="FromFile"/>), from the built-in rule set
/// (<see cref="Default"/>) or fluently (<see cref="CreateBuilder"/>). Scoring never reads a clock:
/// every call takes the as-of instant.
/// </summary>
public sealed class ScoringModel : IEquatable<ScoringModel>
{
    /// <summary>The name that <see cref="BuiltIn"/> (and the CLI's <c>--rules default</c>) resolves to the built-in rule set.</summary>
    public const string DefaultName = BuiltInRuleSets.DefaultName;

    private static readonly Lazy<ScoringModel> DefaultModel = new(() => BuiltIn(DefaultName));

    private readonly RuleSetDefinition _definition;
    private readonly CompiledRuleSet _compiled;
    private readonly ReadOnlyMemory<byte>? _source;
    private byte[]? _canonicalJson; // written on first use: loading a large rule set need not pay for it

    private ScoringModel(RuleSetDefinition definition, ReadOnlyMemory<byte>? source)
    {
        _definition = definition;
        _compiled = new CompiledRuleSet(definition);
        _source = source;
    }

    /// <summary>The rule set as it was loaded (JSON text as given, or the canonical JSON of a fluent rule set).</summary>
    internal ReadOnlyMemory<byte> SourceJson => _source ?? CanonicalJson;

    /// <summary>The canonical JSON (indented), written once on first use; every thread sees the same bytes.</summary>
    private byte[] CanonicalJson => _canonicalJson ?? Interlocked.CompareExchange(ref _canonicalJson, RuleSetJson.ToUtf8(_definition), null) ?? _canonicalJson!;

    internal RuleSetDefinition Definition => _definition;

    internal CompiledRuleSet Compiled => _compiled;

    /// <summary>The built-in B2B rule set (IQL, MQL, SQL with BANT; decay; competitor and student disqualifiers).</summary>
    public static ScoringModel Default => DefaultModel.Value;

    /// <summary>The names of the rule sets built into the package.</summary>
    public static IReadOnlyList<string> BuiltInNames => BuiltInRuleSets.Names;

    /// <summary>The rule set's <c>name</c>, if it has one.</summary>
    public string? Name => _definition.Name;

    /// <summary>The rule set's <c>version</c>, if it has one.</summary>
    public string? Version => _definition.Version;

    /// <summary>The number of scoring rules.</summary>
    public int RuleCount => _compiled.RuleCount;

    /// <summary>The stage names, lowest first.</summary>
    public IReadOnlyList<string> StageNames => _compiled.StageNames;

    /// <summary>Starts a fluent rule set.</summary>
    /// <returns>An empty builder.</returns>
    public static ScoringModelBuilder CreateBuilder() => new();

    /// <summary>Loads, validates and compiles rule-set JSON.</summary>
    /// <param name="json">The rule set.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RuleSetValidationException">The JSON is malformed or not a valid rule set; every problem is listed.</exception>
    public static ScoringModel FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJson(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Loads, validates and compiles rule-set JSON given as UTF-8.</summary>
    /// <param name="utf8Json">The rule set, as UTF-8 (a byte order mark is allowed).</param>
    /// <returns>The model.</returns>
    /// <exception cref="RuleSetValidationException">The JSON is malformed or not a valid rule set; every problem is listed.</exception>
    public static ScoringModel FromJson(ReadOnlyMemory<byte> utf8Json) => new(RuleSetJson.Read(utf8Json), utf8Json.ToArray());

    /// <summary>Loads, validates and compiles a rule-set JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="RuleSetValidationException">The JSON is malformed or not a valid rule set; every problem is listed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static ScoringModel FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromJson(File.ReadAllBytes(path));
    }

    /// <summary>Loads a rule set built into the package by name (see <see cref="BuiltInNames"/>).</summary>
    /// <param name="name">The built-in rule set's name, such as <see cref="DefaultName"/>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No built-in rule set has that name.</exception>
    public static ScoringModel BuiltIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FromJson(BuiltInRuleSets.Read(name));
    }

    /// <summary>Validates rule-set JSON without keeping a model.</summary>
    /// <param name="utf8Json">The rule set, as UTF-8.</param>
    /// <returns>Every problem found; empty when the rule set is valid.</returns>
    public static IReadOnlyList<RuleSetError> Validate(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            _ = RuleSetJson.Read(utf8Json);
            return [];
        }
        catch (RuleSetValidationException ex)
        {
            return ex.Errors;
        }
    }

    internal static ScoringModel FromDefinition(RuleSetDefinition definition)
    {
        // Through JSON, so that fluent and JSON rule sets validate identically.
        return new ScoringModel(RuleSetJson.Read(RuleSetJson.ToUtf8(definition)), source: null);
    }

    /// <summary>Scores a lead at <paramref name="asOf"/>. Allocates nothing.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The instant to score at: activities after it are ignored, ages are counted up to it.</param>
    /// <returns>The score, stage, grade and disqualifiers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public LeadScore Score(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return _compiled.Score(lead.Attributes, lead.Activities, asOf.UtcTicks);
    }

    /// <summary>Scores a lead now, as told by <paramref name="timeProvider"/>.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="timeProvider">The clock to read the as-of instant from.</param>
    /// <returns>The score, stage, grade and disqualifiers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> or <paramref name="timeProvider"/> is null.</exception>
    public LeadScore Score(Lead lead, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Score(lead, timeProvider.GetUtcNow());
    }

    /// <summary>Scores leads one after another into <paramref name="results"/> (same length). Allocates nothing.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The instant to score at.</param>
    /// <param name="results">Receives the score of <c>leads[i]</c> at index i.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a lead is null.</exception>
    public void ScoreBatch(ReadOnlySpan<Lead> leads, DateTimeOffset asOf, Span<LeadScore> results)
    {
        if (results.Length != leads.Length)
        {
            throw new ArgumentException($"results has {results.Length} slots for {leads.Length} leads.", nameof(results));
        }

        long ticks = asOf.UtcTicks;
        for (int i = 0; i < leads.Length; i++)
        {
            var lead = leads[i] ?? throw new ArgumentException($"leads[{i}] is null.", nameof(leads));
            results[i] = _compiled.Score(lead.Attributes, lead.Activities, ticks);
        }
    }

    /// <summary>
    /// Scores leads on all cores (or <paramref name="maxDegreeOfParallelism"/>) into <paramref name="results"/>.
    /// Work is split into contiguous ranges, so the cost per lead is the same as <see cref="ScoreBatch"/>.
    /// </summary>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The instant to score at.</param>
    /// <param name="results">Receives the score of <c>leads[i]</c> at index i.</param>
    /// <param name="maxDegreeOfParallelism">How many threads at most; -1 for one per core.</param>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, or a lead is null.</exception>
    public void ScoreBatchParallel(IReadOnlyList<Lead> leads, DateTimeOffset asOf, Memory<LeadScore> results, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(leads);
        if (results.Length != leads.Count)
        {
            throw new ArgumentException($"results has {results.Length} slots for {leads.Count} leads.", nameof(results));
        }

        int workers = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        int rangeSize = Math.Max(64, (leads.Count + (workers * 4) - 1) / (workers * 4));
        int ranges = (leads.Count + rangeSize - 1) / rangeSize;
        long ticks = asOf.UtcTicks;
        Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = workers }, range =>
        {
            var span = results.Span;
            int end = Math.Min(leads.Count, (range + 1) * rangeSize);
            for (int i = range * rangeSize; i < end; i++)
            {
                var lead = leads[i] ?? throw new ArgumentException($"leads[{i}] is null.", nameof(leads));
                span[i] = _compiled.Score(lead.Attributes, lead.Activities, ticks);
            }
        });
    }

    /// <summary>Scores a lead and says why: every rule's contribution, the disqualifiers, the next stage's gap.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The instant to score at.</param>
    /// <returns>The explanation (it allocates; use <see cref="Score(Lead, DateTimeOffset)"/> on hot paths).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public LeadScoreExplanation Explain(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return _compiled.Explain(lead.Attributes, lead.Activities, asOf.UtcTicks);
    }

    /// <summary>
    /// Why a lead's score changed between <paramref name="since"/> and <paramref name="asOf"/>: the lead scored at
    /// both instants, and every rule whose contribution moved (decay, windows closing, new activities, inactivity).
    /// </summary>
    /// <param name="lead">The lead.</param>
    /// <param name="since">The earlier instant.</param>
    /// <param name="asOf">The later instant.</param>
    /// <returns>The two scores and the changed contributions (it allocates).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="since"/> is not before <paramref name="asOf"/>.</exception>
    public ScoreChange ExplainChange(Lead lead, DateTimeOffset since, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (since >= asOf)
        {
            throw new ArgumentOutOfRangeException(nameof(since), since, "since must be before asOf.");
        }

        return _compiled.ExplainChange(lead.Attributes, lead.Activities, since, asOf);
    }

    /// <summary>
    /// How old an activity can get before it can no longer change any result of this model: the longest
    /// <c>withinDays</c> or expiry an activity is counted under, or, for an <c>each</c> rule that decays by half-life,
    /// the age at which its points times the weight fall below 1e-9. A host that keeps leads between scores may drop
    /// every activity older than this at some instant (keeping each lead's most recent activity, which inactivity
    /// reads) and score at that instant or later with the same results, to within 1e-6 points.
    /// </summary>
    /// <value>The horizon, rounded up to a whole second plus one second of margin; null when some rule, condition,
    /// stage or disqualifier counts activities of any age (then nothing may be dropped).</value>
    public TimeSpan? RetentionHorizon
    {
        get
        {
            double days = _compiled.RetentionDays;
            if (!double.IsFinite(days) || days >= TimeSpan.MaxValue.TotalDays - 1)
            {
                return null;
            }

            long seconds = (long)Math.Ceiling(days * 86_400) + 1;
            return TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>
    /// When to look at a lead again: the earliest instant after <paramref name="asOf"/>, within
    /// <paramref name="horizon"/>, at which its stage or grade will differ from what it is at <paramref name="asOf"/>
    /// if no new activity arrives (an activity leaving a window or expiring, the inactivity penalty stepping, a
    /// decaying score crossing a threshold, or an activity recorded for a later instant being reached).
    /// </summary>
    /// <param name="lead">The lead, as it is known at <paramref name="asOf"/>.</param>
    /// <param name="asOf">The instant the lead was last scored at.</param>
    /// <param name="horizon">How far ahead to look; whole seconds count, a fraction of a second is ignored.</param>
    /// <returns>
    /// <paramref name="asOf"/> plus the smallest whole number of seconds at which <see cref="Score(Lead, DateTimeOffset)"/>
    /// gives another stage or grade; null when neither changes within the horizon. A change that lasts less than a
    /// second between two whole seconds is not reported. The cost grows with the activities, the windows they end in
    /// and the inactivity periods within the horizon; it allocates, so call it after scoring, not instead of it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is negative.</exception>
    public DateTimeOffset? NextChange(Lead lead, DateTimeOffset asOf, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, TimeSpan.Zero);
        long ticks = _compiled.NextChange(lead.Attributes, lead.Activities, asOf.UtcTicks, horizon.Ticks);
        return ticks < 0 ? null : asOf.AddTicks(ticks - asOf.UtcTicks);
    }

    /// <summary>
    /// Binds this model to a host's own lead type: describe once how it exposes attributes and activities, then score
    /// those objects directly with <see cref="LeadBinding{TLead}.Score"/>, with the same results as converting them to
    /// <see cref="Lead"/>s.
    /// </summary>
    /// <typeparam name="TLead">The host's lead type.</typeparam>
    /// <param name="describe">Describes the attributes (<c>Text</c>, <c>Number</c>, <c>Boolean</c>) and the activities.</param>
    /// <returns>The binding (immutable, thread-safe; it belongs to this model).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="describe"/> is null.</exception>
    /// <example>
    /// <code>
    /// var binding = model.Bind&lt;Contact&gt;(b =&gt; b
    ///     .Text("jobTitle", c =&gt; c.Title).Number("employees", c =&gt; c.Company?.Employees)
    ///     .Activities(c =&gt; c.Events, e =&gt; e.Kind, kind =&gt; kind.ToString(), e =&gt; e.At, e =&gt; e.Url));
    /// LeadScore score = binding.Score(contact, asOf);
    /// </code>
    /// </example>
    public LeadBinding<TLead> Bind<TLead>(Action<LeadBindingBuilder<TLead>> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        var builder = new LeadBindingBuilder<TLead>();
        describe(builder);
        return builder.Build(this);
    }

    /// <summary>The rule set as JSON (indented); loading it gives an equal model.</summary>
    /// <returns>The rule-set JSON.</returns>
    public string ToJson() => Encoding.UTF8.GetString(CanonicalJson);

    /// <summary>Writes the rule set as JSON (UTF-8, indented).</summary>
    /// <param name="destination">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void WriteJson(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(CanonicalJson);
    }

    /// <summary>Two models are equal when they hold the same rule set (the same canonical JSON).</summary>
    /// <param name="other">The other model.</param>
    /// <returns>Whether they hold the same rule set.</returns>
    public bool Equals(ScoringModel? other) =>
        other is not null && (ReferenceEquals(this, other) || CanonicalJson.AsSpan().SequenceEqual(other.CanonicalJson));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ScoringModel);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(CanonicalJson);
        return hash.ToHashCode();
    }

    /// <summary>The rule set's name, version and size.</summary>
    /// <returns>For example <c>b2b-default 1.0.0, 20 rules</c>.</returns>
    public override string ToString() => $"{Name ?? "(unnamed rule set)"} {Version}".TrimEnd() + $", {RuleCount} rules";
}
