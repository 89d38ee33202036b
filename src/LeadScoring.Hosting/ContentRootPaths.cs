using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadScoring.Hosting;

/// <summary>
/// Resolves a relative <see cref="LeadScoringOptions.RuleSetPath"/> against the host's content root when there is a
/// host, so an app finds its rule set whatever directory it is started from (without a host: the current directory).
/// </summary>
internal sealed class ContentRootPaths(IServiceProvider services) : IPostConfigureOptions<LeadScoringOptions>
{
    public void PostConfigure(string? name, LeadScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.RuleSetPath) && !Path.IsPathRooted(options.RuleSetPath)
            && services.GetService<IHostEnvironment>()?.ContentRootPath is { Length: > 0 } root)
        {
            options.RuleSetPath = Path.GetFullPath(Path.Combine(root, options.RuleSetPath));
        }
    }
}
