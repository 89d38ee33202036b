using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadScoring.Hosting;

/// <summary>
/// Healthy while every registered rule set serves its latest version; Degraded while one serves its last good
/// version after a failed reload (scores still come, from older rules); Unhealthy when one cannot load at all.
/// </summary>
internal sealed class LeadScoringHealthCheck(ILeadScorerProvider scorers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var degraded = new List<string>();
        var unavailable = new List<string>();
        foreach (string name in scorers.Names)
        {
            string label = name.Length == 0 ? "(default)" : name;
            if (!scorers.TryGetScorer(name, out var scorer))
            {
                unavailable.Add(label);
                continue;
            }

            data[label] = scorer.Status.ToString();
            if (scorer.Status.LastError is not null)
            {
                degraded.Add(label);
            }
        }

        var result = unavailable.Count > 0
            ? HealthCheckResult.Unhealthy($"rule sets that cannot load: {string.Join(", ", unavailable)}", data: data)
            : degraded.Count > 0
                ? HealthCheckResult.Degraded($"serving the last good version after a failed reload: {string.Join(", ", degraded)}", data: data)
                : HealthCheckResult.Healthy("every rule set serves its latest version", data);
        return Task.FromResult(result);
    }
}
