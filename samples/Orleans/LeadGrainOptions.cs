namespace LeadScoring.Samples.Orleans;

/// <summary>How a lead grain schedules its next look (section <c>LeadGrains</c> of the configuration).</summary>
public sealed class LeadGrainOptions
{
    /// <summary>How far ahead <c>NextChange</c> looks; with nothing due sooner, the grain looks again this late.</summary>
    public TimeSpan LookAhead { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long after the last recorded activity the grain works out when to look again: a burst of activities costs
    /// one computation, not one each.
    /// </summary>
    public TimeSpan ScheduleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The reminder period Orleans requires (at least its minimum, one minute by default); each tick reschedules anyway.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
