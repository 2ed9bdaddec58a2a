namespace ECourt.Application.Cases;

/// <summary>One page of a list, and the token for the next (null: the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
