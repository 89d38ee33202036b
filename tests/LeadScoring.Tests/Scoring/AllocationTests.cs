using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>
/// The hot path allocates nothing. This counts bytes (deterministic), it does not time anything;
/// speed is measured by the BenchmarkDotNet suite.
/// </summary>
public sealed class AllocationTests
{
    [Fact]
    public void Score_and_sequential_batch_allocate_nothing_after_warm_up()
    {
        var model = ScoringModel.Default;
        var leads = File.ReadLines(Path.Combine(TestPaths.Samples, "leads.jsonl")).Select(LeadJson.Parse).ToArray();
        var results = new LeadScore[leads.Length];
        double sink = 0;
        foreach (var lead in leads)
        {
            sink += model.Score(lead, TestRuleSets.AsOf).Score;
        }

        model.ScoreBatch(leads, TestRuleSets.AsOf, results);

        // A regex keeps one matcher per processor, made the first time a thread scores on that processor, so
        // an early window may allocate once per processor this thread migrates to; none may afterwards.
        long allocated = AllocatedInQuietestWindow(() =>
        {
            foreach (var lead in leads)
            {
                sink += model.Score(lead, TestRuleSets.AsOf).Score;
            }

            model.ScoreBatch(leads, TestRuleSets.AsOf, results);
        });
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    /// <summary>
    /// Bytes allocated by 100 calls, in the first of several windows that allocates nothing (else the last).
    /// A per-call allocation shows in every window; a one-time one (a matcher for a new processor) or an
    /// accounting blip from a collection that other tests' threads trigger shows in one window at most.
    /// </summary>
    private static long AllocatedInQuietestWindow(Action call)
    {
        long allocated = -1;
        for (int window = 0; window <= Environment.ProcessorCount + 2 && allocated != 0; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                call();
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return allocated;
    }

    [Fact]
    public void Large_rule_sets_use_per_thread_scratch_and_still_allocate_nothing()
    {
        var builder = ScoringModel.CreateBuilder();
        for (int i = 0; i < 1500; i++)
        {
            builder.Each($"e{i}", ScoreCategory.OnlineBehaviour, 1, ActivityFilter.OfType($"type{i}"));
            builder.When($"w{i}", ScoreCategory.CompanyFit, 1, Condition.Field($"field{i}", ValueTest.Exists()));
        }

        var model = builder.Build();
        var lead = new Lead("L").Set("field7", 1).AddActivity("type7", TestRuleSets.AsOf.AddDays(-1)).AddActivity("TYPE8", TestRuleSets.AsOf.AddDays(-1));
        Assert.Equal(3, model.Score(lead, TestRuleSets.AsOf).Score);

        Assert.Equal(0, AllocatedInQuietestWindow(() => model.Score(lead, TestRuleSets.AsOf)));
    }
}
