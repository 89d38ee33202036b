using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using LeadScoring.Conditions;
using LeadScoring.Rules;

namespace LeadScoring.Scoring;

/// <summary>The category sums of a lead's rules, into <paramref name="categories"/> (zeroed by the caller).</summary>
internal delegate void RulePass(in EvaluationState state, Span<double> categories);

/// <summary>When a model compiles its rule pass (<see cref="RulePassEmitter"/>).</summary>
internal enum RulePassCompilation
{
    /// <summary>After <see cref="RulePassEmitter.WarmUpScores"/> scores, in the background (models built by hosts and tools).</summary>
    AfterWarmUp,

    /// <summary>When the model is built (tests).</summary>
    Now,

    /// <summary>Never: the rule loop always runs (tests compare the two).</summary>
    Never,
}

/// <summary>
/// Compiles a rule set's rule pass into one method, as <c>RegexOptions.Compiled</c> does for a pattern: each rule's
/// condition emitted inline (<see cref="ConditionEmitter"/>), its points, cap and tally slot as constants, one local per
/// category, so that the JIT sees what a hand-written scorer would be. It adds the same contributions in the same order
/// as the rule loop, so the sums are the same to the last bit. Where the runtime cannot compile code (native AOT, an
/// interpreter), or for rule sets too large to be worth one method, the rule loop runs instead.
/// </summary>
internal static class RulePassEmitter
{
    /// <summary>
    /// How many scores a model runs the rule loop before it compiles its rule pass. Compiling costs milliseconds (the
    /// JIT, mostly), which a model that scores a handful of leads would never earn back; one that scored this many is
    /// likely to score many more (a batch, a file, a busy host).
    /// </summary>
    public const int WarmUpScores = 1000;

    // Past some size (between 16 and 20 KB of IL here: about 250 attribute tests, when each test read its own field) the
    // JIT compiles a method without optimising it, and the emitted pass ran up to 2.6x slower than the rule loop; so a
    // pass over MaxILBytes is dropped, and rule sets far beyond it are not even emitted. Reading each field once made a
    // test ~6% less IL: 12 KB now holds ~240 tests on 100 fields (FullOpts), where it held ~220.
    private const int MaxILBytes = 12_000;
    private const int MaxRules = 256;
    private const int MaxConditionNodes = 1_024;

    private static readonly MethodInfo Cap = typeof(CompiledRule).GetMethod(nameof(CompiledRule.Cap))!;
    private static readonly MethodInfo CategoryAt = typeof(Span<double>).GetProperty("Item")!.GetMethod!;

    /// <summary>Whether <paramref name="rules"/> can be compiled here.</summary>
    public static bool CanCompile(IReadOnlyList<CompiledRule> rules) =>
        RuntimeFeature.IsDynamicCodeCompiled && rules.Count <= MaxRules && rules.Sum(r => r.When?.Size ?? 0) <= MaxConditionNodes;

    /// <summary>The compiled rule pass of <paramref name="rules"/>, or null where the rule loop should run (<see cref="CanCompile"/>, or too much IL).</summary>
    public static RulePass? TryCompile(IReadOnlyList<CompiledRule> rules) =>
        RuntimeFeature.IsDynamicCodeCompiled && CanCompile(rules) ? Compile(rules) : null; // the first test is the guard the AOT analyser sees

    [RequiresDynamicCode("Emits IL; called only where RuntimeFeature.IsDynamicCodeCompiled.")]
    private static RulePass? Compile(IReadOnlyList<CompiledRule> rules)
    {
        var method = new DynamicMethod(
            "LeadScoring.RulePass",
            typeof(void),
            [typeof(CompiledTest[]), typeof(EvaluationState).MakeByRefType(), typeof(Span<double>)],
            typeof(RulePassEmitter).Module,
            skipVisibility: true);
        var il = method.GetILGenerator();
        var conditions = new ConditionEmitter(il, rules.Select(r => r.When).OfType<CompiledCondition>());
        var sums = new LocalBuilder?[ScoreCategories.Count];
        foreach (var rule in rules)
        {
            int category = (int)rule.Category;
            var sum = sums[category] ??= DeclareSum(il);
            if (rule.When is { } when)
            {
                // A rule that does not hold adds Cap(0) = +0.0, which leaves a sum unchanged (sums are never -0.0).
                var skip = il.DefineLabel();
                conditions.Emit(when);
                il.Emit(OpCodes.Brfalse, skip);
                il.Emit(OpCodes.Ldloc, sum);
                il.Emit(OpCodes.Ldc_R8, rule.Contribution(rule.Points));
                il.Emit(OpCodes.Add);
                il.Emit(OpCodes.Stloc, sum);
                il.MarkLabel(skip);
            }
            else
            {
                il.Emit(OpCodes.Ldloc, sum);
                conditions.Tally(rule.EachSlot);
                il.Emit(OpCodes.Ldc_R8, rule.MaxPoints);
                il.Emit(OpCodes.Call, Cap);
                il.Emit(OpCodes.Add);
                il.Emit(OpCodes.Stloc, sum);
            }
        }

        for (int c = 0; c < sums.Length; c++)
        {
            if (sums[c] is { } sum)
            {
                il.Emit(OpCodes.Ldarga_S, (byte)2);
                il.Emit(OpCodes.Ldc_I4, c);
                il.Emit(OpCodes.Call, CategoryAt);
                il.Emit(OpCodes.Ldloc, sum);
                il.Emit(OpCodes.Stind_R8);
            }
        }

        il.Emit(OpCodes.Ret);
        return il.ILOffset <= MaxILBytes ? method.CreateDelegate<RulePass>(conditions.Tests) : null;
    }

    private static LocalBuilder DeclareSum(ILGenerator il)
    {
        var sum = il.DeclareLocal(typeof(double));
        il.Emit(OpCodes.Ldc_R8, 0.0);
        il.Emit(OpCodes.Stloc, sum);
        return sum;
    }
}
