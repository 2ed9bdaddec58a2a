using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ECourt.Domain;

namespace ECourt.Application.Cases;

/// <summary>
/// What a request body must be, declared once on its record's properties and held here, on the JSON itself, before the
/// body is read into the record or any use case sees it: every field named (a field the record does not name is refused,
/// so a misspelt one is never dropped), of its type, not null, the required ones given (<see cref="RequiredAttribute"/>),
/// within its bound (<see cref="BoundAttribute"/>), one of its values (<see cref="OneOfAttribute"/>), of its form
/// (<see cref="FormAttribute"/>), and no text with a bidirectional control (<see cref="ReadableText"/>). Each violation is
/// named by its JSON path (<c>parties[3].representatives[0].name</c>) with what was expected; the API document's request
/// schemas are generated from the same declaration (<see cref="MembersOf"/>), so the two cannot disagree.
/// </summary>
public static class RequestContract
{
    /// <summary>What a JSON value of a request is.</summary>
    public enum Shape { Text, Flag, Whole, List, Record }

    /// <param name="Name">the field's JSON name (camelCase, or its [JsonPropertyName])</param>
    /// <param name="Record">for a record, or a list of records: the record's type</param>
    /// <param name="Item">for a list: what its entries are</param>
    public sealed record Member(PropertyInfo Property, string Name, Shape Shape, Shape? Item, Type? Record, bool Required,
        BoundAttribute? Bound, Type? OneOf, FieldForm? Form);

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>> Plans = new();

