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
    private readonly bool[] _decays;

    public DecayWeight(DecayDefinition? decay)
    {
        (_mode, _days) = decay switch
        {
            { HalfLifeDays: { } h } => (Mode.HalfLife, h),
            { ExpireAfterDays: { } e } => (Mode.Expire, e),
            _ => (Mode.None, 0),
        };
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
        // The formula as the format states it (not exp(-age ln2 / H)): the same libm pow a reference
        // implementation calls, so results agree to the last bit where they can.
        Mode.HalfLife => Math.Pow(0.5, ageDays / _days),
        Mode.Expire => ageDays <= _days ? 1 : 0,
        Mode.None => 1,
    };
}
