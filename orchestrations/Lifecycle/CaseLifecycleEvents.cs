using ECourt.Domain.Cases;

namespace ECourt.Orchestrations.Lifecycle;

/// <summary>
/// The case's orchestration input: the case it keeps deadlines for and, on the first round, the
/// progress the starting command has just written (so the first round need not read it back).
/// </summary>
public sealed record CaseLifecycleInput(string CaseId, CaseProgress? Known = null);

/// <summary>
/// Raised after a command changed the case in its table (a clerk's decision, corrections, a fee aid
/// decision, a ruling): the orchestration reads the case again. Carrying the case version makes it
/// harmless to raise twice.
/// </summary>
public sealed record CaseChanged(int Version, string Action);

/// <summary>A credit to the case's account (bank messages raise it; the orchestration records it once).</summary>
public sealed record FeeCreditBooked(string CaseId, string BankCode, string BankTransactionId, decimal Amount, DateTimeOffset BookedAt);

/// <summary>What the orchestration needs to know to wait: the state and the next deadline.</summary>
public sealed record CaseProgress(string CaseId, CaseStatus Status, bool Ended, DeadlineKind? NextDeadlineKind, DateTimeOffset? NextDeadlineAt);

/// <summary>A deadline has come: act on it as of <see cref="AsOf"/> (the orchestration's time when its timer fired).</summary>
public sealed record KeepDeadlineInput(string CaseId, DeadlineKind Kind, DateTimeOffset AsOf);

/// <summary>What pollers see as the orchestration's custom status: the state it waits in and the deadline it keeps.</summary>
public sealed record CaseLifecycleStatus(string Status, string? NextDeadline, DateTimeOffset? NextDeadlineAt);
