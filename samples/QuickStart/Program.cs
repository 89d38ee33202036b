using System.Globalization;
using LeadScoring.Conditions;
using LeadScoring.Leads;
using LeadScoring.Rules;
using LeadScoring.Scoring;

// A scoring model in code: fit (title, company size), engagement (pricing views, decaying), a funnel, a disqualifier.
var model = ScoringModel.CreateBuilder()
    .Named("quick-start", "1.0.0")
    .When("exec-title", ScoreCategory.Demographic, 20, Condition.Field("jobTitle", ValueTest.ContainsAny("VP", "Chief", "Director")))
    .When("mid-market", ScoreCategory.CompanyFit, 15, Condition.Field("employees", ValueTest.Between(50, 5000)))
    .Each("pricing-views", ScoreCategory.OnlineBehaviour, 10, ActivityFilter.OfType("pricing_page_view").Within(90), maxPoints: 30)
    .When("demo", ScoreCategory.OnlineBehaviour, 25, Condition.Activity("demo_requested").Within(30))
    .HalfLifeDecay(30)
    .Disqualify("competitor", Condition.Field("isCompetitor", ValueTest.IsTrue()))
    .Stage("IQL", when: Condition.Field("email", ValueTest.Exists()))
    .Stage("MQL", minScore: 40)
    .Stage("SQL", minScore: 70, when: Condition.Field("budgetConfirmed", ValueTest.IsTrue()))
    .Grade("A", 30).Grade("B", 15)
    .Build();

var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
Lead[] leads =
[
    new Lead("ann").Set("email", "ann@acme.io").Set("jobTitle", "VP Marketing").Set("employees", 250).Set("budgetConfirmed", true)
        .AddActivity("pricing_page_view", asOf.AddDays(-1)).AddActivity("pricing_page_view", asOf.AddDays(-3)).AddActivity("demo_requested", asOf.AddDays(-2)),
    new Lead("raj").Set("email", "raj@globex.com").Set("jobTitle", "Analyst").Set("employees", 900)
        .AddActivity("pricing_page_view", asOf.AddDays(-40)),
    new Lead("spy").Set("email", "spy@rival.example").Set("jobTitle", "Director").Set("isCompetitor", true),
];

foreach (var lead in leads)
{
    var explanation = model.Explain(lead, asOf);
    var result = explanation.Result;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lead.Id}: score {result.Score:0.##} (fit {result.Fit:0.##}, engagement {result.Engagement:0.##}), stage {result.Stage ?? "none"}, grade {result.Grade}"));
    foreach (var rule in explanation.Rules)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {rule.Id,-14} {rule.Category,-16} {rule.Points,7:+0.##;-0.##}"));
    }

    if (explanation.DisqualifiedBy.Count > 0)
    {
        Console.WriteLine($"    disqualified by: {string.Join(", ", explanation.DisqualifiedBy)}");
    }

    if (explanation.NextStage is { } next)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    next: {next.Stage} needs {next.ScoreNeeded:0.##} more points{(next.ConditionMet ? string.Empty : " and its condition")}"));
    }
}

// The same model round-trips through the JSON format that non-developers edit.
Console.WriteLine(ScoringModel.FromJson(model.ToJson()).Equals(model) ? "JSON round trip: equal model" : "JSON round trip: DIFFERENT model");
