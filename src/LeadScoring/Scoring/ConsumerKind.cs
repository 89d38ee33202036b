namespace LeadScoring.Scoring;

/// <summary>What an <see cref="ActivityConsumer"/> does with an activity that matches it.</summary>
internal enum ConsumerKind : byte
{
    /// <summary>An activity condition: count it.</summary>
    Count,

    /// <summary>An each rule of a category that does not decay: add its points.</summary>
    Sum,

    /// <summary>An each rule of a decaying category: add its points times the activity's decay weight.</summary>
    DecayedSum,

    /// <summary>A consumer with distinctTags or maxPerDay: set the match aside until the limits are applied.</summary>
    Limited,
}
