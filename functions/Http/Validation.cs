namespace ECourt.Functions.Http;

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

    public string? Text(string? value, string field, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "This field is required.");
            return null;
        }
        if (value.Length > max) { Add(field, $"At most {max} characters."); return null; }
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) { Add(field, "Control characters are not allowed."); return null; }
        return value.Trim();
    }

    /// <summary>A calendar date written yyyy-MM-dd.</summary>
    public DateOnly? Date(string? value, string field)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return date;
        Add(field, "A date: yyyy-MM-dd.");
        return null;
    }

    public List<string> Reasons(List<string?>? reasons, string field, bool required)
    {
        var list = (reasons ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim()).ToList();
        if (required && list.Count == 0) Add(field, "Give at least one reason.");
        if (list.Count > 50 || list.Any(r => r.Length > 2000)) Add(field, "At most 50 reasons of 2000 characters each.");
        return list;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw ApiProblem.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
