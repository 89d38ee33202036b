namespace LeadScoring.Conditions;

/// <summary>
/// The attribute and tag test operators. Each one is one row of <see cref="TestOperators"/> (JSON name, operand
/// shape, test), and a switch there without a default arm makes the build fail for an operator without a row.
/// </summary>
internal enum TestOperator
{
    Exists,
    Missing,
    Eq,
    Neq,
    In,
    NotIn,
    Contains,
    StartsWith,
    EndsWith,
    ContainsAny,
    Matches,
    Gt,
    Gte,
    Lt,
    Lte,
    Between,
    IsTrue,
    IsFalse,
}
