namespace LeadScoring.Samples.Orleans;

/// <summary>One thing a lead did, as clients record it (the lead JSON's activity).</summary>
/// <param name="Type">The activity type, e.g. <c>pricing_page_view</c>.</param>
/// <param name="At">When it happened.</param>
/// <param name="Tag">An optional tag (URL path, asset, campaign).</param>
[GenerateSerializer, Immutable]
public sealed record ActivityRecord(string Type, DateTimeOffset At, string? Tag = null);
