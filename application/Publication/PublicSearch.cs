using ECourt.Application.Cases;

namespace ECourt.Application.Publication;

/// <summary>
/// The public's reading of published judgments: the search (full text in Chinese and the case number, court, cause and dates) and
/// one judgment, anonymised; a judgment withdrawn, not yet published or never existing is not found alike.
/// </summary>
public sealed class PublicSearch(IJudgmentIndex index, IPublishedJudgments published)
{
    public const int MaxQueryChars = 100;

    public const int MaxPageSize = 50;

    public sealed record Query(string? Q, string? CaseNumber, string? Court, string? Cause, string? From, string? To, string? Page,
        string? PageSize);

    public async Task<(JudgmentHits Hits, int Page, int PageSize)> SearchAsync(Query q, CancellationToken ct)
    {
        var v = new Validation();
        var text = v.Text(q.Q, "q", MaxQueryChars, required: false);
        var caseNumber = v.Text(q.CaseNumber, "caseNumber", Bounds.Code, required: false);
        var court = v.Text(q.Court, "court", Bounds.Code, required: false);
        var cause = v.Text(q.Cause, "cause", Bounds.Name, required: false);
        var from = q.From is null ? null : v.Date(q.From, "from");
        var to = q.To is null ? null : v.Date(q.To, "to");
        var page = Number(q.Page, "page", 1, 1000, v);
        var size = Number(q.PageSize, "pageSize", 20, MaxPageSize, v);
        v.ThrowIfAny();
        // Case numbers are written with full-width parentheses (（2026）黑01民初123号); a query typed with ASCII ones means the same.
        caseNumber = caseNumber?.Trim().Replace('(', '（').Replace(')', '）');
        var hits = await index.SearchAsync(new JudgmentQuery(text, caseNumber, court, cause, from, to, (page - 1) * size, size), ct);
        return (hits, page, size);
    }

    public async Task<PublishedJudgment> ReadAsync(string judgmentId, CancellationToken ct) =>
        judgmentId.Length <= Bounds.Code && await published.GetAsync(judgmentId, ct) is { Withdrawn: false } judgment
            ? judgment
            : throw new NotFoundException("such judgment");

    private static int Number(string? text, string field, int fallback, int max, Validation v)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, out var n) && n >= 1 && n <= max) return n;
        v.Add(field, $"A whole number from 1 to {max}.");
        return fallback;
    }
}
