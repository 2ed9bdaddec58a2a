using Azure.Data.Tables;
using ECourt.Adapters.Storage;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Filing;
using ECourt.Domain.Parties;

namespace ECourt.Contract.Tests;

/// <summary>
/// A case's snapshot row: its core, then each stage's part under its name, a part no module declares kept as it came. A case is
/// read and written on nearly every request, so neither builds a tree of the row.
/// </summary>
public class StoredCaseJsonTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2098-11-27T10:00:00+08:00");

    private static CourtCase Submitted()
    {
        Party P(int n, PartyRole role, string? user) => new(n, role, PartyKind.Person, "刘志强", IdentityDocumentType.ResidentId,
            "11010519491231002X", null, "13800000000", null, null, user, false, null, [], []);
        var filer = new Actor("u1", "party");
        var (draft, _) = CourtCase.Draft(CaseId.FromRandom(new byte[12]), "黑01", FeeCaseType.Property, Procedure.Ordinary, "民间借贷纠纷",
            100_000m, "判令被告偿还借款", "被告于2025年借款，到期未还。", [P(1, PartyRole.Plaintiff, "u1"), P(2, PartyRole.Defendant, null)],
            filer, "fp", At);
        var review = new FilingReview(new DeadlineCalculator(new CourtCalendar(PublishedCalendars.All)));
        return review.Submit(draft, filer, At, hasComplaint: true).Case;
    }

    private static string Written(CourtCase c)
    {
        var row = new TableEntity(c.CaseId, "case");
        StoredJson.Write(row, c);
        return row.GetString("Json");
    }

    [Fact]
    public void UnknownPart_KeptAsItCame_DerivedAndNullPropertiesDropped()
    {
        var submitted = Submitted();
        var json = Written(submitted);
        Assert.Contains("\"review\":{", json);
        Assert.Contains("\"facts\":\"被告于2025年借款，到期未还。\"", json);
        var row = new TableEntity(submitted.CaseId, "case")
        {
            ["Json"] = json[..^1] + ""","filedDocuments":[],"futureStage":{"a":[1,"二"],"b":null},"laterStage":null}""",
        };
        var read = StoredJson.Read<CourtCase>(row);
        Assert.Equal(submitted.Review, read.Review);
        Assert.Equal(["futureStage"], read.Parts.Unrecognised.Keys);
        Assert.Equal(json[..^1] + ""","futureStage":{"a":[1,"二"],"b":null}}""", Written(read));
    }

    [Fact]
    public void Snapshot_ReadAndWritten_WithoutATreeOfTheRow()
    {
        var c = Submitted();
        var row = new TableEntity(c.CaseId, "case");
        StoredJson.Write(row, c);
        const int times = 100;
        double KiB(Action a)
        {
            for (var i = 0; i < 10; i++) a();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < times; i++) a();
            return (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / times;
        }
        // A submitted filing of two parties: about 4.5 KiB each way; through a JsonNode tree of the row it took 10 KiB.
        var (write, read) = (KiB(() => StoredJson.Write(new TableEntity(c.CaseId, "case"), c)), KiB(() => StoredJson.Read<CourtCase>(row)));
        Assert.True(write <= 7 && read <= 7, $"write {write:F1} KiB, read {read:F1} KiB");
    }
}
