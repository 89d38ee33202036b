using System.Globalization;

namespace LeadScoring.Tests.Support;

/// <summary>
/// A random but valid rule set, produced twice from one seed: as fluent builder calls and as independently
/// written JSON text. Properties compare the two, and score random leads against them.
/// </summary>
internal sealed class RandomRuleSet
{
    private static readonly string[] Types = ["view", "click", "open", "demo", "share"];
    private static readonly string[] Fields = ["title", "employees", "industry", "budget", "revenue"];
    private static readonly string[] Tags = ["/pricing", "/blog", "ebook", "linkedin"];
    private static readonly string[] Categories = ["demographic", "companyFit", "onlineBehaviour", "emailEngagement", "socialEngagement", "decay"];

    private readonly Random _random;

    // Multiplies every day count, so that windows, decay and inactivity can play out within hours.
    private readonly double _dayScale;

    private RandomRuleSet(int seed, bool withDecay, double dayScale)
    {
        _random = new Random(seed);
        _dayScale = dayScale;
        var builder = ScoringModel.CreateBuilder().Named("random-" + seed, "1.0.0");
        var json = new List<string> { "\"schemaVersion\": 1", $"\"name\": \"random-{seed}\"", "\"version\": \"1.0.0\"" };

        var rules = new List<string>();
        int ruleCount = _random.Next(1, 9);
        for (int r = 0; r < ruleCount; r++)
        {
            var category = (ScoreCategory)_random.Next(6);
            double points = Number(-30, 30);
            double? maxPoints = Chance(0.4) ? Number(0, 40) : null;
            string max = maxPoints is { } m ? $", \"maxPoints\": {F(m)}" : string.Empty;
            if (Chance(0.5))
            {
                var (filter, filterJson) = Filter();
                builder.Each($"r{r}", category, points, filter, maxPoints);
                rules.Add($$"""{ "id": "r{{r}}", "category": "{{Categories[(int)category]}}", "points": {{F(points)}}{{max}}, "each": {{filterJson}} }""");
            }
            else
            {
                var (condition, conditionJson) = RandomCondition(depth: 1);
                builder.When($"r{r}", category, points, condition, maxPoints);
                rules.Add($$"""{ "id": "r{{r}}", "category": "{{Categories[(int)category]}}", "points": {{F(points)}}{{max}}, "when": {{conditionJson}} }""");
            }
        }

        if (Chance(0.5))
        {
            double min = Number(-50, 0), max = Number(10, 120);
            builder.Range(min, max);
            json.Add($$"""
                "range": { "min": {{F(min)}}, "max": {{F(max)}} }
                """);
        }

        if (Chance(0.5))
        {
            var limits = new List<string>();
            foreach (int c in Enumerable.Range(0, 6).Where(_ => Chance(0.4)))
            {
                double min = Number(-30, 0), max = Number(0, 40);
                builder.CategoryLimits((ScoreCategory)c, min, max);
                limits.Add($$"""
                    "{{Categories[c]}}": { "min": {{F(min)}}, "max": {{F(max)}} }
                    """);
            }

            if (limits.Count > 0)
            {
                json.Add($"\"categories\": {{ {string.Join(", ", limits)} }}");
            }
        }

        json.Add($"\"rules\": [ {string.Join(", ", rules)} ]");

        if (withDecay && Chance(0.7))
        {
            double days = Days(1, 120);
            ScoreCategory[] decayCategories = Chance(0.5) ? [.. Enumerable.Range(0, 6).Where(_ => Chance(0.5)).Select(c => (ScoreCategory)c)] : [];
            string categoriesJson = decayCategories.Length > 0
                ? $", \"categories\": [{string.Join(", ", decayCategories.Select(c => $"\"{Categories[(int)c]}\""))}]"
                : string.Empty;
            if (Chance(0.5))
            {
                builder.HalfLifeDecay(days, decayCategories);
                json.Add($"\"decay\": {{ \"halfLifeDays\": {F(days)}{categoriesJson} }}");
            }
            else
            {
                builder.ExpiringDecay(days, decayCategories);
                json.Add($"\"decay\": {{ \"expireAfterDays\": {F(days)}{categoriesJson} }}");
            }
        }

        if (withDecay && Chance(0.5))
        {
            double after = Days(0, 60), every = Days(1, 30), points = Number(-10, 0);
            double? maxPenalty = Chance(0.5) ? Number(0, 30) : null;
            builder.Inactivity(after, every, points, maxPenalty);
            string penalty = maxPenalty is { } p ? $", \"maxPenalty\": {F(p)}" : string.Empty;
            json.Add($"\"inactivity\": {{ \"afterDays\": {F(after)}, \"everyDays\": {F(every)}, \"points\": {F(points)}{penalty} }}");
        }

        if (Chance(0.5))
        {
            var (condition, conditionJson) = RandomCondition(depth: 1);
            builder.Disqualify("dq", condition);
            json.Add($$"""
                "disqualify": [ { "id": "dq", "when": {{conditionJson}} } ]
                """);
        }

        if (Chance(0.7))
        {
            var stages = new List<string>();
            foreach (string name in new[] { "IQL", "MQL", "SQL" }.Take(_random.Next(1, 4)))
            {
                double? minScore = Chance(0.6) ? Number(0, 60) : null;
                double? minFit = Chance(0.3) ? Number(-10, 30) : null;
                (Condition Condition, string Json)? when = Chance(0.4) ? RandomCondition(depth: 1) : null;
                builder.Stage(name, minScore, minFit, when: when?.Condition);
                var parts = new List<string> { $"\"name\": \"{name}\"" };
                if (minScore is { } s)
                {
                    parts.Add($"\"minScore\": {F(s)}");
                }

                if (minFit is { } f)
                {
                    parts.Add($"\"minFit\": {F(f)}");
                }

                if (when is { } w)
                {
                    parts.Add($"\"when\": {w.Json}");
                }

                stages.Add($"{{ {string.Join(", ", parts)} }}");
            }

            json.Add($"\"stages\": [ {string.Join(", ", stages)} ]");
        }

        if (Chance(0.5))
        {
            builder.Grade("A", 30).Grade("B", 10).DefaultGrade("F");
            json.Add("""
                "grades": [ { "grade": "A", "minFit": 30 }, { "grade": "B", "minFit": 10 } ], "defaultGrade": "F"
                """);
        }

        if (Chance(0.3))
        {
            double intercept = Number(-5, 5), slope = Number(-0.5, 0.5);
            builder.Probability(intercept, slope);
            json.Add($$"""
                "probability": { "intercept": {{F(intercept)}}, "slope": {{F(slope)}} }
                """);
        }

        Builder = builder;
        Json = "{ " + string.Join(", ", json) + " }";
    }

    public ScoringModelBuilder Builder { get; }

    public string Json { get; }

    /// <summary>A random rule set; <paramref name="dayScale"/> multiplies its day counts (windows, decay, inactivity).</summary>
    public static RandomRuleSet Create(int seed, bool withDecay = true, double dayScale = 1) => new(seed, withDecay, dayScale);

    /// <summary>
    /// Random leads (seeded): mixed attribute kinds, activities of known and unknown types, some after as-of unless
    /// <paramref name="pastOnly"/>; <paramref name="dayScale"/> multiplies how far apart in time the activities are; each lead has up to
    /// <paramref name="maxActivities"/>.
    /// </summary>
    public static List<Lead> Leads(int seed, int count, DateTimeOffset asOf, bool pastOnly = false, double dayScale = 1, int maxActivities = 24)
    {
        var random = new Random(seed);
        var leads = new List<Lead>(count);
        for (int i = 0; i < count; i++)
        {
            var lead = new Lead($"L-{i}");
            foreach (string field in Fields.Where(_ => random.NextDouble() < 0.6))
            {
                lead.Set(random.Next(2) == 0 ? field : field.ToUpperInvariant(), random.Next(5) switch
                {
                    0 => AttributeValue.FromString(Tags[random.Next(Tags.Length)] + " VP"),
                    1 => AttributeValue.FromNumber(Math.Round((random.NextDouble() * 2000) - 100, 2)),
                    2 => AttributeValue.FromBoolean(random.Next(2) == 0),
                    3 => AttributeValue.FromString("Director"),
                    _ => AttributeValue.Missing,
                });
            }

            int activities = random.Next(0, maxActivities + 1);
            for (int a = 0; a < activities; a++)
            {
                string type = random.Next(7) == 0 ? "unknown_type" : Types[random.Next(Types.Length)];
                double daysAgo = ((random.NextDouble() * 400) - (pastOnly ? 0 : 10)) * dayScale;

                // Some activities repeat an earlier one's instant, or fall on its day, so that maxPerDay and
                // distinctTags have repeats to limit.
                var at = a > 0 && random.Next(3) == 0
                    ? lead.Activities[random.Next(a)].At.AddMinutes(random.Next(3) == 0 ? 0 : random.Next(-120, 120))
                    : asOf.AddDays(-daysAgo);
                if (pastOnly && at > asOf)
                {
                    at = asOf;
                }

                string? tag = random.Next(3) == 0 ? null : Tags[random.Next(Tags.Length)];
                lead.AddActivity(random.Next(2) == 0 ? type : type.ToUpperInvariant(), at, tag is not null && random.Next(4) == 0 ? tag.ToUpperInvariant() : tag);
            }

            leads.Add(lead);
        }

        return leads;
    }

    private (Condition Condition, string Json) RandomCondition(int depth)
    {
        int kind = depth >= 3 ? _random.Next(2) : _random.Next(5);
        switch (kind)
        {
            case 0:
            {
                string field = Fields[_random.Next(Fields.Length)];
                var (test, testJson) = RandomTest();
                return (Condition.Field(field, test), $$"""{ "field": "{{field}}", {{testJson}} }""");
            }

            case 1:
            {
                var (filter, filterJson) = Filter();
                int minCount = _random.Next(1, 4);
                var condition = Condition.Activity(filter, minCount);
                string json = filterJson[..^1] + (minCount == 1 && Chance(0.5) ? "}" : $", \"minCount\": {minCount} }}");
                return (condition, json);
            }

            case 2 or 3:
            {
                var items = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => RandomCondition(depth + 1)).ToArray();
                string name = kind == 2 ? "all" : "any";
                var condition = kind == 2 ? Condition.All([.. items.Select(i => i.Condition)]) : Condition.Any([.. items.Select(i => i.Condition)]);
                return (condition, $$"""{ "{{name}}": [ {{string.Join(", ", items.Select(i => i.Json))}} ] }""");
            }

            default:
            {
                var (inner, innerJson) = RandomCondition(depth + 1);
                return (Condition.Not(inner), $$"""{ "not": {{innerJson}} }""");
            }
        }
    }

    private (ActivityFilter Filter, string Json) Filter()
    {
        string[] types = [.. Types.Where(_ => Chance(0.4)).Select(t => Chance(0.3) ? t.ToUpperInvariant() : t)];
        if (types.Length == 0)
        {
            types = [Types[_random.Next(Types.Length)]];
        }

        var filter = ActivityFilter.OfType(types);
        string typesJson = types.Length == 1 && Chance(0.5) ? $"\"{types[0]}\"" : $"[{string.Join(", ", types.Select(t => $"\"{t}\""))}]";
        var parts = new List<string> { $"\"activity\": {typesJson}" };
        if (Chance(0.5))
        {
            double days = Days(0, 200);
            filter = filter.Within(days);
            parts.Add($"\"withinDays\": {F(days)}");
        }

        if (Chance(0.3))
        {
            var (test, testJson) = RandomTest(tag: true);
            filter = filter.WithTag(test);
            parts.Add($"\"tag\": {{ {testJson} }}");
        }

        if (Chance(0.25))
        {
            filter = filter.OncePerTag();
            parts.Add("\"distinctTags\": true");
        }

        if (Chance(0.25))
        {
            int perDay = _random.Next(1, 4);
            filter = filter.AtMostPerDay(perDay);
            parts.Add($"\"maxPerDay\": {perDay}");
        }

        return (filter, $"{{ {string.Join(", ", parts)} }}");
    }

    private (ValueTest Test, string Json) RandomTest(bool tag = false)
    {
        string text = tag ? Tags[_random.Next(Tags.Length)] : "vp";
        double number = Number(-10, 1000);
        return _random.Next(tag ? 9 : 14) switch
        {
            0 => (ValueTest.Exists(), "\"op\": \"exists\""),
            1 => (ValueTest.Missing(), "\"op\": \"missing\""),
            2 => (ValueTest.Eq(text), $"\"op\": \"eq\", \"value\": \"{text}\""),
            3 => (ValueTest.Neq(text), $"\"op\": \"neq\", \"value\": \"{text}\""),
            4 => (ValueTest.Contains(text[1..]), $"\"op\": \"contains\", \"value\": \"{text[1..]}\""),
            5 => (ValueTest.StartsWith(text[..2]), $"\"op\": \"startsWith\", \"value\": \"{text[..2]}\""),
            6 => (ValueTest.In(text, 5, true), $"\"op\": \"in\", \"value\": [\"{text}\", 5, true]"),
            7 => (ValueTest.ContainsAny("vp", "o"), "\"op\": \"containsAny\", \"value\": [\"vp\", \"o\"]"),
            8 => (ValueTest.Matches("^/?(pr|li)"), "\"op\": \"matches\", \"value\": \"^/?(pr|li)\""),
            9 => (ValueTest.Gt(number), $"\"op\": \"gt\", \"value\": {F(number)}"),
            10 => (ValueTest.Lte(number), $"\"op\": \"lte\", \"value\": {F(number)}"),
            11 => (ValueTest.Between(number, number + 500), $"\"op\": \"between\", \"value\": [{F(number)}, {F(number + 500)}]"),
            12 => (ValueTest.IsTrue(), "\"op\": \"isTrue\""),
            _ => (ValueTest.NotIn(1, false), "\"op\": \"notIn\", \"value\": [1, false]"),
        };
    }

    private double Days(double min, double max) => Math.Max(Number(min, max) * _dayScale, min == 0 ? 0 : 1e-3);

    private bool Chance(double p) => _random.NextDouble() < p;

    private double Number(double min, double max) => Math.Round(min + (_random.NextDouble() * (max - min)), 2);

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
