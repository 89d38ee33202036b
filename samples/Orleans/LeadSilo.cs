using LeadScoring.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadScoring.Samples.Orleans;

/// <summary>What a silo needs for lead grains, shared by the sample's host and the cluster tests.</summary>
public static class LeadSilo
{
    /// <summary>Registers the lead grains' services with a rule set configured in code (see the other overload).</summary>
    /// <param name="silo">The silo being built.</param>
    /// <param name="configureRules">Configures the rule set (a path, inline JSON or a built-in name).</param>
    /// <param name="configureGrains">Configures how grains schedule their next look; null keeps the defaults.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddLeadGrains(this ISiloBuilder silo, Action<LeadScoringOptions> configureRules, Action<LeadGrainOptions>? configureGrains = null) =>
        AddLeadGrains(silo, services => services.AddLeadScoring(configureRules), configureGrains);

    /// <summary>
    /// Registers the lead grains' services: the rule set (from <c>AddLeadScoring</c>, so a typo in the section stops
    /// the silo, and the file and the section reload; one model shared by every grain on the silo), the grains'
    /// options, a clock, in-memory grain storage and reminders.
    /// </summary>
    /// <param name="silo">The silo being built.</param>
    /// <param name="rules">The rule set's configuration section (e.g. <c>LeadScoring</c>).</param>
    /// <param name="configureGrains">Configures how grains schedule their next look; null keeps the defaults.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddLeadGrains(this ISiloBuilder silo, IConfiguration rules, Action<LeadGrainOptions>? configureGrains = null) =>
        AddLeadGrains(silo, services => services.AddLeadScoring(rules), configureGrains);

    private static ISiloBuilder AddLeadGrains(ISiloBuilder silo, Func<IServiceCollection, LeadScoringBuilder> addRules, Action<LeadGrainOptions>? configureGrains)
    {
        addRules(silo.Services);
        silo.Services.AddOptions<LeadGrainOptions>().Configure(o => configureGrains?.Invoke(o));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.AddMemoryGrainStorage(LeadGrain.StorageName);
        silo.UseInMemoryReminderService();
        return silo;
    }
}
