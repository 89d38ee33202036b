namespace LeadScoring.Tests.Leads;

/// <summary>A lead's <c>outcome</c>: won or lost, and when; read strictly, ignored by scoring.</summary>
public sealed class LeadOutcomeTests
{
    [Fact]
    public void An_outcome_is_read_and_ignored_by_scoring()
    {
        var decided = LeadJson.Parse("""{ "id": "L-1", "attributes": { "jobTitle": "VP" }, "outcome": { "result": "won", "at": "2026-09-01T10:00:00+02:00" } }""");
        Assert.Equal(LeadOutcome.Won(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero)), decided.Outcome);
        Assert.True(decided.Outcome!.Value.IsWon);

        var lost = LeadJson.Parse("""{ "id": "L-2", "outcome": { "at": "2026-09-01T10:00:00Z", "result": "lost" } }""");
        Assert.False(lost.Outcome!.Value.IsWon);

        var undecided = LeadJson.Parse("""{ "id": "L-1", "attributes": { "jobTitle": "VP" }, "outcome": null }""");
        Assert.Null(undecided.Outcome);
        var asOf = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(ScoringModel.Default.Score(undecided, asOf).ToString(), ScoringModel.Default.Score(decided, asOf).ToString());
    }

    [Theory]
    [InlineData("""{ "result": "Won", "at": "2026-09-01T10:00:00Z" }""", "$.outcome.result: expected \"won\" or \"lost\"")]
    [InlineData("""{ "result": true, "at": "2026-09-01T10:00:00Z" }""", "$.outcome.result: expected \"won\" or \"lost\"")]
    [InlineData("""{ "at": "2026-09-01T10:00:00Z" }""", "$.outcome.result: required")]
    [InlineData("""{ "result": "won" }""", "$.outcome.at: required")]
    [InlineData("""{ "result": "won", "at": "2026-09-01T10:00:00" }""", "$.outcome.at: expected an ISO 8601 date-time with a UTC offset")]
    [InlineData("""{ "result": "won", "at": 5 }""", "$.outcome.at: expected an ISO 8601 date-time with a UTC offset")]
    [InlineData("""{ "result": "won", "at": "2026-09-01T10:00:00Z", "reason": "price" }""", "$.outcome.reason: unknown property 'reason'")]
    [InlineData("""{ "result": "won", "result": "lost", "at": "2026-09-01T10:00:00Z" }""", "$.outcome.result: duplicate property")]
    [InlineData(""" "won" """, "$.outcome: expected an object")]
    public void An_invalid_outcome_is_an_error_with_its_path_and_the_lead_id(string outcome, string message)
    {
        var ex = Assert.Throws<LeadFormatException>(() => LeadJson.Parse($$"""{ "id": "L-9", "outcome": {{outcome}} }"""));
        Assert.Equal("L-9", ex.LeadId);
        Assert.Contains("lead 'L-9'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reusing_a_lead_forgets_its_outcome()
    {
        var lead = new Lead("x");
        Assert.True(LeadJson.TryParse("""{ "id": "a", "outcome": { "result": "lost", "at": "2026-01-01T00:00:00Z" } }"""u8, lead, out _));
        Assert.NotNull(lead.Outcome);
        Assert.True(LeadJson.TryParse("""{ "id": "b" }"""u8, lead, out _));
        Assert.Null(lead.Outcome);
    }
}
