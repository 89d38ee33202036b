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

    public static bool TryParse(string jsonName, out TestOperator op)
    {
        int i = Array.IndexOf(JsonNames, jsonName);
        op = (TestOperator)Math.Max(i, 0);
        return i >= 0;
    }

    // No default arm: an operator added to the enum without a row here fails the build (CS8509).
    private static OperatorRow CreateRow(TestOperator op) => op switch
    {
        TestOperator.Exists => new("exists", OperandShape.None, static (in _, _) => true),
        TestOperator.Missing => new("missing", OperandShape.None, static (in _, _) => false, MatchesMissing: true),
        TestOperator.Eq => new("eq", OperandShape.Scalar, static (in v, t) => v.Equals(t.Operand)),
        TestOperator.Neq => new("neq", OperandShape.Scalar, static (in v, t) => !v.Equals(t.Operand)),
        TestOperator.In => new("in", OperandShape.ScalarList, static (in v, t) => t.IsAnyOperand(v)),
        TestOperator.NotIn => new("notIn", OperandShape.ScalarList, static (in v, t) => !t.IsAnyOperand(v)),
        TestOperator.Contains => new("contains", OperandShape.Text, static (in v, t) =>
            v.Kind == AttributeKind.String && v.StringValue.Contains(t.Operand.StringValue, StringComparison.OrdinalIgnoreCase)),
        TestOperator.StartsWith => new("startsWith", OperandShape.Text, static (in v, t) =>
            v.Kind == AttributeKind.String && v.StringValue.StartsWith(t.Operand.StringValue, StringComparison.OrdinalIgnoreCase)),
        TestOperator.EndsWith => new("endsWith", OperandShape.Text, static (in v, t) =>
            v.Kind == AttributeKind.String && v.StringValue.EndsWith(t.Operand.StringValue, StringComparison.OrdinalIgnoreCase)),
        TestOperator.ContainsAny => new("containsAny", OperandShape.TextList, static (in v, t) =>
            v.Kind == AttributeKind.String && v.StringValue.AsSpan().ContainsAny(t.AnyOf)),
        TestOperator.Matches => new("matches", OperandShape.Pattern, static (in v, t) =>
            v.Kind == AttributeKind.String && t.Regex().IsMatch(v.StringValue)),
        TestOperator.Gt => new("gt", OperandShape.Number, static (in v, t) => v.Kind == AttributeKind.Number && v.NumberValue > t.Low),
        TestOperator.Gte => new("gte", OperandShape.Number, static (in v, t) => v.Kind == AttributeKind.Number && v.NumberValue >= t.Low),
        TestOperator.Lt => new("lt", OperandShape.Number, static (in v, t) => v.Kind == AttributeKind.Number && v.NumberValue < t.Low),
        TestOperator.Lte => new("lte", OperandShape.Number, static (in v, t) => v.Kind == AttributeKind.Number && v.NumberValue <= t.Low),
        TestOperator.Between => new("between", OperandShape.NumberRange, static (in v, t) =>
            v.Kind == AttributeKind.Number && t.Low <= v.NumberValue && v.NumberValue <= t.High),
        TestOperator.IsTrue => new("isTrue", OperandShape.None, static (in v, _) => v.Kind == AttributeKind.Boolean && v.BooleanValue),
        TestOperator.IsFalse => new("isFalse", OperandShape.None, static (in v, _) => v.Kind == AttributeKind.Boolean && !v.BooleanValue),
    };
}
