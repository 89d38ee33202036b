using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadScoring.Leads;

/// <summary>
/// A <see cref="Lead"/> as lead JSON in System.Text.Json (request bodies, messages): read with the lead reader's
/// rules and messages, written by <see cref="LeadJson.Write"/>. No reflection, so trimming and AOT are safe.
/// </summary>
internal sealed class LeadJsonConverter : JsonConverter<Lead>
{
    public override Lead Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return LeadJson.Parse(JsonMarshal.GetRawUtf8Value(document.RootElement));
        }
        catch (LeadFormatException ex)
        {
            throw new JsonException(ex.Message, ex); // what the serializer reports as a bad request body
        }
    }

    public override void Write(Utf8JsonWriter writer, Lead value, JsonSerializerOptions options) => LeadJson.Write(writer, value);
}
