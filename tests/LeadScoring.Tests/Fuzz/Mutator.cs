using System.Text;
using System.Text.Json.Nodes;

namespace LeadScoring.Tests.Fuzz;

/// <summary>
/// Turns a valid document into a hostile one, reproducibly from a seed: structure-aware mutations (values of the
/// wrong kind, extreme numbers, huge or broken strings, deep nesting, missing, duplicated and unknown properties)
/// and byte-level corruption (flipped bytes, invalid UTF-8, NUL, surrogate escapes, truncation, repeated slices).
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] NearMissNames = ["Points", "point", "when ", "each", "id", "maxPerDay", "distinctTags", "withinDays", "op", "value", "$schema", "activity", "type", "at", "outcome", "result"];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] document)
    {
        int rounds = 1 + _random.Next(3);
        for (int i = 0; i < rounds; i++)
        {
            document = _random.Next(3) == 0 ? MutateBytes(document) : TryMutateStructure(document);
        }

        return document;
    }

    private byte[] TryMutateStructure(byte[] document)
    {
        try
        {
            return MutateStructure(document);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // JsonNode materialises lazily: a string or a duplicate name broken by an earlier round shows up here.
            return MutateBytes(document);
        }
    }

    private byte[] MutateStructure(byte[] document)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(document);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return MutateBytes(document); // already broken by an earlier round
        }

        if (root is null)
        {
            return document;
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[_random.Next(nodes.Count)];
        switch (_random.Next(6))
        {
            case 0 when target.Parent is { } parent:
                Replace(parent, target, RandomValue(0));
                break;
            case 1 when target is JsonObject obj && obj.Count > 0:
                obj.Remove(obj.ElementAt(_random.Next(obj.Count)).Key);
                break;
            case 2 when target is JsonObject obj:
                obj[NearMissNames[_random.Next(NearMissNames.Length)] + (_random.Next(2) == 0 ? "" : "x")] = RandomValue(0);
                break;
            case 3 when target is JsonArray array:
                for (int i = _random.Next(1, 4); i > 0; i--)
                {
                    array.Add(array.Count > 0 && _random.Next(2) == 0 ? array[_random.Next(array.Count)]?.DeepClone() : RandomValue(0));
                }

                break;
            case 4 when target.Parent is { } parent:
                Replace(parent, target, Nest(target.DeepClone(), _random.Next(1, 200)));
                break;
            default:
                if (target.Parent is { } p)
                {
                    Replace(p, target, RandomValue(0));
                }

                break;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private byte[] MutateBytes(byte[] document)
    {
        if (document.Length == 0)
        {
            return "{"u8.ToArray();
        }

        var bytes = new List<byte>(document);
        int at = _random.Next(bytes.Count);
        switch (_random.Next(8))
        {
            case 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                bytes.InsertRange(at, [0xC3, 0x28]); // invalid UTF-8
                break;
            case 2:
                bytes.InsertRange(at, [0xED, 0xA0, 0x80]); // an encoded surrogate: invalid UTF-8
                break;
            case 3:
                bytes.InsertRange(at, "\\udfff"u8.ToArray());
                break;
            case 4:
                bytes.Insert(at, 0);
                break;
            case 5:
                bytes.RemoveRange(at, bytes.Count - at); // truncated
                break;
            case 6:
                int length = Math.Min(bytes.Count - at, _random.Next(1, 64));
                bytes.InsertRange(at, bytes.GetRange(at, length));
                break;
            default:
                bytes.InsertRange(at, "\r\n\t\u2028"u8.ToArray());
                break;
        }

        return [.. bytes];
    }

    private JsonNode? RandomValue(int depth) => _random.Next(16) switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(_random.Next(-3, 4)),
        3 => JsonValue.Create(_random.Next(2) == 0 ? 1e308 : -1e308),
        4 => JsonValue.Create(double.Epsilon),
        5 => JsonValue.Create(1e9 + 1),
        6 => JsonValue.Create(-0.0),
        7 => JsonValue.Create(new string('x', _random.Next(2) == 0 ? 100_000 : 10)),
        8 => JsonValue.Create("emoji \U0001F600 ünïcode ǅ"),
        9 => JsonValue.Create("line\nbreak\u0000nul\u2028"),
        10 => JsonValue.Create(NearMissNames[_random.Next(NearMissNames.Length)]),
        11 => JsonValue.Create("2026-02-30T25:61:00+15:00"),
        12 when depth < 3 => new JsonArray(RandomValue(depth + 1), RandomValue(depth + 1)),
        13 when depth < 3 => new JsonObject { ["op"] = "matches", ["field"] = "x", ["value"] = "(a+)+$" },
        14 => JsonValue.Create(string.Empty),
        _ => new JsonObject(),
    };

    private static JsonNode Nest(JsonNode? inner, int depth)
    {
        JsonNode node = inner ?? JsonValue.Create(0)!;
        for (int i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonObject { ["not"] = node } : new JsonArray(node);
        }

        return node;
    }

    private static void Replace(JsonNode parent, JsonNode target, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[target.GetPropertyName()] = value;
        }
        else if (parent is JsonArray array)
        {
            array[target.GetElementIndex()] = value;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
        }
    }
}
