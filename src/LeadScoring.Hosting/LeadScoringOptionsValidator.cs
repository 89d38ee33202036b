using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LeadScoring.Hosting;

/// <summary>
/// Validates options by loading the rule set they name, so that <c>ValidateOnStart</c> stops a host whose
/// rule set is broken at start-up, with the spec's error messages, not at its first request.
/// </summary>
/// <remarks>
/// Only until a name has passed once: later changes are validated by the reloading scorer, which keeps the
/// last good rule set serving and reports the problem. Failing here would instead throw out of the
/// configuration reload, and leave nothing serving.
/// </remarks>
internal sealed class LeadScoringOptionsValidator : IValidateOptions<LeadScoringOptions>
{
    private readonly ConcurrentDictionary<string, bool> _passed = new(StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, LeadScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        name ??= Options.DefaultName;
        if (_passed.ContainsKey(name))
        {
            return ValidateOptionsResult.Success;
        }

        var result = ValidateNow(options);
        if (result.Succeeded)
        {
            _passed[name] = true;
        }

        return result;
    }

    private static ValidateOptionsResult ValidateNow(LeadScoringOptions options)
    {
        if (RuleSetLoader.CheckSources(options) is { } problem)
        {
            return ValidateOptionsResult.Fail(problem);
        }

        if (options.ReloadDelay < TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("ReloadDelay must not be negative");
        }

        return RuleSetLoader.TryLoad(options, out _, out var problems)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems);
    }
}
