using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using LeadScoring.Leads;

namespace LeadScoring.Conditions;

/// <summary>A validated <see cref="ValueTest"/> ready to run: its operator's test, operands unpacked by shape, regex compiled.</summary>
internal sealed unsafe class CompiledTest
{
    /// <summary>The longest text an <c>in</c> list indexes by length.</summary>
    private const int MaxIndexedLength = 256;

    private readonly delegate*<in AttributeValue, CompiledTest, bool> _test;
    private readonly bool _matchesMissing;
    private readonly AttributeValue[] _operands;

    // One regex per processor: a Regex instance caches a single matcher, and threads that use one at the
    // same time allocate a fresh matcher. Threads running at once run on different processors, so striping
    // by processor id keeps them apart. Stripes are created on first use.
    private readonly Regex?[] _regexStripes;

    // The strings a finite pattern spells, as one search (LiteralPattern); null for any other pattern or shape.
    private readonly SearchValues<string>? _patternLiterals;

    // The text operands of a ScalarList by length, so that a text value is compared only with those as long as it (texts
    // of different lengths are never equal ignoring case, ordinally); empty for another shape or a list without text,
    // null for a list with a text too long to index by (then every operand is compared).
    private readonly string[]?[]? _textOperandsByLength;

    public CompiledTest(ValueTest test)
    {
        var row = TestOperators.Row(test.Operator);
        Row = row;
        _test = row.Test;
        _matchesMissing = row.MatchesMissing;
        Operand = test.Operand;
        _operands = test.Operands ?? [];

        // No default arm: a new shape fails the build here until it says how its operands are prepared.
        (AnyOf, Low, High, _regexStripes) = row.Shape switch
        {
            OperandShape.None or OperandShape.Scalar or OperandShape.ScalarList or OperandShape.Text =>
                (EmptySearch, 0, 0, NoStripes),

            // One vectorised multi-substring search instead of a Contains per candidate.
            OperandShape.TextList => (SearchValues.Create(Array.ConvertAll(_operands, v => v.StringValue), StringComparison.OrdinalIgnoreCase), 0, 0, NoStripes),
            OperandShape.Pattern => (EmptySearch, 0, 0, RegexStripes(test.Regex!)),
            OperandShape.Number => (EmptySearch, Operand.NumberValue, 0, NoStripes),
            OperandShape.NumberRange => (EmptySearch, _operands[0].NumberValue, _operands[1].NumberValue, NoStripes),
        };

        if (row.Shape == OperandShape.Pattern && LiteralPattern.TryExpand(test.Regex!.ToString(), out var literals))
        {
            _patternLiterals = SearchValues.Create(literals, StringComparison.OrdinalIgnoreCase);
        }

        _textOperandsByLength = row.Shape == OperandShape.ScalarList ? TextsByLength(_operands) : [];
    }

    private static SearchValues<string> EmptySearch { get; } = SearchValues.Create([], StringComparison.Ordinal);

    private static Regex?[] NoStripes { get; } = [];

    /// <summary>The operator's row (its test method, for emitted code).</summary>
    public OperatorRow Row { get; }

    /// <summary>The single operand (<see cref="OperandShape.Scalar"/>, <see cref="OperandShape.Text"/>).</summary>
    public AttributeValue Operand { get; }

    /// <summary>The strings of a <see cref="OperandShape.TextList"/>, as one search.</summary>
    public SearchValues<string> AnyOf { get; }

    /// <summary>The number of a <see cref="OperandShape.Number"/>, or the low bound of a <see cref="OperandShape.NumberRange"/>.</summary>
    public double Low { get; }

    /// <summary>The high bound of a <see cref="OperandShape.NumberRange"/>.</summary>
    public double High { get; }

    public bool Evaluate(AttributeValue value) => value.IsPresent ? _test(in value, this) : _matchesMissing;

    /// <summary>The tag form: a missing tag is a missing value.</summary>
    public bool Evaluate(string? tag) => tag is null ? _matchesMissing : Evaluate(AttributeValue.FromString(tag));

    /// <summary>Whether the value is <c>eq</c> to an operand of a <see cref="OperandShape.ScalarList"/>.</summary>
    public bool IsAnyOperand(in AttributeValue value)
    {
        if (value.Kind == AttributeKind.String && _textOperandsByLength is { } byLength)
        {
            // Only a text equals a text (AttributeValue.Equals), and only one of the same length.
            string text = value.StringValue;
            if ((uint)text.Length < (uint)byLength.Length && byLength[text.Length] is { } candidates)
            {
                foreach (string candidate in candidates)
                {
                    if (string.Equals(text, candidate, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        foreach (var candidate in _operands)
        {
            if (value.Equals(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a <see cref="OperandShape.Pattern"/> finds a match in <paramref name="value"/> (ignoring case).</summary>
    public bool IsMatch(string value) =>
        _patternLiterals is { } literals && Ascii.IsValid(value) ? value.AsSpan().ContainsAny(literals) : Regex().IsMatch(value);

    private static string[]?[]? TextsByLength(AttributeValue[] operands)
    {
        var texts = operands.Where(o => o.Kind == AttributeKind.String).Select(o => o.StringValue).ToArray();
        if (texts.Any(t => t.Length > MaxIndexedLength))
        {
            return null;
        }

        var byLength = new string[]?[texts.Length == 0 ? 0 : texts.Max(t => t.Length) + 1];
        foreach (var group in texts.GroupBy(t => t.Length))
        {
            byLength[group.Key] = [.. group];
        }

        return byLength;
    }

    /// <summary>This thread's matcher of a <see cref="OperandShape.Pattern"/>.</summary>
    private Regex Regex()
    {
        int stripe = Thread.GetCurrentProcessorId() % _regexStripes.Length;
        return _regexStripes[stripe] ?? CreateStripe(stripe);
    }

    private static Regex?[] RegexStripes(Regex regex)
    {
        var stripes = new Regex?[Math.Min(Environment.ProcessorCount, 64)];
        stripes[0] = regex;
        return stripes;
    }

    private Regex CreateStripe(int stripe)
    {
        var regex = new Regex(_regexStripes[0]!.ToString(), _regexStripes[0]!.Options);
        return Interlocked.CompareExchange(ref _regexStripes[stripe], regex, null) ?? regex;
    }
}
