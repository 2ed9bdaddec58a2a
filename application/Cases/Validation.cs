using ECourt.Domain.Money;

namespace ECourt.Application.Cases;

/// <summary>A request had fields missing or wrong: field → messages, all of them in one answer (400).</summary>
public sealed class InvalidRequestException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are missing or wrong: " + string.Join(", ", errors.Keys) + ".")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InvalidRequestException Of(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>There is no such thing, or the caller may not see it: both are answered alike (404), so ids cannot be probed.</summary>
public sealed class NotFoundException(string what) : Exception($"There is no {what}, or you may not see it.")
{
    public string What { get; } = what;
}

/// <summary>The thing is in a state that does not allow the request (409), with the rule's name.</summary>
public class ConflictException(string rule, string detail) : Exception(detail)
{
    public string Rule { get; } = rule;
}

/// <summary>Collects every problem of a request by field, so one answer lists them all.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool Check(bool ok, string field, string message)
    {
        if (!ok) Add(field, message);
        return ok;
    }

    /// <summary>A text held to <paramref name="max"/> characters here: one that is not a request's (a request's has its bound).</summary>
    public string? Text(string? value, string field, int max, bool required = true)
    {
        if (!string.IsNullOrWhiteSpace(value) && value.Length > max) { Add(field, $"At most {max} characters."); return null; }
        return Text(value, field, required);
    }

    /// <summary>
    /// A text of a request, whose length its declared bound holds (<see cref="RequestContract"/>): required unless said, without
    /// control characters, trimmed.
    /// </summary>
    public string? Text(string? value, string field, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "This field is required.");
            return null;
        }
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, "Control characters are not allowed.");
            return null;
        }
        return value.Trim();
    }

    /// <summary>A calendar date written yyyy-MM-dd.</summary>
    public DateOnly? Date(string? value, string field)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date))
            return date;
        Add(field, "A date: yyyy-MM-dd.");
        return null;
    }

    /// <summary>A money string as clients send it (<see cref="Yuan.TryParse"/>); null when absent.</summary>
    public decimal? Amount(string? text, string field, bool required, string requiredMessage = "An amount is required.")
    {
        if (text is null)
        {
            if (required) Add(field, requiredMessage);
            return null;
        }
        if (!Yuan.TryParse(text, out var amount, out var error)) { Add(field, error!); return null; }
        return amount;
    }

    /// <summary>An enum member by its wire name.</summary>
    public T? Enum<T>(string? name, string field, IEnumerable<T>? allowed = null) where T : struct, System.Enum
    {
        if (Domain.WireNames.TryParse<T>(name, out var value) && (allowed is null || allowed.Contains(value))) return value;
        Add(field, Domain.WireNames.OneOf(allowed));
        return null;
    }

    /// <summary>
    /// Reasons are kept in the case's snapshot; the reasoned ruling itself is a document of the case file. A request's
    /// reasons declare these bounds (<see cref="BoundAttribute"/>).
    /// </summary>
    public const int MaxReasons = 10;

    /// <inheritdoc cref="MaxReasons"/>
    public const int MaxReasonChars = 1000;

    /// <summary>A request's reasons, blank ones left out; their number and length are held by the request's bound.</summary>
    public List<string> Reasons(List<string?>? reasons, string field, bool required)
    {
        var list = (reasons ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim()).ToList();
        if (required && list.Count == 0) Add(field, "Give at least one reason.");
        return list;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new InvalidRequestException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
