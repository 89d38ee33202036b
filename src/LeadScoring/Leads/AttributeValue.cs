using System.Globalization;

namespace LeadScoring.Leads;

/// <summary>
/// A lead attribute value: a string, a number, a boolean or missing. Implicit conversions from
/// <see cref="string"/>, <see cref="double"/>, <see cref="int"/> and <see cref="bool"/> keep call sites short.
/// </summary>
public readonly struct AttributeValue : IEquatable<AttributeValue>
{
    private readonly string? _string;
    private readonly double _number;

    private AttributeValue(AttributeKind kind, string? text, double number)
    {
        Kind = kind;
        _string = text;
        _number = number;
    }

    /// <summary>The missing value (JSON <c>null</c> or absent).</summary>
    public static AttributeValue Missing => default;

    /// <summary>Which of the four kinds this value is.</summary>
    public AttributeKind Kind { get; }

    /// <summary>True unless the value is <see cref="AttributeKind.Missing"/>.</summary>
    public bool IsPresent => Kind != AttributeKind.Missing;

    /// <summary>The string, when <see cref="Kind"/> is <see cref="AttributeKind.String"/>; otherwise null.</summary>
    public string? AsString => Kind == AttributeKind.String ? _string : null;

    /// <summary>The number, when <see cref="Kind"/> is <see cref="AttributeKind.Number"/>; otherwise null.</summary>
    public double? AsNumber => Kind == AttributeKind.Number ? _number : null;

    /// <summary>The boolean, when <see cref="Kind"/> is <see cref="AttributeKind.Boolean"/>; otherwise null.</summary>
    public bool? AsBoolean => Kind == AttributeKind.Boolean ? _number != 0 : null;

    internal string StringValue => _string!;

    internal double NumberValue => _number;

    internal bool BooleanValue => _number != 0;

    /// <summary>A string value; <c>null</c> gives <see cref="Missing"/>.</summary>
    /// <param name="value">The string, or null.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromString(string? value) =>
        value is null ? default : new AttributeValue(AttributeKind.String, value, 0);

    /// <summary>A number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromNumber(double value) => new(AttributeKind.Number, null, value);

    /// <summary>A boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromBoolean(bool value) => new(AttributeKind.Boolean, null, value ? 1 : 0);

    /// <summary>Converts a string (null gives <see cref="Missing"/>).</summary>
    /// <param name="value">The string, or null.</param>
    /// <returns>The value.</returns>
    public static implicit operator AttributeValue(string? value) => FromString(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static implicit operator AttributeValue(double value) => FromNumber(value);

    /// <summary>Converts a whole number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static implicit operator AttributeValue(int value) => FromNumber(value);

    /// <summary>Converts a boolean.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static implicit operator AttributeValue(bool value) => FromBoolean(value);

    /// <summary>
    /// The rule sets' <c>eq</c>: both present, of the same kind, and equal (strings ordinal, ignoring case);
    /// two missing values are also equal.
    /// </summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(AttributeValue other) => Kind == other.Kind && Kind switch
    {
        AttributeKind.Missing => true,
        AttributeKind.String => string.Equals(_string, other._string, StringComparison.OrdinalIgnoreCase),
        _ => _number == other._number,
    };

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttributeValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        AttributeKind.String => StringComparer.OrdinalIgnoreCase.GetHashCode(_string!),
        AttributeKind.Missing => 0,
        _ => HashCode.Combine(Kind, _number),
    };

    /// <summary>Value equality, as <see cref="Equals(AttributeValue)"/>.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AttributeValue left, AttributeValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AttributeValue left, AttributeValue right) => !left.Equals(right);

    /// <summary>The value as JSON-like text: a quoted string, a number, true/false or null.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        AttributeKind.String => "\"" + _string + "\"",
        AttributeKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        AttributeKind.Boolean => BooleanValue ? "true" : "false",
        _ => "null",
    };
}
