namespace LeadScoring.Hosting;

/// <summary>What a host's scorer is serving, and how its last reload went. Immutable: a reload publishes a new status.</summary>
public sealed class RuleSetStatus
{
    internal RuleSetStatus(string name, string source, string? ruleSetName, string? ruleSetVersion, DateTimeOffset loadedAt, int reloads, string? lastError, DateTimeOffset? lastErrorAt, int failedReloads = 0)
    {
        FailedReloads = failedReloads;
        Name = name;
        Source = source;
        RuleSetName = ruleSetName;
        RuleSetVersion = ruleSetVersion;
        LoadedAt = loadedAt;
        Reloads = reloads;
        LastError = lastError;
        LastErrorAt = lastErrorAt;
    }

    /// <summary>The options name (empty for the default scorer).</summary>
    public string Name { get; }

    /// <summary>Where the rule set comes from: a file path, <c>configuration</c>, or <c>built-in:NAME</c>.</summary>
    public string Source { get; }

    /// <summary>The serving rule set's <c>name</c>.</summary>
    public string? RuleSetName { get; }

    /// <summary>The serving rule set's <c>version</c>.</summary>
    public string? RuleSetVersion { get; }

    /// <summary>When the serving rule set was loaded.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>How many times a new rule set has been swapped in since start-up.</summary>
    public int Reloads { get; }

    /// <summary>How many reloads have failed since start-up (each kept the last good rule set serving).</summary>
    public int FailedReloads { get; }

    /// <summary>The problems of the last reload if it failed (the last good rule set kept serving); null once a reload succeeds.</summary>
    public string? LastError { get; }

    /// <summary>When that reload failed; null once a reload succeeds.</summary>
    public DateTimeOffset? LastErrorAt { get; }

    /// <summary>The status after a new rule set was swapped in.</summary>
    internal RuleSetStatus Reloaded(string source, ScoringModel model, DateTimeOffset at) =>
        new(Name, source, model.Name, model.Version, at, Reloads + 1, lastError: null, lastErrorAt: null, FailedReloads);

    /// <summary>The status after a reload failed (the same rule set still serving).</summary>
    internal RuleSetStatus Failed(string errors, DateTimeOffset at) =>
        new(Name, Source, RuleSetName, RuleSetVersion, LoadedAt, Reloads, errors, at, FailedReloads + 1);

    /// <summary>For example <c>'' from rules.json: b2b 1.2.0, 3 reloads</c>.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() =>
        $"'{Name}' from {Source}: {RuleSetName} {RuleSetVersion}, {Reloads} reloads{(LastError is null ? string.Empty : ", last reload failed")}";
}
