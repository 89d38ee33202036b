using System.Text;

namespace LeadScoring.Tests.Leads;

/// <summary>The parser's string pool: the same string for the same bytes, the right string always.</summary>
public sealed class Utf8StringPoolTests
{
    [Fact]
    public void Repeated_bytes_give_the_same_string_instance()
    {
        var pool = new Utf8StringPool();
        Assert.True(pool.TryGet("pricing_page_view"u8, out string? first));
        Assert.True(pool.TryGet("pricing_page_view"u8.ToArray(), out string? second));
        Assert.Equal("pricing_page_view", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Every_value_reads_back_exactly_however_slots_collide()
    {
        // Far more distinct values than slots, alike in their first and last eight bytes (what the hash reads).
        var pool = new Utf8StringPool();
        var values = Enumerable.Range(0, 5_000).Select(i => $"p{i:00000}@company-{i % 7}.example.com/a/long/path"[..(20 + (i % 20))]).ToArray();
        foreach (string value in values.Concat(values.Reverse()))
        {
            Assert.True(pool.TryGet(Encoding.ASCII.GetBytes(value), out string? read));
            Assert.Equal(value, read);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Größe")]
    [InlineData("a value longer than the pool keeps (48 bytes), which is a URL")]
    public void Empty_non_ascii_and_long_values_are_left_to_the_caller(string value)
    {
        Assert.False(new Utf8StringPool().TryGet(Encoding.UTF8.GetBytes(value), out _));
    }

    [Fact]
    public void A_parsed_lead_keeps_each_activity_s_own_type_and_tag()
    {
        var lead = LeadJson.Parse("""
            {"id":"L-1","attributes":{"jobTitle":"VP","JOBtitle2":"vp"},"activities":[
              {"type":"email_open","at":"2026-01-01T00:00:00Z","tag":"a"},
              {"type":"EMAIL_OPEN","at":"2026-01-01T00:00:00Z","tag":"A"},
              {"type":"email_open","at":"2026-01-01T00:00:00Z","tag":null},
              {"type":"email_\u006Fpen","at":"2026-01-01T00:00:00Z","tag":"b"}]}
            """);
        Assert.Equal(["email_open", "EMAIL_OPEN", "email_open", "email_open"], lead.Activities.ToArray().Select(a => a.Type));
        Assert.Equal(["a", "A", null, "b"], lead.Activities.ToArray().Select(a => a.Tag));
        Assert.Equal("vp", lead.Attributes.ToArray().Single(a => a.Name == "JOBtitle2").Value.AsString);
    }
}
