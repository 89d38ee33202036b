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

        string source = RuleSetLoader.Describe(options);
        try
        {
            _ = RuleSetLoader.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (RuleSetValidationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Errors.Select(e => $"{source}: {e}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ValidateOptionsResult.Fail($"{source}: {ex.Message}");
        }
    }
}
