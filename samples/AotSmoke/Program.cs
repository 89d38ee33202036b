using LeadScoring.Conditions;
using LeadScoring.Hosting;
using LeadScoring.Leads;
using LeadScoring.Rules;
using LeadScoring.Scoring;
using Microsoft.Extensions.DependencyInjection;

// Everything a host does, compiled ahead of time: load JSON rule sets, build one fluently, parse leads,
// score, explain, write results, and resolve a scorer from the container.
var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
var lead = LeadJson.Parse("""{ "id": "L-1", "attributes": { "email": "ann@acme.io", "jobTitle": "VP Marketing", "employees": 250 }, "activities": [ { "type": "pricing_page_view", "at": "2026-10-30T10:00:00Z" } ] }""");

var fluent = ScoringModel.CreateBuilder()
    .When("exec", ScoreCategory.Demographic, 15, Condition.Field("jobTitle", ValueTest.Matches("^(vp|chief)")))
    .HalfLifeDecay(30)
    .Build();
if (!ScoringModel.FromJson(fluent.ToJson()).Equals(fluent))
{
    return 1;
}

using var services = new ServiceCollection().AddLeadScoring().Services.BuildServiceProvider();
var scorer = services.GetRequiredService<ILeadScorer>();

using var output = Console.OpenStandardOutput();
using var writer = new System.Text.Json.Utf8JsonWriter(output);
LeadScoreJson.WriteResult(writer, lead.Id, scorer.Explain(lead, asOf));
writer.Flush();
Console.WriteLine();
Console.WriteLine($"fluent: {fluent.Score(lead, asOf)}");
return scorer.Score(lead, asOf).Score > 0 ? 0 : 1;
