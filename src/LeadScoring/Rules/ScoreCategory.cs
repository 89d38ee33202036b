namespace LeadScoring.Rules;

/// <summary>
/// The six categories every rule belongs to. Fit is <see cref="Demographic"/> + <see cref="CompanyFit"/>;
/// engagement is the other four.
/// </summary>
public enum ScoreCategory
{
    /// <summary>Who the person is (title, seniority, role). JSON: <c>demographic</c>.</summary>
    Demographic = 0,

    /// <summary>How well the company fits (size, industry, revenue). JSON: <c>companyFit</c>.</summary>
    CompanyFit = 1,

    /// <summary>Web and product behaviour. JSON: <c>onlineBehaviour</c>.</summary>
    OnlineBehaviour = 2,

    /// <summary>Email opens, clicks, replies, unsubscribes. JSON: <c>emailEngagement</c>.</summary>
    EmailEngagement = 3,

    /// <summary>Shares, mentions, follows. JSON: <c>socialEngagement</c>.</summary>
    SocialEngagement = 4,

    /// <summary>Points lost for inactivity (and any rule filed here). JSON: <c>decay</c>.</summary>
    Decay = 5,
}
