namespace LeadScoring;

/// <summary>What a host's scorer is serving, and how its last reload went.</summary>
/// <param name="Name">The options name (empty for the default scorer).</param>
/// <param name="Source">Where the rule set comes from: a file path, <c>configuration</c>, or <c>built-in:NAME</c>.</param>
/// <param name="RuleSetName">The serving rule set's <c>name</c>.</param>
/// <param name="RuleSetVersion">The serving rule set's <c>version</c>.</param>
/// <param name="LoadedAt">When the serving rule set was loaded.</param>
/// <param name="Reloads">How many times a new rule set has been swapped in since start-up.</param>
/// <param name="LastError">The last failed reload's problems (the last good rule set kept serving), or null.</param>
/// <param name="LastErrorAt">When that reload failed, or null.</param>
public sealed record RuleSetStatus(
    string Name,
    string Source,
    string? RuleSetName,
    string? RuleSetVersion,
    DateTimeOffset LoadedAt,
    int Reloads,
    string? LastError,
    DateTimeOffset? LastErrorAt);
