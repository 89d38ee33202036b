using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using LeadScoring.Samples.WebApi;
using LeadScoring.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace LeadScoring.Tests.Hosting;

/// <summary>The web API sample on 127.0.0.1: scoring, status, and the rule-set file reloading under it.</summary>
public sealed class WebApiSampleTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("leadscore-web-").FullName;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private string RulesPath => Path.Combine(_directory, "rules.json");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(RulesPath, HostingTests.RuleSet("""{ "id": "a", "category": "demographic", "points": 10, "when": { "all": [] } }""", "1"));
        _app = ScoringApi.Create(["--urls", "http://127.0.0.1:0", "--LeadScoring:RuleSetPath", RulesPath, "--LeadScoring:ReloadDelay", "00:00:00.020"]);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<JsonElement> PostAsync(string json, string query = "?asOf=2026-11-01T00:00:00Z")
    {
        using var response = await _client.PostAsync(new Uri("score" + query, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> StatusAsync() =>
        JsonDocument.Parse(await _client.GetStringAsync(new Uri("ruleset", UriKind.Relative))).RootElement.Clone();

    [Fact]
    public async Task Scores_one_lead_or_a_batch_per_spec()
    {
        var one = await PostAsync("""{ "id": "L-1" }""", "?asOf=2026-11-01T00:00:00Z&explain=true");
        Assert.Equal("L-1", one.GetProperty("id").GetString());
        Assert.Equal(10, one.GetProperty("score").GetDouble());
        Assert.Equal("a", one.GetProperty("rules")[0].GetProperty("id").GetString());

        var batch = await PostAsync("""[ { "id": "L-1" }, { "id": "L-2" } ]""");
        Assert.Equal(["L-1", "L-2"], batch.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.False(batch[0].TryGetProperty("rules", out _));
    }

    [Fact]
    public async Task An_invalid_lead_is_a_400_naming_the_problem()
    {
        using var response = await _client.PostAsync(new Uri("score", UriKind.Relative), new StringContent("""[ { "id": "ok" }, { "id": "L-2", "attributes": [] } ]""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("leads[1]: lead 'L-2': $.attributes: expected an object", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_served()
    {
        using var response = await _client.GetAsync(new Uri("health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_lead_binds_as_a_typed_request_body_and_its_score_comes_back_with_the_formats_names()
    {
        using var response = await _client.PostAsync(new Uri("score/lead", UriKind.Relative), new StringContent("""{ "id": "L-9", "attributes": { "jobTitle": "VP" } }""", Encoding.UTF8, "application/json"));
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var score = JsonDocument.Parse(body).RootElement;
        Assert.Equal(10, score.GetProperty("score").GetDouble());
        Assert.Equal(10, score.GetProperty("categories").GetProperty("demographic").GetDouble());

        // A body that is not a valid lead is the client's error, and the other endpoints are unaffected.
        using var bad = await _client.PostAsync(new Uri("score/lead", UriKind.Relative), new StringContent("""{ "id": "L-9", "attributes": [] }""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Healthy", await _client.GetStringAsync(new Uri("health", UriKind.Relative)));
        Assert.Equal("test", (await StatusAsync()).GetProperty("ruleSetName").GetString());
    }

    [Fact]
    public async Task Health_goes_degraded_on_a_broken_edit_and_back_on_a_good_one()
    {
        // Serving first (the scorer loads on first use; a rule set that never loaded is Unhealthy, not Degraded).
        Assert.Equal("Healthy", await _client.GetStringAsync(new Uri("health", UriKind.Relative)));
        await File.WriteAllTextAsync(RulesPath, "{ broken");
        await EventuallyAsync(async () => await _client.GetStringAsync(new Uri("health", UriKind.Relative)) == "Degraded");
        await File.WriteAllTextAsync(RulesPath, HostingTests.RuleSet("""{ "id": "a", "category": "demographic", "points": 10, "when": { "all": [] } }""", "2"));
        await EventuallyAsync(async () => await _client.GetStringAsync(new Uri("health", UriKind.Relative)) == "Healthy");
        Assert.Equal("2", (await StatusAsync()).GetProperty("ruleSetVersion").GetString());
    }

    [Fact]
    public async Task Hosted_scores_are_counted_by_stage_in_the_leadscoring_meter()
    {
        // A stage name no other test uses, so that measurements from tests running alongside do not count.
        string stage = "metered-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(RulesPath, TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 10, "when": { "all": [] } }""", $$""" "name": "test", "version": "3", "stages": [ { "name": "{{stage}}" } ] """));
        await EventuallyAsync(async () => (await StatusAsync()).GetProperty("ruleSetVersion").GetString() == "3");

        long counted = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LeadScoringTelemetry.Name && instrument.Name == "leadscoring.scores")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "leadscoring.stage" && Equals(tag.Value, stage))
                {
                    Interlocked.Add(ref counted, value);
                }
            }
        });
        meters.Start();

        for (int i = 0; i < 3; i++)
        {
            using var response = await _client.PostAsync(new Uri("score/lead", UriKind.Relative), new StringContent($$"""{ "id": "L-{{i}}" }""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(3, Interlocked.Read(ref counted));
    }

    [Fact]
    public async Task A_body_that_is_not_text_is_a_400_not_a_crash()
    {
        byte[] body = [.. "[ { \"id\": \"ok\" }, { \"id\": \"L-2\", \"attributes\": { \"jobTitle\": \""u8.ToArray(), 0xC3, 0x28, .. "\" } } ]"u8.ToArray()];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _client.PostAsync(new Uri("score", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("leads[1]: lead 'L-2': $.attributes.jobTitle: invalid text", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var surrogate = await _client.PostAsync(new Uri("score", UriKind.Relative), new StringContent("{ \"id\": \"\\udfff\" }", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, surrogate.StatusCode);
    }

    [Fact]
    public async Task Rewriting_the_rule_set_file_swaps_it_and_a_broken_edit_falls_back_to_the_last_good_one()
    {
        var status = await StatusAsync();
        Assert.Equal("1", status.GetProperty("ruleSetVersion").GetString());
        Assert.Equal(RulesPath, status.GetProperty("source").GetString());

        await File.WriteAllTextAsync(RulesPath, HostingTests.RuleSet("""{ "id": "b", "category": "demographic", "points": 20, "when": { "all": [] } }""", "2"));
        await EventuallyAsync(async () => (await StatusAsync()).GetProperty("ruleSetVersion").GetString() == "2");
        Assert.Equal(20, (await PostAsync("""{ "id": "L-1" }""")).GetProperty("score").GetDouble());

        await File.WriteAllTextAsync(RulesPath, """{ "schemaVersion": 1, "rules": [ { "id": "b", "category": "demographic", "points": "twenty", "when": { "all": [] } } ] }""");
        // A reload may first catch the file half-written (malformed JSON); wait for the complete file's error.
        await EventuallyAsync(async () => (await StatusAsync()).GetProperty("lastError").GetString()?.Contains("$.rules[0].points: expected a number", StringComparison.Ordinal) == true);
        status = await StatusAsync();
        Assert.Equal("2", status.GetProperty("ruleSetVersion").GetString());
        Assert.Equal(20, (await PostAsync("""{ "id": "L-1" }""")).GetProperty("score").GetDouble());
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
