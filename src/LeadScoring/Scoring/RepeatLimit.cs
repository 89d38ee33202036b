namespace LeadScoring.Scoring;

/// <summary>
/// The counting limits of one consumer (an <c>each</c> rule or an activity condition): keep only the most recent
/// activity of each tag (<see cref="DistinctTags"/>), then only the <see cref="MaxPerDay"/> most recent of each
/// UTC day. What is kept is counted into <see cref="Slot"/> (or, times the decay weight, summed).
/// </summary>
internal sealed record RepeatLimit(int Slot, bool IsCounter, bool Decays, double Points, bool DistinctTags, int MaxPerDay);
