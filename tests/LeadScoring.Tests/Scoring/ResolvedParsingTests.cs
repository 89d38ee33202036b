using System.Text;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>
/// The tool's scoring path: activities parsed straight into a model's resolved form (type ids from the UTF-8 bytes,
/// tags only when a rule reads them) score as the parsed lead does, and bad input gives the same errors.
/// </summary>
public sealed class ResolvedParsingTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 100)]
    public void A_lead_parsed_into_resolved_activities_scores_as_the_parsed_lead(Seed seed)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        foreach (var original in RandomRuleSet.Leads(seed, 10, AsOf))
        {
            byte[] json = TestText.JsonBytes(original);
            Assert.Equal(TestText.Of(model.Score(LeadJson.Parse(json), AsOf)), TestText.Of(ScoreResolved(model, json)));
        }
    }

    [Property(MaxTest = 100)]
    public void A_lead_of_whole_second_activities_parsed_into_resolved_activities_scores_as_the_parsed_lead(Seed seed)
    {
        // Whole seconds and whole-minute offsets: the writer's timestamps then take the compact layout's fast reader
        // (with fractions they go to the general one, as in the property above).
        var random = new Random(seed);
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        foreach (var original in RandomRuleSet.Leads(seed, 10, AsOf))
        {
            var lead = new Lead(original.Id);
            foreach (var attribute in original.Attributes)
            {
                lead.Set(attribute.Name, attribute.Value);
            }

            foreach (var activity in original.Activities)
            {
                var offset = TimeSpan.FromMinutes(random.Next(3) == 0 ? 0 : random.Next(-14 * 60, (14 * 60) + 1));
                var at = activity.At.ToOffset(offset);
                lead.AddActivity(activity.Type, at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)), activity.Tag);
            }

            byte[] json = TestText.JsonBytes(lead);
            Assert.Equal(TestText.Of(model.Score(LeadJson.Parse(json), AsOf)), TestText.Of(ScoreResolved(model, json)));
            Assert.Equal(TestText.Of(model.Score(lead, AsOf)), TestText.Of(ScoreResolved(model, json)));
        }
    }

    [Theory]
    [InlineData("""{"type":"email_open","at":"2026-06-14T00:00:00Z"}""", 1)]
    [InlineData("""{"type":"EMAIL_Open","at":"2026-06-14T00:00:00Z"}""", 1)]
    [InlineData("""{"type":"\u0065mail_open","at":"2026-06-14T00:00:00Z"}""", 1)] // escaped: decoded first
    [InlineData("""{"type":"email_opén","at":"2026-06-14T00:00:00Z"}""", 0)] // not ASCII: decoded, then no type the model knows
    [InlineData("""{"type":"email_ope","at":"2026-06-14T00:00:00Z"}""", 0)]
    [InlineData("""{"at":"2026-06-14T00:00:00Z","type":"email_open","tag":"x"}""", 1)]
    public void Types_are_matched_from_their_bytes_as_the_model_matches_names(string activity, int opens)
    {
        var model = ScoringModel.FromJson(TestRuleSets.Json("""{ "id": "opens", "category": "emailEngagement", "points": 1, "each": { "activity": "email_open" } }"""));
        byte[] json = Encoding.UTF8.GetBytes($$"""{"id":"L-1","activities":[{{activity}}]}""");
        Assert.Equal(opens, ScoreResolved(model, json).EmailEngagement);
        Assert.Equal(TestText.Of(model.Score(LeadJson.Parse(json), AsOf)), TestText.Of(ScoreResolved(model, json)));
    }

    [Fact]
    public void A_model_with_a_non_ascii_type_matches_it_ignoring_case()
    {
        var model = ScoringModel.FromJson(TestRuleSets.Json("""{ "id": "visits", "category": "onlineBehaviour", "points": 2, "each": { "activity": "café_visit" } }"""));
        byte[] json = Encoding.UTF8.GetBytes("""{"id":"L-1","activities":[{"type":"CAFÉ_VISIT","at":"2026-06-14T00:00:00Z"},{"type":"cafe_visit","at":"2026-06-14T00:00:00Z"}]}""");
        Assert.Equal(2, ScoreResolved(model, json).OnlineBehaviour);
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("type")]
    public void Invalid_text_in_a_tag_or_type_is_the_same_error_when_the_model_reads_no_tags(string property)
    {
        // The built-in rule set reads no tag, so the resolved path does not make tags into strings; it still checks them.
        byte[] json = [.. """{"id":"L-1","activities":[{"type":"email_open","at":"2026-06-14T00:00:00Z","tag":"x"}]}"""u8];
        int at = Encoding.ASCII.GetString(json).IndexOf(property == "tag" ? "\"x\"" : "open", StringComparison.Ordinal) + 1;
        json[at] = 0xFF; // not UTF-8

        Assert.False(LeadJson.TryParse(json, new Lead("-"), out string? expected));
        var sink = new ResolvedActivitySink(ScoringModel.Default.Compiled, new ResolvedActivities());
        Assert.False(LeadJson.TryParse(json, new Lead("-"), ref sink, out string? actual));
        Assert.Equal(expected, actual);
        Assert.Contains($"$.activities[0].{property}", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_read_after_one_with_tags_keeps_none_of_them()
    {
        var model = ScoringModel.FromJson(TestRuleSets.Json("""{ "id": "t", "category": "onlineBehaviour", "points": 1, "each": { "activity": "view", "distinctTags": true } }"""));
        var resolved = new ResolvedActivities();
        var sink = new ResolvedActivitySink(model.Compiled, resolved);
        var lead = new Lead("-");
        Assert.True(LeadJson.TryParse("""{"id":"L-1","activities":[{"type":"view","at":"2026-06-14T00:00:00Z","tag":"a"},{"type":"view","at":"2026-06-14T00:00:00Z","tag":"b"}]}"""u8, lead, ref sink, out _));
        Assert.Equal("a|b", string.Join("|", resolved.Tags.ToArray()));
        Assert.True(LeadJson.TryParse("""{"id":"L-2","activities":[{"type":"view","at":"2026-06-14T00:00:00Z"}]}"""u8, lead, ref sink, out _));
        Assert.Null(Assert.Single(resolved.Tags.ToArray()));
        Assert.Equal(1, model.Compiled.ScoreResolved(lead.Attributes, resolved, AsOf.UtcTicks).OnlineBehaviour);
    }

    private static LeadScore ScoreResolved(ScoringModel model, byte[] json)
    {
        var resolved = new ResolvedActivities();
        var sink = new ResolvedActivitySink(model.Compiled, resolved);
        var lead = new Lead("-");
        Assert.True(LeadJson.TryParse(json, lead, ref sink, out string? error), error);
        return model.Compiled.ScoreResolved(lead.Attributes, resolved, AsOf.UtcTicks);
    }
}
