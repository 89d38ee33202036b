using LeadScoring.Hosting;
using LeadScoring.Leads;
using Microsoft.Extensions.Options;

namespace LeadScoring.Samples.Orleans;

/// <summary>
/// A lead as a virtual actor. It keeps the lead's attributes and the activities that can still change a result
/// (the model's retention horizon, and always the most recent one), scores on every change with the silo's shared,
/// hot-reloading rule set, and keeps an Orleans reminder for the model's next change, so that a lead that decays
/// out of a stage is re-scored then, with no batch job and no polling.
/// </summary>
internal sealed class LeadGrain(
    [PersistentState("lead", LeadGrain.StorageName)] IPersistentState<LeadState> state,
    ILeadScorer scorer,
    TimeProvider time,
    IOptions<LeadGrainOptions> options,
    ILogger<LeadGrain> logger) : Grain, ILeadGrain, IRemindable
{
    /// <summary>The grain storage the sample registers (in memory; a real deployment names a durable one).</summary>
    public const string StorageName = "leads";

    private const string ReminderName = "look-again";

    private readonly LeadGrainOptions _options = options.Value;
    private IGrainTimer? _scheduleTimer;

    public async Task<LeadView> Record(IReadOnlyList<ActivityRecord> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        state.State.Activities.AddRange(activities);
        var view = Rescore(Reasons.Activity);
        await state.WriteStateAsync();
        ScheduleLookAgain();
        return view;
    }

    public async Task<LeadView> SetAttributes(IReadOnlyList<AttributeRecord> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var attribute in attributes)
        {
            state.State.Attributes.RemoveAll(a => string.Equals(a.Name, attribute.Name, StringComparison.OrdinalIgnoreCase));
            if (attribute.Value.IsPresent)
            {
                state.State.Attributes.Add(attribute);
            }
        }

        var view = Rescore(Reasons.Attributes);
        await state.WriteStateAsync();
        ScheduleLookAgain();
        return view;
    }

    public Task<LeadView?> GetView() => Task.FromResult(state.State.View);

    public Task<LeadState> GetState() => Task.FromResult(state.State);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        state.State.ReminderDue = null;
        await RescoreWithoutActivityAsync();
        await LookAgainAsync(CancellationToken.None);
    }

    /// <summary>Scores again because time has passed (no new activity), and says so when the stage moved.</summary>
    private async Task RescoreWithoutActivityAsync()
    {
        var before = state.State.View?.Stage;
        var view = Rescore(Reasons.LookAgain);
        if (view.Stage != before)
        {
            logger.LogInformation("Lead {Lead} moved from {Before} to {After} with no new activity", view.Id, before ?? "(none)", view.Stage ?? "(none)");
        }

        await state.WriteStateAsync();
    }

    private Lead ToLead()
    {
        var lead = new Lead(this.GetPrimaryKeyString());
        foreach (var attribute in state.State.Attributes)
        {
            lead.Set(attribute.Name, attribute.Value);
        }

        foreach (var activity in state.State.Activities)
        {
            lead.AddActivity(activity.Type, activity.At, activity.Tag);
        }

        return lead;
    }

    /// <summary>Drops the activities past the model's retention horizon (keeping the most recent), then scores now.</summary>
    private LeadView Rescore(string reason)
    {
        var now = time.GetUtcNow();
        var model = scorer.Model;
        if (model.RetentionHorizon is { } horizon)
        {
            var activities = state.State.Activities;
            var newest = activities.Where(a => a.At <= now).MaxBy(a => a.At);
            activities.RemoveAll(a => now - a.At > horizon && !ReferenceEquals(a, newest));
        }

        var result = scorer.Score(ToLead(), now);
        var previous = state.State.View;
        int stageChanges = (previous?.StageChanges ?? 0) + (previous is not null && previous.Stage != result.Stage ? 1 : 0);
        var view = new LeadView(
            this.GetPrimaryKeyString(), result.Score, result.Fit, result.Engagement, result.Stage, result.Grade, now, reason,
            state.State.Activities.Count, state.State.ReminderDue, $"{model.Name} {model.Version}".Trim(), stageChanges);
        state.State.View = view;
        return view;
    }

    // A burst of activities schedules once: the timer restarts on each one and fires after a quiet ScheduleDelay.
    private void ScheduleLookAgain()
    {
        if (_scheduleTimer is null)
        {
            _scheduleTimer = this.RegisterGrainTimer(ScheduledAsync, _options.ScheduleDelay, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _scheduleTimer.Change(_options.ScheduleDelay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// The schedule timer, a ScheduleDelay after the last activity (later on a busy silo). The next change is looked for
    /// from now, so one that came since the view was scored would never get its reminder: score again first.
    /// </summary>
    private async Task ScheduledAsync(CancellationToken cancellationToken)
    {
        if (state.State.View is { } view && state.State.Activities.Count > 0
            && scorer.Score(ToLead(), time.GetUtcNow()) is var current && (current.Stage != view.Stage || current.Grade != view.Grade))
        {
            await RescoreWithoutActivityAsync();
        }

        await LookAgainAsync(cancellationToken);
    }

    /// <summary>Registers the reminder for the model's next change (or the end of the look-ahead), unless an earlier one is set.</summary>
    private async Task LookAgainAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lead = ToLead();
        if (lead.Activities.IsEmpty)
        {
            // Without activities, time changes nothing: no windows, no decay, no inactivity.
            await UnregisterAsync();
            return;
        }

        var next = scorer.Model.NextChange(lead, now, _options.LookAhead) ?? now + _options.LookAhead;
        if (state.State.ReminderDue is { } due && due > now && due <= next)
        {
            return; // an earlier reminder is set; when it fires, it reschedules
        }

        await this.RegisterOrUpdateReminder(ReminderName, next - now, _options.ReminderPeriod);
        state.State.ReminderDue = next;
        state.State.View = state.State.View! with { LookAgainAt = next };
        await state.WriteStateAsync(cancellationToken);
    }

    private async Task UnregisterAsync()
    {
        if (state.State.ReminderDue is null)
        {
            return;
        }

        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        state.State.ReminderDue = null;
        state.State.View = state.State.View! with { LookAgainAt = null };
        await state.WriteStateAsync();
    }

    /// <summary>Why the grain scored (<see cref="LeadView.Reason"/>).</summary>
    internal static class Reasons
    {
        public const string Activity = "activity";
        public const string Attributes = "attributes";
        public const string LookAgain = "look-again";
    }
}
