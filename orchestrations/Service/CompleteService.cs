using System.Security.Cryptography;
using ECourt.Domain.Cases;
using ECourt.Orchestrations.Cases;
using ECourt.Domain.Ports;
using ECourt.Domain.Service;

namespace ECourt.Orchestrations.Service;

/// <summary>
/// Issues the electronic service certificate of a completed service: the document and its hash, the
/// recipient, the method and address, when it was sent, delivered and read, the provider's evidence and
/// the rule applied; signed with the court's key, stored once, and named on the record.
/// </summary>
public sealed class CompleteService(ServiceRecords records, ICaseStore cases, CaseChanges changes, FeeCollection fees, ComplaintService complaint,
    IServiceCertificateSigner signer, ICertificateStore certificates, IWorkflowDispatcher dispatcher, TimeProvider clock) : ICaseActivity<ServiceRef, ServiceState>
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default)
    {
        var record = (await records.GetAsync(input.CaseId, input.ServiceId, ct)).Record;
        if (record.Status != ServiceStatus.Served || record.CertificateId is not null) return records.StateOf(record);
        // The id first, on the record: every later try signs and stores the same certificate.
        if (record.IssuingCertificateId is null)
            record = (await records.UpdateAsync(record.CaseId, record.ServiceId, r => r.IssuingCertificateId is null
                ? r with { IssuingCertificateId = ServiceRecord.NewCertificateId(RandomNumberGenerator.GetBytes(16)) }
                : null, ct)).After.Record;
        var courtCase = (await cases.GetAsync(record.CaseId, ct) ?? throw new CaseNotFoundException(record.CaseId)).Case;
        var signed = await certificates.PutAsync(await signer.SignAsync(CertificateOf(record, record.IssuingCertificateId!, courtCase, clock.GetUtcNow()), ct), ct);
        await ApplyToCaseAsync(record, ct);
        // Named on the record last: a crash before this repeats the steps above, each of which happens once.
        var change = await records.UpdateAsync(record.CaseId, record.ServiceId,
            r => r.CertificateId is null ? r with { CertificateId = signed.Certificate.CertificateId } : null, ct);
        return records.StateOf(change.After.Record);
    }

    /// <summary>What service means for the case: the fee period starts; the answer period runs and the case may move on.</summary>
    private async Task ApplyToCaseAsync(ServiceRecord record, CancellationToken ct)
    {
        var servedAt = record.ServedAt!.Value;
        StoredCase? changed = record.Kind switch
        {
            ServedDocumentKind.FeeNotice => await changes.ApplyAsync(record.CaseId, c => fees.NoticeServed(c, servedAt), ct),
            ServedDocumentKind.ComplaintCopy => await changes.ApplyAsync(record.CaseId, c => complaint.Served(c, record.PartyNumber, servedAt), ct),
            _ => null,
        };
        if (changed is not null) await dispatcher.SignalCaseAsync(record.CaseId, changed.Case.Version, $"{record.Kind}Served", ct);
    }

    public static ServiceCertificate CertificateOf(ServiceRecord record, string certificateId, CourtCase courtCase, DateTimeOffset issuedAt)
    {
        // The attempt that served: the one whose evidence completed service (for public notice, its posting).
        var serving = record.Attempts.LastOrDefault(a => a.EvidenceAt == record.ServedAt) ?? record.Attempts.Last();
        var delivered = record.Attempts.Where(a => a.Step == serving.Step && a.Outcome == "delivered").Select(a => a.EvidenceAt).FirstOrDefault();
        return new ServiceCertificate(certificateId, courtCase.Court, record.CaseId, courtCase.CaseNumber, record.DocumentId, record.Kind,
            record.DocumentSha256, record.PartyNumber, record.Recipient, serving.Method, serving.Address, serving.Confirmed, serving.StartedAt,
            serving.Outcome == "delivered" ? serving.EvidenceAt : delivered, serving.Outcome == "read" ? serving.EvidenceAt : null,
            record.ServedAt!.Value, record.Rule!.Value, serving.ProviderMessageId, serving.Evidence, issuedAt);
    }
}
