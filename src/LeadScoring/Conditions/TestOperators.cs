using System.Reflection;
using LeadScoring.Leads;

namespace LeadScoring.Conditions;

/// <summary>
/// The operator table: one row per <see cref="TestOperator"/> with its JSON name, its operand shape and its test
/// of a present value. Every op but <c>missing</c> is false for a missing value, and a type mismatch is false.
/// </summary>
internal static class TestOperators
{
    private static readonly OperatorRow[] Rows = Array.ConvertAll(Enum.GetValues<TestOperator>(), CreateRow);

    /// <summary>The JSON names in table order, for "expected one of" messages.</summary>
    public static readonly string[] JsonNames = Array.ConvertAll(Rows, r => r.JsonName);

    public static OperatorRow Row(TestOperator op) => Rows[(int)op];

    /// <summary>The static test method a row names, for emitted code (<see cref="ConditionEmitter"/>).</summary>
    public static MethodInfo TestMethod(OperatorRow row) =>
        typeof(TestOperators).GetMethod(row.TestName, BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException($"no test method {row.TestName}");

    public static bool TryParse(string jsonName, out TestOperator op)
    {
        int i = Array.IndexOf(JsonNames, jsonName);
        op = (TestOperator)Math.Max(i, 0);
        return i >= 0;
    }

    // No default arm: an operator added to the enum without a row here fails the build (CS8509). The tests are
    // static methods called through function pointers: as cheap as a switch, and still one row per operator.
    private static unsafe OperatorRow CreateRow(TestOperator op) => op switch
    {
        TestOperator.Exists => new("exists", OperandShape.None, &Always, nameof(Always)),
        TestOperator.Missing => new("missing", OperandShape.None, &Never, nameof(Never), MatchesMissing: true),
        TestOperator.Eq => new("eq", OperandShape.Scalar, &Eq, nameof(Eq)),
        TestOperator.Neq => new("neq", OperandShape.Scalar, &Neq, nameof(Neq)),
        TestOperator.In => new("in", OperandShape.ScalarList, &In, nameof(In)),
        TestOperator.NotIn => new("notIn", OperandShape.ScalarList, &NotIn, nameof(NotIn)),
        TestOperator.Contains => new("contains", OperandShape.Text, &Contains, nameof(Contains)),
        TestOperator.StartsWith => new("startsWith", OperandShape.Text, &StartsWith, nameof(StartsWith)),
        TestOperator.EndsWith => new("endsWith", OperandShape.Text, &EndsWith, nameof(EndsWith)),
        TestOperator.ContainsAny => new("containsAny", OperandShape.TextList, &ContainsAny, nameof(ContainsAny)),
        TestOperator.Matches => new("matches", OperandShape.Pattern, &Matches, nameof(Matches)),
        TestOperator.Gt => new("gt", OperandShape.Number, &Gt, nameof(Gt)),
        TestOperator.Gte => new("gte", OperandShape.Number, &Gte, nameof(Gte)),
        TestOperator.Lt => new("lt", OperandShape.Number, &Lt, nameof(Lt)),
        TestOperator.Lte => new("lte", OperandShape.Number, &Lte, nameof(Lte)),
        TestOperator.Between => new("between", OperandShape.NumberRange, &Between, nameof(Between)),
        TestOperator.IsTrue => new("isTrue", OperandShape.None, &IsTrue, nameof(IsTrue)),
        TestOperator.IsFalse => new("isFalse", OperandShape.None, &IsFalse, nameof(IsFalse)),
    };

    // The tests of a present value, in table order.
    private static bool Always(in AttributeValue v, CompiledTest t) => true;

    private static bool Never(in AttributeValue v, CompiledTest t) => false;

    private static bool Eq(in AttributeValue v, CompiledTest t) => v.Equals(t.Operand);

    private static bool Neq(in AttributeValue v, CompiledTest t) => !v.Equals(t.Operand);

    private static bool In(in AttributeValue v, CompiledTest t) => t.IsAnyOperand(v);

    private static bool NotIn(in AttributeValue v, CompiledTest t) => !t.IsAnyOperand(v);

    private static bool Contains(in AttributeValue v, CompiledTest t) =>
        v.Kind == AttributeKind.String && v.StringValue.Contains(t.Operand.StringValue, StringComparison.OrdinalIgnoreCase);

    private static bool StartsWith(in AttributeValue v, CompiledTest t) =>
        v.Kind == AttributeKind.String && v.StringValue.StartsWith(t.Operand.StringValue, StringComparison.OrdinalIgnoreCase);

    private static bool EndsWith(in AttributeValue v, CompiledTest t) =>
        v.Kind == AttributeKind.String && v.StringValue.EndsWith(t.Operand.StringValue, StringComparison.OrdinalIgnoreCase);

    private static bool ContainsAny(in AttributeValue v, CompiledTest t) => v.Kind == AttributeKind.String && v.StringValue.AsSpan().ContainsAny(t.AnyOf);

    private static bool Matches(in AttributeValue v, CompiledTest t) => v.Kind == AttributeKind.String && t.IsMatch(v.StringValue);

    private static bool Gt(in AttributeValue v, CompiledTest t) => v.Kind == AttributeKind.Number && v.NumberValue > t.Low;

    private static bool Gte(in AttributeValue v, CompiledTest t) => v.Kind == AttributeKind.Number && v.NumberValue >= t.Low;

    private static bool Lt(in AttributeValue v, CompiledTest t) => v.Kind == AttributeKind.Number && v.NumberValue < t.Low;

    private static bool Lte(in AttributeValue v, CompiledTest t) => v.Kind == AttributeKind.Number && v.NumberValue <= t.Low;

    private static bool Between(in AttributeValue v, CompiledTest t) => v.Kind == AttributeKind.Number && t.Low <= v.NumberValue && v.NumberValue <= t.High;

    private static bool IsTrue(in AttributeValue v, CompiledTest t) => v.Kind == AttributeKind.Boolean && v.BooleanValue;

    private static bool IsFalse(in AttributeValue v, CompiledTest t) => v.Kind == AttributeKind.Boolean && !v.BooleanValue;
}
