using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>
/// A thread remembers the attribute names of the lead it scored last, by position, with their field slots. A score must
/// not depend on what the thread scored before: other leads, with the same name strings or others, in another order,
/// and other models.
/// </summary>
public sealed class RememberedSlotsTests
{
    private static readonly DateTimeOffset AsOf = TestRuleSets.AsOf;

    // The names leads are made of: names the built-in rule set reads, the same names in other cases and as other
    // strings of the same text, and names it does not read.
    private static readonly string[] Names =
    [
        "email", "jobTitle", "employees", "industry", "annualRevenue", "isCompetitor", "isStudent", "hasAuthority",
        "budgetConfirmed", "needIdentified", "purchaseTimelineDays",
        "JOBTITLE", "Employees", new string("jobTitle".AsSpan()), new string("isCompetitor".AsSpan()),
        "firstName", "city", "x",
    ];

    [Property(MaxTest = 300)]
    public void A_score_is_the_same_whatever_the_thread_scored_before(Seed seed)
    {
        var random = new Random(seed);
        var model = ScoringModel.Default;
        var other = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        var leads = Enumerable.Range(0, 12).Select(i => RandomLead(random, $"L{i}")).ToArray();

        // In a row: each lead after the one before, mostly with the same name strings.
        var inARow = leads.Select(lead => model.Score(lead, AsOf)).ToArray();
        for (int i = 0; i < leads.Length; i++)
        {
            // Right after another model has scored on this thread: nothing remembered for this one.
            other.Score(leads[i], AsOf);
            AssertSame(model.Score(leads[i], AsOf), inARow[i]);
        }
    }

    [Fact]
    public void A_name_at_a_position_past_those_remembered_is_still_read()
    {
        var lead = new Lead("wide");
        for (int i = 0; i < 40; i++)
        {
            lead.Set($"unused{i}", i);
        }

        lead.Set("isCompetitor", true).Set("jobTitle", "VP Sales");
        var score = ScoringModel.Default.Score(lead, AsOf);
        Assert.True(score.IsDisqualified);
        Assert.Equal(15, score.Demographic);
    }

    [Fact]
    public void The_same_name_string_at_another_position_is_looked_up_again()
    {
        var model = ScoringModel.Default;
        var first = new Lead("a").Set("jobTitle", "VP Sales").Set("employees", 300);
        var swapped = new Lead("b").Set("employees", "VP Sales").Set("jobTitle", 300);
        Assert.Equal(30, model.Score(first, AsOf).Fit);
        Assert.Equal(0, model.Score(swapped, AsOf).Fit);
    }

    private static Lead RandomLead(Random random, string id)
    {
        var lead = new Lead(id);
        var names = random.Next(4) == 0 ? Names.OrderBy(_ => random.Next()).ToArray() : Names; // mostly the same order
        foreach (string name in names.Where(_ => random.Next(3) > 0))
        {
            lead.Set(name, random.Next(4) switch
            {
                0 => AttributeValue.FromNumber(random.Next(0, 6000)),
                1 => AttributeValue.FromBoolean(random.Next(2) == 0),
                2 => AttributeValue.FromString(random.Next(2) == 0 ? "VP Marketing" : "Software"),
                _ => AttributeValue.FromString(random.Next(2) == 0 ? "p@gmail.com" : "Student"),
            });
        }

        return lead;
    }

    private static void AssertSame(LeadScore expected, LeadScore actual)
    {
        Assert.Equal(expected.Score, actual.Score);
        foreach (var category in ScoreCategories.All)
        {
            Assert.Equal(expected[category], actual[category]);
        }

        Assert.Equal(expected.Stage, actual.Stage);
        Assert.Equal(expected.Grade, actual.Grade);
        Assert.Equal(expected.DisqualifiedBy, actual.DisqualifiedBy);
    }
}
