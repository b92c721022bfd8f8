using System.IO.Compression;
using System.Text;
using Assessment.SharedKernel.Spreadsheets;

namespace Assessment.UnitTests.SharedKernel;

/// <summary>Issue 15, item 3: the guarded reader checks a file before MiniExcel parses it.</summary>
public class SpreadsheetReaderTests
{
    private static async Task<MemoryStream> Workbook(IEnumerable<object?[]> rows)
    {
        var file = new MemoryStream();
        await Spreadsheet.WriteAsync(file, "表", ["姓名", "证件号码", "备注"], rows);
        file.Position = 0;
        return file;
    }

    [Fact]
    public async Task a_template_file_is_read_into_plain_rows_with_only_the_wanted_columns_blank_rows_left_out_and_every_header_named()
    {
        var read = SpreadsheetReader.Read(await Workbook([["张三", "340202199001014321", "x"], [null, null, null], ["李四", "1", "y"]]),
            SpreadsheetFormat.Xlsx, ["姓名", "证件号码"]);
        (read.Refused, read.Fault).ShouldBe((null, null));
        read.Headers.ShouldBe(["姓名", "证件号码", "备注"]);
        read.Rows.Select(r => r.Row).ShouldBe([2, 4]);
        read.Rows[0].Cells.Keys.ShouldBe(["姓名", "证件号码"], ignoreOrder: true);
        read.Rows[1].Cell("姓名").ShouldBe("李四");
    }

    [Fact]
    public async Task issue_18_item_8_a_workbook_of_several_sheets_is_written_in_order_and_only_its_first_sheet_is_read()
    {
        var file = new MemoryStream();
        await Spreadsheet.WriteAsync(file, [
            new SheetContent("考生", ["姓名", "证件号码"], [["张三", "1"]]),
            new SheetContent("填写说明", ["栏目", "说明"], [["姓名", "必填"], ["证件号码", "必填"]]),
        ]);
        MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(file.ToArray())).ShouldBe(["考生", "填写说明"]);
        MiniExcelLibs.MiniExcel.Query(new MemoryStream(file.ToArray()), useHeaderRow: true, sheetName: "填写说明")
            .Cast<IDictionary<string, object>>().Select(r => r["说明"]).ShouldBe(["必填", "必填"]);
        file.Position = 0;
        var read = SpreadsheetReader.Read(file, SpreadsheetFormat.Xlsx, ["姓名", "证件号码"]);
        (read.Refused, read.Fault).ShouldBe((null, null));
        read.Rows.ShouldHaveSingleItem().Cell("姓名").ShouldBe("张三");
    }

    [Fact]
    public void issue_15_item_3_a_zip_that_understates_a_part_is_never_expanded_beyond_what_it_declares()
    {
        using var honest = new MemoryStream();
        using (var zip = new ZipArchive(honest, ZipArchiveMode.Create, leaveOpen: true))
        using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open())
            part.Write(Encoding.ASCII.GetBytes(new string(' ', 30 * 1024 * 1024)));
        var bytes = honest.ToArray();
        // the uncompressed size sits at offset 22 of the local header and 24 of the central directory entry
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BitConverter.TryWriteBytes(bytes.AsSpan(22, 4), 1000).ShouldBeTrue();
        BitConverter.TryWriteBytes(bytes.AsSpan(central + 24, 4), 1000).ShouldBeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = SpreadsheetReader.Read(new MemoryStream(bytes), SpreadsheetFormat.Xlsx, null);
        (read.Refused is not null || read.Fault is not null).ShouldBeTrue();
        read.Rows.ShouldBeEmpty();
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(10 * 1024 * 1024);
    }

    [Fact]
    public async Task issue_15_item_3_the_time_budget_refuses_naming_the_seconds()
    {
        var file = await Workbook(Enumerable.Range(0, 20_000).Select(i => new object?[] { $"考生{i}", $"{i}", "" }));
        // a budget already spent: deterministic, where 1 ms raced a fast machine's read of the whole file
        var read = SpreadsheetReader.Read(file, SpreadsheetFormat.Xlsx, null, SpreadsheetLimits.Default with { TimeBudget = TimeSpan.Zero });
        read.Refused.ShouldNotBeNull().Problem().Detail.ShouldBe("文件处理超过0秒。请删除多余的内容，或按模板分批导入。");
    }

    [Theory]
    [InlineData("姓名,备注\n张三,\"乙,丙\"\n", null)]
    [InlineData("姓名,备注\n张三,李四,王五\n", "文件超过2列，请只保留模板中的列。")]
    [InlineData("姓名,备注\n张三,\"没有结束的引号\n", "有单元格超过10个字符。")]
    [InlineData("姓名\n1\n2\n3\n4\n", "文件超过3行。")]
    public void issue_15_item_3_a_csv_is_bounded_by_columns_cell_length_and_rows(string csv, string? refusal)
    {
        var limits = SpreadsheetLimits.Default with { MaxColumns = 2, MaxCellChars = 10, MaxRows = 3 };
        var read = SpreadsheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), SpreadsheetFormat.Csv, null, limits);
        read.Refused?.Message.ShouldBe(refusal);
        if (refusal is null) read.Rows.Single().Cell("备注").ShouldBe("乙,丙");
    }
}
