using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;

namespace ECourt.Orchestrations.ServiceOfProcess;

/// <summary>
/// Service of process's activities, each one use case. The names are the ones in-flight histories and the Functions
/// app's triggers carry (StartProcessService starts service of process; CompleteService issues the certificate); the
/// workflow records and clears its stall as the case lifecycle does.
/// </summary>
public static class ServiceActivities
{
    public const string StartProcessService = nameof(StartProcessService);
    public const string GetServiceState = nameof(GetServiceState);
    public const string SendServiceNotice = nameof(SendServiceNotice);
    public const string AdvanceService = nameof(AdvanceService);
    public const string ElapsePublicNotice = nameof(ElapsePublicNotice);
    public const string CompleteService = nameof(CompleteService);
    public const string FlagDispatchOverdue = nameof(FlagDispatchOverdue);
    public const string FlagRouteExhausted = nameof(FlagRouteExhausted);
    public const string RecordServiceStall = nameof(RecordServiceStall);
    public const string ClearServiceStall = nameof(ClearServiceStall);

    public static ActivityList All { get; } = new ActivityList()
        .Add<StartServiceOfProcess, string, bool>(StartProcessService, (u, caseId, ct) => u.RunAsync(caseId, ct))
        .Add<ReadServiceState, ServiceRef, ServiceState>(GetServiceState, (u, s, ct) => u.RunAsync(s, ct))
        .Add<Application.ServiceOfProcess.SendServiceNotice, ServiceRef, ServiceState>(SendServiceNotice, (u, s, ct) => u.RunAsync(s, ct))
        .Add<Application.ServiceOfProcess.AdvanceService, AdvanceInput, ServiceState>(AdvanceService, (u, s, ct) => u.RunAsync(s, ct))
        .Add<Application.ServiceOfProcess.ElapsePublicNotice, ServiceRef, ServiceState>(ElapsePublicNotice, (u, s, ct) => u.RunAsync(s, ct))
        .Add<IssueCertificate, ServiceRef, ServiceState>(CompleteService, (u, s, ct) => u.RunAsync(s, ct))
        .Add<Application.ServiceOfProcess.FlagDispatchOverdue, ServiceRef, ServiceState>(FlagDispatchOverdue,
            (u, s, ct) => u.RunAsync(s, ct))
        .Add<Application.ServiceOfProcess.FlagRouteExhausted, ServiceRef, ServiceState>(FlagRouteExhausted,
            (u, s, ct) => u.RunAsync(s, ct))
        .Add<Application.ServiceOfProcess.RecordServiceStall, ServiceStallInput, LifecycleStall>(RecordServiceStall,
            (u, s, ct) => u.RunAsync(s, ct))
        .Add<Application.ServiceOfProcess.ClearServiceStall, ServiceRef, bool>(ClearServiceStall, (u, s, ct) => u.RunAsync(s, ct));
}
