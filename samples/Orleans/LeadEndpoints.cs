namespace LeadScoring.Samples.Orleans;

/// <summary>The HTTP face of the lead grains.</summary>
public static class LeadEndpoints
{
    /// <summary>
    /// <c>POST /leads/{id}/activities</c> (a JSON array of <c>{ type, at, tag }</c>), <c>PUT /leads/{id}/attributes</c>
    /// (a JSON object of name to string, number, boolean or null) and <c>GET /leads/{id}</c> (the last score).
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/leads/{id}/activities", async (string id, ActivityRecord[] activities, IGrainFactory grains) =>
            activities.Any(a => string.IsNullOrEmpty(a.Type))
                ? Results.BadRequest("every activity needs a non-empty type")
                : Results.Ok(await grains.GetGrain<ILeadGrain>(id).Record(activities)));

        endpoints.MapPut("/leads/{id}/attributes", async (string id, Dictionary<string, System.Text.Json.JsonElement> attributes, IGrainFactory grains) =>
        {
            var records = new List<AttributeRecord>();
            foreach (var (name, value) in attributes)
            {
                switch (value.ValueKind)
                {
                    case System.Text.Json.JsonValueKind.String: records.Add(new(name, Text: value.GetString())); break;
                    case System.Text.Json.JsonValueKind.Number: records.Add(new(name, Number: value.GetDouble())); break;
                    case System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False: records.Add(new(name, Boolean: value.GetBoolean())); break;
                    case System.Text.Json.JsonValueKind.Null: records.Add(new(name)); break;
                    default: return Results.BadRequest($"attribute '{name}': a string, a number, a boolean or null");
                }
            }

            return Results.Ok(await grains.GetGrain<ILeadGrain>(id).SetAttributes(records));
        });

        endpoints.MapGet("/leads/{id}", async (string id, IGrainFactory grains) =>
            await grains.GetGrain<ILeadGrain>(id).GetView() is { } view ? Results.Ok(view) : Results.NotFound());
        return endpoints;
    }
}
