using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ECourt.Application.Cases;
using ECourt.Functions.Http;

namespace ECourt.Functions.OpenApi;

/// <summary>
/// The document's schemas: every record and enum of the court a named component (referenced, never repeated inline),
/// exported with the strict options requests are read with (a number is a number, not "a string or a number"), and a
/// property the server omits when null not listed as required.
/// </summary>
public sealed class ApiSchemas
{
    private readonly Dictionary<string, Type> _names = new(StringComparer.Ordinal);

    public JsonObject Components { get; } = new();

    /// <summary>A reference to the type's component, exporting it the first time.</summary>
    public JsonObject Ref(Type type) => Component(type, Export);

    /// <summary>
    /// A reference to a request record's component, generated from its <see cref="RequestContract"/> declaration (the one
    /// the server enforces): closed (additionalProperties false), its required fields listed, every bound, value list and
    /// form published, and no null (a field left out is not given).
    /// </summary>
    public JsonObject RequestRef(Type type) => Component(type, RequestSchema);

    /// <summary>A reference to the type's component, made the first time by <paramref name="make"/>; one name, one type.</summary>
    private JsonObject Component(Type type, Func<Type, JsonNode> make)
    {
        var name = Name(type);
        if (_names.TryGetValue(name, out var known))
        {
            if (known != type)
                throw new InvalidOperationException($"Schema name {name} is taken by {known.FullName}; {type.FullName} needs another.");
        }
        else
        {
            _names[name] = type;
            // Listed before it is made, so a record that holds itself refers to its own component.
            Components[name] = null;
            Components[name] = make(type);
        }
        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    private JsonObject RequestSchema(Type type)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var m in RequestContract.MembersOf(type))
        {
            properties[m.Name] = RequestValue(m, m.Shape, isItem: false);
            if (m.Required) required.Add(m.Name);
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0) schema["required"] = required;
        schema["additionalProperties"] = false;
        return schema;
    }

    private JsonObject RequestValue(RequestContract.Member m, RequestContract.Shape shape, bool isItem)
    {
        switch (shape)
        {
            case RequestContract.Shape.Text when m.OneOf is { } values:
                return Ref(values);
            case RequestContract.Shape.Text:
                var text = new JsonObject { ["type"] = "string" };
                if (m.Required && !isItem) text["minLength"] = 1;
                if ((isItem ? m.Bound?.ItemChars : m.Bound?.Max) is { } max) text["maxLength"] = max;
                if (m.Form is { } form)
                {
                    text["pattern"] = form.Pattern();
                    if (form.Format() is { } format) text["format"] = format;
                }
                return text;
            case RequestContract.Shape.Flag:
                return new JsonObject { ["type"] = "boolean" };
            case RequestContract.Shape.Whole:
                var whole = new JsonObject { ["type"] = "integer" };
                if (m.Bound is { } range)
                {
                    whole["minimum"] = range.Min;
                    whole["maximum"] = range.Max;
                }
                return whole;
            case RequestContract.Shape.Record:
                return RequestRef(m.Record!);
            default:
                var list = new JsonObject { ["type"] = "array", ["items"] = RequestValue(m, m.Item!.Value, isItem: true) };
                if (m.Bound is { } b) list["maxItems"] = b.Max;
                return list;
        }
    }

    /// <summary>
    /// Marks enums whose values grow with the court's stages (x-extensible), saying so in their description: a client
    /// accepts a value it does not know. Each must be exported already.
    /// </summary>
    public void MarkExtensible(IEnumerable<Type> enums)
    {
        foreach (var type in enums)
        {
            var schema = Components[Name(type)] as JsonObject
                ?? throw new InvalidOperationException($"{type.Name} is not in the document: it need not be marked extensible.");
            schema["x-extensible"] = true;
            schema["description"] = "New values are added as the court's stages grow: accept a value you do not know.";
        }
    }

    /// <summary>The type's schema: a reference to its component, or for a list or the like its schema with references inside.</summary>
    public JsonNode SchemaOf(Type type) => IsComponent(type) ? Ref(type) : Export(type);

    /// <summary>
    /// Adds properties to a component that the type writes from a dictionary ([JsonExtensionData]): the case view's
    /// stage parts, each optional.
    /// </summary>
    public void Extend(Type component, IEnumerable<(string Name, Type Type)> properties)
    {
        var schema = Components[Name(component)]!.AsObject();
        foreach (var (name, type) in properties) schema["properties"]![name] = SchemaOf(type);
    }

    private JsonNode Export(Type root) => ApiJson.RequestOptions.GetJsonSchemaAsNode(root, new JsonSchemaExporterOptions
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, node) =>
        {
            var underlying = Nullable.GetUnderlyingType(context.TypeInfo.Type);
            var type = underlying ?? context.TypeInfo.Type;
            // A string the view declares one of an enum's values is that enum (a deadline's kind): its component.
            if (context.PropertyInfo?.AttributeProvider is System.Reflection.ICustomAttributeProvider provider
                && provider.GetCustomAttributes(typeof(OneOfAttribute), false) is [OneOfAttribute oneOf])
                return Ref(oneOf.Values);
            // An enum is a string of its wire names: said, so that a generator types it as one.
            if (type.IsEnum && context.Path.Length == 0 && node is JsonObject e && e["type"] is null) e.Insert(0, "type", "string");
            if (context.Path.Length > 0 && IsComponent(type))
            {
                var reference = Ref(type);
                return underlying is not null || AllowsNull(node)
                    ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) }
                    : reference;
            }
            if (node is JsonObject schema && schema["properties"] is JsonObject properties && schema["required"] is JsonArray required)
            {
                // The API writes no null (WhenWritingNull): a property that may be null may be absent.
                var kept = required.Select(r => r!.GetValue<string>()).Where(r => properties[r] is not { } p || !AllowsNull(p)).ToList();
                if (kept.Count == 0) schema.Remove("required");
                else schema["required"] = new JsonArray(kept.Select(k => (JsonNode)k).ToArray());
            }
            return node;
        },
    });

    private static bool IsComponent(Type type) => type.Namespace?.StartsWith("ECourt.", StringComparison.Ordinal) == true
        && (type.IsEnum || (type.IsClass && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)));

    // A schema that is true (any value: a JsonElement's) allows null.
    private static bool AllowsNull(JsonNode n) => n is not JsonObject ? n.GetValueKind() == JsonValueKind.True : n["type"] switch
    {
        JsonArray types => types.Any(t => t?.GetValue<string>() == "null"),
        JsonValue one => one.GetValue<string>() == "null",
        _ => (n["anyOf"] is JsonArray options && options.Any(o => o?["type"] is JsonValue t && t.GetValue<string>() == "null"))
            || (n["enum"] is JsonArray values && values.Any(v => v is null)),
    };

    /// <summary>The type's name; a nested type whose name says only its role is named with its owner (ClaimSuspenseRequest).</summary>
    public static string Name(Type t)
    {
        if (t.IsGenericType) return t.Name[..t.Name.IndexOf('`')] + "Of" + string.Concat(t.GetGenericArguments().Select(Name));
        return t.IsNested && t.Name is "Request" or "Result" or "View" or "Answer" ? t.DeclaringType!.Name + t.Name : t.Name;
    }
}
