using FsCheck.Xunit;
using LeadScoring.Tests.Support;

namespace LeadScoring.Tests.Scoring;

/// <summary>Scoring a host's own objects through a binding: the same results as converting them to leads.</summary>
public sealed class LeadBindingTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Titles = ["VP Sales", "Director", "/pricing VP", "Analyst"];
    private static readonly string[] Tags = ["/pricing", "/blog", "ebook", "LINKEDIN"];

    public enum Kind
    {
        View,
        Click,
        Open,
        Demo,
        Share,
        Unknown,
    }

    [Property(MaxTest = 200)]
    public void A_bound_host_object_scores_as_the_lead_it_converts_to(Seed seed)
    {
        var model = ScoringModel.FromJson(RandomRuleSet.Create(seed).Json);
        var byName = model.Bind<Contact>(b => b
            .Text("title", c => c.Title).Number("EMPLOYEES", c => c.Employees).Text("industry", c => c.Industry)
            .Boolean("budget", c => c.Budget).Number("revenue", c => c.Revenue).Text("not-in-any-rule", c => throw new InvalidOperationException("never read"))
            .Activities(c => c.Events, e => e.TypeText, e => e.At, e => e.Tag));
        var byEnum = model.Bind<Contact>(b => b
            .Text("title", c => c.Title).Number("employees", c => c.Employees).Text("industry", c => c.Industry)
            .Boolean("budget", c => c.Budget).Number("revenue", c => c.Revenue)
            .Activities(c => c.Events, e => e.Kind, KindName, e => e.At, e => e.Tag));

        // Lists and arrays are read as spans, any other list through its indexer: all must score alike.
        var fromArray = model.Bind<Contact>(b => b
            .Text("title", c => c.Title).Number("employees", c => c.Employees).Text("industry", c => c.Industry)
            .Boolean("budget", c => c.Budget).Number("revenue", c => c.Revenue)
            .Activities(c => c.Events?.ToArray(), e => e.TypeText, e => e.At, e => e.Tag));
        var fromOtherList = model.Bind<Contact>(b => b
            .Text("title", c => c.Title).Number("employees", c => c.Employees).Text("industry", c => c.Industry)
            .Boolean("budget", c => c.Budget).Number("revenue", c => c.Revenue)
            .Activities(c => c.Events?.AsReadOnly(), e => e.Kind, KindName, e => e.At, e => e.Tag));

        var random = new Random(seed);
        for (int i = 0; i < 20; i++)
        {
            var contact = RandomContact(random, i);
            string expected = TestText.Of(model.Score(ToLead(contact), AsOf));
            Assert.Equal(expected, TestText.Of(byName.Score(contact, AsOf)));
            Assert.Equal(expected, TestText.Of(byEnum.Score(contact, AsOf)));
            Assert.Equal(expected, TestText.Of(fromArray.Score(contact, AsOf)));
            Assert.Equal(expected, TestText.Of(fromOtherList.Score(contact, AsOf)));
        }

        static string KindName(Kind kind) => kind == Kind.Unknown ? "unknown_type" : kind.ToString().ToLowerInvariant();
    }

    [Fact]
    public void Tags_are_read_only_when_some_rule_reads_them()
    {
        var contact = new Contact("C-1", "VP Sales", 300, null, true, null, [new(Kind.View, "view", AsOf.AddDays(-1), "/pricing")]);
        int reads = 0;
        string? CountedTag(Event e)
        {
            reads++;
            return e.Tag;
        }

        ScoringModel.Default.Bind<Contact>(b => b.Activities(c => c.Events, e => e.TypeText, e => e.At, CountedTag)).Score(contact, AsOf);
        Assert.Equal(0, reads); // the built-in rule set tests no tag

        var tagged = ScoringModel.FromJson("""
            {"schemaVersion":1,"name":"t","version":"1","rules":[{"id":"r","category":"onlineBehaviour","points":5,
             "each":{"activity":"view","tag":{"op":"startsWith","value":"/pricing"}}}]}
            """);
        var score = tagged.Bind<Contact>(b => b.Activities(c => c.Events, e => e.TypeText, e => e.At, CountedTag)).Score(contact, AsOf);
        Assert.Equal(1, reads);
        Assert.Equal(5, score.Score);
    }

    [Fact]
    public void Scoring_through_a_binding_allocates_nothing()
    {
        var model = ScoringModel.Default;
        var binding = model.Bind<Contact>(b => b
            .Text("jobTitle", c => c.Title).Number("employees", c => c.Employees).Boolean("budgetConfirmed", c => c.Budget)
            .Activities(c => c.Events, e => e.Kind, k => k == Kind.View ? "pricing_page_view" : "email_open", e => e.At, e => e.Tag));
        var contact = new Contact("C-1", "VP Sales", 300, null, true, null, [new(Kind.View, "view", AsOf.AddDays(-1), "/pricing"), new(Kind.Open, "open", AsOf.AddDays(-2), null)]);
        Assert.Equal(model.Score(ToLead(contact, k => k == Kind.View ? "pricing_page_view" : "email_open"), AsOf).Score, binding.Score(contact, AsOf).Score);

        binding.Score(contact, AsOf);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            binding.Score(contact, AsOf);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_delegate_that_throws_leaves_nothing_behind_for_the_next_score()
    {
        var model = ScoringModel.Default;
        var binding = model.Bind<Contact>(b => b.Activities(
            c => c.Events, e => e.TypeText, e => e.Tag == "boom" ? throw new InvalidOperationException("host failure") : e.At, null));
        var failing = new Contact("C-1", null, null, null, null, null, [new(Kind.View, "email_reply", AsOf.AddDays(-1), null), new(Kind.View, "email_reply", AsOf, "boom")]);
        var quiet = new Contact("C-2", null, null, null, null, null, [new(Kind.View, "page_view", AsOf.AddDays(-40), null)]);

        Assert.Throws<InvalidOperationException>(() => binding.Score(failing, AsOf));

        // The reply read before the failure must not count for the next lead scored on this thread.
        Assert.Equal(TestText.Of(model.Score(ToLead(quiet), AsOf)), TestText.Of(binding.Score(quiet, AsOf)));
        Assert.Equal(0, binding.Score(quiet, AsOf)[ScoreCategory.EmailEngagement]);
    }

    [Fact]
    public void Bad_descriptions_are_rejected_where_they_are_made()
    {
        var model = ScoringModel.Default;
        Assert.Throws<ArgumentNullException>(() => model.Bind<Contact>(null!));
        Assert.Throws<ArgumentException>(() => model.Bind<Contact>(b => b.Text("jobTitle", c => c.Title).Text("JOBTITLE", c => c.Industry)));
        Assert.Throws<ArgumentException>(() => model.Bind<Contact>(b => b.Number("", c => c.Employees)));
        Assert.Throws<InvalidOperationException>(() => model.Bind<Contact>(b => b
            .Activities(c => c.Events, e => e.TypeText, e => e.At, null)
            .Activities(c => c.Events, e => e.TypeText, e => e.At, null)));
        var binding = model.Bind<Contact>(b => b.Text("jobTitle", c => c.Title));
        Assert.Same(model, binding.Model);
        Assert.Throws<ArgumentNullException>(() => binding.Score(null!, AsOf));
    }

    private static Contact RandomContact(Random random, int i)
    {
        var events = new List<Event>();
        for (int a = random.Next(0, 20); a > 0; a--)
        {
            var kind = (Kind)random.Next(6);
            string text = kind == Kind.Unknown ? "unknown_type" : kind.ToString();
            events.Add(new Event(kind, random.Next(2) == 0 ? text.ToLowerInvariant() : text.ToUpperInvariant(), AsOf.AddDays(-random.NextDouble() * 300 + 5), random.Next(3) == 0 ? null : Tags[random.Next(Tags.Length)]));
        }

        return new Contact(
            $"C-{i}",
            random.Next(3) == 0 ? null : Titles[random.Next(Titles.Length)],
            random.Next(3) == 0 ? null : Math.Round(random.NextDouble() * 2000, 1),
            random.Next(2) == 0 ? null : "Software",
            random.Next(3) == 0 ? null : random.Next(2) == 0,
            random.Next(2) == 0 ? null : random.Next(100, 5000),
            random.Next(5) == 0 ? null : events);
    }

    private static Lead ToLead(Contact contact, Func<Kind, string>? name = null)
    {
        var lead = new Lead(contact.Id);
        if (contact.Title is { } title)
        {
            lead.Set("title", title);
        }

        if (contact.Employees is { } employees)
        {
            lead.Set("employees", employees);
        }

        if (contact.Industry is { } industry)
        {
            lead.Set("industry", industry);
        }

        if (contact.Budget is { } budget)
        {
            lead.Set("budget", budget);
        }

        if (contact.Revenue is { } revenue)
        {
            lead.Set("revenue", revenue);
        }

        foreach (var e in contact.Events ?? [])
        {
            lead.AddActivity(name?.Invoke(e.Kind) ?? e.TypeText, e.At, e.Tag);
        }

        // The same names on the jobTitle/budgetConfirmed spelling, for the built-in rule set.
        if (name is not null)
        {
            lead.Set("jobTitle", contact.Title).Set("budgetConfirmed", contact.Budget is { } b ? b : AttributeValue.Missing);
        }

        return lead;
    }

    public sealed record Event(Kind Kind, string TypeText, DateTimeOffset At, string? Tag);

    public sealed record Contact(string Id, string? Title, double? Employees, string? Industry, bool? Budget, double? Revenue, List<Event>? Events);
}
