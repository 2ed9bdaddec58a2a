using System.Security.Cryptography;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Domain.TrialLimit;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// Issues the electronic service certificate of a completed service: the document and its hash, the recipient, the
/// method and address, when it was sent, delivered and read, the provider's evidence and the rule applied; signed with
/// the court's key, stored once under a random id reserved on the record first, and named on the record. What the
/// service means for the case is applied by the stage whose document it is (<see cref="IServedDocumentEffect"/>).
/// </summary>
public sealed class IssueCertificate(ServiceRecords records, ICaseStore cases, CaseChanges changes,
    IEnumerable<IServedDocumentEffect> effects, IServiceCertificateSigner signer, ICertificateStore certificates,
    IDurableMessaging messaging, TimeProvider clock)
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default)
    {
        var record = (await records.GetAsync(input.CaseId, input.ServiceId, ct)).Value;
        if (record.Status != ServiceStatus.Served || record.CertificateId is not null) return records.StateOf(record);
        // The id first, on the record: every later try signs and stores the same certificate.
        if (record.IssuingCertificateId is null)
            record = (await records.UpdateAsync(record.CaseId, record.ServiceId, r => r.IssuingCertificateId is null
                ? r with { IssuingCertificateId = ServiceRecord.NewCertificateId(RandomNumberGenerator.GetBytes(16)) }
                : null, ct)).After.Value;
        var courtCase = (await cases.GetAsync(record.CaseId, ct) ?? throw new CaseNotFoundException(record.CaseId)).Case;
        var signed = await certificates.PutAsync(
            await signer.SignAsync(CertificateOf(record, record.IssuingCertificateId!, courtCase, clock.GetUtcNow()), ct), ct);
        var effect = effects.FirstOrDefault(e => e.Kind == record.Kind);
        var applied = await changes.ApplyWithOutcomeAsync(record.CaseId, c => Served(effect, c, record), ct);
        if (applied.Changed)
            await messaging.SendAsync(new CaseChanged(record.CaseId, applied.Case.Case.Version, $"{record.Kind}Served"), ct);
        // Named on the record last: a crash before this repeats the steps above, each of which happens once.
        var change = await records.UpdateAsync(record.CaseId, record.ServiceId,
            r => r.CertificateId is null ? r with { CertificateId = signed.Certificate.CertificateId } : null, ct);
        return records.StateOf(change.After.Value);
    }

    /// <summary>
    /// What the service means for the case: its document's effect, and for service by public notice, the notice's days (from the day
    /// after the last posting to the day it is deemed made, as CPL art. 85 counts them), which do not count towards the trial time
    /// limit (CPL Interpretation art. 243). Both happen once: a repeat after a crash changes nothing.
    /// </summary>
    private static CaseChange? Served(IServedDocumentEffect? effect, CourtCase c, ServiceRecord record)
    {
        var change = effect?.Apply(c, record);
        if (record.Rule != ServiceRule.PublicNoticeElapsed || record.PublicNoticeLastPosted is not { } posted) return change;
        var before = change?.Snapshot ?? c;
        var excluded = TrialLimitSuspensions.Exclude(before, record.ServiceId, posted.AddDays(1), ChinaTime.DateOf(record.ServedAt!.Value),
            $"public notice to party {record.PartyNumber}", "CPL Interpretation art. 243");
        if (ReferenceEquals(excluded, before)) return change;
        return change is null ? CaseChange.Of(excluded, []) : change with { Snapshot = excluded };
    }

    public static ServiceCertificate CertificateOf(ServiceRecord record, string certificateId, CourtCase courtCase, DateTimeOffset issuedAt)
    {
        // The attempt that served: the one whose evidence completed service (for public notice, its posting).
        var serving = record.Attempts.LastOrDefault(a => a.EvidenceAt == record.ServedAt) ?? record.Attempts.Last();
        var delivered = record.Attempts.Where(a => a.Step == serving.Step && a.Outcome == "delivered").Select(a => a.EvidenceAt)
            .FirstOrDefault();
        return new ServiceCertificate(certificateId, courtCase.Court, record.CaseId, courtCase.CaseNumber, record.DocumentId, record.Kind,
            record.DocumentSha256, record.PartyNumber, record.Recipient, serving.Method, serving.Address, serving.Confirmed,
            serving.StartedAt, serving.Outcome == "delivered" ? serving.EvidenceAt : delivered,
            serving.Outcome == "read" ? serving.EvidenceAt : null, record.ServedAt!.Value, record.Rule!.Value, serving.ProviderMessageId,
            serving.Evidence, issuedAt);
    }
}
