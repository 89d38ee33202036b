namespace LeadScoring.Scoring;

/// <summary>
/// A continuous piecewise-linear function on a closed interval, kept as its values at sorted breakpoints. Between
/// two events a lead's decaying sums all scale by one factor x, and every total the engine makes of them (caps, sums,
/// clamps) is such a function of x; where one crosses a threshold is where a stage or grade can change.
/// </summary>
internal sealed class PiecewiseLinear
{
    private readonly double[] _x;
    private readonly double[] _y;

    private PiecewiseLinear(double[] x, double[] y) => (_x, _y) = (x, y);

    /// <summary>The constant <paramref name="value"/> on [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static PiecewiseLinear Constant(double low, double high, double value) => new([low, high], [value, value]);

    /// <summary><c>sign(slope) x min(|slope x x|, cap)</c> for x >= 0: a decaying rule's raw points under its <c>maxPoints</c>.</summary>
    public static PiecewiseLinear CappedLine(double low, double high, double slope, double cap)
    {
        double bend = cap / Math.Abs(slope);
        double[] x = bend > low && bend < high ? [low, bend, high] : [low, high];
        return new(x, Array.ConvertAll(x, v => Rules.CompiledRule.Cap(slope * v, cap)));
    }

    /// <summary>The pointwise sum.</summary>
    public PiecewiseLinear Plus(PiecewiseLinear other)
    {
        double[] x = [.. _x.Concat(other._x).Order().Distinct()];
        return new(x, Array.ConvertAll(x, v => At(v) + other.At(v)));
    }

    /// <summary>The function clamped to [<paramref name="min"/>, <paramref name="max"/>], with a breakpoint wherever it meets a bound.</summary>
    public PiecewiseLinear Clamp(double min, double max)
    {
        var x = new List<double>(_x);
        foreach (double bound in (ReadOnlySpan<double>)[min, max])
        {
            if (double.IsFinite(bound))
            {
                Crossings(bound, x);
            }
        }

        double[] sorted = [.. x.Order().Distinct()];
        return new(sorted, Array.ConvertAll(sorted, v => Math.Min(Math.Max(At(v), min), max)));
    }

    /// <summary>Adds to <paramref name="into"/> every x at which the function meets <paramref name="level"/> (both ends of a flat stretch on it).</summary>
    public void Crossings(double level, List<double> into)
    {
        for (int i = 0; i + 1 < _x.Length; i++)
        {
            double a = _y[i] - level;
            double b = _y[i + 1] - level;
            if (a == 0)
            {
                into.Add(_x[i]);
            }

            if ((a < 0 && b > 0) || (a > 0 && b < 0))
            {
                into.Add(_x[i] + ((_x[i + 1] - _x[i]) * (a / (a - b))));
            }
        }

        if (_y[^1] == level)
        {
            into.Add(_x[^1]);
        }
    }

    /// <summary>The value at <paramref name="x"/> (inside the interval), by linear interpolation between breakpoints.</summary>
    public double At(double x)
    {
        int i = Array.BinarySearch(_x, x);
        if (i >= 0)
        {
            return _y[i];
        }

        i = ~i;
        if (i == 0)
        {
            return _y[0];
        }

        if (i == _x.Length)
        {
            return _y[^1];
        }

        double t = (x - _x[i - 1]) / (_x[i] - _x[i - 1]);
        return _y[i - 1] + ((_y[i] - _y[i - 1]) * t);
    }
}
