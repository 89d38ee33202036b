using System.Text;
using LeadScoring.Engine;
using LeadScoring.Json;

namespace LeadScoring;

/// <summary>
/// A validated, compiled rule set: the thing that scores leads. Immutable and thread-safe; build one
/// from JSON (<see cref="FromJson(string)"/>, <see cref="FromFile"/>), from the built-in rule set
/// (<see cref="Default"/>) or fluently (<see cref="CreateBuilder"/>). Scoring never reads a clock:
/// every call takes the as-of instant.
/// </summary>
public sealed class ScoringModel : IEquatable<ScoringModel>
{
    /// <summary>The name that <see cref="BuiltIn"/> (and the CLI's <c>--rules default</c>) resolves to the built-in rule set.</summary>
    public const string DefaultName = "default";

    private static readonly Lazy<ScoringModel> DefaultModel = new(() => BuiltIn(DefaultName));

    private readonly RuleSetDefinition _definition;
    private readonly CompiledRuleSet _compiled;
    private readonly byte[] _canonicalJson;

    private ScoringModel(RuleSetDefinition definition)
    {
        _definition = definition;
        _compiled = new CompiledRuleSet(definition);
        _canonicalJson = RuleSetJsonWriter.ToUtf8(definition);
        StageNames = [.. _compiled.Stages.Select(s => s.Name)];
    }

    /// <summary>The built-in B2B rule set (IQL, MQL, SQL with BANT; decay; competitor and student disqualifiers).</summary>
    public static ScoringModel Default => DefaultModel.Value;

    /// <summary>The names of the rule sets built into the package.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = [DefaultName];

    /// <summary>The rule set's <c>name</c>, if it has one.</summary>
    public string? Name => _definition.Name;

    /// <summary>The rule set's <c>version</c>, if it has one.</summary>
    public string? Version => _definition.Version;

    /// <summary>The number of scoring rules.</summary>
    public int RuleCount => _compiled.RuleCount;

    /// <summary>The stage names, lowest first.</summary>
    public IReadOnlyList<string> StageNames { get; }

    /// <summary>Starts a fluent rule set.</summary>
    public static ScoringModelBuilder CreateBuilder() => new();

    /// <summary>Loads, validates and compiles rule-set JSON.</summary>
    /// <exception cref="RuleSetValidationException">The JSON is malformed or breaks the spec; every problem is listed.</exception>
    public static ScoringModel FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJson(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Loads, validates and compiles rule-set JSON given as UTF-8.</summary>
    /// <exception cref="RuleSetValidationException">The JSON is malformed or breaks the spec; every problem is listed.</exception>
    public static ScoringModel FromJson(ReadOnlyMemory<byte> utf8Json) => new(RuleSetReader.Read(utf8Json));

    /// <summary>Loads, validates and compiles a rule-set JSON file.</summary>
    /// <exception cref="RuleSetValidationException">The JSON is malformed or breaks the spec; every problem is listed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ScoringModel FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromJson(File.ReadAllBytes(path));
    }

    /// <summary>Loads a rule set built into the package by name (see <see cref="BuiltInNames"/>).</summary>
    /// <exception cref="ArgumentException">No built-in rule set has that name.</exception>
    public static ScoringModel BuiltIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!BuiltInNames.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"There is no built-in rule set '{name}'; built in: {string.Join(", ", BuiltInNames)}.", nameof(name));
        }

        using var stream = typeof(ScoringModel).Assembly.GetManifestResourceStream($"LeadScoring.Resources.{name}.json")
            ?? throw new InvalidOperationException($"The built-in rule set '{name}' is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromJson(buffer.ToArray());
    }

    /// <summary>Validates rule-set JSON without keeping a model.</summary>
    /// <returns>Every problem found; empty when the rule set is valid.</returns>
    public static IReadOnlyList<RuleSetError> Validate(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            _ = RuleSetReader.Read(utf8Json);
            return [];
        }
        catch (RuleSetValidationException ex)
        {
            return ex.Errors;
        }
    }

    internal static ScoringModel FromDefinition(RuleSetDefinition definition) =>
        FromJson(RuleSetJsonWriter.ToUtf8(definition)); // through JSON, so fluent and JSON validate identically

    /// <summary>Scores a lead at <paramref name="asOf"/>. Allocates nothing.</summary>
    public LeadScore Score(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return _compiled.Evaluate(lead.Attributes, lead.Activities, asOf.UtcTicks, trace: null);
    }

    /// <summary>Scores a lead now, as told by <paramref name="timeProvider"/>.</summary>
    public LeadScore Score(Lead lead, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Score(lead, timeProvider.GetUtcNow());
    }

    /// <summary>Scores leads one after another into <paramref name="results"/> (same length). Allocates nothing.</summary>
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
            results[i] = _compiled.Evaluate(lead.Attributes, lead.Activities, ticks, trace: null);
        }
    }

    /// <summary>
    /// Scores leads on all cores (or <paramref name="maxDegreeOfParallelism"/>) into <paramref name="results"/>.
    /// Work is split into contiguous ranges, so the cost per lead is the same as <see cref="ScoreBatch"/>.
    /// </summary>
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
                span[i] = _compiled.Evaluate(lead.Attributes, lead.Activities, ticks, trace: null);
            }
        });
    }

    /// <summary>Scores a lead and says why: every rule's contribution, the disqualifiers, the next stage's gap.</summary>
    public LeadScoreExplanation Explain(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var trace = new EvaluationTrace(_compiled.RuleCount, _compiled.DisqualifierIds.Length);
        var result = _compiled.Evaluate(lead.Attributes, lead.Activities, asOf.UtcTicks, trace);

        var rules = new List<RuleContribution>();
        for (int r = 0; r < _compiled.RuleCount; r++)
        {
            if (trace.Contributions[r] != 0)
            {
                rules.Add(new RuleContribution(_compiled.RuleIds[r], _compiled.RuleCategories[r], trace.Contributions[r]));
            }
        }

        if (trace.Contributions[^1] != 0)
        {
            rules.Add(new RuleContribution(CompiledRuleSet.InactivityId, ScoreCategory.Decay, trace.Contributions[^1]));
        }

        var disqualifiedBy = _compiled.DisqualifierIds.Where((_, d) => trace.Disqualified[d]).ToArray();
        StageGap? gap = null;
        if (!result.IsDisqualified && result.StageIndex + 1 < _compiled.Stages.Count)
        {
            var next = _compiled.Stages[result.StageIndex + 1];
            gap = new StageGap(
                next.Name,
                Math.Max(0, next.MinScore - result.Score),
                Math.Max(0, next.MinFit - result.Fit),
                Math.Max(0, next.MinEngagement - result.Engagement),
                trace.NextStageConditionMet);
        }

        return new LeadScoreExplanation(result, rules, disqualifiedBy, gap);
    }

    /// <summary>The rule set as spec JSON (indented); loading it gives an equal model.</summary>
    public string ToJson() => Encoding.UTF8.GetString(_canonicalJson);

    /// <summary>Writes the rule set as spec JSON (UTF-8, indented).</summary>
    public void WriteJson(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(_canonicalJson);
    }

    /// <summary>Two models are equal when they hold the same rule set (the same canonical JSON).</summary>
    public bool Equals(ScoringModel? other) =>
        other is not null && (ReferenceEquals(this, other) || _canonicalJson.AsSpan().SequenceEqual(other._canonicalJson));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ScoringModel);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_canonicalJson);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name ?? "(unnamed rule set)"} {Version}".TrimEnd() + $", {RuleCount} rules";
}
