using Assessment.SharedKernel.Spreadsheets;
using MiniExcelLibs;

namespace Assessment.UnitTests.SharedKernel;

public class SpreadsheetTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+86 139", "'+86 139")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("芜湖奇瑞", "芜湖奇瑞")]
    [InlineData("", "")]
    public void text_a_spreadsheet_would_run_as_a_formula_is_neutralised(string text, string written) =>
        Spreadsheet.Neutralize(text).ShouldBe(written);

    [Fact]
    public async Task a_sheet_has_its_headers_even_without_rows_and_neutralises_every_text_cell_but_not_numbers()
    {
        using var empty = new MemoryStream();
        await Spreadsheet.WriteAsync(empty, "表", ["姓名", "人数"], []);
        empty.Position = 0;
        MiniExcel.Query(empty).Cast<IDictionary<string, object>>().First().Values.ShouldBe(["姓名", "人数"]);

        using var filled = new MemoryStream();
        await Spreadsheet.WriteAsync(filled, "表", ["姓名", "人数"], [["=1+1", -3], ["张三", 5]]);
        filled.Position = 0;
        var rows = MiniExcel.Query(filled, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows[0]["姓名"].ShouldBe("'=1+1");
        Convert.ToInt32(rows[0]["人数"]).ShouldBe(-3);
        rows[1]["姓名"].ShouldBe("张三");
    }
}
