using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadScoring.Hosting;

/// <summary>Adds the lead-scoring health check to a host's health checks.</summary>
public static class LeadScoringHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that is Healthy while every registered rule set serves its latest version, Degraded while one
    /// serves its last good version after a failed reload, and Unhealthy when one cannot load at all.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name (default <c>leadscoring</c>).</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IHealthChecksBuilder AddLeadScoring(this IHealthChecksBuilder builder, string name = "leadscoring")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name, sp => new LeadScoringHealthCheck(sp.GetRequiredService<ILeadScorerProvider>()), HealthStatus.Unhealthy, ["leadscoring"]));
    }
}
