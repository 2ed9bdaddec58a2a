using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Documents;

namespace ECourt.Application.Documents;

/// <summary>
/// The documents a party's request names (an item of evidence, an answer): each must be one its own side uploaded; one of another
/// side, or none, is answered alike, naming the field, so a party learns nothing of what the other side uploaded.
/// </summary>
public static class SideDocuments
{
    public static async Task<IReadOnlyList<CaseDocument>> ReadAsync(ICaseStore store, CaseGrant grant, CaseSide side,
        IReadOnlyList<string?> ids, Validation v, string field, string hint, CancellationToken ct)
    {
        var rows = await Task.WhenAll(ids.Select(id => IsKey(id)
            ? store.GetRowAsync(grant.CaseId, DocumentRows.Documents, id!, ct)
            : Task.FromResult<StoredRow<CaseDocument>?>(null)));
        var documents = new List<CaseDocument>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (rows[i]?.Value is { } d && CaseRelations.SideOfUser(d.UploadedBy, grant.Case) == side) documents.Add(d);
            else v.Add($"{field}[{i}]", $"No document of your side has this id: {hint}");
        }
        v.ThrowIfAny();
        return documents;
    }

    /// <summary>The names and duplicates of a list of document ids, checked before any is read.</summary>
    public static void CheckIds(IReadOnlyList<string?> ids, Validation v, string field, string hint)
    {
        if (ids.Count == 0) v.Add(field, $"Name at least one document, {hint}");
        for (var i = 0; i < ids.Count; i++)
            if (ids.Take(i).Contains(ids[i])) v.Add($"{field}[{i}]", "Named twice.");
    }

    /// <summary>An id that can name a row: letters, digits and hyphens (a table key takes no / \ # ? or control character).</summary>
    private static bool IsKey(string? id) => id is { Length: > 0 and <= Bounds.Code }
        && id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-');
}
