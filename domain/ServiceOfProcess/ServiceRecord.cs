using System.Text.Json.Serialization;
using ECourt.Domain.Calendar;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>Where the service of one document on one party stands.</summary>
public enum ServiceStatus
{
    /// <summary>A step is under way: a notice sent (or to be sent) and its evidence awaited.</summary>
    [JsonStringEnumMemberName("in-progress")]
    InProgress,
    /// <summary>Post failed or is exhausted and public notice needs a judge's decision.</summary>
    [JsonStringEnumMemberName("awaiting-public-notice-decision")]
    AwaitingPublicNoticeDecision,
    /// <summary>Public notice is posted; it is deemed served when its 30 days end.</summary>
    [JsonStringEnumMemberName("public-notice-posted")]
    PublicNoticePosted,
    [JsonStringEnumMemberName("served")]
    Served,
    /// <summary>The route is exhausted and public notice is not open to this party: the clerk must find another way.</summary>
    [JsonStringEnumMemberName("awaiting-clerk")]
    AwaitingClerk,
}

/// <summary>One try along the route: what was sent where, the provider's answer and the evidence that came back.</summary>
/// <param name="Outcome">sent, failed (the provider refused it for good), timed-out, delivered, read, received, returned</param>
public sealed record ServiceAttempt(int Step, ServiceMethod Method, string? Address, bool Confirmed, DateTimeOffset StartedAt, string? Provider,
    string? ProviderMessageId, string Outcome, DateTimeOffset? EvidenceAt, string? Evidence);

