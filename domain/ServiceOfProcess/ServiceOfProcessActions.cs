using ECourt.Domain.Cases;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>Service of process's rows of the transition table.</summary>
public static class ServiceOfProcessActions
{
    public static readonly CaseAction BeginEvidenceExchange = new(nameof(BeginEvidenceExchange), [CaseStatus.Accepted], CaseStatus.EvidenceExchange,
        "CPL art. 128: complaint copy served, answer within 15 days");

    public static IReadOnlyList<CaseAction> All { get; } = [BeginEvidenceExchange];
}
