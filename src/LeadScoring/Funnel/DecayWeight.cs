using LeadScoring.Rules;

namespace LeadScoring.Funnel;

/// <summary>
/// The weight of an activity in an <c>each</c> rule of a decaying category: <c>0.5^(age/H)</c> with a half-life,
/// 1 or 0 with an expiry, 1 without decay. Immutable.
/// </summary>
internal sealed class DecayWeight
{
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

    /// <summary>Whether <c>each</c> rules of <paramref name="category"/> decay.</summary>
    public bool Decays(ScoreCategory category) => _decays[(int)category];

    public double Of(double ageDays) => _mode switch
    {
        // exp(-age ln2 / H) = 0.5^(age/H). SPEC 3.3 allows any formula within 1e-12 relative error: the rounding of
        // -ln2/H and of the product is amplified by |x| <= 745 (beyond, both underflow to 0), so at most ~2e-13.
        Mode.HalfLife => Math.Exp(ageDays * _rate),
        Mode.Expire => ageDays <= _days ? 1 : 0,
        Mode.None => 1,
    };
}
