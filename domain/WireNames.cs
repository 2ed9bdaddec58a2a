using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECourt.Domain;

/// <summary>
/// The name each member of an enum has on the wire (API requests, views, the OpenAPI document), declared once per
/// member with [JsonStringEnumMemberName] (the member's own name where it has none), and the one way to read it back.
/// Stored rows and signed certificates keep member names (<see cref="MemberNameEnumConverter"/>), so renaming a wire
/// name never changes what was stored or signed.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<string, object> ByName, Dictionary<object, string> ByValue)> Cache = new();

    private static (Dictionary<string, object> ByName, Dictionary<object, string> ByValue) Of(Type type) => Cache.GetOrAdd(type, t =>
    {
        var byName = new Dictionary<string, object>(StringComparer.Ordinal);
        var byValue = new Dictionary<object, string>();
        foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            var value = field.GetValue(null)!;
            byName[name] = value;
            byValue[value] = name;
        }
        return (byName, byValue);
    });

    /// <summary>The member's wire name.</summary>
    public static string WireName<T>(this T value) where T : struct, Enum => Of(typeof(T)).ByValue[value];

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        if (name is not null && Of(typeof(T)).ByName.TryGetValue(name, out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Every wire name of the enum, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Of(typeof(T)).ByName.Keys.ToList();

    /// <summary>Whether the name is a wire name of the enum type.</summary>
    public static bool IsWireName(Type enumType, string name) => Of(enumType).ByName.ContainsKey(name);

    /// <summary>Every wire name of the enum type, in declaration order.</summary>
    public static IReadOnlyCollection<string> All(Type enumType) => Of(enumType).ByName.Keys;

    /// <summary>"One of a, b, c." for a validation message.</summary>
    public static string OneOf<T>(IEnumerable<T>? only = null) where T : struct, Enum =>
        "One of " + string.Join(", ", (only ?? Enum.GetValues<T>()).Select(v => v.WireName())) + ".";
}

/// <summary>Writes and reads enums by their member names, whatever their wire names: for stored rows and signed content.</summary>
public sealed class MemberNameEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number) return (T)Enum.ToObject(typeof(T), reader.GetInt32());
            var text = reader.GetString();
            return Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
                ? value
                : throw new JsonException($"{text} is not a {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
