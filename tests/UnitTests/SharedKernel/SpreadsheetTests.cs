using System.IO.Compression;
using System.Xml.Linq;
using Assessment.SharedKernel.Spreadsheets;
using MiniExcelLibs;

namespace Assessment.UnitTests.SharedKernel;

public class SpreadsheetTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", true)]
    [InlineData("+86 139", true)]
    [InlineData("-1+1", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tcmd", true)]
    [InlineData("\rcmd", true)]
    [InlineData("芜湖奇瑞", false)]
    [InlineData("", false)]
    public void text_a_spreadsheet_would_run_as_a_formula_is_recognised(string text, bool formula) =>
        Spreadsheet.LooksLikeFormula(text).ShouldBe(formula);

    [Fact]
    public async Task a_sheet_has_its_headers_even_without_rows_and_keeps_every_text_exactly()
    {
        using var empty = new MemoryStream();
        await Spreadsheet.WriteAsync(empty, "表", ["姓名", "人数"], []);
        empty.Position = 0;
        MiniExcel.Query(empty).Cast<IDictionary<string, object>>().First().Values.ShouldBe(["姓名", "人数"]);

        using var filled = new MemoryStream();
        await Spreadsheet.WriteAsync(filled, "表", ["姓名", "人数"], [["=1+1", -3], ["张三", 5], ["a\u0001b", null]]);
        filled.Position = 0;
        var rows = MiniExcel.Query(filled, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows[0]["姓名"].ShouldBe("=1+1");
        Convert.ToInt32(rows[0]["人数"]).ShouldBe(-3);
        rows[1]["姓名"].ShouldBe("张三");
        rows.Count.ShouldBe(3);
    }

    [Fact]
    public async Task issue_15_item_12_a_formula_like_cell_is_its_exact_text_in_an_inline_string_styled_quote_prefix_not_a_formula()
    {
        using var file = new MemoryStream();
        await Spreadsheet.WriteAsync(file, "表", ["公式", "普通"], [["=1+1", "张三"]]);
        using var zip = new ZipArchive(new MemoryStream(file.ToArray()), ZipArchiveMode.Read);
        XDocument Part(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            return XDocument.Load(stream);
        }

        var sheet = Part("xl/worksheets/sheet1.xml");
        sheet.Descendants(Main + "f").ShouldBeEmpty();
        var cell = sheet.Descendants(Main + "c").Single(c => (string?)c.Attribute("r") == "A2");
        ((string?)cell.Attribute("t")).ShouldBe("inlineStr");
        cell.Element(Main + "is")!.Element(Main + "t")!.Value.ShouldBe("=1+1");
        var plain = sheet.Descendants(Main + "c").Single(c => (string?)c.Attribute("r") == "B2");
        plain.Attribute("s").ShouldBeNull();

        var styles = Part("xl/styles.xml").Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ToList();
        var style = styles[(int)cell.Attribute("s")!];
        ((string?)style.Attribute("quotePrefix")).ShouldBe("1");
        styles[0].Attribute("quotePrefix").ShouldBeNull();
    }

    [Fact]
    public async Task a_form_without_headers_is_written_row_by_row()
    {
        using var file = new MemoryStream();
        await Spreadsheet.WriteRowsAsync(file, "结果汇总表", [["职业技能等级认定结果汇总表", null], ["合计", 3]]);
        file.Position = 0;
        var rows = MiniExcel.Query(file).Cast<IDictionary<string, object>>().ToList();
        rows[0]["A"].ShouldBe("职业技能等级认定结果汇总表");
        Convert.ToInt32(rows[1]["B"]).ShouldBe(3);
    }
}
