using System.Text.Json;
using System.Text.RegularExpressions;
using LeadScoring.Leads;
using LeadScoring.Validation;

namespace LeadScoring.Conditions;

/// <summary>
/// A test on one value: a lead attribute (<see cref="Condition.Field"/>) or an activity tag
/// (<see cref="ActivityFilter.WithTag"/>). Create one with the static factories; instances are immutable.
/// Every test but <see cref="Missing"/> is false for a missing value, and a value of the wrong type
/// (a number for <see cref="Contains"/>, say) is false, never an error.
/// </summary>
public sealed class ValueTest
{
    private ValueTest(TestOperator op, AttributeValue operand, AttributeValue[]? operands, Regex? regex = null)
    {
        Operator = op;
        Operand = operand;
        Operands = operands;
        Regex = regex;
    }

    internal TestOperator Operator { get; }

    /// <summary>The single operand (eq, neq, contains, startsWith, endsWith, matches, gt, gte, lt, lte).</summary>
    internal AttributeValue Operand { get; }

    /// <summary>The list operand (in, notIn, containsAny, between); null when the test takes none or was given none.</summary>
    internal AttributeValue[]? Operands { get; }

    /// <summary>The compiled pattern of a validated <c>matches</c> test.</summary>
    internal Regex? Regex { get; }

    /// <summary>Present and not null.</summary>
    /// <returns>The test.</returns>
    public static ValueTest Exists() => new(TestOperator.Exists, default, null);

    /// <summary>Absent or null.</summary>
    /// <returns>The test.</returns>
    public static ValueTest Missing() => new(TestOperator.Missing, default, null);

    /// <summary>Present, of the same type, and equal (strings ordinal, ignoring case).</summary>
    /// <param name="value">The value to compare with.</param>
    /// <returns>The test.</returns>
    public static ValueTest Eq(AttributeValue value) => new(TestOperator.Eq, value, null);

    /// <summary>Present and not <see cref="Eq"/>.</summary>
    /// <param name="value">The value to compare with.</param>
    /// <returns>The test.</returns>
    public static ValueTest Neq(AttributeValue value) => new(TestOperator.Neq, value, null);

    /// <summary>Present and <see cref="Eq"/> to one of the values (an empty list never matches).</summary>
    /// <param name="values">The values to compare with.</param>
    /// <returns>The test.</returns>
    public static ValueTest In(params AttributeValue[] values) => new(TestOperator.In, default, values is null ? null : [.. values]);

    /// <summary>Present and <see cref="Eq"/> to none of the values.</summary>
    /// <param name="values">The values to compare with.</param>
    /// <returns>The test.</returns>
    public static ValueTest NotIn(params AttributeValue[] values) => new(TestOperator.NotIn, default, values is null ? null : [.. values]);

    /// <summary>A string containing <paramref name="value"/>, ignoring case.</summary>
    /// <param name="value">The text to look for.</param>
    /// <returns>The test.</returns>
    public static ValueTest Contains(string value) => new(TestOperator.Contains, value, null);

    /// <summary>A string starting with <paramref name="value"/>, ignoring case.</summary>
    /// <param name="value">The prefix.</param>
    /// <returns>The test.</returns>
    public static ValueTest StartsWith(string value) => new(TestOperator.StartsWith, value, null);

    /// <summary>A string ending with <paramref name="value"/>, ignoring case.</summary>
    /// <param name="value">The suffix.</param>
    /// <returns>The test.</returns>
    public static ValueTest EndsWith(string value) => new(TestOperator.EndsWith, value, null);

    /// <summary>A string containing any of <paramref name="values"/>, ignoring case (an empty list never matches).</summary>
    /// <param name="values">The texts to look for.</param>
    /// <returns>The test.</returns>
    public static ValueTest ContainsAny(params string[] values) =>
        new(TestOperator.ContainsAny, default, values is null ? null : Array.ConvertAll(values, v => (AttributeValue)v));

    /// <summary>
    /// A string in which the regular expression finds a match, ignoring case. The pattern runs on .NET's
    /// non-backtracking engine, so no pattern can hang scoring; constructs that need backtracking
    /// (backreferences, lookarounds) are rejected when the model is built.
    /// </summary>
    /// <param name="pattern">A .NET regular expression.</param>
    /// <returns>The test.</returns>
    public static ValueTest Matches(string pattern) => new(TestOperator.Matches, pattern, null);

    /// <summary>A number greater than <paramref name="value"/>.</summary>
    /// <param name="value">The bound.</param>
    /// <returns>The test.</returns>
    public static ValueTest Gt(double value) => new(TestOperator.Gt, value, null);

    /// <summary>A number greater than or equal to <paramref name="value"/>.</summary>
    /// <param name="value">The bound.</param>
    /// <returns>The test.</returns>
    public static ValueTest Gte(double value) => new(TestOperator.Gte, value, null);

    /// <summary>A number less than <paramref name="value"/>.</summary>
    /// <param name="value">The bound.</param>
    /// <returns>The test.</returns>
    public static ValueTest Lt(double value) => new(TestOperator.Lt, value, null);

    /// <summary>A number less than or equal to <paramref name="value"/>.</summary>
    /// <param name="value">The bound.</param>
    /// <returns>The test.</returns>
    public static ValueTest Lte(double value) => new(TestOperator.Lte, value, null);

    /// <summary>A number x with <paramref name="low"/> &lt;= x &lt;= <paramref name="high"/>.</summary>
    /// <param name="low">The lower bound, included.</param>
    /// <param name="high">The upper bound, included; not below <paramref name="low"/>.</param>
    /// <returns>The test.</returns>
    public static ValueTest Between(double low, double high) => new(TestOperator.Between, default, [low, high]);

    /// <summary>The boolean true.</summary>
    /// <returns>The test.</returns>
    public static ValueTest IsTrue() => new(TestOperator.IsTrue, default, null);

    /// <summary>The boolean false.</summary>
    /// <returns>The test.</returns>
    public static ValueTest IsFalse() => new(TestOperator.IsFalse, default, null);

    internal static ValueTest Create(TestOperator op, AttributeValue operand, AttributeValue[]? operands, Regex? regex) =>
        new(op, operand, operands, regex);

    /// <summary>The test as rule-set JSON: <c>{"op":"gt","value":3}</c>.</summary>
    /// <returns>One line of JSON.</returns>
    public override string ToString() => LenientJsonWriter.ToLine(w => WriteJson(w, field: null));

    /// <summary>Writes a field condition when <paramref name="field"/> is given, else a tag test.</summary>
    internal void WriteJson(Utf8JsonWriter w, string? field)
    {
        w.WriteStartObject();
        if (field is not null)
        {
            w.WriteString(ConditionJson.Field, field);
        }

        var row = TestOperators.Row(Operator);
        w.WriteString(ConditionJson.Op, row.JsonName);
        // No default arm: a new shape fails the build here until it says how its value is written.
        Action<Utf8JsonWriter>? writeValue = row.Shape switch
        {
            OperandShape.None => null,
            OperandShape.Scalar or OperandShape.Text or OperandShape.Pattern or OperandShape.Number => w => ConditionJson.WriteValue(w, Operand),
            OperandShape.ScalarList or OperandShape.TextList or OperandShape.NumberRange => w => w.WriteListValue(Operands, ConditionJson.WriteValue),
        };
        if (writeValue is not null)
        {
            w.WritePropertyName(ConditionJson.Value);
            writeValue(w);
        }

        w.WriteEndObject();
    }
}
