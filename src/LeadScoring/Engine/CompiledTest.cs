using System.Buffers;
using System.Text.RegularExpressions;

namespace LeadScoring.Engine;

/// <summary>A validated <see cref="ValueTest"/> ready to run: operands unpacked, regex compiled.</summary>
internal sealed class CompiledTest
{
    private readonly TestOperator _op;
    private readonly AttributeValue _operand;
    private readonly AttributeValue[] _operands;
    private readonly SearchValues<string>? _anyOf;
    private readonly double _low;
    private readonly double _high;

    // One regex per processor: a Regex instance caches a single matcher, and threads that use one at the
    // same time allocate a fresh matcher. Threads running at once run on different processors, so striping
    // by processor id keeps them apart. Stripes are created on first use.
    private readonly Regex?[] _regexStripes = [];

    public CompiledTest(ValueTest test)
    {
        _op = test.Operator;
        _operand = test.Operand;
        _operands = test.Operands ?? [];
        if (_op == TestOperator.ContainsAny)
        {
            // One vectorised multi-substring search instead of a Contains per candidate.
            _anyOf = SearchValues.Create(Array.ConvertAll(_operands, v => v.StringValue), StringComparison.OrdinalIgnoreCase);
        }

        if (test.Regex is { } regex)
        {
            _regexStripes = new Regex?[Math.Min(Environment.ProcessorCount, 64)];
            _regexStripes[0] = regex;
        }

        if (_op == TestOperator.Between)
        {
            _low = _operands[0].NumberValue;
            _high = _operands[1].NumberValue;
        }
    }

    /// <summary>SPEC 3.1: every op but <c>missing</c> is false for a missing value; a type mismatch is false.</summary>
    public bool Evaluate(AttributeValue value)
    {
        if (!value.IsPresent)
        {
            return _op == TestOperator.Missing;
        }

        switch (_op)
        {
            case TestOperator.Exists:
                return true;
            case TestOperator.Missing:
                return false;
            case TestOperator.Eq:
                return value.Equals(_operand);
            case TestOperator.Neq:
                return !value.Equals(_operand);
            case TestOperator.In:
                return IsIn(value);
            case TestOperator.NotIn:
                return !IsIn(value);
            case TestOperator.IsTrue:
                return value.Kind == AttributeKind.Boolean && value.BooleanValue;
            case TestOperator.IsFalse:
                return value.Kind == AttributeKind.Boolean && !value.BooleanValue;
        }

        if (value.Kind == AttributeKind.String)
        {
            string s = value.StringValue;
            return _op switch
            {
                TestOperator.Contains => s.Contains(_operand.StringValue, StringComparison.OrdinalIgnoreCase),
                TestOperator.StartsWith => s.StartsWith(_operand.StringValue, StringComparison.OrdinalIgnoreCase),
                TestOperator.EndsWith => s.EndsWith(_operand.StringValue, StringComparison.OrdinalIgnoreCase),
                TestOperator.ContainsAny => s.AsSpan().ContainsAny(_anyOf!),
                TestOperator.Matches => Regex().IsMatch(s),
                _ => false,
            };
        }

        if (value.Kind == AttributeKind.Number)
        {
            double x = value.NumberValue;
            return _op switch
            {
                TestOperator.Gt => x > _operand.NumberValue,
                TestOperator.Gte => x >= _operand.NumberValue,
                TestOperator.Lt => x < _operand.NumberValue,
                TestOperator.Lte => x <= _operand.NumberValue,
                TestOperator.Between => _low <= x && x <= _high,
                _ => false,
            };
        }

        return false;
    }

    private Regex Regex()
    {
        int stripe = Thread.GetCurrentProcessorId() % _regexStripes.Length;
        return _regexStripes[stripe] ?? CreateStripe(stripe);
    }

    private Regex CreateStripe(int stripe)
    {
        var regex = new Regex(_regexStripes[0]!.ToString(), _regexStripes[0]!.Options);
        return Interlocked.CompareExchange(ref _regexStripes[stripe], regex, null) ?? regex;
    }

    private bool IsIn(AttributeValue value)
    {
        foreach (var candidate in _operands)
        {
            if (value.Equals(candidate))
            {
                return true;
            }
        }

        return false;
    }
}
