namespace LeadScoring.Conditions;

/// <summary>A compiled condition node.</summary>
internal abstract class CompiledCondition
{
    public abstract bool Evaluate(in EvaluationState state);
}

/// <summary>An attribute test on one field slot.</summary>
internal sealed class FieldNode(int field, CompiledTest test) : CompiledCondition
{
    public override bool Evaluate(in EvaluationState state) => test.Evaluate(state.Attribute(field));
}

/// <summary>An activity count, filled in by the activity pass.</summary>
internal sealed class CountNode(int counter, int minCount) : CompiledCondition
{
    public override bool Evaluate(in EvaluationState state) => state.Tallies[counter] >= minCount;
}

/// <summary><c>all</c>: every child holds (true when empty).</summary>
internal sealed class AllNode(CompiledCondition[] children) : CompiledCondition
{
    public override bool Evaluate(in EvaluationState state)
    {
        foreach (var child in children)
        {
            if (!child.Evaluate(state))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary><c>any</c>: some child holds (false when empty).</summary>
internal sealed class AnyNode(CompiledCondition[] children) : CompiledCondition
{
    public override bool Evaluate(in EvaluationState state)
    {
        foreach (var child in children)
        {
            if (child.Evaluate(state))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary><c>not</c>.</summary>
internal sealed class NotNode(CompiledCondition inner) : CompiledCondition
{
    public override bool Evaluate(in EvaluationState state) => !inner.Evaluate(state);
}
