using System.Text.Json;
using System.Text.RegularExpressions;

namespace LeadScoring.Tests.Support;

/// <summary>
/// SPEC sections 3.1-3.5 written as plainly as possible, straight off the rule-set JSON: every rule scans every
/// activity, nothing is compiled or cached. Slow and obviously faithful; the engine must agree with it.
/// </summary>
internal static class ReferenceScorer
{
    private static readonly string[] Categories = ["demographic", "companyFit", "onlineBehaviour", "emailEngagement", "socialEngagement", "decay"];

    public sealed record Result(double Score, double Fit, double Engagement, double[] Categories, string? Stage, string? Grade, List<string> DisqualifiedBy, List<(string Id, double Points)> Rules, double? Probability = null)
    {
        /// <summary>Every rule's contribution, zero ones included (rule-set order, then inactivity when the rule set has it).</summary>
        public List<(string Id, double Points)> AllContributions { get; init; } = [];
    }

    public static Result Score(JsonElement ruleSet, Lead lead, DateTimeOffset asOf)
    {
        var activities = lead.Activities.ToArray()
            .Select((a, i) => new Act(a.Type, (asOf.UtcTicks - a.At.UtcTicks) / (double)TimeSpan.TicksPerDay, a.Tag, a.At.UtcTicks / TimeSpan.TicksPerDay, i))
            .Where(a => a.Age >= 0)
            .ToList();

        var categories = new double[6];
        var contributions = new List<(string Id, double Points)>();
        foreach (var rule in ruleSet.GetProperty("rules").EnumerateArray())
        {
            int category = Array.IndexOf(Categories, rule.GetProperty("category").GetString());
            double points = rule.GetProperty("points").GetDouble();
            double raw = 0;
            if (rule.TryGetProperty("when", out var when))
            {
                raw = Holds(when, lead, activities) ? points : 0;
            }
            else
            {
                var each = rule.GetProperty("each");
                foreach (var a in Counted(each, activities))
                {
                    raw += points * Weight(ruleSet, Categories[category], a.Age);
                }
            }

            double contribution = rule.TryGetProperty("maxPoints", out var max) ? Math.Sign(raw) * Math.Min(Math.Abs(raw), max.GetDouble()) : raw;
            categories[category] += contribution;
            contributions.Add((rule.GetProperty("id").GetString()!, contribution));
        }

        if (ruleSet.TryGetProperty("inactivity", out var inactivity))
        {
            double contribution = 0;
            double after = inactivity.GetProperty("afterDays").GetDouble();
            if (activities.Count > 0 && activities.Min(a => a.Age) is var d && d > after)
            {
                double n = Math.Floor((d - after) / inactivity.GetProperty("everyDays").GetDouble()) + 1;
                double q = inactivity.GetProperty("points").GetDouble() * n;
                contribution = inactivity.TryGetProperty("maxPenalty", out var m) ? Math.Sign(q) * Math.Min(Math.Abs(q), m.GetDouble()) : q;
            }

            categories[5] += contribution;
            contributions.Add(("inactivity", contribution));
        }

        if (ruleSet.TryGetProperty("categories", out var limits))
        {
            foreach (var limit in limits.EnumerateObject())
            {
                int c = Array.IndexOf(Categories, limit.Name);
                if (limit.Value.TryGetProperty("min", out var lo))
                {
                    categories[c] = Math.Max(categories[c], lo.GetDouble());
                }

                if (limit.Value.TryGetProperty("max", out var hi))
                {
                    categories[c] = Math.Min(categories[c], hi.GetDouble());
                }
            }
        }

        double fit = categories[0] + categories[1];
        double engagement = categories[2] + categories[3] + categories[4] + categories[5];
        double min = 0, maxScore = 100;
        if (ruleSet.TryGetProperty("range", out var range))
        {
            min = range.TryGetProperty("min", out var r1) ? r1.GetDouble() : 0;
            maxScore = range.TryGetProperty("max", out var r2) ? r2.GetDouble() : 100;
        }

        double score = Math.Min(Math.Max(fit + engagement, min), maxScore);

        var disqualifiedBy = ruleSet.TryGetProperty("disqualify", out var dq)
            ? dq.EnumerateArray().Where(q => Holds(q.GetProperty("when"), lead, activities)).Select(q => q.GetProperty("id").GetString()!).ToList()
            : [];

        string? stage = null;
        if (disqualifiedBy.Count > 0)
        {
            stage = "Disqualified";
        }
        else if (ruleSet.TryGetProperty("stages", out var stages))
        {
            foreach (var s in stages.EnumerateArray())
            {
                bool holds = (!s.TryGetProperty("minScore", out var ms) || score >= ms.GetDouble())
                    && (!s.TryGetProperty("minFit", out var mf) || fit >= mf.GetDouble())
                    && (!s.TryGetProperty("minEngagement", out var me) || engagement >= me.GetDouble())
                    && (!s.TryGetProperty("when", out var w) || Holds(w, lead, activities));
                if (!holds)
                {
                    break;
                }

                stage = s.GetProperty("name").GetString();
            }
        }

        string? grade = null;
        if (ruleSet.TryGetProperty("grades", out var grades))
        {
            grade = grades.EnumerateArray().Where(g => g.GetProperty("minFit").GetDouble() <= fit).Select(g => g.GetProperty("grade").GetString()).FirstOrDefault()
                ?? (ruleSet.TryGetProperty("defaultGrade", out var dg) ? dg.GetString() : "D");
        }

        double? probability = ruleSet.TryGetProperty("probability", out var p)
            ? 1 / (1 + Math.Exp(-((p.GetProperty("slope").GetDouble() * score) + p.GetProperty("intercept").GetDouble())))
            : null;
        return new Result(score, fit, engagement, categories, stage, grade, disqualifiedBy, contributions.Where(c => c.Points != 0).ToList(), probability)
        {
            AllContributions = contributions,
        };
    }

