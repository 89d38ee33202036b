using LeadScoring.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoring.Tests.Hosting;

/// <summary>
/// The rule-set file rewritten 200 times, valid and invalid alternately, while two threads score: every
/// score is exactly that of one of the two valid models, and no exception escapes.
/// </summary>
public sealed class ReloadStormTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("leadscore-storm-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_score_during_a_reload_storm_comes_from_one_whole_model()
    {
        var modelA = ScoringModel.Default;
        string jsonA = modelA.ToJson();
        string jsonB = jsonA.Replace("\"points\": 15", "\"points\": 14", StringComparison.Ordinal).Replace("\"points\": 25", "\"points\": 21", StringComparison.Ordinal);
        var modelB = ScoringModel.FromJson(jsonB);
        Assert.NotEqual(modelA, modelB);
        string invalid = jsonB.Replace("\"halfLifeDays\": 30", "\"halfLifeDays\": 0", StringComparison.Ordinal);

        var leads = File.ReadLines(Path.Combine(TestPaths.Samples, "leads.jsonl")).Select(LeadJson.Parse).ToArray();
        var expectedA = leads.Select(l => modelA.Score(l, TestRuleSets.AsOf)).ToArray();
        var expectedB = leads.Select(l => modelB.Score(l, TestRuleSets.AsOf)).ToArray();
        Assert.Contains(leads.Select((_, i) => i), i => expectedA[i].Score != expectedB[i].Score);

        string path = Path.Combine(_directory, "rules.json");
        File.WriteAllText(path, jsonA);
        using var provider = new ServiceCollection()
            .AddLeadScoring(o => (o.RuleSetPath, o.ReloadDelay) = (path, TimeSpan.FromMilliseconds(1))).Services
            .BuildServiceProvider();
        var scorer = provider.GetRequiredService<ILeadScorer>();

        using var stop = new CancellationTokenSource();
        long scored = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            try
            {
                for (int n = 0; !stop.IsCancellationRequested; n++)
                {
                    int i = (n + t) % leads.Length;
                    var score = scorer.Score(leads[i], TestRuleSets.AsOf);
                    if (!Same(score, expectedA[i]) && !Same(score, expectedB[i]))
                    {
                        failures.Enqueue($"{leads[i].Id}: {score} is neither model's");
                    }

                    Interlocked.Increment(ref scored);
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex.ToString());
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        // 200 writes: valid and invalid alternately. Each valid write is waited for until it serves (so the
        // storm really swaps, however busy the machine), each invalid one is not (so bursts overlap).
        for (int write = 0; write < 200; write += 2)
        {
            var next = write % 4 == 0 ? modelB : modelA;
            File.WriteAllText(path, write % 4 == 0 ? jsonB : jsonA);
            HostingTests.Eventually(() => scorer.Model.Equals(next), $"write {write}");
            File.WriteAllText(path, invalid);
            Thread.Sleep(5);
        }

        // The last write was invalid: once it has been reported, the last good model still serves.
        var lastGood = scorer.Model;
        HostingTests.Eventually(() => scorer.Status.LastErrorAt > scorer.Status.LoadedAt, "the last invalid write to be reported");
        Assert.Equal(lastGood, scorer.Model);
        stop.Cancel();
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.True(Interlocked.Read(ref scored) > 1000, $"only {scored} scores during the storm");
        Assert.True(scorer.Status.Reloads >= 100, $"only {scorer.Status.Reloads} swaps");
        Assert.NotNull(scorer.Status.LastError);
    }

    private static bool Same(LeadScore a, LeadScore b) =>
        a.Score == b.Score && a.Fit == b.Fit && a.Engagement == b.Engagement && a.Stage == b.Stage && a.Grade == b.Grade
        && Enum.GetValues<ScoreCategory>().All(c => a[c] == b[c]);
}
