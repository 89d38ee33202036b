using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LeadScoring.Scoring;

/// <summary>How a binding reads a host lead's activities into the engine's scratch: instants, tags and type ids.</summary>
internal abstract class BoundActivities<TLead>
{
    /// <summary>Resolves what can be resolved once for <paramref name="model"/> (enum types to type ids).</summary>
    public abstract BoundActivities<TLead> For(CompiledRuleSet model);

    /// <summary>Appends the lead's activities, their types resolved to the model's type ids, to <paramref name="into"/>.</summary>
    public abstract void Fill(TLead lead, CompiledRuleSet model, ResolvedActivities into);

    /// <summary>How a <see cref="ListOf{TActivity, TTypeIds}"/> turns an activity's type into a type id: a struct, so that the loop over activities calls it directly.</summary>
    internal interface ITypeIds<TActivity>
    {
        /// <summary>The activity's type id in the model (-1: none).</summary>
        int Of(TActivity activity);
    }

    /// <summary>Activities read from a list on the lead; subclasses say how an activity's type becomes a type id.</summary>
    internal abstract class ListOf<TActivity, TTypeIds>(Func<TLead, IReadOnlyList<TActivity>?> read, Func<TActivity, DateTimeOffset> at, Func<TActivity, string?>? tag)
        : BoundActivities<TLead>
        where TTypeIds : struct, ITypeIds<TActivity>
    {
        protected Func<TLead, IReadOnlyList<TActivity>?> Read { get; } = read ?? throw new ArgumentNullException(nameof(read));

        protected Func<TActivity, DateTimeOffset> At { get; } = at ?? throw new ArgumentNullException(nameof(at));

        protected Func<TActivity, string?>? Tag { get; } = tag;

        public sealed override void Fill(TLead lead, CompiledRuleSet model, ResolvedActivities into)
        {
            // Tags are read only when some rule of the model reads them: the result is the same, and scoring is cheaper.
            var tag = model.ReadsTags ? Tag : null;
            var ids = TypeIds(model);

            // A list or an array (the usual collections) is read as a span: no interface call per activity.
            switch (Read(lead))
            {
                case null:
                    break;
                case List<TActivity> list:
                    Add(CollectionsMarshal.AsSpan(list), ids, tag, into);
                    break;
                case TActivity[] array:
                    Add(array, ids, tag, into);
                    break;
                case var other:
                    for (int i = 0; i < other.Count; i++)
                    {
                        Add(other[i], ids, tag, into);
                    }

                    break;
            }
        }

        /// <summary>How this binding resolves types for <paramref name="model"/>.</summary>
        protected abstract TTypeIds TypeIds(CompiledRuleSet model);

        private void Add(ReadOnlySpan<TActivity> activities, TTypeIds ids, Func<TActivity, string?>? tag, ResolvedActivities into)
        {
            foreach (var activity in activities)
            {
                Add(activity, ids, tag, into);
            }
        }

        private void Add(TActivity activity, TTypeIds ids, Func<TActivity, string?>? tag, ResolvedActivities into) =>
            into.Add(ids.Of(activity), At(activity).UtcTicks, tag?.Invoke(activity));
    }

    /// <summary>Activities whose types are strings, looked up at each score.</summary>
    internal sealed class Named<TActivity>(
        Func<TLead, IReadOnlyList<TActivity>?> read, Func<TActivity, string> type, Func<TActivity, DateTimeOffset> at, Func<TActivity, string?>? tag)
        : ListOf<TActivity, Named<TActivity>.Ids>(read, at, tag)
    {
        private readonly Func<TActivity, string> _type = type ?? throw new ArgumentNullException(nameof(type));

        public override BoundActivities<TLead> For(CompiledRuleSet model) => this;

        protected override Ids TypeIds(CompiledRuleSet model) => new(_type, model);

        internal readonly struct Ids(Func<TActivity, string> type, CompiledRuleSet model) : ITypeIds<TActivity>
        {
            // A null or empty type is none the model knows.
            public int Of(TActivity activity) => type(activity) is { Length: > 0 } name ? model.TypeId(name) : -1;
        }
    }

    /// <summary>Activities whose types are an enum, each value resolved to a type id once per model.</summary>
    internal sealed class Enumerated<TActivity, TType>(
        Func<TLead, IReadOnlyList<TActivity>?> read, Func<TActivity, TType> type, Func<TType, string> typeName, Func<TActivity, DateTimeOffset> at, Func<TActivity, string?>? tag)
        : ListOf<TActivity, Enumerated<TActivity, TType>.Ids>(read, at, tag)
        where TType : struct, Enum
    {
        // Largest int-backed enum value looked up by index rather than through the dictionary.
        private const int DenseLimit = 4096;

        private readonly Func<TActivity, TType> _type = type ?? throw new ArgumentNullException(nameof(type));
        private readonly Func<TType, string> _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));

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

        protected override Ids TypeIds(CompiledRuleSet model) => new(_type, _dense, _ids!);

        private static int AsInt(TType value) => Unsafe.As<TType, int>(ref value);

        internal readonly struct Ids(Func<TActivity, TType> type, int[]? dense, Dictionary<TType, int> ids) : ITypeIds<TActivity>
        {
            // A value outside the enum's named ones is no type the model knows.
            public int Of(TActivity activity)
            {
                var value = type(activity);
                if (dense is not null)
                {
                    return (uint)AsInt(value) < (uint)dense.Length ? dense[AsInt(value)] : -1;
                }

                return ids.TryGetValue(value, out int id) ? id : -1;
            }
        }
    }
}