/// <summary>
/// The service of one document on one party (one record per document and recipient), kept in the case's
/// partition. The route is fixed when service starts; each attempt is recorded; evidence completes the
/// service when the address's rule says so (<see cref="DeemedService"/>). Every method returns a new record.
/// </summary>
public sealed record ServiceRecord(
    string CaseId,
    string ServiceId,
    string DocumentId,
    ServedDocumentKind Kind,
    string DocumentSha256,
    int PartyNumber,
    string Recipient,
    string? RecipientUserId,
    IReadOnlyList<ServiceStep> Route,
    int CurrentStep,
    IReadOnlyList<ServiceAttempt> Attempts,
    ServiceStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? ServedAt,
    ServiceRule? Rule,
    string? CertificateId,
    DateOnly? PublicNoticeLastPosted,
    DateTimeOffset? DispatchBy = null,
    bool DispatchOverdueFlagged = false,
    bool ClerkFlagged = false,
    string? IssuingCertificateId = null)
{
    /// <summary>
    /// A new certificate id: random, so that nobody who knows a case id can derive the ids of its certificates and ask
    /// whether and when its documents were served. Reserved on the record (<see cref="IssuingCertificateId"/>) before
    /// the certificate is signed, so a retried issue keeps it.
    /// </summary>
    public static string NewCertificateId(ReadOnlySpan<byte> sixteenRandomBytes) => "sc" + Convert.ToHexStringLower(sixteenRandomBytes[..16]);

    /// <summary>One service per document and recipient: the same id however often service is asked for.</summary>
    public static string IdFor(string documentId, int partyNumber) => $"{documentId}-p{partyNumber}";

    public static ServiceRecord Start(string caseId, string documentId, ServedDocumentKind kind, string sha256, int partyNumber, string recipient,
        string? recipientUserId, IReadOnlyList<ServiceStep> route, DateTimeOffset at) =>
        new(caseId, IdFor(documentId, partyNumber), documentId, kind, sha256, partyNumber, recipient, recipientUserId, route, 0, [],
            StatusAt(route[0]), at, null, null, null, null);

    /// <summary>Where a service stands on arriving at a step: the two last resorts wait for someone's decision.</summary>
    private static ServiceStatus StatusAt(ServiceStep step) => step.Method switch
    {
        ServiceMethod.PublicNotice => ServiceStatus.AwaitingPublicNoticeDecision,
        ServiceMethod.Clerk => ServiceStatus.AwaitingClerk,
        _ => ServiceStatus.InProgress,
    };

    public ServiceStep Step => Route[CurrentStep];

    /// <summary>The attempt of the current step, if it has started.</summary>
    public ServiceAttempt? Current => Attempts.LastOrDefault(a => a.Step == CurrentStep);

    /// <summary>Which wait of the workflow a change should wake: one name per attempt, so no stale waiter swallows a later signal.</summary>
    public int Round => Attempts.Count;

    /// <summary>
    /// About to hand the notice to a gateway: the attempt is recorded first, so its start time (the notice's
    /// "first sent" time) and its repeatability id stay the same if the send is tried again after a crash.
    /// </summary>
    public ServiceRecord Sending(DateTimeOffset at) => Current is not null ? this
        : this with { Attempts = [.. Attempts, new ServiceAttempt(CurrentStep, Step.Method, Step.Address, Step.Confirmed, at, null, null, "sending", null, null)] };

    public ServiceRecord Sent(string provider, string? messageId, bool refused, string? error, DateTimeOffset at)
    {
        if (Current is not { Outcome: "sending" } sending) return this;
        var attempts = Attempts.ToList();
        attempts[^1] = sending with
        {
            Provider = provider,
            ProviderMessageId = messageId,
            Outcome = refused ? "failed" : "sent",
            EvidenceAt = refused ? at : null,
            Evidence = refused ? error : null
        };
        return this with { Attempts = attempts };
    }

    /// <summary>
    /// The document was put into the platform inbox of the step's account: delivered there at once, which serves it when
    /// the party gave that account itself, and otherwise waits for the party to open it.
    /// </summary>
    public ServiceRecord DeliveredToInbox(DateTimeOffset at, string itemId)
    {
        if (Current is not null || Step.Method != ServiceMethod.Inbox) return this;
        var started = this with { Attempts = [.. Attempts, new ServiceAttempt(CurrentStep, Step.Method, Step.Address, Step.Confirmed, at, "platform-inbox", itemId, "sent", null, null)] };
        return started.WithEvidence(CurrentStep, ServiceEvidenceKind.Delivered, at, "delivered into the platform inbox");
    }

    /// <summary>The clerk posted the document: the post step has started.</summary>
    public ServiceRecord Mailed(DateTimeOffset at, string evidence)
    {
        if (Current is not null || Step.Method != ServiceMethod.Post) return this;
        return this with { Attempts = [.. Attempts, new ServiceAttempt(CurrentStep, Step.Method, Step.Address, Step.Confirmed, at, null, null, "sent", null, evidence)] };
    }

    /// <summary>Public notice: the step has started, with nothing sent by a provider.</summary>
    public ServiceRecord Begun(DateTimeOffset at) => Current is not null ? this
        : this with { Attempts = [.. Attempts, new ServiceAttempt(CurrentStep, Step.Method, Step.Address, Step.Confirmed, at, null, null, "sent", null, null)] };

    /// <summary>
    /// Records evidence about an attempt (the current one or an earlier one: a late delivery report still
    /// counts). Returns the record, served when the evidence completes service under the attempt's rule.
    /// Evidence dated before its attempt started (a provider's clock behind court time) cannot mean the document
    /// arrived before it was sent: it is taken as of the attempt's start, and the evidence says so.
    /// </summary>
    public ServiceRecord WithEvidence(int step, ServiceEvidenceKind kind, DateTimeOffset at, string? evidence)
    {
        var index = Attempts.ToList().FindLastIndex(a => a.Step == step);
        if (index < 0 || Status == ServiceStatus.Served) return this;
        var attempt = Attempts[index];
        if (at < attempt.StartedAt)
        {
            evidence = $"{evidence} (dated {ChinaTime.ToChinaTime(at):yyyy-MM-dd HH:mm:ss}, before the notice was sent: "
                + $"taken as of {ChinaTime.ToChinaTime(attempt.StartedAt):yyyy-MM-dd HH:mm:ss})";
            at = attempt.StartedAt;
        }
        // The same report again changes nothing.
        if (attempt.Outcome == kind.ToString().ToLowerInvariant() && attempt.EvidenceAt == at) return this;
        var updated = attempt with { Outcome = kind.ToString().ToLowerInvariant(), EvidenceAt = at, Evidence = evidence };
        var attempts = Attempts.ToList();
        attempts[index] = updated;
        var rule = DeemedService.RuleFor(Route[step], kind);
        return rule is null
            ? this with { Attempts = attempts }
            : this with { Attempts = attempts, Status = ServiceStatus.Served, ServedAt = at, Rule = rule };
    }

    /// <summary>
    /// A clerk's postal result for the current post step, which must come after its mailing: a receipt or a return dated
    /// before the mailing is a mistake to correct, not evidence to take as of another day.
    /// </summary>
    public void CheckPostalResultDate(DateTimeOffset at)
    {
        if (Current is { Method: ServiceMethod.Post } mailed && at < mailed.StartedAt)
            throw new DomainRuleException("postal-result-before-mailing",
                $"The document was mailed on {ChinaTime.DateOf(mailed.StartedAt):yyyy-MM-dd}; a result is dated that day or later.",
                "date");
    }

    /// <summary>The current step did not serve (no evidence in time, or the provider refused it): move to the next one.</summary>
    public ServiceRecord Advance(DateTimeOffset at, string reason)
    {
        if (Status == ServiceStatus.Served || CurrentStep + 1 >= Route.Count) return this;
        var attempts = Attempts.ToList();
        var index = attempts.FindLastIndex(a => a.Step == CurrentStep);
        if (index >= 0 && attempts[index].Outcome == "sent") attempts[index] = attempts[index] with { Outcome = "timed-out", EvidenceAt = at, Evidence = reason };
        var next = CurrentStep + 1;
        return this with { Attempts = attempts, CurrentStep = next, Status = StatusAt(Route[next]) };
    }

    /// <summary>A judge ordered public notice and it was posted; it is deemed served when the period ends.</summary>
    public ServiceRecord PublicNoticePosted(DateOnly lastPosting, DateTimeOffset at, string decision)
    {
        var begun = Begun(at);
        var attempts = begun.Attempts.ToList();
        attempts[^1] = attempts[^1] with { Evidence = decision };
        return begun with { Attempts = attempts, Status = ServiceStatus.PublicNoticePosted, PublicNoticeLastPosted = lastPosting };
    }

    public ServiceRecord PublicNoticeElapsed(DateTimeOffset endsAt)
    {
        var attempts = Attempts.ToList();
        var index = attempts.FindLastIndex(a => a.Step == CurrentStep);
        if (index >= 0) attempts[index] = attempts[index] with { Outcome = "elapsed", EvidenceAt = endsAt, Evidence = "30 days after the last posting" };
        return this with { Attempts = attempts, Status = ServiceStatus.Served, ServedAt = endsAt, Rule = ServiceRule.PublicNoticeElapsed };
    }
}
