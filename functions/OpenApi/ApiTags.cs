namespace ECourt.Functions.OpenApi;

/// <summary>
/// What each group of operations is for, in the order a case meets them. The document lists a tag only with its
/// description here, so a new stage's tag cannot reach a client undescribed.
/// </summary>
public static class ApiTags
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["filing"] = "A party or its lawyer prepares a case online: a Draft, its documents, submission for review, answers to "
            + "a correction request.",
        ["review"] = "The filing division's clerks register a filing within the statutory days, ask for a correction or refuse it.",
        ["cases"] = "A case as its parties and its staff see it: parties, deadlines with their legal basis, documents, events.",
        ["parties"] = "Platform accounts linked by their holders, power of attorney, identity checks and consent to electronic "
            + "service.",
        ["documents"] = "Documents uploaded to a case and read back with the SHA-256 recorded at upload.",
        ["fees"] = "The litigation fee: quote, payment into the case's own account, aid (deferral, reduction, waiver) and the "
            + "withdrawal of an unpaid case.",
        ["finance"] = "The court's finance staff: deposits that matched no case, and banks' statements reconciled with the books.",
        ["service"] = "Service of process: inbox, SMS and email notices with delivery reports, post, public notice, and the "
            + "signed certificates that prove it.",
        ["staff"] = "The court's staff registry and the assignment of cases to a judge and clerk of the division that hears them.",
        ["answer"] = "The defendant's answer to the complaint and objection to the court's jurisdiction, within the answer period.",
        ["evidence"] = "The period of proof, evidence items chained by their hashes, the exchange between the sides, "
            + "cross-examination, late evidence and the chain's verification.",
        ["judgments"] = "Judgments: issuing one, its service on every party, appeals within each party's period, its taking "
            + "effect; publication anonymised within 7 working days and the public search of published judgments.",
        ["enforcement"] = "Enforcement: a creditor's application, the enforcement case with its own account, asset inquiries, freezes "
            + "and deductions through the banks, payouts approved by amount, and the time limits kept.",
        ["calendar"] = "Court days: the published holiday arrangements and the last day of a period.",
        ["operations"] = "The court's administrators: case lifecycles that stalled or are missing, and their restart.",
        ["hearings"] = "Hearings: scheduling, summonses served on every party, postponement, cancellation, the record of a hearing held, "
            + "the public hearing calendar and the personal link to an online hearing.",
    };

    /// <summary>The tag, once it is known to have a description.</summary>
    public static string Described(string tag)
    {
        _ = Description(tag);
        return tag;
    }

    public static string Description(string tag) => Descriptions.TryGetValue(tag, out var text) ? text
        : throw new InvalidOperationException($"The tag {tag} has no description in {nameof(ApiTags)}.");
}
