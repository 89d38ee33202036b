using LeadScoring.Leads;
using LeadScoring.Scoring;

namespace LeadScoring.Calibration;

/// <summary>Calibration of a <see cref="ScoringModel"/> against the outcomes of past leads (the README's "Calibration" section explains every number).</summary>
public static class ScoringModelCalibration
{
    /// <summary>
    /// Measures how well <paramref name="model"/> separates won from lost leads, which rules carry the signal, and what
    /// points, threshold and probability the evidence suggests. Each decided lead (one with an
    /// <see cref="Lead.Outcome"/>) is scored as of its outcome minus <see cref="CalibrationOptions.LeadTimeDays"/>;
    /// leads without an outcome are counted and otherwise ignored. <paramref name="leads"/> is enumerated once, and
    /// only the numbers each lead needs are kept, so a stream that reuses one <see cref="Lead"/> instance works.
    /// </summary>
    /// <param name="model">The rule set to calibrate.</param>
    /// <param name="leads">Past leads, with outcomes.</param>
    /// <param name="options">Lead time, holdout, l2 and points to double the odds; null for the defaults.</param>
    /// <returns>The report, with the suggested and calibrated rule sets when a model could be fitted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="leads"/> is null.</exception>
    /// <exception cref="ArgumentException">No lead is decided, or a lead is null.</exception>
    public static CalibrationReport Calibrate(this ScoringModel model, IEnumerable<Lead> leads, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(leads);
        options ??= CalibrationOptions.Default;
        var decided = DecidedLeads.Collect(model.Compiled, leads, options.LeadTimeDays);
        if (decided.Count == 0)
        {
            throw new ArgumentException($"No decided lead: calibration needs leads with an outcome ({decided.Undecided} lead(s) had none).", nameof(leads));
        }

        return Calibrator.Report(model, decided, options);
    }
}
