using Assessment.Batches.Candidates;
using Assessment.Batches.Scoring;
using Assessment.Filing.Catalog;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Spreadsheets;
using Assessment.SharedKernel.Values;
using static Assessment.UnitTests.Uploads.UploadBuilders;

namespace Assessment.UnitTests.Uploads;

/// <summary>The row rules of the imports live in their deciders: each faulty row is listed with its row number, column and rule.</summary>
public class ImportDeciderTests
{
    private static readonly PolicyCatalog Policies =
        new(PolicyCatalog.LoadShipped(), new Assessment.SharedKernel.Calendar.WorkingDayCalendar(Assessment.SharedKernel.Calendar.CalendarData.LoadShipped()).LayerIds);

    private static readonly string[] CandidateHeaders = [.. CandidateRows.Columns];

    private static string?[] Candidate(string name, string number, string occupation = "育婴员", string level = "四级/中级工", string phone = "13800000000") =>
        [name, "201", number, "某公司", occupation, level, "芜湖市", phone];

    [Fact]
    public void BAT_09_a_candidate_sheet_becomes_one_event_with_every_row_and_the_file_name()
    {
        var (a, b) = (IdentityNumber("34020219900101123"), IdentityNumber("34020219900101124"));
        var added = CandidatesDecider.Import(PlannedBatch(), Sheet(CandidateHeaders, Candidate("张三", a), Candidate("李四", b.ToLowerInvariant())).Rows,
            TakenDocuments.None, "考生.xlsx", Now, Actor.System);
        added.Candidates.Select(c => (c.Name, c.DocumentNumber)).ShouldBe([("张三", a), ("李四", b)]);
        added.SourceFile.ShouldBe("考生.xlsx");
    }

    [Fact]
    public void BAT_09_a_candidate_sheet_with_faulty_rows_is_refused_whole_listing_each_row_column_and_rule()
    {
        var (a, b, other) = (IdentityNumber("34020219900101123"), IdentityNumber("34020219900101124"), IdentityNumber("34020219900101125"));
        var sheet = Sheet(CandidateHeaders,
            Candidate("张三", a),
            Candidate("李四", "340202199001011239"),
            Candidate("王五", a),
            Candidate("赵六", b, occupation: "电工"),
            Candidate("钱七", other, phone: "电话"),
            Candidate("孙八", IdentityNumber("34020219900101126"), level: "特级"));
        var rows = RefusedRows<CandidateRowError>(() => CandidatesDecider.Import(PlannedBatch(), sheet.Rows,
            new TakenDocuments(new HashSet<string>(), new HashSet<string> { other }), "考生.xlsx", Now,
            Actor.System));
        rows.Select(r => (r.Row, r.Column, r.RuleId)).ShouldBe([
            (3, "证件号码", "BAT-09"), (4, "证件号码", "BAT-09"), (5, "职业名称", "BAT-09"), (6, "证件号码", "BAT-09"), (6, "联系电话", "BAT-09"),
            (7, "职业技能等级", "BAT-09"),
        ]);
        rows.Single(r => r.Row == 4).Message.ShouldBe("与第2行的考生重复。");
        rows.Single(r => r.Row == 6 && r.Column == "证件号码").Message.ShouldBe("该考生已在本机构另一个未办结的批次中。");
    }

    [Fact]
    public void BAT_06_a_results_sheet_lists_unknown_candidates_and_scores_that_are_not_numbers_and_lets_absent_rows_be_blank()
    {
        var (a, b) = (IdentityNumber("34020219900101123"), IdentityNumber("34020219900101124"));
        var (batch, roster) = PlannedBatch().WithCandidates(("张三", a), ("李四", b));
        var sheet = Sheet(ResultsDecider.SheetColumns(batch).ToArray(),
            [a.ToLowerInvariant(), "张三", "八十", "90", "否"],
            [b, "李四", "", "", "缺考"],
            ["110105194912310021", "某人", "60", "60", "否"]);
        var rows = RefusedRows<CandidateRowError>(() => ResultsDecider.Import(batch, roster, sheet.Rows, [], Policies,
            Now.InUtc().Date, "成绩.xlsx", Now, Actor.System));
        rows.Select(r => (r.Row, r.Column, r.RuleId)).ShouldBe([(2, "理论知识", "BAT-06"), (4, "证件号码", "BAT-06")]);
        rows[0].Message.ShouldBe("理论知识成绩“八十”不是数字。");
        rows[1].Message.ShouldBe("本批次没有证件号码为“110105194912310021”的考生。");
    }

    [Fact]
    public void FIL_01_a_catalog_sheet_is_read_by_any_usual_header_and_becomes_the_entries()
    {
        var sheet = Sheet(["编码", "工种名称", "类型", "所属大类"], ["4-10-01-03", "育婴员", "技能类", "生活照料服务人员"], [null, "焊工", "准入类", null]);
        var imported = CatalogDecider.Import(sheet, File("目录.csv", [1, 2, 3]), Now, Actor.System);
        imported.Entries.Select(e => (e.Name, e.Code, e.Type, e.Group)).ShouldBe([
            ("育婴员", "4-10-01-03", OccupationType.Skill, "生活照料服务人员"), ("焊工", (string?)null, OccupationType.Access, ""),
        ]);
        imported.Entries[0].Source.ShouldBe("管理员导入：目录.csv");
        imported.Sha256.ShouldBe("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
    }

    [Fact]
    public void FIL_01_a_catalog_sheet_with_faulty_rows_is_refused_whole_listing_each_row_column_and_rule()
    {
        var sheet = Sheet(["职业编码", "职业名称", "类别"],
            ["4-10-01-03", "育婴员", "技能类"], ["4-10", "坏编码", "技能类"], [null, null, "准入类"], ["4-10-01-03", "重复", "技能类"], ["5-01-01-01", "农艺工", "未知"]);
        var rows = RefusedRows<CatalogRowError>(() => CatalogDecider.Import(sheet, File("目录.csv"), Now, Actor.System));
        rows.Select(r => (r.Row, r.Field, r.RuleId)).ShouldBe([(3, "职业编码", "FIL-01"), (4, "职业名称", "FIL-01"), (5, "职业编码", "FIL-01"), (6, "类别", "FIL-01")]);
        rows[2].Message.ShouldBe("职业编码4-10-01-03与第2行重复。");
    }

    [Fact]
    public void FIL_01_a_catalog_file_without_its_columns_or_that_is_no_spreadsheet_is_one_refused_row()
    {
        RefusedRows<CatalogRowError>(() => CatalogDecider.Import(Sheet(["职业编码"], ["4-10-01-03"]), File("目录.csv"), Now, Actor.System))
            .Select(r => (r.Row, r.Field)).ShouldBe([(1, "header"), (1, "header")]);
        RefusedRows<CatalogRowError>(() => CatalogDecider.Import(SheetRead.Faulty("仅支持 .xlsx 或 .csv 文件。"), File("目录.txt"), Now, Actor.System))
            .ShouldHaveSingleItem().ShouldBe(new CatalogRowError(0, "file", "仅支持 .xlsx 或 .csv 文件。"));
    }
}
