namespace ECourt.Application.Cases;

/// <summary>
/// The most a string or a list of a request may hold, or the range of a whole number, declared once on the request
/// record's property (<c>[property: Bound(…)]</c>): <see cref="RequestContract"/> holds every request body to it before a
/// use case reads the request, and the API document publishes the same declaration (a string's maxLength; a list's
/// maxItems and, for a list of strings, each item's maxLength; a number's minimum and maximum). Characters are counted
/// as JSON Schema counts them: Unicode code points.
/// </summary>
/// <remarks>
/// Where the law or the court's rules give a number (the parties of a complaint, agents ad litem, the powers of a special
/// authority, reasons) the bound is that number's constant; elsewhere a generous one of <see cref="Bounds"/> or a text's
/// own, each with why it is what it is. A bound keeps what a request can make the court store within its row; the rules
/// of a field (a check digit, whose account a user id is) stay with the use case, which gives each its own message.
/// </remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BoundAttribute(int max) : Attribute
{
    /// <summary>A string's characters, a list's entries, or a whole number's largest value.</summary>
    public int Max { get; } = max;

    /// <summary>For a list of strings: the characters of each.</summary>
    public int ItemChars { get; init; }

    /// <summary>For a whole number: its smallest value.</summary>
    public int Min { get; init; }
}

/// <summary>The bounds many fields share, where no rule of the court gives a field its own.</summary>
public static class Bounds
{
    /// <summary>
    /// A value from a list (a wire name such as <c>hk-macao-permit</c>): the longest the court uses has 31 characters, and
    /// a contract test keeps every one within this.
    /// </summary>
    public const int WireName = 40;

    /// <summary>
    /// A value whose form a rule checks: an identity number (a passport's has at most 20 characters), a credit code (18),
    /// a licence number (17), a phone number, an amount (at most 15 digits and two decimals), a date, a tracking number
    /// (40), a court's code, an id the court issued (a document's has 27). Twice the longest valid one bounds the work of
    /// checking it, and leaves a value of the wrong length to the rule, which says what its form is.
    /// </summary>
    public const int Code = 64;

    /// <summary>
    /// A user's id as the identity provider issues it: an Entra object id has 36 characters, a pairwise subject 43; other
    /// providers' ids are longer, and 128 holds them.
    /// </summary>
    public const int UserId = 128;

    /// <summary>A person's, an organisation's or a law firm's name: a registered company name runs to some 60 characters.</summary>
    public const int Name = 100;

    /// <summary>A staff member's note on a record (a claim of a deposit, its release): a sentence or two.</summary>
    public const int Note = 500;
}
