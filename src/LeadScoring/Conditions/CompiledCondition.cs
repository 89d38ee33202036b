namespace LeadScoring.Conditions;

/// <summary>A compiled condition node: evaluated as a tree, or emitted as straight-line code (<see cref="ConditionEmitter"/>).</summary>
internal abstract class CompiledCondition
{
    public abstract bool Evaluate(in EvaluationState state);

    /// <summary>Emits code that leaves what <see cref="Evaluate"/> returns on the stack (abstract, so that no node type is forgotten).</summary>
    public abstract void Emit(ConditionEmitter emitter);

    /// <summary>How many nodes the tree has (the emitter compiles only trees of a bounded size).</summary>
    public abstract int Size { get; }

    /// <summary>Adds the field slots the tree tests to <paramref name="fields"/> (the emitter reads each once).</summary>
    public abstract void AddFields(ISet<int> fields);

    /// <summary>
    /// Whether evaluating it may call a method that is not inlined (a text, list or equality test); the rule pass emits
    /// such conditions after the others, so that the values the others read are not held across calls.
    /// </summary>
    public abstract bool MayCall { get; }
}

/// <summary>An attribute test on one field slot.</summary>
internal sealed class FieldNode(int field, CompiledTest test) : CompiledCondition
{
    public override int Size => 1;

    public override bool Evaluate(in EvaluationState state) => test.Evaluate(state.Attribute(field));

    public override void Emit(ConditionEmitter emitter) => emitter.Field(field, test);

    public override void AddFields(ISet<int> fields) => fields.Add(field);

    // No default arm: a new shape says here whether its test calls out.
    public override bool MayCall => test.Row.Shape switch
    {
        OperandShape.None or OperandShape.Number or OperandShape.NumberRange => false,
        OperandShape.Scalar or OperandShape.ScalarList or OperandShape.Text or OperandShape.TextList or OperandShape.Pattern => true,
    };
}

/// <summary>An activity count, filled in by the activity pass.</summary>
internal sealed class CountNode(int counter, int minCount) : CompiledCondition
{
    public override int Size => 1;

    public override bool Evaluate(in EvaluationState state) => state.Tallies[counter] >= minCount;

    public override void Emit(ConditionEmitter emitter) => emitter.Count(counter, minCount);

    public override void AddFields(ISet<int> fields)
    {
    }

    public override bool MayCall => false;
}

/// <summary><c>all</c> or <c>any</c>: what the two share (their children's size, fields and calls).</summary>
internal abstract class GroupNode(CompiledCondition[] children) : CompiledCondition
{
    protected CompiledCondition[] Children { get; } = children;

    public override int Size => 1 + Children.Sum(c => c.Size);

    public override bool MayCall => Children.Any(c => c.MayCall);

    public override void AddFields(ISet<int> fields)
    {
        foreach (var child in Children)
        {
            child.AddFields(fields);
        }
    }
}

/// <summary><c>all</c>: every child holds (true when empty).</summary>
internal sealed class AllNode(CompiledCondition[] children) : GroupNode(children)
{
    public override bool Evaluate(in EvaluationState state)
    {
        foreach (var child in Children)
        {
            if (!child.Evaluate(state))
            {
                return false;
            }
        }

        return true;
    }

    public override void Emit(ConditionEmitter emitter) => emitter.Group(Children, isAll: true);
}

/// <summary><c>any</c>: some child holds (false when empty).</summary>
internal sealed class AnyNode(CompiledCondition[] children) : GroupNode(children)
{
    public override bool Evaluate(in EvaluationState state)
    {
        foreach (var child in Children)
        {
            if (child.Evaluate(state))
            {
                return true;
            }
        }

        return false;
    }

    public override void Emit(ConditionEmitter emitter) => emitter.Group(Children, isAll: false);
}

/// <summary><c>not</c>.</summary>
internal sealed class NotNode(CompiledCondition inner) : CompiledCondition
{
    public override int Size => 1 + inner.Size;

    public override bool Evaluate(in EvaluationState state) => !inner.Evaluate(state);

    public override void Emit(ConditionEmitter emitter) => emitter.Not(inner);

    public override void AddFields(ISet<int> fields) => inner.AddFields(fields);

    public override bool MayCall => inner.MayCall;
}
