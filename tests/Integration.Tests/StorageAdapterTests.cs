using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;
using ECourt.Domain.Payments;

namespace ECourt.Integration.Tests;

/// <summary>The table and blob adapters against Azurite.</summary>
public class StorageAdapterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-26T10:00:00+08:00");

    private static (CourtCase, CaseEvent) Draft(string caseId, string facts = "事实")
    {
        Party P(int n, PartyRole role, string? user) => new(n, role, PartyKind.Person, "张三", IdentityDocumentType.ResidentId, "11010519491231002X",
            null, null, null, null, user, false, null, [], []);
        return CourtCase.Draft(caseId, "黑01", FeeCaseType.Property, Procedure.Ordinary, "民间借贷纠纷", 100_000m, "请求", facts,
            [P(1, PartyRole.Plaintiff, "u1"), P(2, PartyRole.Defendant, null)], new Actor("u1", "party"), "fp", At);
    }

    private static string NewCaseId() => CaseId.FromRandom(Guid.NewGuid().ToByteArray());

    [Fact]
    public async Task CaseStore_CreateOnce_CommitWithETag_StaleCommitIsConflict()
    {
        var storage = await Azurite.NewStorageAsync();
        var store = new TableCaseStore(storage);
        var id = NewCaseId();
        var (draft, created) = Draft(id);
        var first = await store.CommitAsync(CaseChange.Of(draft, [created]), null);
        Assert.Equal(CommitOutcome.Committed, first.Outcome);
        // Creating the case again is the creation made before.
        Assert.Equal(CommitOutcome.AlreadyApplied, (await store.CommitAsync(CaseChange.Of(draft, [created]), null)).Outcome);

        var changed = draft.Record("Note", new Actor("u1", "party"), At, "a note", c => c with { Facts = "新事实" });
        var saved = await store.CommitAsync(CaseChange.Of(changed), first.SnapshotETag);
        Assert.Equal(CommitOutcome.Committed, saved.Outcome);
        var stale = await store.CommitAsync(CaseChange.Of(changed.Case, [changed.Event with { Sequence = 3 }]), first.SnapshotETag);
        Assert.Equal(CommitOutcome.Conflict, stale.Outcome);

        var file = (await store.GetFileAsync(id))!;
        Assert.Equal("新事实", file.Case.Facts);
        Assert.Equal(saved.SnapshotETag, file.ETag);
        Assert.Equal([1, 2], file.Events.Select(x => x.Sequence).ToList());
    }

    [Fact]
    public async Task CaseStore_LargeSnapshot_SplitAcrossProperties()
    {
        var store = new TableCaseStore(await Azurite.NewStorageAsync());
        var id = NewCaseId();
        var facts = string.Concat(Enumerable.Repeat("借款事实与理由。", 12_000)); // ~96,000 characters
        var (draft, created) = Draft(id, facts);
        await new CaseChanges(store).CreateAsync(draft, [created]);
        Assert.Equal(facts, (await store.GetAsync(id))!.Case.Facts);
    }

    private sealed record Note(string Text);

    [Fact]
    public async Task CaseStore_ChangeOverATransactionsLimit_RefusedAsTooLarge_NothingWritten()
    {
        var store = new TableCaseStore(await Azurite.NewStorageAsync());
        var id = NewCaseId();
        var (draft, created) = Draft(id);
        var first = await store.CommitAsync(CaseChange.Of(draft, [created]), null);
        // Five rows each within a row's 1 MiB (160,000 characters the emulator counts 6 bytes each), 4.8 MB together.
        var notes = new CaseRowKind<Note>("note-");
        var change = CaseChange.Of(draft.Record("Note", Actor.System, At, "notes", c => c));
        foreach (var n in Enumerable.Range(1, 5))
            change = change.Inserting(CaseRow.Of(notes, $"{n}", new Note(new string('注', 160_000))));

        var refused = await Assert.ThrowsAsync<RecordTooLargeException>(() => store.CommitAsync(change, first.SnapshotETag));
        Assert.Equal(RecordTooLargeException.RuleName, refused.Rule);
        Assert.Empty(await store.ListRowsAsync(id, notes));
        Assert.Equal(first.SnapshotETag, (await store.GetAsync(id))!.ETag);
    }

    [Fact]
    public async Task InsertOnceRow_SameTransactionTwice_RecordedOnce_SecondIsAlreadyApplied()
    {
        var store = new TableCaseStore(await Azurite.NewStorageAsync());
        var id = NewCaseId();
        var (draft, created) = Draft(id);
        var stored = (await new CaseChanges(store).CreateAsync(draft, [created]))!;
        var entry = new LedgerEntry("ICBC:T1", "credit", 100m, "ICBC", "T1", At, At);
        var once = CaseChange.Of(draft.Record("RecordFeeCredit", Actor.System, At, "credit", c => c)).Inserting(CaseRow.Of(LedgerRows.Ledger, entry.EntryId, entry));
        Assert.Equal(CommitOutcome.Committed, (await store.CommitAsync(once, stored.ETag)).Outcome);
        var again = (await store.GetAsync(id))!;
        var twice = CaseChange.Of(again.Case.Record("RecordFeeCredit", Actor.System, At, "credit", c => c)).Inserting(CaseRow.Of(LedgerRows.Ledger, entry.EntryId, entry));
        Assert.Equal(CommitOutcome.AlreadyApplied, (await store.CommitAsync(twice, again.ETag)).Outcome);
        var file = (await store.GetFileAsync(id))!;
        Assert.Single(file.Rows(LedgerRows.Ledger));
        Assert.Equal(2, file.Case.Version);
    }

    [Fact]
    public async Task CaseNumbers_ConcurrentAllocations_NoGapsNoDuplicates_RetrySafe()
    {
        var registry = new TableCaseNumberRegistry(await Azurite.NewStorageAsync());
        var cases = Enumerable.Range(0, 40).Select(_ => NewCaseId()).ToList();
        // Every case asks twice at once, as a retried registration would.
        var numbers = await Task.WhenAll(cases.Concat(cases).Select(c => registry.AllocateAsync("黑01", 2026, "民初", c)));
        var byCase = cases.Zip(numbers.Take(40), (c, n) => (c, n)).ToDictionary(x => x.c, x => x.n.Sequence);
        Assert.Equal(numbers.Skip(40).Select(n => n.Sequence), cases.Select(c => byCase[c]));
        Assert.Equal(Enumerable.Range(1, 40), byCase.Values.Order());
        // A registration retried after the new year keeps the number it got.
        Assert.Equal(byCase[cases[0]], (await registry.AllocateAsync("黑01", 2027, "民初", cases[0])).Sequence);
        // Another court's or type's series starts at 1.
        Assert.Equal(1, (await registry.AllocateAsync("黑0102", 2026, "民初", NewCaseId())).Sequence);
        Assert.Equal(1, (await registry.AllocateAsync("黑01", 2026, "行初", NewCaseId())).Sequence);
    }

    [Fact]
    public async Task Index_PagesInOrder_AccountIsOnePointRead()
    {
        var counter = new StorageRequestCounter();
        var index = new TableCaseIndex(await Azurite.NewStorageAsync(counter));
        for (var i = 0; i < 5; i++) await index.EnqueueForReviewAsync("黑01", $"case{i}", At.AddMinutes(5 - i));
        var first = await index.ListReviewQueueAsync("黑01", 3, null);
        var second = await index.ListReviewQueueAsync("黑01", 3, first.ContinuationToken);
        Assert.Equal(["case4", "case3", "case2"], first.Items.Select(e => e.CaseId).ToList());
        Assert.Equal(["case1", "case0"], second.Items.Select(e => e.CaseId).ToList());
        Assert.Null(second.ContinuationToken);
        await index.RemoveFromReviewAsync("黑01", "case4", At.AddMinutes(1));
        await index.RemoveFromReviewAsync("黑01", "case4", At.AddMinutes(1)); // removing twice is harmless

        await index.AddAccountAsync("6217000126110000012", "cs1");
        var before = counter.Count;
        Assert.Equal("cs1", await index.FindCaseByAccountAsync("6217000126110000012"));
        Assert.Null(await index.FindCaseByAccountAsync("6217000126110000020"));
        Assert.Equal(2, counter.Count - before);

        await index.AddUserCaseAsync("user/with?odd#chars", "cs1", At);
        Assert.Equal(["cs1"], (await index.ListUserCasesAsync("user/with?odd#chars", 10, null)).Items);
    }

    [Fact]
    public async Task Blobs_NewIdNeverOverwritten()
    {
        var blobs = new BlobDocumentStore(await Azurite.NewStorageAsync());
        Assert.Equal("x", await blobs.PutAsync("cs1", "doc1", "%PDF-a"u8.ToArray(), "application/pdf", "x"));
        // A second write to the id stores nothing and answers the hash already there.
        Assert.Equal("x", await blobs.PutAsync("cs1", "doc1", "%PDF-b"u8.ToArray(), "application/pdf", "y"));
        Assert.Equal("%PDF-a"u8.ToArray(), await blobs.GetAsync("cs1", "doc1"));
        Assert.Null(await blobs.GetAsync("cs1", "nothing"));
    }
}
