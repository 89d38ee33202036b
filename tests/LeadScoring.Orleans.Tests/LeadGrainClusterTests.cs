using System.Diagnostics;
using LeadScoring.Leads;
using LeadScoring.Samples.Orleans;
using LeadScoring.Scoring;
using Xunit.Abstractions;

namespace LeadScoring.Orleans.Tests;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<WindowedDefaultCluster>, ICollectionFixture<FastDecayCluster>, ICollectionFixture<LateScheduleCluster>
{
    // One collection: the clusters' tests run one after another, so that the throughput figure has the machine to itself.
    public const string Name = "Orleans clusters";
}

[Collection(ClusterCollection.Name)]
public sealed class LeadGrainClusterTests(WindowedDefaultCluster windowed, FastDecayCluster fastDecay, LateScheduleCluster lateSchedule, ITestOutputHelper output)
{
    private const int Leads = 10_000;
    private const int Activities = 200_000;

    private static readonly string[] Types =
        ["pricing_page_view", "content_download", "webinar_attended", "page_view", "demo_requested", "email_click", "email_open",
         "email_reply", "email_unsubscribe", "email_bounce", "social_share", "social_follow", "form_submitted"];

    [Fact]
    public async Task Two_silos_score_every_lead_as_the_engine_scores_its_full_history()
    {
        var random = new Random(20261130);
        var now = DateTimeOffset.UtcNow;
        var history = new Lead[Leads];
        var attributes = new List<AttributeRecord>[Leads];
        for (int i = 0; i < Leads; i++)
        {
            history[i] = new Lead(LeadId(i));
            attributes[i] =
            [
                new("email", Text: $"lead{i}@example.com"),
                new("jobTitle", Text: random.Next(3) == 0 ? "VP Sales" : "Analyst"),
                new("employees", Number: random.Next(5, 5000)),
                new("budgetConfirmed", Boolean: random.Next(2) == 0),
            ];
            foreach (var attribute in attributes[i])
            {
                history[i].Set(attribute.Name, attribute.Value);
            }
        }

        // 200,000 activities over the last ~3 years (older ones fall past the retention horizon), shuffled, so that
        // each lead's activities arrive out of order and interleaved with every other lead's.
        var sends = new (int Lead, ActivityRecord Activity)[Activities];
        for (int a = 0; a < Activities; a++)
        {
            int lead = random.Next(Leads);
            var activity = new ActivityRecord(
                Types[random.Next(Types.Length)],
                now.AddDays(-Math.Pow(random.NextDouble(), 3) * 1100).AddSeconds(-random.Next(86_400)),
                random.Next(4) == 0 ? "/pricing" : null);
            sends[a] = (lead, activity);
            history[lead].AddActivity(activity.Type, activity.At, activity.Tag);
        }

        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clients = windowed.Clients;
        Assert.True(clients.Count >= 3);
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Leads), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            await clients[i % clients.Count].GetGrain<ILeadGrain>(LeadId(i)).SetAttributes(attributes[i]));
        await Parallel.ForEachAsync(Enumerable.Range(0, Activities), new ParallelOptions { MaxDegreeOfParallelism = 128 }, async (a, _) =>
        {
            var (lead, activity) = sends[a];
            await clients[a % clients.Count].GetGrain<ILeadGrain>(LeadId(lead)).Record([activity]);
        });
        stopwatch.Stop();
        long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{Activities:N0} activities and {Leads:N0} attribute sets through 2 silos from {clients.Count} clients in {stopwatch.Elapsed.TotalSeconds:F1} s: {Activities / stopwatch.Elapsed.TotalSeconds:N0} activities/s");
        output.WriteLine($"managed memory grew by {(memoryAfter - memoryBefore) / (double)Leads:N0} bytes per lead (grain, state, kept activities; both silos and the client in this process)");

        var model = ScoringModel.FromJson(WindowedDefaultCluster.RuleSetJson);
        Assert.NotNull(model.RetentionHorizon);
        int pruned = 0;
        for (int i = 0; i < Leads; i++)
        {
            var grain = windowed.Cluster.Client.GetGrain<ILeadGrain>(LeadId(i));
            var view = await grain.GetView();
            Assert.NotNull(view);
            var expected = model.Score(history[i], view.ScoredAt);
            Assert.Equal(expected.Score, view.Score, 1e-6);
            Assert.Equal(expected.Fit, view.Fit, 1e-6);
            Assert.Equal(expected.Engagement, view.Engagement, 1e-6);
            Assert.Equal(expected.Stage, view.Stage);
            Assert.Equal(expected.Grade, view.Grade);
            pruned += history[i].Activities.Length - view.Activities;
        }

        output.WriteLine($"{pruned:N0} activities dropped past the retention horizon ({model.RetentionHorizon!.Value.TotalDays:F0} days)");
        Assert.InRange(pruned, 1, Activities / 2);
    }

    [Fact]
    public async Task A_lead_that_decays_out_of_a_stage_is_rescored_by_its_reminder()
    {
        var (viewedAt, recorded, view) = await ViewDecayingOutOfMql(fastDecay.Cluster.Client.GetGrain<ILeadGrain>("decaying"));
        var model = ScoringModel.FromJson(FastDecayCluster.RuleSetJson);
        var lead = new Lead("decaying").AddActivity("view", viewedAt);

        // It was looked at within a second or two of the change, not at the end of the look-ahead.
        var change = model.NextChange(lead, recorded.ScoredAt, TimeSpan.FromMinutes(1));
        Assert.NotNull(change);
        Assert.InRange(view.ScoredAt, change.Value.AddSeconds(-1), change.Value.AddSeconds(15));
        output.WriteLine($"stage changed at {change:O}; the reminder re-scored at {view.ScoredAt:O}");
    }

    [Fact]
    public async Task A_change_before_the_grain_works_out_its_reminder_is_caught_up_on_then()
    {
        // The grain works out its next change only 3 s after the activity, when the change is past: it must score
        // again then, not wait for the change after it (none within the look-ahead of 7 days).
        var (viewedAt, _, view) = await ViewDecayingOutOfMql(lateSchedule.Cluster.Client.GetGrain<ILeadGrain>("late"));
        Assert.InRange(view.ScoredAt, viewedAt.AddSeconds(2.5), viewedAt.AddSeconds(20));
    }

    /// <summary>
    /// Records one view on a grain of the fast-decay model, then only reads until the view leaves MQL (or 30 s pass):
    /// 60 x 0.5^(age / 1.728 s) falls below 40 about a second after the view. The grain must have moved to IQL by itself.
    /// </summary>
    private static async Task<(DateTimeOffset ViewedAt, LeadView Recorded, LeadView View)> ViewDecayingOutOfMql(ILeadGrain grain)
    {
        var viewedAt = DateTimeOffset.UtcNow;
        var recorded = await grain.Record([new ActivityRecord("view", viewedAt)]);
        Assert.Equal("MQL", recorded.Stage);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        LeadView? view;
        do
        {
            await Task.Delay(200);
            view = await grain.GetView();
        }
        while (view!.Stage == "MQL" && DateTimeOffset.UtcNow < deadline);

        Assert.Equal("IQL", view.Stage);
        Assert.Equal(LeadGrain.Reasons.LookAgain, view.Reason);
        Assert.Equal(1, view.StageChanges);
        return (viewedAt, recorded, view);
    }

    private static string LeadId(int i) => $"L-{i:D5}";
}
