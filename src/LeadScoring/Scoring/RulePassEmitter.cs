using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using LeadScoring.Conditions;
using LeadScoring.Rules;

namespace LeadScoring.Scoring;

/// <summary>
/// The category values of a lead: its rules' sums, <paramref name="inactivity"/> added to decay, each clamped to its
/// limits, into <paramref name="categories"/>; returns the funnel conditions that hold, bit i for condition i of those
/// the pass was compiled with (<see cref="RulePassEmitter.TryCompile"/>).
/// </summary>
internal delegate ulong RulePass(in EvaluationState state, double inactivity, Span<double> categories);

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
/// as the rule loop, so the sums are the same to the last bit; then it adds the inactivity penalty and clamps each
/// category, its limits as constants. The same method evaluates the funnel's conditions (disqualifiers' and stages'),
/// on the fields it reads for the rules, and returns them as bits. Where the runtime cannot compile code (native AOT,
/// an interpreter), or for rule sets too large to be worth one method, the rule loop and the condition trees run instead.
/// </summary>
internal static class RulePassEmitter
{
    /// <summary>
    /// How many scores a model runs the rule loop before it compiles its rule pass. Compiling costs milliseconds (the
    /// JIT, mostly), which a model that scores a handful of leads would never earn back; one that scored this many is
    /// likely to score many more (a batch, a file, a busy host).
    /// </summary>
    public const int WarmUpScores = 1000;

    // Past some size the JIT compiles a method without optimising it (MinOpts; the limit it hits here is its count of
    // basic blocks), and the emitted pass ran up to 2.6x slower than the rule loop; so a pass over MaxILBytes is dropped,
    // and rule sets far beyond it are not even emitted. Measured on .NET 10 (JitDisasmSummary): rules of two attribute
    // tests each stay optimised up to ~21 KB of IL (180 rules) and fall to MinOpts at ~23 KB (200); rules of one test,
    // 22 KB (the 256 allowed); rules of an any of eight tests, up to ~25 KB. 16 KB leaves a margin under each.
    private const int MaxILBytes = 16_000;
    private const int MaxRules = 256;
    private const int MaxConditionNodes = 1_024;

    /// <summary>How many funnel conditions the pass can return, one bit each.</summary>
    public const int MaxFunnelConditions = 64;

    private static readonly MethodInfo Cap = typeof(CompiledRule).GetMethod(nameof(CompiledRule.Cap))!;
    private static readonly MethodInfo CategoryAt = typeof(Span<double>).GetProperty("Item")!.GetMethod!;
    private static readonly MethodInfo Max = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo Min = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;

    /// <summary>Whether <paramref name="rules"/> and <paramref name="funnel"/> can be compiled here.</summary>
    public static bool CanCompile(IReadOnlyList<CompiledRule> rules, IReadOnlyList<CompiledCondition?> funnel) =>
        RuntimeFeature.IsDynamicCodeCompiled && rules.Count <= MaxRules && funnel.Count <= MaxFunnelConditions
        && rules.Sum(r => r.When?.Size ?? 0) + funnel.Sum(c => c?.Size ?? 0) <= MaxConditionNodes;

    /// <summary>
    /// The compiled rule pass of <paramref name="rules"/>, clamping category c to [<paramref name="categoryMin"/>[c],
    /// <paramref name="categoryMax"/>[c]] and returning bit i set when <paramref name="funnel"/>[i] holds (a null
    /// condition always holds); null where the rule loop should run (<see cref="CanCompile"/>, or too much IL).
    /// </summary>
    public static RulePass? TryCompile(
        IReadOnlyList<CompiledRule> rules, IReadOnlyList<CompiledCondition?> funnel, IReadOnlyList<double> categoryMin, IReadOnlyList<double> categoryMax) =>
        RuntimeFeature.IsDynamicCodeCompiled && CanCompile(rules, funnel) ? Compile(rules, funnel, categoryMin, categoryMax) : null; // the first test is the guard the AOT analyser sees

