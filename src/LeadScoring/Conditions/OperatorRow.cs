using LeadScoring.Leads;

namespace LeadScoring.Conditions;

/// <summary>One row of the operator table: the op's JSON name, its operand shape, and its test.</summary>
internal sealed unsafe class OperatorRow(string jsonName, OperandShape shape, delegate*<in AttributeValue, CompiledTest, bool> test, string testName, bool MatchesMissing = false)
{
    /// <summary>The op's spelling in rule-set JSON.</summary>
    public string JsonName { get; } = jsonName;

    /// <summary>What its <c>value</c> is.</summary>
    public OperandShape Shape { get; } = shape;

    /// <summary>Its test of a present value (<see cref="AttributeValue.IsPresent"/>): a static method.</summary>
    public delegate*<in AttributeValue, CompiledTest, bool> Test { get; } = test;

    /// <summary>The name of that static method of <see cref="TestOperators"/>, for emitted code that calls it directly.</summary>
    public string TestName { get; } = testName;

    /// <summary>Its result for a missing value (true only for <c>missing</c>).</summary>
    public bool MatchesMissing { get; } = MatchesMissing;
}
