using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECourt.Functions.Http;

/// <summary>The API's JSON: camelCase names, enums by their wire names (one per member, <see cref="Domain.WireNames"/>), Chinese text unescaped.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Served as application/json only, never inside HTML: Chinese text and quotes stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Requests are read strictly: a number where a string is expected is an error, not a guess.</summary>
    public static readonly JsonSerializerOptions RequestOptions = new(Options)
    {
        NumberHandling = JsonNumberHandling.Strict,
        AllowTrailingCommas = false,
    };
}
