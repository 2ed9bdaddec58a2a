using Azure.Data.Tables;

namespace ECourt.Adapters.Storage;

/// <summary>Lists kept as rows of one partition, read a page at a time in row-key order.</summary>
public static class PartitionPages
{
    /// <summary>One page of a partition, starting after the row key the continuation token carries.</summary>
    public static Task<(List<TableEntity> Rows, string? Next)> ReadAsync(TableClient table, string partition, int pageSize, string? token, CancellationToken ct) =>
        ReadAsync(table, partition, "", pageSize, token, ct);

    /// <summary>One page of the rows whose keys start with <paramref name="prefix"/> (made of characters below '~').</summary>
    public static async Task<(List<TableEntity> Rows, string? Next)> ReadAsync(TableClient table, string partition, string prefix, int pageSize, string? token,
        CancellationToken ct)
    {
        var after = TableKeys.FromToken(token);
        if (after is not null && !after.StartsWith(prefix, StringComparison.Ordinal))
            throw new ArgumentException("The continuation token is not one this list issued.", nameof(token));
        var filter = (after, prefix) switch
        {
            (null, "") => TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            (null, _) => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}"),
            (_, "") => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after}"),
            _ => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {prefix + "~"}"),
        };
        var rows = new List<TableEntity>(pageSize + 1);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize + 1, cancellationToken: ct))
        {
            rows.Add(row);
            if (rows.Count > pageSize) break;
        }
        if (rows.Count <= pageSize) return (rows, null);
        rows.RemoveAt(pageSize);
        return (rows, TableKeys.ToToken(rows[^1].RowKey));
    }
}
