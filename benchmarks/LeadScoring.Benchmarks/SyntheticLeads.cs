namespace LeadScoring.Benchmarks;

/// <summary>Deterministic synthetic leads (seeded), shared by every benchmark so that runs compare like with like.</summary>
public static class SyntheticLeads
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] ActivityTypes =
    [
        "pricing_page_view", "content_download", "webinar_attended", "page_view", "demo_requested", "email_click",
        "email_open", "email_reply", "email_bounce", "social_share", "social_mention", "social_follow", "form_submitted",
    ];

    private static readonly string[] Titles = ["VP Marketing", "Marketing Manager", "Chief Revenue Officer", "Analyst", "Head of Growth", "Intern", "Director IT"];
    private static readonly string[] Industries = ["Software", "Finance", "Retail", "Healthcare", "Education"];
    private static readonly string[] Tags = ["/pricing", "/blog/lead-scoring", "ebook-roi", "linkedin", "nov-newsletter"];

    /// <summary>
    /// <paramref name="count"/> leads whose activity counts average <paramref name="averageActivities"/>
    /// (uniform in 0..2x), ages uniform over the last 200 days.
    /// </summary>
    public static Lead[] Create(int count, int averageActivities, int seed = 42)
    {
        var random = new Random(seed);
        var leads = new Lead[count];
        for (int i = 0; i < count; i++)
        {
            var lead = new Lead($"L-{i}")
                .Set("email", random.Next(5) == 0 ? $"p{i}@gmail.com" : $"p{i}@company{i % 97}.com")
                .Set("jobTitle", Titles[random.Next(Titles.Length)])
                .Set("employees", random.Next(5, 20_000))
                .Set("industry", Industries[random.Next(Industries.Length)])
                .Set("annualRevenue", random.Next(100_000, 500_000_000))
                .Set("budgetConfirmed", random.Next(2) == 0)
                .Set("hasAuthority", random.Next(2) == 0)
                .Set("needIdentified", random.Next(2) == 0)
                .Set("purchaseTimelineDays", random.Next(10, 365));
            if (random.Next(50) == 0)
            {
                lead.Set("isCompetitor", true);
            }

            int activities = averageActivities == 0 ? 0 : random.Next(0, (2 * averageActivities) + 1);
            for (int a = 0; a < activities; a++)
            {
                lead.AddActivity(
                    ActivityTypes[random.Next(ActivityTypes.Length)],
                    AsOf.AddSeconds(-random.Next(0, 200 * 86_400)),
                    random.Next(3) == 0 ? null : Tags[random.Next(Tags.Length)]);
            }

            leads[i] = lead;
        }

        return leads;
    }
}
