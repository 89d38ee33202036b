using System.Text.Json;
using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Timeline;

/// <summary>The retention horizon and the next change, checked against the engine itself on random models.</summary>
public sealed class TimelineProperties
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    // Day counts scaled so that windows, half-lives and inactivity periods last minutes to hours, and the leads'
    // activities spread over hours, so that many leads change within the scanned horizon.
    private const double DayScale = 0.0005;
    private const double LeadDayScale = 0.0002;

    private static readonly TimeSpan ScanHorizon = TimeSpan.FromHours(2);

    [Property(MaxTest = 200)]
    public void Dropping_activities_past_the_retention_horizon_but_the_newest_changes_no_result(Seed seed, byte daysLater)
    {
        string json = RandomRuleSet.Create(seed).Json;
        var model = ScoringModel.FromJson(json);
        if (model.RetentionHorizon is not { } horizon)
        {
            // "Forever" only when something counts activities without an age limit.
            Assert.True(HasFilterWithoutWindow(JsonDocument.Parse(json).RootElement), "a finite horizon was possible");
            return;
        }

        double[] thresholds = Thresholds(json);
        foreach (var lead in RandomRuleSet.Leads(seed, 20, AsOf))
        {
            var kept = Pruned(lead, AsOf, horizon);
            foreach (var at in new[] { AsOf, AsOf.AddDays(daysLater).AddHours(daysLater % 7) })
            {
                var full = model.Score(lead, at);
                var pruned = model.Score(kept, at);
                Assert.Equal(full.Score, pruned.Score, 1e-6);
                Assert.Equal(full.Fit, pruned.Fit, 1e-6);
                Assert.Equal(full.Engagement, pruned.Engagement, 1e-6);
                foreach (var category in Enum.GetValues<ScoreCategory>())
                {
                    Assert.Equal(full[category], pruned[category], 1e-6);
                }

                Assert.Equal(full.DisqualifiedBy.ToArray(), pruned.DisqualifiedBy.ToArray());

                // Results agree to 1e-6 (the format's tolerance); a total that close to a threshold may sit either side.
                if (!thresholds.Any(t => Near(full.Score, t) || Near(full.Fit, t) || Near(full.Engagement, t)))
                {
                    Assert.Equal(full.Stage, pruned.Stage);
                    Assert.Equal(full.Grade, pruned.Grade);
                }
            }
        }
    }

    [Property(MaxTest = 25)]
    public void The_next_change_is_the_first_second_at_which_stage_or_grade_differs(Seed seed)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed, dayScale: DayScale).Json);
        foreach (var lead in RandomRuleSet.Leads(seed, 2, AsOf, dayScale: LeadDayScale))
        {
            Assert.Equal(ScanSecondBySecond(model, lead), model.NextChange(lead, AsOf, ScanHorizon));
        }
    }

    [Property(MaxTest = 40)]
    public void On_models_made_of_time_the_next_change_is_the_first_second_at_which_stage_or_grade_differs(Seed seed)
    {
        var (model, lead) = TimeBoundCase(seed);
        Assert.Equal(ScanSecondBySecond(model, lead), model.NextChange(lead, AsOf, ScanHorizon));
    }

    [Fact]
    public void Most_leads_of_the_time_bound_cases_change_within_the_scanned_horizon()
    {
        // Fixed seeds, so that the properties above are known to meet leads that change.
        int changed = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var (model, lead) = TimeBoundCase(seed);
            var expected = ScanSecondBySecond(model, lead);
            Assert.Equal(expected, model.NextChange(lead, AsOf, ScanHorizon));
            changed += expected is null ? 0 : 1;
        }

        Assert.InRange(changed, 12, 40); // 17 today
    }

    /// <summary>
    /// A model whose results move within hours (each rules with short windows and half-lives or expiries, inactivity
    /// stepping every few minutes, stages and grades with thresholds where the totals pass), and a lead with recent
    /// activity, maybe one still to come.
    /// </summary>
    private static (ScoringModel Model, Lead Lead) TimeBoundCase(int seed)
    {
        var random = new Random(seed);
        string[] types = ["view", "open", "demo"];
        string[] categories = ["onlineBehaviour", "emailEngagement", "demographic", "companyFit"];
        double Number(double min, double max) => Math.Round(min + (random.NextDouble() * (max - min)), 3);
        string N(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        var rules = new List<string>();
        for (int r = random.Next(1, 4); r > 0; r--)
        {
            string window = random.Next(2) == 0 ? $", \"withinDays\": {N(Number(0.01, 0.1))}" : string.Empty;
            string cap = random.Next(3) == 0 ? $", \"maxPoints\": {N(Number(5, 30))}" : string.Empty;
            double points = random.Next(4) == 0 ? -Number(2, 15) : Number(5, 40);
            rules.Add($$"""{ "id": "e{{r}}", "category": "{{categories[random.Next(categories.Length)]}}", "points": {{N(points)}}{{cap}}, "each": { "activity": "{{types[random.Next(types.Length)]}}"{{window}} } }""");
        }

        if (random.Next(2) == 0)
        {
            rules.Add($$"""{ "id": "w", "category": "companyFit", "points": {{N(Number(5, 20))}}, "when": { "activity": "demo", "withinDays": {{N(Number(0.01, 0.1))}} } }""");
        }

        var sections = new List<string> { $"\"rules\": [ {string.Join(", ", rules)} ]" };
        string decayCategories = random.Next(2) == 0 ? ", \"categories\": [\"onlineBehaviour\", \"emailEngagement\", \"demographic\"]" : string.Empty;
        sections.Add(random.Next(4) switch
        {
            0 => $"\"decay\": {{ \"expireAfterDays\": {N(Number(0.01, 0.08))}{decayCategories} }}",
            3 => "\"range\": { \"min\": -100, \"max\": 100 }",
            _ => $"\"decay\": {{ \"halfLifeDays\": {N(Number(0.005, 0.06))}{decayCategories} }}",
        });
        if (random.Next(3) > 0)
        {
            string max = random.Next(2) == 0 ? $", \"maxPenalty\": {N(Number(5, 30))}" : string.Empty;
            sections.Add($"\"inactivity\": {{ \"afterDays\": {N(Number(0, 0.04))}, \"everyDays\": {N(Number(0.003, 0.02))}, \"points\": {N(-Number(1, 8))}{max} }}");
        }

        sections.Add($$"""
            "stages": [ { "name": "IQL", "minScore": {{N(Number(0, 10))}} }, { "name": "MQL", "minScore": {{N(Number(10, 40))}} },
                        { "name": "SQL", "minScore": {{N(Number(20, 60))}}, "minEngagement": {{N(Number(0, 30))}} } ]
            """);
        if (random.Next(2) == 0)
        {
            sections.Add($$"""
                "grades": [ { "grade": "A", "minFit": {{N(Number(15, 40))}} }, { "grade": "B", "minFit": {{N(Number(0, 15))}} } ]
                """);
        }

        var model = ScoringModel.FromJson($"{{ \"schemaVersion\": 1, {string.Join(", ", sections)} }}");
        var lead = new Lead("L-" + seed);
        for (int a = random.Next(1, 7); a > 0; a--)
        {
            lead.AddActivity(types[random.Next(types.Length)], AsOf.AddMinutes(-Number(0, 150)));
        }

        if (random.Next(3) == 0)
        {
            lead.AddActivity(types[random.Next(types.Length)], AsOf.AddMinutes(Number(1, 100)));
        }

        return (model, lead);
    }

    private static DateTimeOffset? ScanSecondBySecond(ScoringModel model, Lead lead)
    {
        var start = model.Score(lead, AsOf);
        for (int s = 1; s <= ScanHorizon.TotalSeconds; s++)
        {
            var at = AsOf.AddSeconds(s);
            var later = model.Score(lead, at);
            if (later.Stage != start.Stage || later.Grade != start.Grade)
            {
                return at;
            }
        }

        return null;
    }

    private static Lead Pruned(Lead lead, DateTimeOffset at, TimeSpan horizon)
    {
        var kept = new Lead(lead.Id);
        foreach (var attribute in lead.Attributes)
        {
            kept.Set(attribute.Name, attribute.Value);
        }

        int newest = -1;
        for (int i = 0; i < lead.Activities.Length; i++)
        {
            if (lead.Activities[i].At <= at && (newest < 0 || lead.Activities[i].At > lead.Activities[newest].At))
            {
                newest = i;
            }
        }

        for (int i = 0; i < lead.Activities.Length; i++)
        {
            if (i == newest || at - lead.Activities[i].At <= horizon)
            {
                kept.AddActivity(lead.Activities[i]);
            }
        }

        return kept;
    }

    private static bool Near(double value, double threshold) => Math.Abs(value - threshold) <= 1e-6;

    private static double[] Thresholds(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var values = new List<double>();
        foreach (string section in new[] { "stages", "grades" })
        {
            if (root.TryGetProperty(section, out var list))
            {
                foreach (var item in list.EnumerateArray())
                {
                    values.AddRange(item.EnumerateObject().Where(p => p.Name.StartsWith("min", StringComparison.Ordinal)).Select(p => p.Value.GetDouble()));
                }
            }
        }

        return [.. values];
    }

    private static bool HasFilterWithoutWindow(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("activity", out _) && !element.TryGetProperty("withinDays", out _))
            || element.EnumerateObject().Any(p => HasFilterWithoutWindow(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasFilterWithoutWindow),
        _ => false,
    };
}
