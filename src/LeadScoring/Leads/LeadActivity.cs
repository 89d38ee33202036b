namespace LeadScoring.Leads;

/// <summary>One timestamped thing a lead did.</summary>
/// <param name="Type">The activity type (for example <c>pricing_page_view</c>), matched case-insensitively.</param>
/// <param name="At">When it happened; the offset is kept, ages are computed on UTC instants.</param>
/// <param name="Tag">An optional tag: a URL path, asset name, campaign, channel...</param>
public readonly record struct LeadActivity(string Type, DateTimeOffset At, string? Tag = null);