    /// <summary>The declared fields of a request record, in declaration order.</summary>
    /// <exception cref="InvalidOperationException">a property of a kind a request cannot have</exception>
    public static IReadOnlyList<Member> MembersOf(Type type) => Plans.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
        .Select(Plan)
        .ToList());

    private static Member Plan(PropertyInfo p)
    {
        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        var (shape, record) = ShapeOf(type, p);
        Shape? item = null;
        if (shape == Shape.List)
        {
            var itemType = ItemOf(type)!;
            (var s, record) = ShapeOf(Nullable.GetUnderlyingType(itemType) ?? itemType, p);
            item = s is Shape.List ? throw new InvalidOperationException($"{p.DeclaringType!.Name}.{p.Name}: a list of lists.") : s;
        }
        return new Member(p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            shape, item, record, p.GetCustomAttribute<RequiredAttribute>() is not null, p.GetCustomAttribute<BoundAttribute>(),
            p.GetCustomAttribute<OneOfAttribute>()?.Values, p.GetCustomAttribute<FormAttribute>()?.Form);
    }

    private static (Shape, Type?) ShapeOf(Type type, PropertyInfo p) =>
        type == typeof(string) ? (Shape.Text, null)
        : type == typeof(bool) ? (Shape.Flag, null)
        : type == typeof(int) ? (Shape.Whole, null)
        : ItemOf(type) is not null ? (Shape.List, null)
        : IsRecord(type) ? (Shape.Record, type)
        : throw new InvalidOperationException($"{p.DeclaringType!.Name}.{p.Name}: a {type.Name} is not a request field's type.");

    /// <summary>A list's item type, or null when the type is not a list.</summary>
    public static Type? ItemOf(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)
        ? type.IsArray ? type.GetElementType() : type.GetGenericArguments() is [var item] ? item : typeof(object)
        : null;

    /// <summary>A record of the court's requests.</summary>
    public static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && ItemOf(type) is null
        && type.Namespace?.StartsWith("ECourt.", StringComparison.Ordinal) == true;

    /// <summary>Characters as JSON Schema counts them (maxLength): code points, so a character outside the BMP is one.</summary>
    public static int Characters(string s)
    {
        var surrogatePairs = 0;
        for (var i = 0; i < s.Length - 1; i++)
            if (char.IsSurrogatePair(s[i], s[i + 1])) { surrogatePairs++; i++; }
        return s.Length - surrogatePairs;
    }

    /// <summary>Every violation of the contract in a body that is a JSON object, by field; none when it keeps it.</summary>
    public static Dictionary<string, string[]> Violations(JsonElement body, Type type)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Walk(body, type, "", errors);
        return errors;
    }

    private static void Walk(JsonElement body, Type type, string path, Dictionary<string, string[]> errors)
    {
        var members = MembersOf(type);
        // Which members were given, by index: records have a few dozen fields at most.
        Span<bool> given = stackalloc bool[members.Count];
        foreach (var property in body.EnumerateObject())
        {
            var field = Join(path, property.Name);
            var index = IndexOf(members, property.Name);
            if (index < 0) { errors[field] = ["Not a field of this request: check its spelling against the API document."]; continue; }
            if (given[index]) { errors[field] = ["Given twice."]; continue; }
            given[index] = true;
            var m = members[index];
            if (property.Value.ValueKind == JsonValueKind.Null)
                errors[field] = [m.Required ? "Required." : "Leave the field out rather than sending null."];
            else Value(property.Value, m, m.Shape, field, false, errors);
        }
        for (var i = 0; i < members.Count; i++)
            if (members[i].Required && !given[i]) errors[Join(path, members[i].Name)] = ["Required."];
    }

    private static int IndexOf(IReadOnlyList<Member> members, string name)
    {
        for (var i = 0; i < members.Count; i++)
            if (string.Equals(members[i].Name, name, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static void Value(JsonElement value, Member m, Shape shape, string field, bool isItem, Dictionary<string, string[]> errors)
    {
        switch (shape)
        {
            case Shape.Text when value.ValueKind != JsonValueKind.String:
                errors[field] = [m.Form == FieldForm.Money ? "Expected a string: money is a string, such as \"2300.00\"."
                    : "Expected a string."];
                return;
            case Shape.Text:
                if (Text(value.GetString()!, m, isItem) is { } problem) errors[field] = [problem];
                return;
            case Shape.Flag when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                errors[field] = ["Expected true or false."];
                return;
            case Shape.Whole when value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out _):
                errors[field] = ["Expected a whole number."];
                return;
            case Shape.Whole:
                var n = value.GetInt32();
                if (m.Bound is { } range && (n < range.Min || n > range.Max))
                    errors[field] = [string.Create(CultureInfo.InvariantCulture, $"From {range.Min} to {range.Max}.")];
                return;
            case Shape.Record when value.ValueKind != JsonValueKind.Object:
                errors[field] = ["Expected an object."];
                return;
            case Shape.Record:
                Walk(value, m.Record!, field, errors);
                return;
            case Shape.List when value.ValueKind != JsonValueKind.Array:
                errors[field] = ["Expected an array."];
                return;
            case Shape.List:
                var count = value.GetArrayLength();
                if (m.Bound is { } b && count > b.Max)
                {
                    // Not walked into: one message, however long the list.
                    errors[field] = [string.Create(CultureInfo.InvariantCulture, $"At most {b.Max} entries.")];
                    return;
                }
                var i = 0;
                foreach (var entry in value.EnumerateArray())
                {
                    var at = field + "[" + i++.ToString(CultureInfo.InvariantCulture) + "]";
                    if (entry.ValueKind == JsonValueKind.Null) errors[at] = ["An entry is not null."];
                    else Value(entry, m, m.Item!.Value, at, true, errors);
                }
                return;
        }
    }

    private static string? Text(string s, Member m, bool isItem)
    {
        if (m.Required && !isItem && s.Length == 0) return "Required.";
        var max = isItem ? m.Bound?.ItemChars : m.Bound?.Max;
        // Fewer UTF-16 units than the bound are fewer characters too: only a long string is counted.
        if (max is { } n && s.Length > n && Characters(s) > n) return string.Create(CultureInfo.InvariantCulture,
            $"At most {n} characters.");
        if (ReadableText.HasBidiControl(s)) return ReadableText.Problem;
        if (m.OneOf is { } values && !WireNames.IsWireName(values, s)) return "One of " + string.Join(", ", WireNames.All(values)) + ".";
        if (m.Form is { } form && !form.Fits(s)) return form.Problem(s);
        return null;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
