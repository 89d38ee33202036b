using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace LeadScoring.Benchmarks.Baselines;

/// <summary>
/// The built-in rule set (src/LeadScoring/Resources/default.json) written by hand, as fast as we could
/// make it: one pass over attributes and one over activities, per-rule sums in locals, case-insensitive
/// type matching by length then ASCII comparison, <c>exp</c> for decay, vectorised substring search.
/// It knows nothing but this one rule set; <see cref="BaselineResult.Verify"/> checks it against the engine.
/// </summary>
public static class HandWrittenDefaultScorer
{
    private static readonly SearchValues<string> ExecutiveTitles = SearchValues.Create(
        ["Chief", "CEO", "CTO", "CMO", "CFO", "CIO", "VP", "Vice President", "Head of", "Director"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> ManagerTitles = SearchValues.Create(["Manager", "Lead"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> JuniorTitles = SearchValues.Create(["Intern", "Trainee", "Assistant"], StringComparison.OrdinalIgnoreCase);
    private static readonly string[] TargetIndustries = ["Software", "SaaS", "Finance", "Financial Services", "Healthcare", "Manufacturing"];

    private static readonly Regex FreeEmail = new(
        @"@(gmail|googlemail|yahoo|hotmail|outlook|live|aol|icloud|gmx|proton(mail)?)\.",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private const double DecayRate = -0.69314718055994530942 / 30; // ln(0.5) / half-life

    public static BaselineResult Score(Lead lead, DateTimeOffset asOf)
    {
        var x = new Inputs();
        foreach (ref readonly var attribute in lead.Attributes)
        {
            var v = attribute.Value;
            switch (attribute.Name.Length)
            {
                case 5 when Is(attribute.Name, "email"): x.Email = v.AsString; x.HasEmail = v.IsPresent; break;
                case 8 when Is(attribute.Name, "jobTitle"): x.Title = v.AsString; break;
                case 8 when Is(attribute.Name, "industry"): x.Industry = v.AsString; break;
                case 9 when Is(attribute.Name, "employees"): x.Employees = v.AsNumber ?? double.NaN; break;
                case 9 when Is(attribute.Name, "isStudent"): x.Student = v.AsBoolean == true; break;
                case 12 when Is(attribute.Name, "hasAuthority"): x.HasAuthority = v.AsBoolean == true; break;
                case 12 when Is(attribute.Name, "isCompetitor"): x.Competitor = v.AsBoolean == true; break;
                case 13 when Is(attribute.Name, "annualRevenue"): x.Revenue = v.AsNumber ?? double.NaN; break;
                case 14 when Is(attribute.Name, "needIdentified"): x.Need = v.AsBoolean == true; break;
                case 15 when Is(attribute.Name, "budgetConfirmed"): x.Budget = v.AsBoolean == true; break;
                case 20 when Is(attribute.Name, "purchaseTimelineDays"): x.Timeline = v.AsNumber ?? double.NaN; break;
            }
        }

        long asOfTicks = asOf.UtcTicks;
        foreach (ref readonly var activity in lead.Activities)
        {
            long ticks = asOfTicks - activity.At.UtcTicks;
            if (ticks < 0)
            {
                continue;
            }

            x.Newest = Math.Min(x.Newest, ticks);
            double age = ticks / (double)TimeSpan.TicksPerDay;
            string t = activity.Type;
            switch (t.Length)
            {
                case 9 when Is(t, "page_view"): if (age <= 30) { x.Visits += Math.Exp(age * DecayRate); } break;
                case 10 when Is(t, "email_open"): x.Opens += Math.Exp(age * DecayRate); break;
                case 11 when Is(t, "email_click"): x.Clicks += Math.Exp(age * DecayRate); break;
                case 11 when Is(t, "email_reply"): x.Replies += Math.Exp(age * DecayRate); break;
                case 12 when Is(t, "email_bounce"): x.Bounced |= age <= 90; break;
                case 12 when Is(t, "social_share"): if (age <= 90) { x.Social += Math.Exp(age * DecayRate); } break;
                case 13 when Is(t, "social_follow"): x.Follows = true; break;
                case 13 when Is(t, "trial_started") || Is(t, "contact_sales"): x.HandRaiser |= age <= 60; break;
                case 14 when Is(t, "demo_requested"): x.HandRaiser |= age <= 60; break;
                case 14 when Is(t, "social_mention"): if (age <= 90) { x.Social += Math.Exp(age * DecayRate); } break;
                case 15 when Is(t, "quote_requested"): x.HandRaiser |= age <= 60; break;
                case 16 when Is(t, "content_download") || Is(t, "webinar_attended"): if (age <= 180) { x.Content += Math.Exp(age * DecayRate); } break;
                case 17 when Is(t, "pricing_page_view"): if (age <= 90) { x.Pricing += Math.Exp(age * DecayRate); } break;
                case 17 when Is(t, "email_unsubscribe"): x.Unsubscribed = true; break;
            }
        }

        return Finish(ref x);
    }

    /// <summary>The same rule set over the host's own typed objects: properties read directly, activity types an enum.</summary>
    public static BaselineResult Score(CrmLead lead, DateTimeOffset asOf)
    {
        var x = new Inputs
        {
            Email = lead.Email, HasEmail = lead.Email is not null, Title = lead.JobTitle, Industry = lead.Industry,
            Employees = lead.Employees ?? double.NaN, Revenue = lead.AnnualRevenue ?? double.NaN, Timeline = lead.PurchaseTimelineDays ?? double.NaN,
            HasAuthority = lead.HasAuthority == true, Competitor = lead.IsCompetitor == true, Student = lead.IsStudent == true,
            Budget = lead.BudgetConfirmed == true, Need = lead.NeedIdentified == true,
        };
        long asOfTicks = asOf.UtcTicks;
        foreach (var activity in lead.Events)
        {
            long ticks = asOfTicks - activity.At.UtcTicks;
            if (ticks < 0)
            {
                continue;
            }

            x.Newest = Math.Min(x.Newest, ticks);
            double age = ticks / (double)TimeSpan.TicksPerDay;
            switch (activity.Type)
            {
                case CrmEventType.PageView: if (age <= 30) { x.Visits += Math.Exp(age * DecayRate); } break;
                case CrmEventType.EmailOpen: x.Opens += Math.Exp(age * DecayRate); break;
                case CrmEventType.EmailClick: x.Clicks += Math.Exp(age * DecayRate); break;
                case CrmEventType.EmailReply: x.Replies += Math.Exp(age * DecayRate); break;
                case CrmEventType.EmailBounce: x.Bounced |= age <= 90; break;
                case CrmEventType.SocialShare or CrmEventType.SocialMention: if (age <= 90) { x.Social += Math.Exp(age * DecayRate); } break;
                case CrmEventType.SocialFollow: x.Follows = true; break;
                case CrmEventType.DemoRequested or CrmEventType.TrialStarted or CrmEventType.QuoteRequested or CrmEventType.ContactSales: x.HandRaiser |= age <= 60; break;
                case CrmEventType.ContentDownload or CrmEventType.WebinarAttended: if (age <= 180) { x.Content += Math.Exp(age * DecayRate); } break;
                case CrmEventType.PricingPageView: if (age <= 90) { x.Pricing += Math.Exp(age * DecayRate); } break;
                case CrmEventType.EmailUnsubscribe: x.Unsubscribed = true; break;
                default: break;
            }
        }

        return Finish(ref x);
    }

    private static BaselineResult Finish(ref Inputs x)
    {
        var (title, email, industry, employees, revenue, timeline) = (x.Title, x.Email, x.Industry, x.Employees, x.Revenue, x.Timeline);
        var (hasEmail, hasAuthority, competitor, student, budget, need) = (x.HasEmail, x.HasAuthority, x.Competitor, x.Student, x.Budget, x.Need);
        var (pricing, content, visits, clicks, opens, replies, social, newest) = (x.Pricing, x.Content, x.Visits, x.Clicks, x.Opens, x.Replies, x.Social, x.Newest);
        var (handRaiser, unsubscribed, bounced, follows) = (x.HandRaiser, x.Unsubscribed, x.Bounced, x.Follows);
        bool executive = title is not null && title.AsSpan().ContainsAny(ExecutiveTitles);
        double demographic = (executive ? 15 : 0)
            + (title is not null && !executive && title.AsSpan().ContainsAny(ManagerTitles) ? 8 : 0)
            + (hasAuthority ? 5 : 0)
            + (title is not null && title.AsSpan().ContainsAny(JuniorTitles) ? -10 : 0);
        double companyFit = (employees is >= 200 and <= 5000 ? 15 : 0)
            + (employees is >= 50 and < 200 ? 7 : 0)
            + (industry is not null && InTargetIndustry(industry) ? 10 : 0)
            + (revenue >= 10_000_000 ? 5 : 0)
            + (email is not null && FreeEmail.IsMatch(email) ? -10 : 0);
        double online = Math.Min(5 * pricing, 15) + Math.Min(6 * content, 18) + Math.Min(visits, 5) + (handRaiser ? 25 : 0);
        double emailScore = Math.Min(3 * clicks, 12) + Math.Min(opens, 5) + Math.Min(5 * replies, 10) + (unsubscribed ? -20 : 0) + (bounced ? -10 : 0);
        double socialScore = Math.Min(4 * social, 10) + (follows ? 3 : 0);
        double decay = 0;
        if (newest != long.MaxValue)
        {
            double days = newest / (double)TimeSpan.TicksPerDay;
            if (days > 30)
            {
                decay = Math.Max(-5 * (Math.Floor((days - 30) / 15) + 1), -25);
            }
        }

        demographic = Math.Clamp(demographic, -20, 25);
        companyFit = Math.Clamp(companyFit, -20, 25);
        online = Math.Min(online, 40);
        emailScore = Math.Clamp(emailScore, -20, 15);
        socialScore = Math.Min(socialScore, 10);
        decay = Math.Max(decay, -25);

        double fit = demographic + companyFit;
        double engagement = online + emailScore + socialScore + decay;
        double score = Math.Clamp(fit + engagement, 0, 100);

        string? stage;
        if (competitor || student || (title is not null && title.Contains("Student", StringComparison.OrdinalIgnoreCase)))
        {
            stage = LeadScore.DisqualifiedStage;
        }
        else if (!hasEmail)
        {
            stage = null;
        }
        else if (score < 40 || fit < 15)
        {
            stage = "IQL";
        }
        else
        {
            stage = score >= 65 && budget && hasAuthority && need && timeline <= 90 ? "SQL" : "MQL";
        }

        string grade = fit >= 35 ? "A" : fit >= 20 ? "B" : fit >= 10 ? "C" : "D";
        return new BaselineResult(score, fit, engagement, stage, grade);
    }

    /// <summary>What the rules read, gathered in one pass over attributes and one over activities.</summary>
    private struct Inputs
    {
        public string? Title, Email, Industry;
        public double Employees, Revenue, Timeline;
        public bool HasEmail, HasAuthority, Competitor, Student, Budget, Need;
        public double Pricing, Content, Visits, Clicks, Opens, Replies, Social;
        public bool HandRaiser, Unsubscribed, Bounced, Follows;
        public long Newest;

        public Inputs() => (Employees, Revenue, Timeline, Newest) = (double.NaN, double.NaN, double.NaN, long.MaxValue);
    }

    private static bool Is(string value, string literal) => Ascii.EqualsIgnoreCase(value, literal);

    private static bool InTargetIndustry(string industry)
    {
        foreach (string target in TargetIndustries)
        {
            if (string.Equals(industry, target, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
