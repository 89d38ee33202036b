namespace LeadScoring.Samples.Orleans;

/// <summary>One lead, keyed by its id: records what it does and keeps its score current, decay included.</summary>
public interface ILeadGrain : IGrainWithStringKey
{
    /// <summary>Records activities (any order, duplicates of an earlier call count again) and scores the lead now.</summary>
    /// <param name="activities">The activities.</param>
    /// <returns>The new score.</returns>
    Task<LeadView> Record(IReadOnlyList<ActivityRecord> activities);

    /// <summary>Sets attributes (a record without a value removes one) and scores the lead now.</summary>
    /// <param name="attributes">The attributes.</param>
    /// <returns>The new score.</returns>
    Task<LeadView> SetAttributes(IReadOnlyList<AttributeRecord> attributes);

    /// <summary>The last score the grain made, without scoring again.</summary>
    /// <returns>The view; null for a lead never recorded.</returns>
    Task<LeadView?> GetView();

    /// <summary>The lead as the engine reads it, for checks and exports.</summary>
    /// <returns>The attributes and the activities kept.</returns>
    Task<LeadState> GetState();
}
