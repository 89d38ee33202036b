using LeadScoring.Leads;

namespace LeadScoring.Conditions;

/// <summary>How an operator tests a value that is present (<see cref="AttributeValue.IsPresent"/>).</summary>
internal delegate bool PresentValueTest(in AttributeValue value, CompiledTest test);

/// <summary>One row of the operator table.</summary>
/// <param name="JsonName">The op's spelling in rule-set JSON.</param>
/// <param name="Shape">What its <c>value</c> is.</param>
/// <param name="Test">Its test of a present value.</param>
/// <param name="MatchesMissing">Its result for a missing value (true only for <c>missing</c>).</param>
internal sealed record OperatorRow(string JsonName, OperandShape Shape, PresentValueTest Test, bool MatchesMissing = false);
