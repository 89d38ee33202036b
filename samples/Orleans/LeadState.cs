namespace LeadScoring.Samples.Orleans;

/// <summary>What a lead grain persists: attributes, the activities within the retention horizon, the last view.</summary>
[GenerateSerializer]
public sealed class LeadState
{
    /// <summary>The lead's attributes.</summary>
    [Id(0)]
    public List<AttributeRecord> Attributes { get; set; } = [];

    /// <summary>The activities that can still change a result, and always the most recent one.</summary>
    [Id(1)]
    public List<ActivityRecord> Activities { get; set; } = [];

    /// <summary>The last score.</summary>
    [Id(2)]
    public LeadView? View { get; set; }

    /// <summary>When the look-again reminder is due; null when none is registered.</summary>
    [Id(3)]
    public DateTimeOffset? ReminderDue { get; set; }
}
