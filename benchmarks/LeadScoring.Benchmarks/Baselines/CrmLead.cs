namespace LeadScoring.Benchmarks.Baselines;

/// <summary>A host's own lead type, as a CRM would hold it: typed properties, activity types an enum.</summary>
public sealed class CrmLead
{
    private static readonly Dictionary<string, CrmEventType> Types = Enum.GetValues<CrmEventType>()
        .ToDictionary(TypeName, t => t, StringComparer.OrdinalIgnoreCase);

    public required string Id { get; init; }

    public string? Email { get; init; }

    public string? JobTitle { get; init; }

    public string? Industry { get; init; }

    public double? Employees { get; init; }

    public double? AnnualRevenue { get; init; }

    public double? PurchaseTimelineDays { get; init; }

    public bool? HasAuthority { get; init; }

    public bool? IsCompetitor { get; init; }

    public bool? IsStudent { get; init; }

    public bool? BudgetConfirmed { get; init; }

    public bool? NeedIdentified { get; init; }

    public List<CrmEvent> Events { get; } = [];

    /// <summary>The rule set's name of an event type: <c>PricingPageView</c> is <c>pricing_page_view</c>.</summary>
    public static string TypeName(CrmEventType type) => type switch
    {
        CrmEventType.Other => "other",
        _ => string.Concat(type.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    /// <summary>The same lead as the CRM would have it (for the benchmarks: built from the synthetic leads).</summary>
    public static CrmLead From(Lead lead)
    {
        AttributeValue Get(string name) => lead.TryGetAttribute(name, out var value) ? value : AttributeValue.Missing;
        var crm = new CrmLead
        {
            Id = lead.Id, Email = Get("email").AsString, JobTitle = Get("jobTitle").AsString, Industry = Get("industry").AsString,
            Employees = Get("employees").AsNumber, AnnualRevenue = Get("annualRevenue").AsNumber, PurchaseTimelineDays = Get("purchaseTimelineDays").AsNumber,
            HasAuthority = Get("hasAuthority").AsBoolean, IsCompetitor = Get("isCompetitor").AsBoolean, IsStudent = Get("isStudent").AsBoolean,
            BudgetConfirmed = Get("budgetConfirmed").AsBoolean, NeedIdentified = Get("needIdentified").AsBoolean,
        };
        foreach (var activity in lead.Activities)
        {
            crm.Events.Add(new CrmEvent(Types.TryGetValue(activity.Type, out var type) ? type : CrmEventType.Other, activity.At, activity.Tag));
        }

        return crm;
    }
}

/// <summary>One thing a CRM lead did.</summary>
public sealed record CrmEvent(CrmEventType Type, DateTimeOffset At, string? Tag);

/// <summary>The CRM's activity types.</summary>
public enum CrmEventType
{
    Other,
    PricingPageView,
    ContentDownload,
    WebinarAttended,
    PageView,
    DemoRequested,
    TrialStarted,
    QuoteRequested,
    ContactSales,
    EmailClick,
    EmailOpen,
    EmailReply,
    EmailBounce,
    EmailUnsubscribe,
    SocialShare,
    SocialMention,
    SocialFollow,
    FormSubmitted,
}
