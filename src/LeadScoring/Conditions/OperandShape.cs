namespace LeadScoring.Conditions;

/// <summary>
/// What a test operator's <c>value</c> is: how it is read from JSON, written back, and prepared for evaluation.
/// A new operator usually reuses a shape; a new shape makes the compiler point at each switch that must learn it.
/// </summary>
internal enum OperandShape
{
    /// <summary>No value: <c>exists</c>, <c>missing</c>, <c>isTrue</c>, <c>isFalse</c>.</summary>
    None,

    /// <summary>A string, number or boolean: <c>eq</c>, <c>neq</c>.</summary>
    Scalar,

    /// <summary>A list of strings, numbers or booleans: <c>in</c>, <c>notIn</c>.</summary>
    ScalarList,

    /// <summary>A string: <c>contains</c>, <c>startsWith</c>, <c>endsWith</c>.</summary>
    Text,

    /// <summary>A list of strings, searched for all at once: <c>containsAny</c>.</summary>
    TextList,

    /// <summary>A regular expression run without backtracking: <c>matches</c>.</summary>
    Pattern,

    /// <summary>A number: <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>.</summary>
    Number,

    /// <summary>Two numbers <c>[lo, hi]</c> with lo &lt;= hi: <c>between</c>.</summary>
    NumberRange,
}
