using System.Text;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Leads;

/// <summary>SPEC section 2: the lead format.</summary>
public sealed class LeadJsonTests
{
    [Fact]
    public void Parses_the_spec_example()
    {
        var lead = LeadJson.Parse("""
            {
              "id": "L-1001",
              "attributes": { "email": "ann@acme.io", "jobTitle": "VP Marketing", "employees": 250, "industry": "Software", "budgetConfirmed": true, "fax": null },
              "activities": [
                { "type": "pricing_page_view", "at": "2026-10-28T09:15:00Z", "tag": "/pricing" },
                { "type": "email_open", "at": "2026-10-30T18:02:00+01:00" }
              ]
            }
            """);
        Assert.Equal("L-1001", lead.Id);
        Assert.Equal(6, lead.Attributes.Length);
        Assert.True(lead.TryGetAttribute("EMPLOYEES", out var employees));
        Assert.Equal(250, employees.AsNumber);
        Assert.True(lead.TryGetAttribute("budgetConfirmed", out var budget));
        Assert.True(budget.AsBoolean);
        Assert.True(lead.TryGetAttribute("fax", out var fax));
        Assert.False(fax.IsPresent);
        Assert.Equal(2, lead.Activities.Length);
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 17, 2, 0, TimeSpan.Zero), lead.Activities[1].At.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(1), lead.Activities[1].At.Offset);
        Assert.Equal("/pricing", lead.Activities[0].Tag);
        Assert.Null(lead.Activities[1].Tag);
    }

    [Theory]
    [InlineData("2026-10-28T09:15:00Z", "2026-10-28T09:15:00Z")]
    [InlineData("2026-10-28T09:15Z", "2026-10-28T09:15:00Z")]
    [InlineData("2026-10-28T09:15:00.1234567891Z", "2026-10-28T09:15:00.1234567Z")]
    [InlineData("2026-10-28t09:15:00z", "2026-10-28T09:15:00Z")]
    [InlineData("2026-10-28T09:15:00+05:30", "2026-10-28T03:45:00Z")]
    [InlineData("2026-10-28T09:15:00-0500", "2026-10-28T14:15:00Z")]
    [InlineData("2026-10-28T09:15:00+02", "2026-10-28T07:15:00Z")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z")]
    public void Timestamps_with_an_offset_are_accepted(string at, string utc)
    {
        var lead = LeadJson.Parse($$"""{ "id": "L", "activities": [ { "type": "t", "at": "{{at}}" } ] }""");
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), lead.Activities[0].At);
    }

    public static TheoryData<string, string> InvalidLeads => new()
    {
        { "", "malformed JSON" },
        { "[]", "$: expected a lead object" },
        { """{ "attributes": {} }""", "$.id: required" },
        { """{ "id": "" }""", "$.id: expected a non-empty string" },
        { """{ "id": 7 }""", "$.id: expected a non-empty string" },
        { """{ "id": "L", "score": 3 }""", "lead 'L': $.score: unknown property" },
        { """{ "id": "L", "atributes": {} }""", "did you mean 'attributes'" },
        { """{ "id": "L", "id": "M" }""", "duplicate property 'id'" },
        { """{ "id": "L", "attributes": [] }""", "$.attributes: expected an object" },
        { """{ "id": "L", "attributes": { "tags": ["a"] } }""", "$.attributes.tags: expected a string, number, boolean or null, got a list" },
        { """{ "id": "L", "attributes": { "geo": { "c": 1 } } }""", "$.attributes.geo: expected a string, number, boolean or null, got an object" },
        { """{ "id": "L", "attributes": { "Email": "a", "email": "b" } }""", "$.attributes.email: duplicate attribute" },
        { """{ "attributes": { "a": 1, "A": 2 }, "id": "late" }""", "lead 'late': $.attributes.A: duplicate attribute" },
        { """{ "id": "L", "activities": {} }""", "$.activities: expected a list" },
        { """{ "id": "L", "activities": [ 1 ] }""", "$.activities[0]: expected an activity object" },
        { """{ "id": "L", "activities": [ { "at": "2026-01-01T00:00:00Z" } ] }""", "$.activities[0].type: required" },
        { """{ "id": "L", "activities": [ { "type": "", "at": "2026-01-01T00:00:00Z" } ] }""", "$.activities[0].type: expected a non-empty string" },
        { """{ "id": "L", "activities": [ { "type": "t" } ] }""", "$.activities[0].at: required" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01T00:00:00" } ] }""", "$.activities[0].at: expected an ISO 8601 date-time with a UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-02-30T00:00:00Z" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01T24:00:00Z" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01T00:00:00+15:00" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-1-01T00:00:00Z" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026/01/01T00:00:00Z" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01 00:00:00Z" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "20260101T000000Z" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "0000-01-01T00:00:00Z" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01T0a:00:00Z" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01T00:00" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01T00:0Z" } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": 1700000000 } ] }""", "UTC offset" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01T00:00:00Z", "tag": 5 } ] }""", "$.activities[0].tag: expected a string" },
        { """{ "id": "L", "activities": [ { "type": "t", "at": "2026-01-01T00:00:00Z", "channel": "x" } ] }""", "$.activities[0].channel: unknown property" },
        { """{ "id": "L" } { "id": "M" }""", "malformed JSON" },
        { """{ "id": "L", }""", "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(InvalidLeads))]
    public void Invalid_lead_is_rejected_with_path_and_id(string json, string message)
    {
        var ex = Assert.Throws<LeadFormatException>(() => LeadJson.Parse(json));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);

        var target = new Lead("reused");
        Assert.False(LeadJson.TryParse(Encoding.UTF8.GetBytes(json), target, out string? error));
        Assert.Equal(ex.Message, error);
    }

    [Fact]
    public void Lead_id_is_reported_when_known()
    {
        var ex = Assert.Throws<LeadFormatException>(() => LeadJson.Parse("""{ "id": "L-7", "activities": [ { "type": "t" } ] }"""));
        Assert.Equal("L-7", ex.LeadId);
        Assert.StartsWith("lead 'L-7': ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_sections_and_tag_mean_none()
    {
        var lead = LeadJson.Parse("""{ "id": "L", "attributes": null, "activities": [ { "type": "t", "at": "2026-01-01T00:00:00Z", "tag": null } ] }""");
        Assert.Empty(lead.Attributes.ToArray());
        Assert.Null(lead.Activities[0].Tag);
        Assert.Empty(LeadJson.Parse("""{ "id": "L", "activities": null }""").Activities.ToArray());
    }

    [Fact]
    public void Huge_attribute_numbers_compare_as_infinity()
    {
        var lead = LeadJson.Parse("""{ "id": "L", "attributes": { "revenue": 1e400 } }""");
        Assert.True(TestRuleSets.Fires("""{ "field": "revenue", "op": "gt", "value": 1e300 }""", lead));
    }

    [Fact]
    public void TryParse_reuses_the_lead_and_leaves_nothing_from_the_previous_one()
    {
        var lead = new Lead("x");
        Assert.True(LeadJson.TryParse("""{ "id": "A", "attributes": { "a": 1 }, "activities": [ { "type": "t", "at": "2026-01-01T00:00:00Z" } ] }"""u8, lead, out _));
        Assert.True(LeadJson.TryParse("""{ "id": "B", "attributes": { "b": 2 } }"""u8, lead, out _));
        Assert.Equal("B", lead.Id);
        Assert.False(lead.TryGetAttribute("a", out _));
        Assert.Empty(lead.Activities.ToArray());
    }

    [Fact]
    public void A_lead_with_100000_activities_parses_and_scores()
    {
        var json = new StringBuilder("""{ "id": "big", "activities": [""");
        for (int i = 0; i < 100_000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$"""{ "type": "{{(i % 2 == 0 ? "email_open" : "pricing_page_view")}}", "at": "2026-10-{{1 + (i % 28):00}}T00:00:00Z" }""");
        }

        json.Append("]}");
        var lead = LeadJson.Parse(json.ToString());
        Assert.Equal(100_000, lead.Activities.Length);
        var score = ScoringModel.Default.Score(lead, TestRuleSets.AsOf);
        Assert.Equal(15, score.OnlineBehaviour); // pricing views capped at 15; no hand-raiser
        Assert.True(double.IsFinite(score.Score));
    }

    [Fact]
    public void Many_attributes_still_reject_case_duplicates()
    {
        var json = new StringBuilder("""{ "id": "L", "attributes": {""");
        for (int i = 0; i < 100; i++)
        {
            json.Append($"\"a{i}\": {i},");
        }

        json.Append("\"A50\": 1 } }");
        Assert.Contains("duplicate attribute", Assert.Throws<LeadFormatException>(() => LeadJson.Parse(json.ToString())).Message, StringComparison.Ordinal);
    }
}