    private static double Weight(JsonElement ruleSet, string category, double age)
    {
        if (!ruleSet.TryGetProperty("decay", out var decay))
        {
            return 1;
        }

        var decaying = decay.TryGetProperty("categories", out var list)
            ? list.EnumerateArray().Select(c => c.GetString()).ToList()
            : ["onlineBehaviour", "emailEngagement", "socialEngagement"];
        if (!decaying.Contains(category))
        {
            return 1;
        }

        return decay.TryGetProperty("halfLifeDays", out var h) ? Math.Pow(0.5, age / h.GetDouble()) : age <= decay.GetProperty("expireAfterDays").GetDouble() ? 1 : 0;
    }

    /// <summary>
    /// The activities a filter counts, in input order: those that match it; of those, with distinctTags, the most
    /// recent of each tag (ignoring case; untagged ones all stay); then with maxPerDay, the most recent N of each UTC day.
    /// </summary>
    private static List<Act> Counted(JsonElement filter, List<Act> activities)
    {
        var kept = activities.Where(a => Matches(filter, a)).ToList();
        if (filter.TryGetProperty("distinctTags", out var distinct) && distinct.GetBoolean())
        {
            kept = [.. kept.Where(a => a.Tag is null), .. kept.Where(a => a.Tag is not null).GroupBy(a => a.Tag!, StringComparer.OrdinalIgnoreCase).Select(g => g.MinBy(a => a.Age)!)];
        }

        if (filter.TryGetProperty("maxPerDay", out var max))
        {
            kept = [.. kept.GroupBy(a => a.Day).SelectMany(g => g.OrderBy(a => a.Age).Take(max.GetInt32()))];
        }

        return [.. kept.OrderBy(a => a.Index)];
    }