    [RequiresDynamicCode("Emits IL; called only where RuntimeFeature.IsDynamicCodeCompiled.")]
    private static RulePass? Compile(
        IReadOnlyList<CompiledRule> rules, IReadOnlyList<CompiledCondition?> funnel, IReadOnlyList<double> categoryMin, IReadOnlyList<double> categoryMax)
    {
        var method = new DynamicMethod(
            "LeadScoring.RulePass",
            typeof(ulong),
            [typeof(CompiledTest[]), typeof(EvaluationState).MakeByRefType(), typeof(double), typeof(Span<double>)],
            typeof(RulePassEmitter).Module,
            skipVisibility: true);
        var il = method.GetILGenerator();
        var conditions = new ConditionEmitter(il);

        // Two phases. First every condition, into bits (the rules' one per rule, the funnel's as returned): no double is
        // live yet, and the x64 ABIs on Linux and macOS keep no floating-point register across a call, so the sums would
        // otherwise be spilled and reloaded around every search a condition calls. Conditions are pure, so their order is
        // free: those that call out go last, so that the numbers and flags the others read are not kept across calls.
        var ruleBits = new LocalBuilder[(rules.Count + 63) / 64];
        ulong alwaysHolds = 0; // a missing stage condition always holds
        for (int i = 0; i < funnel.Count; i++)
        {
            alwaysHolds |= funnel[i] is null ? 1UL << i : 0;
        }

        var funnelBits = DeclareBits(il, alwaysHolds);
        var bitConditions = new List<(CompiledCondition Condition, LocalBuilder Bits, int Bit)>();
        for (int r = 0; r < rules.Count; r++)
        {
            if (rules[r].When is { } when)
            {
                bitConditions.Add((when, ruleBits[r / 64] ??= DeclareBits(il, 0), r % 64));
            }
        }

        for (int i = 0; i < funnel.Count; i++)
        {
            if (funnel[i] is { } condition)
            {
                bitConditions.Add((condition, funnelBits, i));
            }
        }

        foreach (var (condition, bits, bit) in bitConditions.OrderBy(c => c.Condition.MayCall)) // a stable sort
        {
            // bits |= (ulong)condition << bit: no branch beyond the condition's own.
            conditions.Emit(condition);
            il.Emit(OpCodes.Conv_U8);
            il.Emit(OpCodes.Ldc_I4, bit);
            il.Emit(OpCodes.Shl);
            il.Emit(OpCodes.Ldloc, bits);
            il.Emit(OpCodes.Or);
            il.Emit(OpCodes.Stloc, bits);
        }

        // Then the sums, rule by rule in rule-set order, as the rule loop adds them.
        var sums = new LocalBuilder[ScoreCategories.Count];
        for (int c = 0; c < sums.Length; c++)
        {
            sums[c] = il.DeclareLocal(typeof(double));
            il.Emit(OpCodes.Ldc_R8, 0.0);
            il.Emit(OpCodes.Stloc, sums[c]);
        }

        for (int r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            int category = (int)rule.Category;
            var sum = sums[category];
            if (rule.When is not null)
            {
                // A rule that does not hold adds Cap(0) = +0.0, which leaves a sum unchanged (sums are never -0.0).
                var skip = il.DefineLabel();
                il.Emit(OpCodes.Ldloc, ruleBits[r / 64]);
                il.Emit(OpCodes.Ldc_I8, (long)(1UL << (r % 64)));
                il.Emit(OpCodes.And);
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

        // Inactivity after the rules, then each category clamped: what the rule loop's caller does, with the same
        // Math.Max and Math.Min (a limit that is infinite changes nothing, so it is left out).
        var decay = sums[(int)ScoreCategory.Decay];
        il.Emit(OpCodes.Ldloc, decay);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc, decay);
        for (int c = 0; c < sums.Length; c++)
        {
            il.Emit(OpCodes.Ldarga_S, (byte)3);
            il.Emit(OpCodes.Ldc_I4, c);
            il.Emit(OpCodes.Call, CategoryAt);
            il.Emit(OpCodes.Ldloc, sums[c]);
            if (categoryMin[c] != double.NegativeInfinity)
            {
                il.Emit(OpCodes.Ldc_R8, categoryMin[c]);
                il.Emit(OpCodes.Call, Max);
            }

            if (categoryMax[c] != double.PositiveInfinity)
            {
                il.Emit(OpCodes.Ldc_R8, categoryMax[c]);
                il.Emit(OpCodes.Call, Min);
            }

            il.Emit(OpCodes.Ldc_R8, 0.0);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stind_R8);
        }

        il.Emit(OpCodes.Ldloc, funnelBits);
        il.Emit(OpCodes.Ret);
        return il.ILOffset <= MaxILBytes ? method.CreateDelegate<RulePass>(conditions.Tests) : null;
    }

    private static LocalBuilder DeclareBits(ILGenerator il, ulong initial)
    {
        var bits = il.DeclareLocal(typeof(ulong));
        il.Emit(OpCodes.Ldc_I8, (long)initial);
        il.Emit(OpCodes.Stloc, bits);
        return bits;
    }
}
