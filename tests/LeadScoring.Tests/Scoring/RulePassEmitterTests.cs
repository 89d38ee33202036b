using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>
/// The rule pass compiled to IL must give what the rule loop gives, to the last bit: same contributions, same order of
/// additions, same short-circuits (a test that is not reached is not run).
/// </summary>
public sealed class RulePassEmitterTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly double[] NoMin = [.. ScoreCategories.All.Select(_ => double.NegativeInfinity)];
    private static readonly double[] NoMax = [.. ScoreCategories.All.Select(_ => double.PositiveInfinity)];

    [Property(MaxTest = 400)]
    public void The_compiled_rule_pass_scores_as_the_rule_loop_to_the_bit(Seed seed)
    {
        var definition = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json).Definition;
        var compiled = new CompiledRuleSet(definition, RulePassCompilation.Now);
        var loop = new CompiledRuleSet(definition, RulePassCompilation.Never);
        Assert.True(compiled.IsRulePassCompiled);
        Assert.False(loop.IsRulePassCompiled);
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            AssertSame(loop.Score(lead.Attributes, lead.Activities, AsOf.UtcTicks), compiled.Score(lead.Attributes, lead.Activities, AsOf.UtcTicks));
        }
    }

    [Fact]
    public void Every_condition_shape_and_cap_scores_as_the_rule_loop()
    {
        var model = ScoringModel.FromJson("""
            {
              "schemaVersion": 1, "name": "shapes", "version": "1",
              "categories": { "demographic": { "min": -30, "max": 30 } },
              "rules": [
                { "id": "all-empty", "category": "demographic", "points": 1, "when": { "all": [] } },
                { "id": "any-empty", "category": "demographic", "points": 2, "when": { "any": [] } },
                { "id": "not-missing", "category": "demographic", "points": 4, "when": { "not": { "field": "title", "op": "missing" } } },
                { "id": "capped-negative", "category": "companyFit", "points": -12, "maxPoints": 5, "when": { "field": "size", "op": "between", "value": [10, 20] } },
                { "id": "any", "category": "companyFit", "points": 3, "when": { "any": [ { "field": "title", "op": "matches", "value": "^ch" }, { "activity": "visit", "minCount": 2 } ] } },
                { "id": "visits", "category": "onlineBehaviour", "points": 1.5, "maxPoints": 4, "each": { "activity": "visit" } },
                { "id": "in", "category": "demographic", "points": 8, "when": { "field": "tier", "op": "in", "value": ["gold", 3, true] } }
              ]
            }
            """);
        var compiled = new CompiledRuleSet(model.Definition, RulePassCompilation.Now);
        var loop = new CompiledRuleSet(model.Definition, RulePassCompilation.Never);
        Assert.True(compiled.IsRulePassCompiled);
        var leads = new[]
        {
            new Lead("a"),
            new Lead("b").Set("title", "Chief").Set("size", 15).Set("tier", "GOLD").AddActivity("visit", AsOf.AddDays(-1)),
            new Lead("c").Set("title", 5).Set("size", "15").Set("tier", 3).AddActivity("visit", AsOf.AddDays(-1)).AddActivity("visit", AsOf.AddDays(-2)).AddActivity("visit", AsOf.AddDays(-3)),
            new Lead("d").Set("tier", true).Set("size", 20),
        };
        foreach (var lead in leads)
        {
            AssertSame(loop.Score(lead.Attributes, lead.Activities, AsOf.UtcTicks), compiled.Score(lead.Attributes, lead.Activities, AsOf.UtcTicks));
        }

        Assert.Equal(-5 + 3, compiled.Score(leads[1].Attributes, leads[1].Activities, AsOf.UtcTicks)[ScoreCategory.CompanyFit]); // the cap keeps the sign
    }

    [Fact]
    public async Task A_model_compiles_its_rule_pass_in_the_background_after_its_warm_up_and_scores_the_same()
    {
        var model = ScoringModel.FromJson(ScoringModel.Default.ToJson());
        var lead = new Lead("x").Set("email", "a@example.com").Set("jobTitle", "VP Sales").Set("employees", 300).AddActivity("email_click", AsOf.AddDays(-3));
        var before = model.Score(lead, AsOf);
        for (int i = 1; i < RulePassEmitter.WarmUpScores - 1; i++)
        {
            model.Score(lead, AsOf);
        }

        Assert.False(model.Compiled.IsRulePassCompiled);
        model.Score(lead, AsOf);
        for (int waited = 0; !model.Compiled.IsRulePassCompiled && waited < 600; waited++)
        {
            await Task.Delay(50);
        }

        Assert.True(model.Compiled.IsRulePassCompiled);
        AssertSame(before, model.Score(lead, AsOf));
    }

    [Fact]
    public void A_rule_set_too_large_for_one_method_runs_the_rule_loop()
    {
        var builder = ScoringModel.CreateBuilder().Named("large", "1");
        for (int r = 0; r < 300; r++)
        {
            builder.When($"r{r}", ScoreCategory.Demographic, 1, Condition.Field($"f{r}", ValueTest.Exists()));
        }

        var model = builder.Build();
        Assert.False(RulePassEmitter.CanCompile(model.Compiled.Rules, []));
        Assert.False(new CompiledRuleSet(model.Definition, RulePassCompilation.Now).IsRulePassCompiled);
        Assert.Equal(2, model.Score(new Lead("x").Set("f1", 1).Set("f299", "y"), AsOf).Score);
    }

    [Fact]
    public void A_rule_set_whose_pass_would_be_too_much_IL_to_optimise_runs_the_rule_loop()
    {
        // 200 rules of two attribute tests each: ~20 KB of IL, which the JIT would compile without optimising.
        var builder = ScoringModel.CreateBuilder().Named("wide", "1");
        for (int r = 0; r < 200; r++)
        {
            builder.When($"r{r}", ScoreCategory.CompanyFit, 1, Condition.All(Condition.Field($"f{r % 50}", ValueTest.Gte(r % 7)), Condition.Field($"g{r % 50}", ValueTest.Lt(10))));
        }

        var model = builder.Build();
        Assert.True(RulePassEmitter.CanCompile(model.Compiled.Rules, []));
        Assert.Null(RulePassEmitter.TryCompile(model.Compiled.Rules, [], NoMin, NoMax));
        Assert.NotNull(RulePassEmitter.TryCompile(model.Compiled.Rules.Take(100).ToArray(), [], NoMin, NoMax));
    }

    [Theory]
    [InlineData(61, 3)] // 64 funnel conditions: all of them bits of the compiled pass
    [InlineData(63, 2)] // 65: the pass compiles without them, and the trees decide
    public void Disqualifiers_and_stages_decide_as_the_trees_do_whether_or_not_the_pass_returns_them(int disqualifiers, int stages)
    {
        var builder = ScoringModel.CreateBuilder().Named("funnel", "1")
            .When("fit", ScoreCategory.CompanyFit, 10, Condition.Field("size", ValueTest.Gte(10)));
        for (int d = 0; d < disqualifiers; d++)
        {
            builder.Disqualify($"d{d}", Condition.Field($"d{d}", ValueTest.IsTrue()));
        }

        builder.Stage("s0", when: Condition.Field("email", ValueTest.Exists())).Stage("s1", minScore: 5);
        for (int s = 2; s < stages; s++)
        {
            builder.Stage($"s{s}", minScore: 5, when: Condition.Field("title", ValueTest.ContainsAny("Chief", "VP")));
        }

        var model = builder.Build();
        var compiled = new CompiledRuleSet(model.Definition, RulePassCompilation.Now);
        var loop = new CompiledRuleSet(model.Definition, RulePassCompilation.Never);
        Assert.True(compiled.IsRulePassCompiled);
        var leads = new[]
        {
            new Lead("none"),
            new Lead("stage-0").Set("email", "a@b.c"),
            new Lead("top").Set("email", "a@b.c").Set("size", 12).Set("title", "VP Sales"),
            new Lead("capped-by-condition").Set("email", "a@b.c").Set("size", 12).Set("title", "Analyst"),
            new Lead("first-and-last").Set("email", "a@b.c").Set("size", 12).Set("d0", true).Set($"d{disqualifiers - 1}", true),
        };
        foreach (var lead in leads)
        {
            AssertSame(loop.Score(lead.Attributes, lead.Activities, AsOf.UtcTicks), compiled.Score(lead.Attributes, lead.Activities, AsOf.UtcTicks));
        }

        var top = compiled.Score(leads[2].Attributes, leads[2].Activities, AsOf.UtcTicks);
        Assert.Equal($"s{stages - 1}", top.Stage);
        Assert.Equal("s1", compiled.Score(leads[3].Attributes, leads[3].Activities, AsOf.UtcTicks).Stage);
        Assert.Equal(["d0", $"d{disqualifiers - 1}"], compiled.Score(leads[4].Attributes, leads[4].Activities, AsOf.UtcTicks).DisqualifiedBy);
    }

    private static void AssertSame(LeadScore expected, LeadScore actual)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Score), BitConverter.DoubleToInt64Bits(actual.Score));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Fit), BitConverter.DoubleToInt64Bits(actual.Fit));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Engagement), BitConverter.DoubleToInt64Bits(actual.Engagement));
        foreach (var category in ScoreCategories.All)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[category]), BitConverter.DoubleToInt64Bits(actual[category]));
        }

        Assert.Equal(expected.Stage, actual.Stage);
        Assert.Equal(expected.Grade, actual.Grade);
        Assert.Equal(expected.DisqualifiedBy, actual.DisqualifiedBy);
    }
}