    private static bool Matches(JsonElement filter, Act activity)
    {
        var typeElement = filter.GetProperty("activity");
        var types = typeElement.ValueKind == JsonValueKind.String ? [typeElement.GetString()!] : typeElement.EnumerateArray().Select(t => t.GetString()!).ToList();
        return types.Any(t => string.Equals(t, activity.Type, StringComparison.OrdinalIgnoreCase))
            && (!filter.TryGetProperty("withinDays", out var within) || activity.Age <= within.GetDouble())
            && (!filter.TryGetProperty("tag", out var tag) || Test(tag, activity.Tag));
    }

    private static bool Holds(JsonElement condition, Lead lead, List<Act> activities)
    {
        if (condition.TryGetProperty("all", out var all))
        {
            return all.EnumerateArray().All(c => Holds(c, lead, activities));
        }

        if (condition.TryGetProperty("any", out var any))
        {
            return any.EnumerateArray().Any(c => Holds(c, lead, activities));
        }

        if (condition.TryGetProperty("not", out var not))
        {
            return !Holds(not, lead, activities);
        }

        if (condition.TryGetProperty("activity", out _))
        {
            int minCount = condition.TryGetProperty("minCount", out var m) ? m.GetInt32() : 1;
            return Counted(condition, activities).Count >= minCount;
        }

        string field = condition.GetProperty("field").GetString()!;
        object? value = null;
        foreach (var attribute in lead.Attributes)
        {
            if (string.Equals(attribute.Name, field, StringComparison.OrdinalIgnoreCase))
            {
                value = attribute.Value.Kind switch
                {
                    AttributeKind.String => attribute.Value.AsString,
                    AttributeKind.Number => attribute.Value.AsNumber,
                    AttributeKind.Boolean => attribute.Value.AsBoolean,
                    _ => null,
                };
            }
        }

        return Test(condition, value);
    }

    /// <summary>The attribute ops of SPEC 3.1 on a value that is null (missing), a string, a double or a bool.</summary>
    private static bool Test(JsonElement test, object? value)
    {
        string op = test.GetProperty("op").GetString()!;
        test.TryGetProperty("value", out var operand);
        if (op == "missing")
        {
            return value is null;
        }

        if (value is null)
        {
            return false;
        }

        switch (op)
        {
            case "exists": return true;
            case "eq": return SameValue(value, operand);
            case "neq": return !SameValue(value, operand);
            case "in": return operand.EnumerateArray().Any(o => SameValue(value, o));
            case "notIn": return !operand.EnumerateArray().Any(o => SameValue(value, o));
            case "isTrue": return value is true;
            case "isFalse": return value is false;
        }

        if (value is string s)
        {
            return op switch
            {
                "contains" => s.Contains(operand.GetString()!, StringComparison.OrdinalIgnoreCase),
                "startsWith" => s.StartsWith(operand.GetString()!, StringComparison.OrdinalIgnoreCase),
                "endsWith" => s.EndsWith(operand.GetString()!, StringComparison.OrdinalIgnoreCase),
                "containsAny" => operand.EnumerateArray().Any(o => s.Contains(o.GetString()!, StringComparison.OrdinalIgnoreCase)),
                "matches" => Regex.IsMatch(s, operand.GetString()!, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
                _ => false,
            };
        }

        if (value is double x)
        {
            return op switch
            {
                "gt" => x > operand.GetDouble(),
                "gte" => x >= operand.GetDouble(),
                "lt" => x < operand.GetDouble(),
                "lte" => x <= operand.GetDouble(),
                "between" => operand[0].GetDouble() <= x && x <= operand[1].GetDouble(),
                _ => false,
            };
        }

        return false;
    }

    private sealed record Act(string Type, double Age, string? Tag, long Day, int Index);

    private static bool SameValue(object value, JsonElement operand) => (value, operand.ValueKind) switch
    {
        (string s, JsonValueKind.String) => string.Equals(s, operand.GetString(), StringComparison.OrdinalIgnoreCase),
        (double x, JsonValueKind.Number) => x == operand.GetDouble(),
        (bool b, JsonValueKind.True) => b,
        (bool b, JsonValueKind.False) => !b,
        _ => false,
    };
}
