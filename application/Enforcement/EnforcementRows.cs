using ECourt.Application.Cases;
using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>
/// The enforcement case's rows: each request to a bank ("breq-{requestId}", written with the act that makes it: the outbox and the
/// record a reply is checked against) and each reply applied ("brep-{requestId}", inserted once: a reply delivered again finds it
/// and changes nothing; an inquiry's reply keeps the accounts found).
/// </summary>
public static class EnforcementRows
{
    public static readonly CaseRowKind<BankRequest> Requests = new("breq-");

    public static readonly CaseRowKind<BankReply> Replies = new("brep-");

    public static CaseChange WithRequests(this CaseChange change, IEnumerable<BankRequest> requests) =>
        requests.Aggregate(change, (x, r) => x.Inserting(CaseRow.Of(Requests, r.RequestId, r)));
}
