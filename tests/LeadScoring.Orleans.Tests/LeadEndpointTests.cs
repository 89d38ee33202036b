using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadScoring.Leads;
using LeadScoring.Samples.Orleans;
using LeadScoring.Scoring;

namespace LeadScoring.Orleans.Tests;

/// <summary>The sample's own host (one localhost silo) over HTTP: record attributes and activities, read the score.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LeadEndpointTests
{
    [Fact]
    public async Task Activities_and_attributes_recorded_over_http_give_the_engines_score()
    {
        string rules = Path.Combine(Directory.CreateTempSubdirectory("leadscore-orleans-").FullName, "rules.json");
        await File.WriteAllTextAsync(rules, ScoringModel.Default.ToJson());
        await using var app = LeadApp.Create(["--urls", "http://127.0.0.1:0", "--LeadScoring:RuleSetPath", rules, "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using (var missing = await client.GetAsync(new Uri("leads/L-1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        var now = DateTimeOffset.UtcNow;
        using (var put = await client.PutAsync(new Uri("leads/L-1/attributes", UriKind.Relative), Json("""{ "email": "ann@acme.io", "jobTitle": "VP Marketing", "employees": 250, "budgetConfirmed": true, "fax": null }""")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        string activities = JsonSerializer.Serialize(new[]
        {
            new ActivityRecord("pricing_page_view", now.AddDays(-2), "/pricing"),
            new ActivityRecord("email_open", now.AddDays(-1)),
        }, JsonSerializerOptions.Web);
        using (var post = await client.PostAsync(new Uri("leads/L-1/activities", UriKind.Relative), Json(activities)))
        {
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        }

        var view = await client.GetFromJsonAsync<JsonElement>(new Uri("leads/L-1", UriKind.Relative));
        var lead = new Lead("L-1").Set("email", "ann@acme.io").Set("jobTitle", "VP Marketing").Set("employees", 250).Set("budgetConfirmed", true)
            .AddActivity("pricing_page_view", now.AddDays(-2), "/pricing").AddActivity("email_open", now.AddDays(-1));
        var expected = ScoringModel.Default.Score(lead, view.GetProperty("scoredAt").GetDateTimeOffset());
        Assert.Equal(expected.Score, view.GetProperty("score").GetDouble(), 1e-9);
        Assert.Equal(expected.Stage, view.GetProperty("stage").GetString());
        Assert.Equal(2, view.GetProperty("activities").GetInt32());

        // Bad input is the client's error.
        using var bad = await client.PutAsync(new Uri("leads/L-1/attributes", UriKind.Relative), Json("""{ "tags": ["a"] }"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var untyped = await client.PostAsync(new Uri("leads/L-1/activities", UriKind.Relative), Json("""[ { "type": "", "at": "2026-11-01T00:00:00Z" } ]"""));
        Assert.Equal(HttpStatusCode.BadRequest, untyped.StatusCode);
        await app.StopAsync();
        Directory.Delete(Path.GetDirectoryName(rules)!, recursive: true);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
