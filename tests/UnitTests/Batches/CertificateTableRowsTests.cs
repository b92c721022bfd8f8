using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel.Events;
using Assessment.Batches.Reporting;
using Assessment.Certificates.Issuance;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Spreadsheets;
using NodaTime;

namespace Assessment.UnitTests.Batches;

/// <summary>
/// BAT-09/CRT-01: the batch's 附件5 is the Certificates module's table — issued rows exactly as the registry gives them, in its
/// order; the rest (all before issuance) unnumbered, in the order the numbers will be given.
/// </summary>
public class CertificateTableRowsTests
{
    private static readonly (string Name, int Level)[] Listed = [("王小五", 4), ("赵小六", 3), ("孙小七", 5), ("周小八", 4), ("李四", 4)];

    private static (Batch Batch, Roster Roster) Batch()
    {
        var candidates = Listed.Select((c, i) => new Candidate(Guid.NewGuid(), c.Name, 201, $"34020219900101{i:0000}", "某公司", "育婴员", c.Level,
            null, "芜湖市")).ToList();
        var batch = new Batch
        {
            Id = Guid.NewGuid(), OrganizationName = "某培训中心", Status = BatchStatus.Accepted,
            Occupations = [new("育婴员", "育婴员", null, 3), new("育婴员", "育婴员", null, 4), new("育婴员", "育婴员", null, 5)],
        };
        var roster = batch.Apply(Roster.Empty, new CandidatesAdded(batch.Id, candidates, null, default, Actor.System),
            // 李四 did not pass
            new ResultsRecorded(batch.Id, candidates.Select(c => new CandidateResult(c.Id, false, [], c.Name != "李四")).ToList(), null, default,
                Actor.System));
        return (batch, roster);
    }

    private static IssuedCertificateLine Issued(Candidate c, string number, string? name = null) =>
        new(c.Id, name ?? c.Name, c.DocumentType, c.DocumentNumber, c.Employer, "育婴员", null, c.Level, number, new LocalDate(2026, 12, 30),
            "某培训中心", c.CityName);

    [Fact]
    public void BAT_09_before_issuance_the_rows_stand_in_issue_order_with_number_and_date_empty()
    {
        var (batch, roster) = Batch();
        var rows = ReportWorkbooks.CertificateRows(batch, roster, "某培训中心", []).ToList();
        rows.Select(r => r[0]).ShouldBe(["赵小六", "王小五", "周小八", "孙小七"]); // 三级, then 四级 as listed, then 五级
        rows.ShouldAllBe(r => (string)r[7]! == "" && (string)r[8]! == "");
        rows.ShouldAllBe(r => r.Length == CertificateInformationTable.Columns.Count);
        // the very order the Certificates module numbers them in
        var qualified = roster.Qualified().Select(c => new QualifiedCandidate(c.Id, c.Name, 201, c.DocumentNumber, c.Employer, "育婴员", null, null,
            c.Level, c.CityName)).ToList();
        QualifiedCandidateTable.InIssueOrder(qualified).Select(c => c.Name).ShouldBe(rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void BAT_09_CRT_01_issued_rows_are_the_registrys_rows_in_its_order_and_the_rest_follow_unnumbered()
    {
        var (batch, roster) = Batch();
        var byName = roster.Candidates.ToDictionary(c => c.Name);
        // a halted issuance: 三级 and the first 四级 issued, one name corrected since
        IssuedCertificateLine[] issued =
        [
            Issued(byName["赵小六"], "Y000034020001263000001", "赵晓六"), Issued(byName["王小五"], "Y000034020001264000001"),
        ];
        var rows = ReportWorkbooks.CertificateRows(batch, roster, "某培训中心", issued).ToList();
        rows.Take(2).ShouldBe(issued.Select(line => CertificateInformationTable.Row(line, "某培训中心"))); // the Certificates table's rows
        rows[0][0].ShouldBe("赵晓六");
        rows[0][8].ShouldBe("2026-12-30");
        rows.Skip(2).Select(r => r[0]).ShouldBe(["周小八", "孙小七"]);
        rows.Skip(2).ShouldAllBe(r => (string)r[7]! == "");
    }
}
