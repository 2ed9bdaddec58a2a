using ECourt.Application.Cases;

namespace ECourt.Orchestrations.Cases;

/// <summary>
/// The case's orchestration input: the case it keeps deadlines for; on the first round, the progress the starting
/// command has just written (so the first round need not read it back); and the version of the lifecycle's logic the
/// instance runs (absent in instances started before versions were carried: version 1).
/// </summary>
public sealed record CaseLifecycleInput(string CaseId, CaseProgress? Known = null, int? LogicVersion = null);

/// <summary>
/// The one event a case's orchestration receives: the case changed in its table (a clerk's decision, corrections, fee
/// aid, a credit booked to its account, a ruling, court time moved), so read it again. The change is committed before
/// the signal is raised, so a signal raised twice, or lost, changes nothing: the orchestration acts on what the table says.
/// </summary>
public sealed record CaseSignal(int Version, string Action);

/// <summary>A deadline of the given kind has come: its stage's handler keeps it as of court time.</summary>
public sealed record KeepDeadlineInput(string CaseId, string Kind);

/// <summary>
/// What pollers see as the orchestration's custom status: the state it waits in and the deadline it keeps next (court time).
/// </summary>
public sealed record CaseLifecycleStatus(string Status, string? NextDeadline, DateTimeOffset? NextDeadlineAt);
