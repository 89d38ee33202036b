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
        string? title = null, email = null, industry = null;
        double employees = double.NaN, revenue = double.NaN, timeline = double.NaN;
        bool hasEmail = false, hasAuthority = false, competitor = false, student = false, budget = false, need = false;
        foreach (ref readonly var attribute in lead.Attributes)
        {
            var v = attribute.Value;
            switch (attribute.Name.Length)
            {
                case 5 when Is(attribute.Name, "email"): email = v.AsString; hasEmail = v.IsPresent; break;
                case 8 when Is(attribute.Name, "jobTitle"): title = v.AsString; break;
                case 8 when Is(attribute.Name, "industry"): industry = v.AsString; break;
                case 9 when Is(attribute.Name, "employees"): employees = v.AsNumber ?? double.NaN; break;
                case 9 when Is(attribute.Name, "isStudent"): student = v.AsBoolean == true; break;
                case 12 when Is(attribute.Name, "hasAuthority"): hasAuthority = v.AsBoolean == true; break;
                case 12 when Is(attribute.Name, "isCompetitor"): competitor = v.AsBoolean == true; break;
                case 13 when Is(attribute.Name, "annualRevenue"): revenue = v.AsNumber ?? double.NaN; break;
                case 14 when Is(attribute.Name, "needIdentified"): need = v.AsBoolean == true; break;
                case 15 when Is(attribute.Name, "budgetConfirmed"): budget = v.AsBoolean == true; break;
                case 20 when Is(attribute.Name, "purchaseTimelineDays"): timeline = v.AsNumber ?? double.NaN; break;
            }
        }

        long asOfTicks = asOf.UtcTicks;
        long newest = long.MaxValue;
        double pricing = 0, content = 0, visits = 0, clicks = 0, opens = 0, replies = 0, social = 0;
        bool handRaiser = false, unsubscribed = false, bounced = false, follows = false;
        foreach (ref readonly var activity in lead.Activities)
        {
            long ticks = asOfTicks - activity.At.UtcTicks;
            if (ticks < 0)
            {
                continue;
            }

            newest = Math.Min(newest, ticks);
            double age = ticks / (double)TimeSpan.TicksPerDay;
            string t = activity.Type;
            switch (t.Length)
            {
                case 9 when Is(t, "page_view"): if (age <= 30) { visits += Math.Exp(age * DecayRate); } break;
                case 10 when Is(t, "email_open"): opens += Math.Exp(age * DecayRate); break;
                case 11 when Is(t, "email_click"): clicks += Math.Exp(age * DecayRate); break;
                case 11 when Is(t, "email_reply"): replies += Math.Exp(age * DecayRate); break;
                case 12 when Is(t, "email_bounce"): bounced |= age <= 90; break;
                case 12 when Is(t, "social_share"): if (age <= 90) { social += Math.Exp(age * DecayRate); } break;
                case 13 when Is(t, "social_follow"): follows = true; break;
                case 13 when Is(t, "trial_started") || Is(t, "contact_sales"): handRaiser |= age <= 60; break;
                case 14 when Is(t, "demo_requested"): handRaiser |= age <= 60; break;
                case 14 when Is(t, "social_mention"): if (age <= 90) { social += Math.Exp(age * DecayRate); } break;
                case 15 when Is(t, "quote_requested"): handRaiser |= age <= 60; break;
                case 16 when Is(t, "content_download") || Is(t, "webinar_attended"): if (age <= 180) { content += Math.Exp(age * DecayRate); } break;
                case 17 when Is(t, "pricing_page_view"): if (age <= 90) { pricing += Math.Exp(age * DecayRate); } break;
                case 17 when Is(t, "email_unsubscribe"): unsubscribed = true; break;
            }
        }

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
