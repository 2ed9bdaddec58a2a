namespace ECourt.Functions.OpenApi;

/// <summary>
/// What the API document says of an HTTP function beyond its trigger (which gives the method, the route and the
/// path parameters): its tag, summary and description, its request and response types, its success status, the problem statuses it
/// answers, and the headers it reads and writes. <see cref="ApiDocument"/> is generated from these.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string tag, string summary) : Attribute
{
    public string Tag { get; } = tag;

    public string Summary { get; } = summary;

    /// <summary>
    /// What a client developer needs beyond the summary, in a few plain sentences: who may call it (role and relation to the
    /// case, as the access table grants), what it does to the case, what to do with the answer, and the rule's legal name where
    /// a rule decides. Every operation of the document has one (the generator refuses to make a document without it).
    /// </summary>
    public string? Description { get; init; }

    /// <summary>
    /// Served but not an operation of the document: the document itself and its reference page, which describe the API
    /// rather than being part of it.
    /// </summary>
    public bool Hidden { get; init; }

    /// <summary>Anonymous: no token needed (security: []).</summary>
    public bool Public { get; init; }

    /// <summary>The JSON body's type.</summary>
    public Type? Request { get; init; }

    /// <summary>The JSON body may be left out (a ruling whose reasons are optional): the document says requestBody.required
    /// false.</summary>
    public bool BodyOptional { get; init; }

    /// <summary>
    /// A JSON body that is an array of these (a webhook's events), read by the function itself rather than by the request
    /// contract: described as the array it is, open to fields the sender adds.
    /// </summary>
    public Type? RequestItems { get; init; }

    /// <summary>Media types of a raw body (comma-separated), for an upload.</summary>
    public string? RawRequest { get; init; }

    /// <summary>The JSON answer's type on success.</summary>
    public Type? Response { get; init; }

    /// <summary>Media types of a binary answer (comma-separated), for a download.</summary>
    public string? BinaryResponse { get; init; }

    public int Status { get; init; } = 200;

    public int[] Problems { get; init; } = [];

    /// <summary>Reads If-Match: the case's ETag, to refuse the change if the case changed since.</summary>
    public bool IfMatch { get; init; }

    /// <summary>Reads Idempotency-Key.</summary>
    public bool Idempotent { get; init; }

    /// <summary>Reads pageSize and continuationToken.</summary>
    public bool Paged { get; init; }

    /// <summary>Response headers it writes: ETag, Location, Content-Disposition.</summary>
    public string[] Headers { get; init; } = [];
}

/// <summary>A query or header parameter of an operation (path parameters come from the route).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiParameterAttribute(string name, string @in, string description) : Attribute
{
    public string Name { get; } = name;

    /// <summary>query or header.</summary>
    public string In { get; } = @in;

    public string Description { get; } = description;

    public bool Required { get; init; }

    /// <summary>string, integer or boolean.</summary>
    public string Type { get; init; } = "string";

    /// <summary>The enum whose wire names are its values.</summary>
    public Type? Enum { get; init; }

    /// <summary>A JSON Schema format: date, date-time.</summary>
    public string? Format { get; init; }
}
