using System.Text.Json;
using LeadScoring.Leads;

namespace LeadScoring.Scoring;

/// <summary>Registers the library's System.Text.Json converters in one call.</summary>
public static class LeadScoringJsonSerializerOptions
{
    /// <summary>
    /// Adds converters so that a <see cref="Lead"/> reads and writes as lead JSON (a request body binds to a
    /// <c>Lead</c>; a bad one is a <see cref="JsonException"/> with the lead reader's message), and a
    /// <see cref="LeadScore"/> or <see cref="LeadScoreExplanation"/> writes with the spec's result names. Reflection-free:
    /// trimming and native AOT are safe. In ASP.NET Core:
    /// <c>services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddLeadScoringConverters())</c>.
    /// </summary>
    /// <param name="options">The options to add to (not yet used for serialisation: options freeze on first use).</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The options were already used, and are read-only.</exception>
    public static JsonSerializerOptions AddLeadScoringConverters(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new LeadJsonConverter());
        options.Converters.Add(new ResultJsonConverter<LeadScore>(static score => (score, null)));
        options.Converters.Add(new ResultJsonConverter<LeadScoreExplanation>(static explanation => (explanation.Result, explanation.Rules)));
        return options;
    }
}
