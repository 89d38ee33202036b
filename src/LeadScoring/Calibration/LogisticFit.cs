namespace LeadScoring.Calibration;

/// <summary>
/// Penalised logistic regression solved by Newton's method: the intercept b and coefficients β that minimise
/// <c>Σ ln(1 + e^(-y (b + β·x))) + Σ_j (λ_j / 2) β_j²</c> with y = ±1. The objective is strictly convex when every
/// λ_j is positive, so the minimum is unique; each step solves the Newton system by Cholesky, with a backtracking
/// line search that keeps the objective decreasing. It stops when the gradient norm falls below 1e-10 (or when
/// rounding leaves no step that decreases the objective: the optimum to machine precision).
/// </summary>
internal static class LogisticFit
{
    private const double GradientTolerance = 1e-10;
    private const int MaxIterations = 200;

    /// <summary>Fits; <paramref name="features"/> gives row i's features (length <paramref name="dimensions"/>) into its span.</summary>
    /// <returns>The intercept, then one coefficient per feature.</returns>
    public static double[] Fit(int rows, int dimensions, FeatureReader features, ReadOnlySpan<bool> won, ReadOnlySpan<double> penalties)
    {
        int k = dimensions + 1; // the intercept first
        var theta = new double[k];
        var gradient = new double[k];
        var hessian = new double[k * k];
        var step = new double[k];
        var candidate = new double[k];
        var x = new double[k];
        double objective = Objective(rows, dimensions, features, won, penalties, theta, x);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (int i = 0; i < rows; i++)
            {
                Row(features, i, x);
                double z = Dot(theta, x);
                double p = Sigmoid(z);
                double residual = p - (won[i] ? 1 : 0); // d/dz of the loss
                double weight = p * (1 - p);
                for (int a = 0; a < k; a++)
                {
                    if (x[a] == 0)
                    {
                        continue;
                    }

                    gradient[a] += residual * x[a];
                    double wa = weight * x[a];
                    for (int b = 0; b <= a; b++)
                    {
                        hessian[(a * k) + b] += wa * x[b];
                    }
                }
            }

            for (int a = 1; a < k; a++)
            {
                gradient[a] += penalties[a - 1] * theta[a];
                hessian[(a * k) + a] += penalties[a - 1];
            }

            if (Norm(gradient) < GradientTolerance)
            {
                break;
            }

            for (int a = 0; a < k; a++)
            {
                step[a] = -gradient[a];
            }

            SolveSymmetric(hessian, k, step);
            double slope = Dot(gradient, step);
            double t = 1;
            bool improved = false;
            for (int halvings = 0; halvings < 60; halvings++)
            {
                for (int a = 0; a < k; a++)
                {
                    candidate[a] = theta[a] + (t * step[a]);
                }

                double value = Objective(rows, dimensions, features, won, penalties, candidate, x);
                if (value <= objective + (1e-4 * t * slope))
                {
                    Array.Copy(candidate, theta, k);
                    improved = value < objective || t == 1;
                    objective = value;
                    break;
                }

                t /= 2;
            }

            if (!improved)
            {
                break; // no representable step decreases the objective: converged as far as doubles allow
            }
        }

        return theta;
    }

    /// <summary>Fills <paramref name="into"/> (length = dimensions) with row <paramref name="row"/>'s features.</summary>
    public delegate void FeatureReader(int row, Span<double> into);

    /// <summary>The logistic function, without overflow.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static void Row(FeatureReader features, int i, double[] x)
    {
        x[0] = 1;
        features(i, x.AsSpan(1));
    }

    private static double Objective(int rows, int dimensions, FeatureReader features, ReadOnlySpan<bool> won, ReadOnlySpan<double> penalties, double[] theta, double[] x)
    {
        double sum = 0;
        for (int i = 0; i < rows; i++)
        {
            Row(features, i, x);
            double margin = (won[i] ? 1 : -1) * Dot(theta, x);
            sum += SoftPlus(-margin);
        }

        for (int j = 0; j < dimensions; j++)
        {
            sum += 0.5 * penalties[j] * theta[j + 1] * theta[j + 1];
        }

        return sum;
    }

    /// <summary><c>ln(1 + e^t)</c>, accurate for large |t|.</summary>
    private static double SoftPlus(double t) => t > 0 ? t + Math.Log(1 + Math.Exp(-t)) : Math.Log(1 + Math.Exp(t));

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(ReadOnlySpan<double> v) => Math.Sqrt(Dot(v, v));

    /// <summary>Solves H s = rhs in place (H symmetric positive definite, lower triangle filled) by Cholesky.</summary>
    private static void SolveSymmetric(double[] h, int k, double[] rhs)
    {
        var l = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = h[(i * k) + j];
                for (int m = 0; m < j; m++)
                {
                    sum -= l[(i * k) + m] * l[(j * k) + m];
                }

                if (i == j)
                {
                    // A column with no information and no penalty (an intercept over nothing) still gets a usable pivot.
                    l[(i * k) + i] = Math.Sqrt(Math.Max(sum, 1e-300));
                }
                else
                {
                    l[(i * k) + j] = sum / l[(j * k) + j];
                }
            }
        }

        for (int i = 0; i < k; i++)
        {
            double sum = rhs[i];
            for (int m = 0; m < i; m++)
            {
                sum -= l[(i * k) + m] * rhs[m];
            }

            rhs[i] = sum / l[(i * k) + i];
        }

        for (int i = k - 1; i >= 0; i--)
        {
            double sum = rhs[i];
            for (int m = i + 1; m < k; m++)
            {
                sum -= l[(m * k) + i] * rhs[m];
            }

            rhs[i] = sum / l[(i * k) + i];
        }
    }
}
