using System.Runtime.CompilerServices;

namespace LeadScoring.Scoring;

/// <summary>How a binding reads a host lead's activities into the engine's scratch: instants, tags and type ids.</summary>
internal abstract class BoundActivities<TLead>
{
    /// <summary>Resolves what can be resolved once for <paramref name="model"/> (enum types to type ids).</summary>
    public abstract BoundActivities<TLead> For(CompiledRuleSet model);

    /// <summary>Appends the lead's activities, their types resolved to the model's type ids, to <paramref name="into"/>.</summary>
    public abstract void Fill(TLead lead, CompiledRuleSet model, ResolvedActivities into);

    /// <summary>Activities read from a list on the lead; subclasses say how an activity's type becomes a type id.</summary>
    internal abstract class ListOf<TActivity>(Func<TLead, IReadOnlyList<TActivity>?> read, Func<TActivity, DateTimeOffset> at, Func<TActivity, string?>? tag)
        : BoundActivities<TLead>
    {
        protected Func<TLead, IReadOnlyList<TActivity>?> Read { get; } = read ?? throw new ArgumentNullException(nameof(read));

        protected Func<TActivity, DateTimeOffset> At { get; } = at ?? throw new ArgumentNullException(nameof(at));

        protected Func<TActivity, string?>? Tag { get; } = tag;

        public sealed override void Fill(TLead lead, CompiledRuleSet model, ResolvedActivities into)
        {
            if (Read(lead) is not { Count: > 0 } list)
            {
                return;
            }

            // Tags are read only when some rule of the model reads them: the result is the same, and scoring is cheaper.
            var tag = model.ReadsTags ? Tag : null;
            for (int i = 0; i < list.Count; i++)
            {
                var activity = list[i];
                into.Add(TypeIdOf(activity, model), At(activity).UtcTicks, tag?.Invoke(activity));
            }
        }

        /// <summary>The activity's type id in the model (-1: none).</summary>
        protected abstract int TypeIdOf(TActivity activity, CompiledRuleSet model);
    }

    /// <summary>Activities whose types are strings, looked up at each score.</summary>
    internal sealed class Named<TActivity>(
        Func<TLead, IReadOnlyList<TActivity>?> read, Func<TActivity, string> type, Func<TActivity, DateTimeOffset> at, Func<TActivity, string?>? tag)
        : ListOf<TActivity>(read, at, tag)
    {
        private readonly Func<TActivity, string> _type = type ?? throw new ArgumentNullException(nameof(type));

        public override BoundActivities<TLead> For(CompiledRuleSet model) => this;

        // A null or empty type is none the model knows.
        protected override int TypeIdOf(TActivity activity, CompiledRuleSet model) => _type(activity) is { Length: > 0 } name ? model.TypeId(name) : -1;
    }

    /// <summary>Activities whose types are an enum, each value resolved to a type id once per model.</summary>
    internal sealed class Enumerated<TActivity, TType>(
        Func<TLead, IReadOnlyList<TActivity>?> read, Func<TActivity, TType> type, Func<TType, string> typeName, Func<TActivity, DateTimeOffset> at, Func<TActivity, string?>? tag)
        : ListOf<TActivity>(read, at, tag)
        where TType : struct, Enum
    {
        private readonly Func<TActivity, TType> _type = type ?? throw new ArgumentNullException(nameof(type));
        private readonly Func<TType, string> _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        // Largest int-backed enum value looked up by index rather than through the dictionary.
        private const int DenseLimit = 4096;

        private Dictionary<TType, int>? _ids;
        private int[]? _dense;

        public override BoundActivities<TLead> For(CompiledRuleSet model)
        {
            var resolved = new Enumerated<TActivity, TType>(Read, _type, _typeName, At, Tag) { _ids = [] };
            foreach (var value in Enum.GetValues<TType>())
            {
                resolved._ids[value] = _typeName(value) is { Length: > 0 } name ? model.TypeId(name) : -1;
            }

            // The usual enum (int-backed, small non-negative values): an array indexed by the value.
            if (Unsafe.SizeOf<TType>() == sizeof(int) && resolved._ids.Keys.All(v => AsInt(v) is >= 0 and < DenseLimit))
            {
                resolved._dense = new int[resolved._ids.Count == 0 ? 0 : resolved._ids.Keys.Max(AsInt) + 1];
                Array.Fill(resolved._dense, -1);
                foreach (var (value, id) in resolved._ids)
                {
                    resolved._dense[AsInt(value)] = id;
                }
            }

            return resolved;
        }

        // A value outside the enum's named ones is no type the model knows.
        protected override int TypeIdOf(TActivity activity, CompiledRuleSet model)
        {
            var type = _type(activity);
            if (_dense is { } dense)
            {
                return (uint)AsInt(type) < (uint)dense.Length ? dense[AsInt(type)] : -1;
            }

            return _ids!.TryGetValue(type, out int id) ? id : -1;
        }

        private static int AsInt(TType value) => Unsafe.As<TType, int>(ref value);
    }
}
