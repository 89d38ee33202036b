using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using LeadScoring.Hosting;
using LeadScoring.Leads;
using LeadScoring.Scoring;

namespace LeadScoring.Samples.WebApi;

/// <summary>
/// A minimal scoring service: <c>POST /score</c> takes one lead or an array of leads (lead JSON) and
/// answers with the result lines of <c>leadscore score</c>; <c>POST /score/lead</c> binds a <see cref="Lead"/> as a
/// typed request body (the library's JSON converters) and returns its <see cref="LeadScore"/>; <c>GET /ruleset</c> says which rule set is serving;
/// <c>GET /health</c> is the lead-scoring health check. Metrics and traces are published as <c>LeadScoring.Hosting</c>
/// (<c>dotnet-counters monitor --counters LeadScoring.Hosting</c>).
/// The rule set is the file named by configuration <c>LeadScoring:RuleSetPath</c>, reloaded when it changes.
/// </summary>
internal static class ScoringApi
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddLeadScoring(builder.Configuration.GetSection("LeadScoring"));
        builder.Services.AddHealthChecks().AddLeadScoring(); // Degraded while serving the last good rule set after a failed reload
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddLeadScoringConverters()); // Lead in, LeadScore out, with the format's names
        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapPost("/score", ScoreAsync);
        app.MapPost("/score/lead", (Lead lead, ILeadScorer scorer) => scorer.Score(lead)); // as-of now; counted in the leadscoring.scores metric
        app.MapGet("/ruleset", (ILeadScorer scorer) => Results.Stream(stream => WriteStatusAsync(stream, scorer.Status), "application/json"));
        return app;
    }

    // POST /score[?asOf=ISO-8601][&explain=true]
    private static async Task<IResult> ScoreAsync(HttpRequest request, ILeadScorer scorer)
    {
        DateTimeOffset? asOf = null;
        if (request.Query["asOf"] is { Count: > 0 } asOfText)
        {
            if (!DateTimeOffset.TryParse(asOfText.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Results.BadRequest(new ErrorResponse($"asOf: '{asOfText}' is not an ISO 8601 date-time"));
            }

            asOf = parsed;
        }

        bool explain = string.Equals(request.Query["explain"], "true", StringComparison.OrdinalIgnoreCase);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);

        var leads = new List<Lead>();
        bool isBatch;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            isBatch = document.RootElement.ValueKind == JsonValueKind.Array;
            var items = isBatch ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            for (int i = 0; i < items.Count; i++)
            {
                try
                {
                    // The item's own UTF-8 bytes: invalid text in them becomes the lead reader's error, not an exception.
                    leads.Add(LeadJson.Parse(JsonMarshal.GetRawUtf8Value(items[i])));
                }
                catch (LeadFormatException ex)
                {
                    return Results.BadRequest(new ErrorResponse(isBatch ? $"leads[{i}]: {ex.Message}" : ex.Message));
                }
            }
        }
        catch (JsonException ex)
        {
            return Results.BadRequest(new ErrorResponse($"malformed JSON: {ex.Message}"));
        }

        // One model snapshot for the whole request: a reload in the middle never mixes two rule sets.
        var model = scorer.Model;
        var at = asOf ?? TimeProvider.System.GetUtcNow();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (isBatch)
            {
                writer.WriteStartArray();
            }

            foreach (var lead in leads)
            {
                if (explain)
                {
                    LeadScoreJson.WriteResult(writer, lead.Id, model.Explain(lead, at));
                }
                else
                {
                    LeadScoreJson.WriteResult(writer, lead.Id, model.Score(lead, at));
                }
            }

            if (isBatch)
            {
                writer.WriteEndArray();
            }
        }

        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }

    private static async Task WriteStatusAsync(Stream stream, RuleSetStatus status)
    {
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("name", status.Name);
        writer.WriteString("source", status.Source);
        writer.WriteString("ruleSetName", status.RuleSetName);
        writer.WriteString("ruleSetVersion", status.RuleSetVersion);
        writer.WriteString("loadedAt", status.LoadedAt);
        writer.WriteNumber("reloads", status.Reloads);
        writer.WriteString("lastError", status.LastError);
        if (status.LastErrorAt is { } at)
        {
            writer.WriteString("lastErrorAt", at);
        }
        else
        {
            writer.WriteNull("lastErrorAt");
        }

        writer.WriteEndObject();
    }
}

/// <summary>A 400 body.</summary>
internal sealed record ErrorResponse(string Error);
