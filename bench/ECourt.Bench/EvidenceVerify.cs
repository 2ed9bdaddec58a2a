using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Evidence;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Evidence;
using ECourt.Domain.Parties;
using ECourt.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Bench;

/// <summary>
/// Verifying a case's evidence chain (GET …/evidence/verify, through the HTTP function as a client calls it) against Azurite: a case of
/// N items of one document each, and the baseline of the same run: reading the same blobs, at the same concurrency, without hashing;
/// a second baseline adds the chain's rows (the same storage calls verify makes, nothing computed). Rounds alternate their order and
/// the median of each is reported, so that neither side always runs on a warmer Azurite.
/// </summary>
public static class EvidenceVerify
{
    private static readonly string Judge = CourtTestHost.Staff("judge-zhao", "judge");

    public static async Task RunAsync(int items, int bytesEach, int rounds)
    {
        var counter = new StorageRequestCounter();
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, s => s.AddSingleton(counter));
        host.CheckAnswers = false;
        await host.Storage.EnsureCreatedAsync();
        var seeding = Stopwatch.StartNew();
        var (caseId, ids) = await SeedAsync(host, items, bytesEach);
        seeding.Stop();
        var store = host.Services.GetRequiredService<ICaseStore>();
        var documents = host.Services.GetRequiredService<IDocumentStore>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = VerifyEvidenceChain.Concurrency };

        long verifyCalls = 0;
        async Task<TimeSpan> Verify()
        {
            var before = counter.Count;
            var clock = Stopwatch.StartNew();
            var r = await host.GetAsync($"/api/cases/{caseId}/evidence/verify", Judge);
            clock.Stop();
            verifyCalls = counter.Count - before;
            if (r.Status != 200 || !r.Json.GetProperty("valid").GetBoolean() || r.Json.GetProperty("items").GetInt32() != items)
                throw new InvalidOperationException($"The chain did not verify: {r}");
            return clock.Elapsed;
        }
        async Task<TimeSpan> ReadBlobs()
        {
            var clock = Stopwatch.StartNew();
            long read = 0;
            await Parallel.ForEachAsync(ids, parallel, async (id, ct) =>
                Interlocked.Add(ref read, (await documents.GetAsync(caseId, id, ct))!.Length));
            clock.Stop();
            if (read != (long)items * bytesEach) throw new InvalidOperationException($"Read {read} bytes.");
            return clock.Elapsed;
        }
        async Task<TimeSpan> ReadRowsAndBlobs()
        {
            var clock = Stopwatch.StartNew();
            var rows = await store.ListRowsAsync(caseId, EvidenceRows.Items);
            await Parallel.ForEachAsync(rows.SelectMany(r => r.Record.Documents).Select(d => d.DocumentId), parallel,
                async (id, ct) => await documents.GetAsync(caseId, id, ct));
            clock.Stop();
            return clock.Elapsed;
        }

        // Warm-up: the first reads of a table and a container pay for connections and Azurite's caches.
        await Verify();
        await ReadBlobs();
        await ReadRowsAndBlobs();
        var verify = new List<double>();
        var blobs = new List<double>();
        var rowsAndBlobs = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            (List<double> Into, Func<Task<TimeSpan>> Run)[] order =
                [(verify, Verify), (blobs, ReadBlobs), (rowsAndBlobs, ReadRowsAndBlobs)];
            foreach (var (into, run) in round % 2 == 0 ? order : order.Reverse())
                into.Add((await run()).TotalMilliseconds);
        }
        var hashing = HashingAlone(items, bytesEach);

        static double Median(List<double> xs)
        {
            var sorted = xs.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        var (v, b, rb) = (Median(verify), Median(blobs), Median(rowsAndBlobs));
        string Ms(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture) + " ms";
        string Ratio(double x) => x.ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine($"""
            | measure | value | target |
            |---|---|---|
            | case | {items} items of one document, {(long)items * bytesEach:N0} bytes of documents; {Machine.Describe()} | |
            | verify (GET …/evidence/verify, the HTTP function), median of {rounds} | {Ms(v)} | |
            | baseline: the same {items} blobs, concurrency {VerifyEvidenceChain.Concurrency}, no hashing, median of {rounds} | {Ms(b)} | |
            | ratio baseline ÷ verify | {Ratio(b / v)} | ≥ 0.90 |
            | second baseline: the chain's rows and the same blobs, no hashing, median of {rounds} | {Ms(rb)} | |
            | ratio second baseline ÷ verify | {Ratio(rb / v)} | |
            | SHA-256 of the documents and records alone, in memory | {Ms(hashing)} | |
            | storage calls per verify (the case's read for access, the chain's rows, the blobs) | {verifyCalls} | |
            | verify rounds (ms) | {string.Join(", ", verify.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))} | |
            | baseline rounds (ms) | {string.Join(", ", blobs.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))} | |
            | seeding the case (not timed above) | {Ms(seeding.Elapsed.TotalMilliseconds)} | |
            """);
    }

    /// <summary>What hashing costs by itself: every document's bytes and every record's canonical bytes, as verify hashes them.</summary>
    private static double HashingAlone(int items, int bytesEach)
    {
        var bytes = new byte[bytesEach];
        RandomNumberGenerator.Fill(bytes);
        var record = EvidenceChain.Append(EvidenceChainHead.Empty, "cs000000000000000000000001", CourtTestHost.Future, CaseSide.Filing, [1],
            "party", "借条", "证明借款", "原告持有", [new EvidenceDocument("doc1", "借条.pdf", "application/pdf", bytesEach,
                new EvidenceDigests(new string('0', 64)))], "user").Record;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < items; i++)
        {
            _ = EvidenceChain.Sha256Of(bytes);
            _ = EvidenceChain.Sha256Of(record.CanonicalBytes());
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// A case in the evidence stage holding <paramref name="items"/> items, each of one document of <paramref name="bytesEach"/> bytes:
    /// the blobs stored as uploads store them, the chain built by the domain's rule, the rows written a transaction of 99 at a time,
    /// then the case's chain end.
    /// </summary>
    private static async Task<(string CaseId, IReadOnlyList<string> DocumentIds)> SeedAsync(CourtTestHost host, int items, int bytesEach)
    {
        var at = host.Clock.GetUtcNow();
        var consent = new ElectronicServiceConsent(ConsentSource.Express, at, "user-liu");
        Party[] parties =
        [
            new(1, PartyRole.Plaintiff, PartyKind.Person, "刘志强", IdentityDocumentType.ResidentId, Filings.PlaintiffId, null, null, null,
                null, "user-liu", false, consent, [], []),
            new(2, PartyRole.Defendant, PartyKind.Organisation, "示例科技有限公司", null, null, Filings.DefendantCreditCode, null, null,
                "哈尔滨市南岗区示例路1号", null, false, null, [], []),
        ];
        var caseId = CaseId.FromRandom(RandomNumberGenerator.GetBytes(12));
        var changes = host.Services.GetRequiredService<CaseChanges>();
        var c = new CourtCase(caseId, "黑01", FeeCaseType.Property, Procedure.Ordinary, "民间借贷纠纷", 100_000m, "判令被告偿还借款", "事实", parties,
            "user-liu", "", at, CaseStatus.EvidenceExchange, 1, "（2098）黑01民初1号", at);
        // Assigned at acceptance to the civil division's judge and clerk (CourtTestHost's registry), as the court's rule would.
        c = c.With(new CaseAssignment("judge-zhao", "clerk-wang", Division.Civil, at.AddDays(-19), "system"));
        await changes.CreateAsync(c,
            [new CaseEvent(1, "SeedEvidenceStage", "system", "system", at, null, CaseStatus.EvidenceExchange, "bench")]);

        var documents = host.Services.GetRequiredService<IDocumentStore>();
        var uploaded = new CaseDocument[items];
        await Parallel.ForEachAsync(Enumerable.Range(0, items), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var bytes = new byte[bytesEach];
            RandomNumberGenerator.Fill(bytes);
            "%PDF-1.4\n"u8.CopyTo(bytes);
            var sha256 = EvidenceChain.Sha256Of(bytes);
            var id = "doc" + (i + 1).ToString("x24", CultureInfo.InvariantCulture);
            await documents.PutAsync(caseId, id, bytes, "application/pdf", sha256, ct);
            uploaded[i] = new CaseDocument(id, DocumentKind.Evidence, $"证据{i + 1}.pdf", "application/pdf", bytesEach, sha256, "user-liu",
                at);
        });
        var head = EvidenceChainHead.Empty;
        var rows = new List<CaseRow>();
        foreach (var d in uploaded)
        {
            var item = EvidenceChain.Append(head, caseId, at, CaseSide.Filing, [1], "party", $"证据{d.FileName}", "证明借款事实", "原告持有",
                [new EvidenceDocument(d.DocumentId, d.FileName, d.ContentType, d.Size, new EvidenceDigests(d.Sha256))], "user-liu");
            head = EvidenceChain.After(item);
            rows.Add(CaseRow.Of(DocumentRows.Documents, d.DocumentId, d));
            rows.Add(CaseRow.Of(EvidenceRows.Items, item.EvidenceId, item));
            rows.Add(CaseRow.Of(EvidenceRows.DocumentUses, d.DocumentId,
                new EvidenceDocumentUse(d.DocumentId, item.EvidenceId, CaseSide.Filing)));
        }
        var store = host.Services.GetRequiredService<ICaseStore>();
        foreach (var batch in rows.Chunk(99))
            if ((await store.CommitAsync(new CaseChange(caseId, null, [], batch, []), null)).Outcome != CommitOutcome.Committed)
                throw new InvalidOperationException("Seeding the chain's rows failed.");
        // The case lists its documents, as each upload lists it.
        await changes.ApplyAsync(caseId, x => CaseChange.Of(x.Record("SeedEvidenceChain", Actor.System, at, "bench",
            y => uploaded.Aggregate(y, (z, d) => z.WithDocument(d)).WithEvidence(EvidenceSummary.Empty with { Chain = head }))));
        return (caseId, uploaded.Select(d => d.DocumentId).ToList());
    }
}
