using System.Globalization;
using System.Text;

namespace LeadScoring.Benchmarks;

/// <summary>
/// Rule sets of any size for the scaling benchmarks: half each rules on distinct activity types, half
/// when rules on distinct attributes, so that the cost can be seen to grow with activities + rules.
/// </summary>
public static class SyntheticRuleSets
{
    public static string Json(int rules)
    {
        var json = new StringBuilder("""{ "schemaVersion": 1, "name": "synthetic", "rules": [""");
        for (int i = 0; i < rules; i++)
        {
            json.Append(i == 0 ? "\n" : ",\n");
            json.Append(i % 2 == 0
                ? string.Create(CultureInfo.InvariantCulture, $$"""{ "id": "each-{{i}}", "category": "onlineBehaviour", "points": 2, "maxPoints": 20, "each": { "activity": "type_{{i / 2}}", "withinDays": 180 } }""")
                : string.Create(CultureInfo.InvariantCulture, $$"""{ "id": "when-{{i}}", "category": "companyFit", "points": 1, "when": { "field": "field_{{i / 2}}", "op": "gte", "value": 50 } }"""));
        }

        json.Append("""
            ],
            "decay": { "halfLifeDays": 30 },
            "inactivity": { "afterDays": 30, "everyDays": 15, "points": -5, "maxPenalty": 25 },
            "stages": [ { "name": "IQL" }, { "name": "MQL", "minScore": 40 } ]
            }
            """);
        return json.ToString();
    }

    /// <summary>Leads with <paramref name="activities"/> activities each over the rule set's types, and ten of its attributes.</summary>
    public static Lead[] Leads(int count, int rules, int activities, int seed = 7)
    {
        var random = new Random(seed);
        int types = Math.Max(1, rules / 2);
        var typeNames = Enumerable.Range(0, types).Select(t => $"type_{t}").ToArray();
        var leads = new Lead[count];
        for (int i = 0; i < count; i++)
        {
            var lead = new Lead($"L-{i}");
            for (int a = 0; a < 10; a++)
            {
                lead.Set($"field_{random.Next(types)}", random.Next(100));
            }

            for (int a = 0; a < activities; a++)
            {
                lead.AddActivity(typeNames[random.Next(types)], SyntheticLeads.AsOf.AddSeconds(-random.Next(0, 200 * 86_400)));
            }

            leads[i] = lead;
        }

        return leads;
    }
}
