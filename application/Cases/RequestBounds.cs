using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECourt.Application.Cases;

/// <summary>
/// Holds a parsed request to the bounds its records declare (<see cref="BoundAttribute"/>): one walk over every string
/// and list, into nested records and the records of lists, that names each field over its bound by its JSON path
/// (<c>parties[3].representatives[0].specialPowers</c>). It runs before any use case reads the request, so a rule never
/// works through an unbounded list and a case never stores one. A list over its bound is not walked into: one message
/// says so, however long it is.
/// </summary>
public static class RequestBounds
{
    /// <summary>A string or list property, or one holding records the walk goes into.</summary>
    /// <param name="Item">a list's item type (null: not a list)</param>
    public sealed record Member(PropertyInfo Property, string Name, BoundAttribute? Bound, Type? Item);

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>> Plans = new();

    /// <exception cref="InvalidRequestException">a string or list is over its bound: every one, by its path</exception>
    public static void Check(object request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Walk(request, "", errors);
        if (errors.Count > 0) throw new InvalidRequestException(errors);
    }

    /// <summary>
    /// What the walk looks at in a request record: its strings and lists, and the records it holds, with the JSON name
    /// each is read by (camelCase, as requests are read, or its [JsonPropertyName]).
    /// </summary>
    public static IReadOnlyList<Member> MembersOf(Type type) => Plans.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
        .Select(p => new Member(p,
            p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p.GetCustomAttribute<BoundAttribute>(), ItemOf(p.PropertyType)))
        .Where(m => m.Property.PropertyType == typeof(string) || m.Item is not null || IsRecord(m.Property.PropertyType))
        .ToList());

    /// <summary>A list's item type, or null when the type is not a list.</summary>
    public static Type? ItemOf(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)
        ? type.IsArray ? type.GetElementType() : type.GetGenericArguments() is [var item] ? item : typeof(object)
        : null;

    /// <summary>A record of the court's requests, which the walk goes into.</summary>
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

    private static void Walk(object value, string path, Dictionary<string, string[]> errors)
    {
        foreach (var m in MembersOf(value.GetType()))
        {
            if (m.Property.GetValue(value) is not { } v) continue;
            var field = path.Length == 0 ? m.Name : path + "." + m.Name;
            if (v is string s) CheckText(s, m.Bound?.Max, field, errors);
            else if (v is IList list)
            {
                if (m.Bound is { } b && list.Count > b.Max)
                {
                    errors[field] = [$"At most {b.Max} entries."];
                    continue;
                }
                for (var i = 0; i < list.Count; i++)
                {
                    var item = field + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    if (list[i] is string text) CheckText(text, m.Bound?.ItemChars, item, errors);
                    else if (list[i] is { } record && IsRecord(record.GetType())) Walk(record, item, errors);
                }
            }
            else if (IsRecord(v.GetType())) Walk(v, field, errors);
        }
    }

    private static void CheckText(string s, int? max, string field, Dictionary<string, string[]> errors)
    {
        // Fewer UTF-16 units than the bound are fewer characters too: only a long string is counted.
        if (max is { } n && s.Length > n && Characters(s) > n) errors[field] = [$"At most {n} characters."];
    }
}
