using System.Globalization;
using System.Text.Json;

namespace LeadScoring.Validation;

/// <summary>
/// Reads values out of a parsed JSON document while collecting every problem with its JSON path: the
/// domain-free half of rule-set validation. Each vocabulary's JSON reader asks it for objects with known
/// properties, required and optional values, strings, numbers in a range and lists; a value that breaks a
/// rule is reported and read as null, so that reading goes on and every problem is found in one pass.
/// </summary>
internal sealed class JsonValidator
{
    private readonly List<RuleSetError> _errors = [];
    private readonly HashSet<string> _errorPaths = new(StringComparer.Ordinal);

    public IReadOnlyList<RuleSetError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>Reports a problem; one per path, so that a value both mistyped and then missing downstream is reported once.</summary>
    public void Error(string path, string message)
    {
        if (_errorPaths.Add(path))
        {
            _errors.Add(new RuleSetError(path, message));
        }
    }

    /// <summary>The properties of an object, reporting unknown and duplicate names; null if not an object.</summary>
    public Dictionary<string, JsonElement>? Properties(JsonElement element, string path, string[] allowed, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"expected {what} (a JSON object), got {Describe(element)}");
            return null;
        }

        var props = new Dictionary<string, JsonElement>(element.GetPropertyCount(), StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            // Matched as UTF-8 against the allowed names, so that a valid property allocates no name string.
            string? name = null;
            foreach (string candidate in allowed)
            {
                if (property.NameEquals(candidate))
                {
                    name = candidate;
                    break;
                }
            }

            if (name is null)
            {
                Error(JsonPath.Child(path, property.Name), $"unknown property {Quoted.Text(property.Name)}{Suggestions.DidYouMean(property.Name, allowed)}; expected one of: {string.Join(", ", allowed)}");
            }
            else if (!props.TryAdd(name, property.Value))
            {
                Error(JsonPath.Child(path, name), $"duplicate property {Quoted.Text(name)}");
            }
        }

        return props;
    }

    /// <summary>The items of a list read by <paramref name="readItem"/>; null when not a list or when any item is invalid.</summary>
    public List<T>? List<T>(JsonElement element, string path, string what, Func<JsonElement, string, T?> readItem)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"expected {what} (a JSON array), got {Describe(element)}");
            return null;
        }

        var items = new List<T>(element.GetArrayLength());
        bool ok = true;
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            T? value = readItem(item, JsonPath.Index(path, i++));
            if (value is null)
            {
                ok = false;
            }
            else
            {
                items.Add(value);
            }
        }

        return ok ? items : null;
    }

    /// <summary><see cref="List{T}"/> for value types.</summary>
    public List<T>? Values<T>(JsonElement element, string path, string what, Func<JsonElement, string, T?> readItem)
        where T : struct =>
        List(element, path, what, (e, p) => readItem(e, p) is { } value ? new Box<T>(value) : null)?.ConvertAll(b => b.Value);

    /// <summary>Reports repeated string values of <paramref name="property"/> across a list, even in items that are otherwise invalid.</summary>
    public void CheckUnique(JsonElement list, string listPath, string property, string what)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } key
                && !seen.TryAdd(key, i))
            {
                Error(JsonPath.Child(JsonPath.Index(listPath, i), property), $"duplicate {what} {Quoted.Text(key)} (first used at {JsonPath.Index(listPath, seen[key])})");
            }

            i++;
        }
    }

    public static bool Optional(Dictionary<string, JsonElement> props, string name, out JsonElement value) =>
        props.TryGetValue(name, out value);

    public JsonElement? Required(Dictionary<string, JsonElement> props, string path, string name)
    {
        if (props.TryGetValue(name, out var value))
        {
            return value;
        }

        Error(JsonPath.Child(path, name), "required");
        return null;
    }

    public string? RequiredString(Dictionary<string, JsonElement> props, string path, string name) =>
        Required(props, path, name) is { } value ? String(value, JsonPath.Child(path, name), nonEmpty: true) : null;

    public string? OptionalString(Dictionary<string, JsonElement> props, string path, string name, bool nonEmpty) =>
        props.TryGetValue(name, out var value) ? String(value, JsonPath.Child(path, name), nonEmpty) : null;

    public double? RequiredNumber(Dictionary<string, JsonElement> props, string path, string name, NumberRule rule) =>
        Required(props, path, name) is { } value ? Number(value, JsonPath.Child(path, name), rule) : null;

    public double? OptionalNumber(Dictionary<string, JsonElement> props, string path, string name, NumberRule rule) =>
        props.TryGetValue(name, out var value) ? Number(value, JsonPath.Child(path, name), rule) : null;

    public bool? OptionalBoolean(Dictionary<string, JsonElement> props, string path, string name)
    {
        if (!props.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error(JsonPath.Child(path, name), $"expected a boolean (true or false), got {Describe(value)}");
        return null;
    }

    public string? String(JsonElement element, string path, bool nonEmpty)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Error(path, $"expected a {(nonEmpty ? "non-empty " : string.Empty)}string, got {Describe(element)}");
            return null;
        }

        string value = element.GetString()!;
        if (nonEmpty && value.Length == 0)
        {
            Error(path, "expected a non-empty string, got \"\"");
            return null;
        }

        return value;
    }

    public double? Number(JsonElement element, string path, NumberRule rule)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            bool nonFinite = element.ValueKind == JsonValueKind.String
                && element.GetString() is "NaN" or "Infinity" or "-Infinity";
            Error(path, nonFinite ? $"expected {rule.Description}, got {element.GetString()} (numbers must be finite)" : $"expected {rule.Description}, got {Describe(element)}");
            return null;
        }

        if (!element.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            Error(path, $"expected {rule.Description}, got {Quoted.Raw(element.GetRawText())} (out of range)");
            return null;
        }

        bool belowMin = rule.MinExclusive ? value <= rule.Min : value < rule.Min;
        if (belowMin || value > rule.Max || (rule.Whole && value != Math.Floor(value)))
        {
            Error(path, $"expected {rule.Description}, got {Quoted.Raw(element.GetRawText())}");
            return null;
        }

        return value + 0.0; // folds -0 into 0
    }

    /// <summary>A number as the messages print it (shortest round-trip form).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>What a value is, for messages: <c>a string "x"</c>, <c>a number 3</c>, <c>a list</c>, <c>null</c>.</summary>
    public static string Describe(JsonElement element)
    {
        string kind = element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null or JsonValueKind.Undefined => "null",
        };
        if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return kind;
        }

        return $"{kind} {Quoted.Raw(element.GetRawText())}";
    }

    private sealed record Box<T>(T Value);
}
