using LeadScoring.Leads;

namespace LeadScoring.Scoring;

/// <summary>
/// Describes, once, how a host's own lead type exposes attributes and activities, so that a model scores those
/// objects directly (<see cref="ScoringModel.Bind{TLead}"/>) with no <see cref="Lead"/> to fill. Plain delegates: no
/// expression compiling and no reflection, so it is safe under trimming and native AOT.
/// </summary>
/// <typeparam name="TLead">The host's lead type (a CRM entity, a database row, a DTO).</typeparam>
public sealed class LeadBindingBuilder<TLead>
{
    private readonly List<(string Name, Func<TLead, AttributeValue> Read)> _attributes = [];
    private BoundActivities<TLead>? _activities;

    internal LeadBindingBuilder()
    {
    }

    /// <summary>A text attribute; null reads as missing.</summary>
    /// <param name="field">The attribute name the rule set uses (matched ignoring case).</param>
    /// <param name="read">Reads it from a lead.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is null or empty, or already described.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="read"/> is null.</exception>
    public LeadBindingBuilder<TLead> Text(string field, Func<TLead, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Add(field, lead => read(lead) is { } text ? AttributeValue.FromString(text) : AttributeValue.Missing);
    }

    /// <summary>A number attribute; null reads as missing.</summary>
    /// <param name="field">The attribute name the rule set uses (matched ignoring case).</param>
    /// <param name="read">Reads it from a lead.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is null or empty, or already described.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="read"/> is null.</exception>
    public LeadBindingBuilder<TLead> Number(string field, Func<TLead, double?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Add(field, lead => read(lead) is { } number ? AttributeValue.FromNumber(number) : AttributeValue.Missing);
    }

    /// <summary>A boolean attribute; null reads as missing.</summary>
    /// <param name="field">The attribute name the rule set uses (matched ignoring case).</param>
    /// <param name="read">Reads it from a lead.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is null or empty, or already described.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="read"/> is null.</exception>
    public LeadBindingBuilder<TLead> Boolean(string field, Func<TLead, bool?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Add(field, lead => read(lead) is { } flag ? AttributeValue.FromBoolean(flag) : AttributeValue.Missing);
    }

    /// <summary>The lead's activities, with string types (looked up in the model at each score, ignoring case).</summary>
    /// <typeparam name="TActivity">The host's activity type.</typeparam>
    /// <param name="read">The lead's activities (null reads as none).</param>
    /// <param name="type">An activity's type, e.g. <c>pricing_page_view</c>.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="tag">Its tag; null when the host's activities have none. Called only when some rule of the model reads tags.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="read"/>, <paramref name="type"/> or <paramref name="at"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Activities were already described.</exception>
    public LeadBindingBuilder<TLead> Activities<TActivity>(
        Func<TLead, IReadOnlyList<TActivity>?> read, Func<TActivity, string> type, Func<TActivity, DateTimeOffset> at, Func<TActivity, string?>? tag) =>
        SetActivities(new BoundActivities<TLead>.Named<TActivity>(read, type, at, tag));

    /// <summary>
    /// The lead's activities, with enum types: each enum value is named once (<paramref name="typeName"/>) and resolved
    /// to the model's type when the binding is built, so scoring looks no name up.
    /// </summary>
    /// <typeparam name="TActivity">The host's activity type.</typeparam>
    /// <typeparam name="TType">The host's enum of activity types.</typeparam>
    /// <param name="read">The lead's activities (null reads as none).</param>
    /// <param name="type">An activity's type.</param>
    /// <param name="typeName">The rule set's name of an enum value (e.g. <c>PricingPageView</c> is <c>pricing_page_view</c>).</param>
    /// <param name="at">When it happened.</param>
    /// <param name="tag">Its tag; null when the host's activities have none. Called only when some rule of the model reads tags.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="read"/>, <paramref name="type"/>, <paramref name="typeName"/> or <paramref name="at"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Activities were already described.</exception>
    public LeadBindingBuilder<TLead> Activities<TActivity, TType>(
        Func<TLead, IReadOnlyList<TActivity>?> read, Func<TActivity, TType> type, Func<TType, string> typeName, Func<TActivity, DateTimeOffset> at, Func<TActivity, string?>? tag)
        where TType : struct, Enum =>
        SetActivities(new BoundActivities<TLead>.Enumerated<TActivity, TType>(read, type, typeName, at, tag));

    internal LeadBinding<TLead> Build(ScoringModel model) => new(model, _attributes, _activities);

    private LeadBindingBuilder<TLead> Add(string field, Func<TLead, AttributeValue> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        if (_attributes.Exists(a => string.Equals(a.Name, field, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"attribute '{field}' is already described", nameof(field));
        }

        _attributes.Add((field, read));
        return this;
    }

    private LeadBindingBuilder<TLead> SetActivities(BoundActivities<TLead> activities)
    {
        if (_activities is not null)
        {
            throw new InvalidOperationException("activities are already described");
        }

        _activities = activities;
        return this;
    }
}
