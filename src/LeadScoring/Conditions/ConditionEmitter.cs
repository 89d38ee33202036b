using System.Reflection;
using System.Reflection.Emit;
using LeadScoring.Leads;

namespace LeadScoring.Conditions;

/// <summary>
/// Emits condition trees as straight-line IL into a method whose argument 0 is the array of the tests it uses
/// (<see cref="Tests"/>) and argument 1 the <see cref="EvaluationState"/> (by reference). Each condition leaves what
/// <see cref="CompiledCondition.Evaluate"/> returns on the stack, short-circuiting as it does; an attribute test calls
/// its operator's static method directly, so the JIT can inline it, where the tree calls it through a pointer.
/// </summary>
internal sealed class ConditionEmitter
{
    private static readonly MethodInfo AttributeOf = typeof(EvaluationState).GetMethod(nameof(EvaluationState.Attribute))!;
    private static readonly MethodInfo TalliesOf = typeof(EvaluationState).GetProperty(nameof(EvaluationState.Tallies))!.GetMethod!;
    private static readonly MethodInfo IsPresent = typeof(AttributeValue).GetProperty(nameof(AttributeValue.IsPresent))!.GetMethod!;
    private static readonly MethodInfo TallyAt = typeof(ReadOnlySpan<double>).GetProperty("Item")!.GetMethod!;

    private readonly ILGenerator _il;
    private readonly List<CompiledTest> _tests = [];

    // One local per field slot the conditions test, read once, just before the first condition that tests it: rules test
    // the same field again and again (a title three or four times), and each read is the slot, two bounds checks and a
    // 24-byte copy. Read late, a value is not held in a register (or spilled) through code that does not need it.
    private readonly Dictionary<int, LocalBuilder> _fields = [];
    private readonly LocalBuilder _tallies;

    /// <summary>Starts emitting into <paramref name="il"/>: reads the state's tallies.</summary>
    public ConditionEmitter(ILGenerator il)
    {
        _il = il;
        _tallies = il.DeclareLocal(typeof(ReadOnlySpan<double>));
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, TalliesOf);
        il.Emit(OpCodes.Stloc, _tallies);
    }

    /// <summary>The tests the emitted code reads from argument 0, by position.</summary>
    public CompiledTest[] Tests => [.. _tests];

    /// <summary>
    /// Emits <paramref name="condition"/>: a bool on the stack. It first reads the fields it tests that no condition
    /// emitted before it read, so call it in code that every later condition passes through (not inside a branch).
    /// </summary>
    public void Emit(CompiledCondition condition)
    {
        var fields = new SortedSet<int>();
        condition.AddFields(fields);
        foreach (int field in fields)
        {
            if (!_fields.ContainsKey(field))
            {
                var value = _il.DeclareLocal(typeof(AttributeValue));
                _il.Emit(OpCodes.Ldarg_1);
                _il.Emit(OpCodes.Ldc_I4, field);
                _il.Emit(OpCodes.Call, AttributeOf);
                _il.Emit(OpCodes.Stloc, value);
                _fields.Add(field, value);
            }
        }

        condition.Emit(this);
    }

    /// <summary>Emits the load of tally <paramref name="slot"/> (a double on the stack).</summary>
    public void Tally(int slot)
    {
        _il.Emit(OpCodes.Ldloca, _tallies);
        _il.Emit(OpCodes.Ldc_I4, slot);
        _il.Emit(OpCodes.Call, TallyAt);
        _il.Emit(OpCodes.Ldind_R8);
    }

    /// <summary><c>value.IsPresent ? test(in value, tests[k]) : matchesMissing</c>, as <see cref="CompiledTest.Evaluate(AttributeValue)"/>.</summary>
    internal void Field(int field, CompiledTest test)
    {
        var value = _fields[field]; // read by Emit, before the condition that holds this test
        var missing = _il.DefineLabel();
        var end = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloca, value);
        _il.Emit(OpCodes.Call, IsPresent);
        _il.Emit(OpCodes.Brfalse, missing);
        _il.Emit(OpCodes.Ldloca, value);
        _il.Emit(OpCodes.Ldarg_0);
        _il.Emit(OpCodes.Ldc_I4, _tests.Count);
        _il.Emit(OpCodes.Ldelem_Ref);
        _il.Emit(OpCodes.Call, TestOperators.TestMethod(test.Row));
        _il.Emit(OpCodes.Br, end);
        _il.MarkLabel(missing);
        _il.Emit(test.Row.MatchesMissing ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
        _il.MarkLabel(end);
        _tests.Add(test);
    }

    /// <summary><c>tallies[counter] &gt;= minCount</c>, as <see cref="CountNode"/>: not (less than, or unordered).</summary>
    internal void Count(int counter, int minCount)
    {
        Tally(counter);
        _il.Emit(OpCodes.Ldc_R8, (double)minCount);
        _il.Emit(OpCodes.Clt_Un);
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ceq);
    }

    /// <summary><c>all</c> (stops at the first child that fails) or <c>any</c> (at the first that holds).</summary>
    internal void Group(CompiledCondition[] children, bool isAll)
    {
        if (children.Length == 0)
        {
            _il.Emit(isAll ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
            return;
        }

        var decided = _il.DefineLabel();
        var end = _il.DefineLabel();
        for (int c = 0; c < children.Length - 1; c++)
        {
            children[c].Emit(this);
            _il.Emit(isAll ? OpCodes.Brfalse : OpCodes.Brtrue, decided);
        }

        children[^1].Emit(this);
        _il.Emit(OpCodes.Br, end);
        _il.MarkLabel(decided);
        _il.Emit(isAll ? OpCodes.Ldc_I4_0 : OpCodes.Ldc_I4_1);
        _il.MarkLabel(end);
    }

    /// <summary><c>not</c>: the inner result compared with false.</summary>
    internal void Not(CompiledCondition inner)
    {
        inner.Emit(this);
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ceq);
    }
}
