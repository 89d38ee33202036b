namespace LeadScoring.Benchmarks.Baselines;

/// <summary>The typed input a RulesEngine workflow reads: attributes as properties, activities with their age at as-of.</summary>
public sealed class LeadFacts
{
    public string? Email { get; set; }

    public string? JobTitle { get; set; }

    public string? Industry { get; set; }

    public double? Employees { get; set; }

    public double? AnnualRevenue { get; set; }

    public double? PurchaseTimelineDays { get; set; }

    public bool? HasAuthority { get; set; }

    public bool? IsCompetitor { get; set; }

    public bool? IsStudent { get; set; }

    public bool? BudgetConfirmed { get; set; }

    public bool? NeedIdentified { get; set; }

    public double? DaysSinceLastActivity { get; set; }

    public List<ActivityFact> Activities { get; } = [];

    public static LeadFacts From(Lead lead, DateTimeOffset asOf)
    {
        var facts = new LeadFacts();
        foreach (var attribute in lead.Attributes)
        {
            var v = attribute.Value;
            switch (attribute.Name.ToLowerInvariant())
            {
                case "email": facts.Email = v.IsPresent ? v.AsString ?? v.ToString() : null; break;
                case "jobtitle": facts.JobTitle = v.AsString; break;
                case "industry": facts.Industry = v.AsString; break;
                case "employees": facts.Employees = v.AsNumber; break;
                case "annualrevenue": facts.AnnualRevenue = v.AsNumber; break;
                case "purchasetimelinedays": facts.PurchaseTimelineDays = v.AsNumber; break;
                case "hasauthority": facts.HasAuthority = v.AsBoolean; break;
                case "iscompetitor": facts.IsCompetitor = v.AsBoolean; break;
                case "isstudent": facts.IsStudent = v.AsBoolean; break;
                case "budgetconfirmed": facts.BudgetConfirmed = v.AsBoolean; break;
                case "needidentified": facts.NeedIdentified = v.AsBoolean; break;
            }
        }

        foreach (var activity in lead.Activities)
        {
            double age = (asOf - activity.At).TotalDays;
            if (age >= 0)
            {
                facts.Activities.Add(new ActivityFact(activity.Type.ToLowerInvariant(), age, activity.Tag));
                facts.DaysSinceLastActivity = Math.Min(facts.DaysSinceLastActivity ?? double.MaxValue, age);
            }
        }

        return facts;
    }
}

/// <summary>One activity as a RulesEngine fact.</summary>
public sealed record ActivityFact(string Type, double Age, string? Tag);
