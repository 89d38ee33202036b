using LeadScoring.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadScoring.Samples.Orleans;

/// <summary>What a silo needs for lead grains, shared by the sample's host and the cluster tests.</summary>
public static class LeadSilo
{
    /// <summary>
    /// Registers the lead grains' services: the rule set (from <c>AddLeadScoring</c>, hot reload included, one model
    /// shared by every grain on the silo), the grains' options, a clock, in-memory grain storage and reminders.
    /// </summary>
    /// <param name="silo">The silo being built.</param>
    /// <param name="configureRules">Configures the rule set (a path, inline JSON or a built-in name).</param>
    /// <param name="configureGrains">Configures how grains schedule their next look; null keeps the defaults.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddLeadGrains(this ISiloBuilder silo, Action<LeadScoringOptions> configureRules, Action<LeadGrainOptions>? configureGrains = null)
    {
        silo.Services.AddLeadScoring(configureRules);
        silo.Services.AddOptions<LeadGrainOptions>().Configure(o => configureGrains?.Invoke(o));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.AddMemoryGrainStorage(LeadGrain.StorageName);
        silo.UseInMemoryReminderService();
        return silo;
    }
}
