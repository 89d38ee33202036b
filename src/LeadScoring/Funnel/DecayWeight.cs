using System.Runtime.Intrinsics;
using LeadScoring.Rules;

namespace LeadScoring.Funnel;

/// <summary>
/// The weight of an activity in an <c>each</c> rule of a decaying category: <c>0.5^(age/H)</c> with a half-life,
/// 1 or 0 with an expiry, 1 without decay. Immutable.
/// </summary>
internal sealed class DecayWeight
{
    /// <summary>A decayed activity worth less than this many points can no longer change a result (see the retention horizon).</summary>
    public const double NegligiblePoints = 1e-9;

    private readonly Mode _mode;
    private readonly double _days;

    // -ln 2 / H: the half-life weight as one exp, about three times cheaper than pow per activity.
    private readonly double _rate;
    private readonly bool[] _decays;

    public DecayWeight(DecayDefinition? decay)
    {
        (_mode, _days) = decay switch
        {
            { HalfLifeDays: { } h } => (Mode.HalfLife, h),
            { ExpireAfterDays: { } e } => (Mode.Expire, e),
            _ => (Mode.None, 0),
        };
        _rate = _mode == Mode.HalfLife ? -Math.Log(2) / _days : 0;
        _decays = new bool[ScoreCategories.Count];
        if (decay is not null)
        {
            foreach (var category in decay.Categories ?? ScoreCategories.DecayingByDefault)
            {
                _decays[(int)category] = true;
            }
        }
    }

    private enum Mode
    {
        None,
        HalfLife,
        Expire,
    }

    /// <summary>The half-life in days; null unless the rule set decays by half-life.</summary>
    public double? HalfLifeDays => _mode == Mode.HalfLife ? _days : null;

    /// <summary>The expiry in days; null unless the rule set decays by expiry.</summary>
    public double? ExpireAfterDays => _mode == Mode.Expire ? _days : null;

    /// <summary>Whether <c>each</c> rules of <paramref name="category"/> decay.</summary>
    public bool Decays(ScoreCategory category) => _decays[(int)category];

    /// <summary>
    /// The age in days past which one activity's <paramref name="points"/> x weight stays below
    /// <see cref="NegligiblePoints"/> (expiry: the expiry; no decay: +infinity).
    /// </summary>
    public double NegligibleAfterDays(double points) => _mode switch
    {
        Mode.HalfLife => Math.Abs(points) <= NegligiblePoints ? 0 : _days * Math.Log2(Math.Abs(points) / NegligiblePoints),
        Mode.Expire => _days,
        Mode.None => double.PositiveInfinity,
    };

    /// <summary>
    /// Turns ages in ticks (whole numbers, as doubles) into weights, in place: the age in days is ticks / TicksPerDay, as
    /// everywhere. The half-life weight is computed four at a time with <see cref="Vector256.Exp(Vector256{double})"/>
    /// (within a few ulps of <see cref="Math.Exp"/>, far inside SPEC 3.3's 1e-12), every age through the same vector
    /// code (the last few padded), so that a weight never depends on where its age sits in the span.
    /// </summary>
    public void WeightsOfAgeTicks(Span<double> ageTicksToWeights)
    {
        if (_mode != Mode.HalfLife)
        {
            foreach (ref double value in ageTicksToWeights)
            {
                value = Of(value / TimeSpan.TicksPerDay);
            }

            return;
        }

        int i = 0;
        for (; i + Vector256<double>.Count <= ageTicksToWeights.Length; i += Vector256<double>.Count)
        {
            HalfLifeWeights(Vector256.Create((ReadOnlySpan<double>)ageTicksToWeights[i..])).CopyTo(ageTicksToWeights[i..]);
        }

        if (i < ageTicksToWeights.Length)
        {
            Span<double> tail = stackalloc double[Vector256<double>.Count];
            tail.Clear();
            var rest = ageTicksToWeights[i..];
            rest.CopyTo(tail);
            HalfLifeWeights(Vector256.Create((ReadOnlySpan<double>)tail)).CopyTo(tail);
            tail[..rest.Length].CopyTo(rest);
        }
    }

    /// <summary>The weight of an activity <paramref name="ageDays"/> old.</summary>
    public double Of(double ageDays) => _mode switch
    {
        // exp(-age ln2 / H) = 0.5^(age/H). SPEC 3.3 allows any formula within 1e-12 relative error: the rounding of
        // -ln2/H and of the product is amplified by |x| <= 745 (beyond, both underflow to 0), so at most ~2e-13.
        Mode.HalfLife => Vector256.Exp(Vector256.Create(ageDays * _rate)).ToScalar(), // the code WeightsOfAgeTicks uses
        Mode.Expire => ageDays <= _days ? 1 : 0,
        Mode.None => 1,
    };

    private Vector256<double> HalfLifeWeights(Vector256<double> ageTicks) =>
        Vector256.Exp(ageTicks / Vector256.Create((double)TimeSpan.TicksPerDay) * Vector256.Create(_rate));
}
