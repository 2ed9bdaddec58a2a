using System.Text.Json.Serialization;

namespace ECourt.Application.Messaging;

/// <summary>
/// What use cases ask of the durable engine, as typed messages: start a workflow, or tell one that what it waits on
/// changed. The table is the truth and a signal only a hint, but a message that cannot be sent or queued throws, so
/// the caller (an activity, a handler, a request) is retried: a start is never logged and dropped.
/// </summary>
public interface IDurableMessaging
{
    Task SendAsync(DurableMessage message, CancellationToken ct = default);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "message")]
[JsonDerivedType(typeof(StartCaseLifecycle), "start-case-lifecycle")]
[JsonDerivedType(typeof(CaseChanged), "case-changed")]
[JsonDerivedType(typeof(StartServiceWorkflow), "start-service-workflow")]
[JsonDerivedType(typeof(ServiceChanged), "service-changed")]
public abstract record DurableMessage(string CaseId);

/// <summary>Start the case's lifecycle unless it runs; <paramref name="Known"/> saves its first read of the case.</summary>
public sealed record StartCaseLifecycle(string CaseId, Cases.CaseProgress? Known = null) : DurableMessage(CaseId);

/// <summary>The case changed in its table (a decision, a credit, a served document): its lifecycle reads it again.</summary>
public sealed record CaseChanged(string CaseId, int Version, string Action) : DurableMessage(CaseId);

/// <summary>Start the workflow that serves one document on one party, unless it exists.</summary>
public sealed record StartServiceWorkflow(string CaseId, string ServiceId) : DurableMessage(CaseId);

/// <summary>A service record changed: wake its workflow's wait, whichever of <paramref name="Rounds"/> it waits on.</summary>
public sealed record ServiceChanged(string CaseId, string ServiceId, IReadOnlyList<int> Rounds, string What) : DurableMessage(CaseId);
