// Writes samples/history.jsonl: a seeded, realistic year of B2B leads with won/lost outcomes, for the calibration
// walk-through in README.md. Outcomes are drawn from a hidden propensity that the built-in rule set only partly
// captures: it over-rewards email opens, social activity and any hand-raise, and under-rewards webinars, replies,
// repeated pricing views and company size.
//
//   dotnet run --project samples/History -- samples/history.jsonl
//
// 1,000 decided leads (the last 250 lines, by outcome date, are the test set of --holdout 0.25) and 120 undecided
// ones, which come first.
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

const int Decided = 1000;
const int Undecided = 120;
var random = new Random(20261124);
var start = new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
var end = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

(string Title, double Weight)[] titles =
[
    ("Chief Marketing Officer", 1.0), ("VP Sales", 0.9), ("Head of Growth", 0.8), ("Director of IT", 0.7),
    ("Marketing Manager", 0.3), ("Team Lead", 0.2), ("Analyst", 0), ("Engineer", 0), ("Consultant", -0.2),
    ("Marketing Assistant", -0.6), ("Intern", -0.9),
];
string[] industries = ["Software", "SaaS", "Finance", "Healthcare", "Manufacturing", "Retail", "Education", "Hospitality", "Logistics"];
string[] pages = ["/", "/features", "/blog/lead-scoring", "/docs", "/customers", "/careers"];
string[] assets = ["ebook-funnel", "whitepaper-roi", "checklist-mql"];

var leads = new List<(DateTimeOffset? DecidedAt, string Json)>();
for (int i = 0; i < Decided + Undecided; i++)
{
    bool decided = i < Decided;
    var (title, seniority) = titles[random.Next(titles.Length)];
    int employees = (int)Math.Round(Math.Exp(random.NextDouble() * 9.5)) + 1; // 1 to ~13,000, log-uniform
    string industry = industries[random.Next(industries.Length)];
    bool freeEmail = random.NextDouble() < 0.25;
    bool hasAuthority = random.NextDouble() < 0.2 + (0.5 * Math.Max(0, seniority));
    double interest = Gaussian(random); // drives activity, and winning

    var created = start.AddDays(random.NextDouble() * (decided ? 300 : 350));
    double span = 20 + (random.NextDouble() * 120);
    var activities = new List<(string Type, DateTimeOffset At, string? Tag)>();
    void Some(string type, double mean, Func<string?>? tag = null)
    {
        int count = Poisson(random, Math.Max(0, mean));
        for (int k = 0; k < count; k++)
        {
            activities.Add((type, created.AddDays(random.NextDouble() * span), tag?.Invoke()));
        }
    }

    Some("page_view", 2.5 + interest, () => pages[random.Next(pages.Length)]);
    Some("pricing_page_view", 0.6 + (0.6 * interest), () => "/pricing");
    Some("content_download", 0.5, () => assets[random.Next(assets.Length)]);
    Some("webinar_attended", 0.15 + (0.2 * interest), () => "webinar-q" + (1 + random.Next(4)));
    Some("email_open", 2.5, () => "newsletter");
    Some("email_click", 0.4 + (0.3 * interest), () => "newsletter");
    Some("email_reply", 0.1 + (0.2 * interest), () => "sales-sequence");
    Some("social_follow", 0.3);
    Some("social_share", 0.3);
    if (random.NextDouble() < 0.15 + (0.1 * interest))
    {
        activities.Add((random.Next(2) == 0 ? "demo_requested" : "contact_sales", created.AddDays(random.NextDouble() * span), null));
    }

    // The hidden propensity: what really wins deals here.
    bool coreSize = employees is >= 200 and <= 5000;
    bool targetIndustry = industry is "Software" or "SaaS" or "Finance" or "Healthcare" or "Manufacturing";
    bool webinar = activities.Any(a => a.Type == "webinar_attended");
    bool replied = activities.Any(a => a.Type == "email_reply");
    bool pricingTwice = activities.Count(a => a.Type == "pricing_page_view") >= 2;
    bool handRaised = activities.Any(a => a.Type is "demo_requested" or "contact_sales");
    double logit = -3.0 + (1.2 * seniority) + (1.0 * (coreSize ? 1 : 0)) + (0.4 * (targetIndustry ? 1 : 0)) - (1.0 * (freeEmail ? 1 : 0))
        + (1.4 * (webinar ? 1 : 0)) + (1.1 * (replied ? 1 : 0)) + (0.9 * (pricingTwice ? 1 : 0)) + (0.5 * (handRaised ? 1 : 0)) + (0.5 * interest);
    bool won = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
    var last = activities.Count == 0 ? created : activities.Max(a => a.At);
    DateTimeOffset? decidedAt = decided ? Min(last.AddDays(3 + (random.NextDouble() * 40)), end) : null;

    var buffer = new MemoryStream();
    using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
    {
        writer.WriteStartObject();
        writer.WriteString("id", $"H-{i + 1:0000}");
        writer.WriteStartObject("attributes");
        writer.WriteString("email", $"lead{i + 1}@{(freeEmail ? "gmail.com" : $"company{random.Next(400)}.example")}");
        writer.WriteString("jobTitle", title);
        writer.WriteNumber("employees", employees);
        writer.WriteString("industry", industry);
        writer.WriteNumber("annualRevenue", Math.Round(employees * (50_000 + (random.NextDouble() * 250_000))));
        writer.WriteBoolean("hasAuthority", hasAuthority);
        writer.WriteBoolean("budgetConfirmed", random.NextDouble() < 0.3);
        writer.WriteBoolean("needIdentified", random.NextDouble() < 0.5);
        writer.WriteNumber("purchaseTimelineDays", 30 * (1 + random.Next(12)));
        writer.WriteEndObject();
        writer.WriteStartArray("activities");
        foreach (var (type, at, tag) in activities)
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("at", at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (tag is not null)
            {
                writer.WriteString("tag", tag);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (decidedAt is { } at2)
        {
            writer.WriteStartObject("outcome");
            writer.WriteString("result", won ? "won" : "lost");
            writer.WriteString("at", at2.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    leads.Add((decidedAt, System.Text.Encoding.UTF8.GetString(buffer.ToArray())));
}

// Undecided leads first, then decided ones by outcome date: the last 250 lines are then the test set of --holdout 0.25
// with --lead-time-days applied alike to every lead.
string path = args.Length > 0 ? args[0] : "history.jsonl";
File.WriteAllLines(path, leads.OrderBy(l => l.DecidedAt ?? DateTimeOffset.MinValue).Select(l => l.Json));
Console.Error.WriteLine($"wrote {leads.Count} leads to {path}");

static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

static double Gaussian(Random random) =>
    Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

static int Poisson(Random random, double mean)
{
    // Knuth's method: fine for the small means used here.
    double limit = Math.Exp(-mean), product = random.NextDouble();
    int count = 0;
    while (product > limit)
    {
        count++;
        product *= random.NextDouble();
    }

    return count;
}
