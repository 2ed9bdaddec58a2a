using System.Globalization;
using System.Text.RegularExpressions;
using ECourt.Domain.Cases;
using ECourt.Domain.Money;
using ECourt.Domain.Parties;

namespace ECourt.Application.Cases;

/// <summary>
/// The forms a request's string may be declared to have (<c>[property: Form(FieldForm.Money)]</c>): each a pattern the
/// API document publishes and <see cref="RequestContract"/> enforces, taken from the domain rule that owns the form. A
/// value of the form may still fail its rule (a check digit, a date in the past), which the use case says.
/// </summary>
public enum FieldForm
{
    /// <summary>A calendar date, yyyy-MM-dd (JSON Schema's format date).</summary>
    Date,

    /// <summary>An amount in yuan with at most two decimals (<see cref="Yuan"/>).</summary>
    Money,

    /// <summary>A case's id (<see cref="CaseId"/>).</summary>
    CaseId,

    /// <summary>A natural person's identity document number (<see cref="IdentityDocumentTypes"/>).</summary>
    IdentityNumber,

    /// <summary>An organisation's unified social credit code (<see cref="UnifiedSocialCreditCode"/>).</summary>
    CreditCode,

    /// <summary>
    /// An instant with its offset, as RFC 3339 writes it (JSON Schema's format date-time): yyyy-MM-ddTHH:mm:ss, an optional fraction
    /// of a second, and Z or ±hh:mm; court time is +08:00.
    /// </summary>
    DateTime,
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class FormAttribute(FieldForm form) : Attribute
{
    public FieldForm Form { get; } = form;
}

public static class FieldForms
{
    private sealed record Spec(string Pattern, string? Format, string Message, Regex Regex);

    private static readonly Dictionary<FieldForm, Spec> Specs = new()
    {
        [FieldForm.Date] = Of("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "date", "A date: yyyy-MM-dd."),
        [FieldForm.Money] = Of(Yuan.Form, null, "An amount in yuan: digits with at most two decimals, such as \"2300.00\"."),
        [FieldForm.CaseId] = Of(CaseId.Form, null, "A case's id: cs and 24 lower-case hex digits."),
        [FieldForm.IdentityNumber] = Of(IdentityDocumentTypes.AnyNumberForm, null,
            "An identity document's number: 5 to 20 letters and digits."),
        [FieldForm.CreditCode] = Of(UnifiedSocialCreditCode.Form, null,
            "A unified social credit code: 18 digits and capital letters other than I, O, S, V and Z."),
        [FieldForm.DateTime] = Of("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})$",
            "date-time", "A date and time with its offset: yyyy-MM-ddTHH:mm:ss+08:00."),
    };

    private static Spec Of(string pattern, string? format, string message) =>
        new(pattern, format, message, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled));

    public static string Pattern(this FieldForm form) => Specs[form].Pattern;

    /// <summary>The JSON Schema format, where one names the form.</summary>
    public static string? Format(this FieldForm form) => Specs[form].Format;

    /// <summary>What is wrong with a value that does not fit: an amount says which part of its form it misses.</summary>
    public static string Problem(this FieldForm form, string value) =>
        form == FieldForm.Money && !Yuan.TryParse(value, out _, out var error) ? error! : Specs[form].Message;

    public static bool Fits(this FieldForm form, string value) => Specs[form].Regex.IsMatch(value)
        && (form != FieldForm.Date || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out _))
        && (form != FieldForm.DateTime || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
}
