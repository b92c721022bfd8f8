using System.Text;
using Assessment.Certificates.Documents;
using NodaTime;
using QRCoder;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Assessment.UnitTests.Certificates;

public class CertificatePdfTests
{
    private static readonly CertificateFonts Fonts = new();
    private static readonly CertificatePdf Pdf = new(Fonts);
    private const double Mm = 72 / 25.4;

    private static CertificatePrint Print(string holder = "张三丰", string? workType = null, byte[]? photo = null, string number = "S000034020001254000017") =>
        new(number, holder, "居民身份证", "340202********1234", "育婴员", workType, "四级/中级工", new LocalDate(2025, 3, 9),
            "芜湖市某某职业技能培训学校有限责任公司", $"https://cert.example.cn/v/{number}", $"https://cert.example.cn/v/{number}", photo,
            "https://zscx.osta.org.cn/");

    private static byte[] Render(CertificatePrint print)
    {
        using var output = new MemoryStream();
        Pdf.Render(print, output);
        return output.ToArray();
    }

    private static byte[] Render(IEnumerable<CertificatePrint> prints)
    {
        using var output = new MemoryStream();
        Pdf.Render(prints, output);
        return output.ToArray();
    }

    [Fact]
    public void CRT_03_a_certificate_is_one_page_of_landscape_A4()
    {
        using var document = PdfDocument.Open(Render(Print()));

        document.NumberOfPages.ShouldBe(1);
        var page = document.GetPage(1);
        page.Width.ShouldBe(841.89, 1);
        page.Height.ShouldBe(595.28, 1);
    }

    [Fact]
    public void CRT_03_the_border_is_269_by_188_mm_centred_and_2_25_pt()
    {
        using var document = PdfDocument.Open(Render(Print()));

        var border = document.GetPage(1).Paths.Where(p => p.IsStroked).Select(p => (Path: p, Box: p.GetBoundingRectangle()!.Value))
            .OrderByDescending(p => p.Box.Width).First();
        border.Box.Width.ShouldBe(269 * Mm, 1);
        border.Box.Height.ShouldBe(188 * Mm, 1);
        border.Box.Centroid.X.ShouldBe(841.89 / 2, 1);
        border.Box.Centroid.Y.ShouldBe(595.28 / 2, 1);
        ((double)border.Path.LineWidth).ShouldBe(2.25, 0.01);
    }

    [Fact]
    public void CRT_03_prints_the_title_holder_number_organization_and_basic_information()
    {
        var print = Print();
        using var document = PdfDocument.Open(Render(print));

        var text = document.GetPage(1).Text;
        text.ShouldContain("职业技能等级证书");
        text.ShouldContain("本证书由芜湖市某某职业技能培训学校有限责任公司颁发");
        text.ShouldContain(print.HolderName);
        text.ShouldContain(print.Number);
        text.ShouldContain(print.OrganizationName);
        text.ShouldContain("340202********1234"); // as given: masking is the caller's business
        text.ShouldContain("居民身份证");
        text.ShouldContain("育婴员");
        text.ShouldContain("四级/中级工");
        text.ShouldContain("2025年3月9日");
        text.ShouldContain("证书查询网址：https://zscx.osta.org.cn/");
        foreach (var label in (string[])["姓名：", "证件类型：", "证件号码：", "职业名称：", "工种：", "职业技能等级：", "证书编号：", "发证日期：", "评价机构："])
            text.ShouldContain(label);
    }

    [Fact]
    public void CRT_03_a_reprint_carries_its_mark_as_the_last_line_of_the_basic_information_and_a_first_print_none()
    {
        using (var first = PdfDocument.Open(Render(Print())))
            first.GetPage(1).Text.ShouldNotContain("补发");
        using var document = PdfDocument.Open(Render(Print() with { Reprint = new PrintMark("补发日期", new LocalDate(2026, 11, 24)) }));

        var page = document.GetPage(1);
        page.Text.ShouldContain("补发日期：2026年11月24日");
        page.Text.ShouldContain("发证日期：2025年3月9日"); // the issue date stays
        // the mark sits below the organization's line on the right page, still inside the border
        var words = page.GetWords().ToList();
        var mark = words.First(w => w.Text.StartsWith("补发日期"));
        var organization = words.Last(w => w.Text.StartsWith("评价机构"));
        mark.BoundingBox.Bottom.ShouldBeLessThan(organization.BoundingBox.Bottom);
        mark.BoundingBox.Left.ShouldBe(organization.BoundingBox.Left, 1);
        mark.BoundingBox.Bottom.ShouldBeGreaterThan((210 - 188) / 2.0 * Mm);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void CRT_03_an_empty_work_type_prints_a_long_dash(string? workType)
    {
        using var document = PdfDocument.Open(Render(Print(workType: workType)));

        document.GetPage(1).Text.ShouldContain("工种：——");
    }

    [Fact]
    public void CRT_03_a_work_type_is_printed_instead_of_the_dash()
    {
        using var document = PdfDocument.Open(Render(Print(workType: "电工")));

        var text = document.GetPage(1).Text;
        text.ShouldContain("工种：电工");
        text.ShouldNotContain("——");
    }

    [Fact]
    public void CRT_03_the_kai_face_is_embedded_as_a_subset()
    {
        var bytes = Render(Print());
        using var document = PdfDocument.Open(bytes);

        var letters = document.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        letters.ShouldNotBeEmpty();
        letters.ShouldAllBe(l => (l.FontName ?? "").Contains("LXGWWenKai"));
        Encoding.ASCII.GetString(bytes).ShouldContain("/FontFile2");
        // the whole font is 15 MB; HarfBuzz's subset of one certificate's glyphs makes about 29 KB of PDF
        bytes.Length.ShouldBeLessThan(40_000);
    }

    [Fact]
    public void CRT_03_a_rare_character_in_a_name_is_kept_in_the_subset()
    {
        using var document = PdfDocument.Open(Render(Print(holder: "欧阳𠀾娜")));

        document.GetPage(1).Text.ShouldContain("欧阳𠀾娜");
    }

    [Fact]
    public void CRT_03_the_qr_code_is_30_mm_square_and_encodes_the_qr_content()
    {
        var print = Print();
        using var document = PdfDocument.Open(Render(print));
        using var generator = new QRCodeGenerator();
        using var expected = generator.CreateQrCode(print.QrContent, QRCodeGenerator.ECCLevel.M);
        var matrix = expected.ModuleMatrix;
        var modules = matrix.Count; // with the 4-module quiet zone on each side

        // the dark modules are small black filled rectangles on the right half; the finder patterns reach the symbol's corners
        var dark = document.GetPage(1).Paths
            .Where(p => p.IsFilled && p.FillColor is { } c && c.ToRGBValues() == (0, 0, 0))
            .Select(p => p.GetBoundingRectangle()!.Value)
            .Where(r => r.Left > 841.89 / 2 && r.Height < 5)
            .ToList();
        dark.ShouldNotBeEmpty();
        var (left, right) = (dark.Min(r => r.Left), dark.Max(r => r.Right));
        var (bottom, top) = (dark.Min(r => r.Bottom), dark.Max(r => r.Top));
        var cell = (right - left) / (modules - 8);
        (cell * modules).ShouldBe(30 * Mm, 0.5);
        (top - bottom).ShouldBe(right - left, 0.5);

        for (var row = 4; row < modules - 4; row++)
            for (var col = 4; col < modules - 4; col++)
            {
                var x = left + (col - 4 + 0.5) * cell;
                var y = top - (row - 4 + 0.5) * cell;
                var drawn = dark.Any(r => r.Left < x && x < r.Right && r.Bottom < y && y < r.Top);
                drawn.ShouldBe(matrix[row][col], $"module ({row}, {col})");
            }
    }

    [Fact]
    public void CRT_03_the_photo_is_drawn_and_a_missing_photo_leaves_an_empty_box()
    {
        using (var document = PdfDocument.Open(Render(Print(photo: Photo()))))
        {
            var image = document.GetPage(1).GetImages().ShouldHaveSingleItem();
            // 2-inch photo box: 35 mm × 49 mm, the photo fitted inside
            image.BoundingBox.Width.ShouldBeLessThanOrEqualTo(35 * Mm + 0.5);
            image.BoundingBox.Height.ShouldBe(49 * Mm, 0.5);
            document.GetPage(1).Text.ShouldNotContain("照片");
        }
        using (var document = PdfDocument.Open(Render(Print())))
        {
            document.GetPage(1).GetImages().ShouldBeEmpty();
            document.GetPage(1).Text.ShouldNotContain("照片");
        }
    }

    [Fact]
    public void CRT_03_the_seal_is_stamped_40_mm_over_the_issuer_and_the_date_and_no_placeholder_is_printed()
    {
        var seal = Assessment.TestSupport.SealPictures.Seal(400, 400);
        using (var document = PdfDocument.Open(Render(Print() with { Seal = seal })))
        {
            var page = document.GetPage(1);
            var image = page.GetImages().ShouldHaveSingleItem();
            image.BoundingBox.Width.ShouldBe(40 * Mm, 0.5);
            var date = page.GetWords().Last(w => w.Text.Contains("日") && w.Text.Contains("年"));
            // centred on the date line's right part, on the left page
            image.BoundingBox.Centroid.X.ShouldBe(date.BoundingBox.Centroid.X, 20 * Mm);
            image.BoundingBox.Top.ShouldBeGreaterThan(date.BoundingBox.Top);
            image.BoundingBox.Bottom.ShouldBeLessThan(date.BoundingBox.Bottom);
            image.BoundingBox.Right.ShouldBeLessThan(297 * Mm / 2);
            page.Text.ShouldNotContain("印章");
        }
        using (var document = PdfDocument.Open(Render(Print())))
            document.GetPage(1).Text.ShouldNotContain("印章");
    }

    [Fact]
    public void CRT_03_an_uploaded_photo_as_the_batches_module_normalizes_it_fills_the_2_inch_box_and_keeps_the_pdf_small()
    {
        // a phone picture in landscape: cropped to 35:49 and scaled to 413 × 579 px before it reaches the printer
        var upload = Assessment.UnitTests.Batches.CandidatePhotoTests.Image(1600, 1200, SKEncodedImageFormat.Jpeg, SKColors.LightGray);
        var normalized = Assessment.Batches.Candidates.CandidatePhotoImages.Normalize(upload).ShouldNotBeNull();
        var pdf = Render(Print(photo: normalized));
        using var document = PdfDocument.Open(pdf);
        var image = document.GetPage(1).GetImages().ShouldHaveSingleItem();
        image.BoundingBox.Width.ShouldBe(35 * Mm, 0.5);
        image.BoundingBox.Height.ShouldBe(49 * Mm, 0.5);
        (image.WidthInSamples, image.HeightInSamples).ShouldBe((413, 579));
        pdf.Length.ShouldBeLessThan(Render(Print()).Length + 400_000);
    }

    [Fact]
    public void CRT_03_an_undecodable_photo_is_refused()
    {
        using var output = new MemoryStream();

        Should.Throw<ArgumentException>(() => Pdf.Render(Print(photo: [1, 2, 3]), output)).Message.ShouldContain("照片无法解码");
    }

    [Fact]
    public void CRT_03_the_pdf_names_the_certificate_and_the_product()
    {
        using var document = PdfDocument.Open(Render(Print()));

        document.Information.Title.ShouldBe("职业技能等级证书 S000034020001254000017");
        document.Information.Creator.ShouldBe("职业技能等级认定服务平台");
    }

    [Fact]
    public void CRT_03_several_certificates_print_a_page_each_in_order()
    {
        // more than one font-subset chunk (50 certificates)
        var prints = Enumerable.Range(1, 53).Select(i => Print(holder: $"持证人{i}", number: $"S000034020001254{i:000000}")).ToList();
        using var document = PdfDocument.Open(Render(prints));

        document.NumberOfPages.ShouldBe(53);
        foreach (var i in (int[])[1, 2, 50, 51, 53])
        {
            var text = document.GetPage(i).Text;
            text.ShouldContain($"持证人{i}");
            text.ShouldContain($"S000034020001254{i:000000}");
        }
        document.Information.Title.ShouldBe("职业技能等级证书 S000034020001254000001 等");
    }

    [Fact]
    public void CRT_03_the_certificates_are_read_once_as_a_stream_and_the_output_stays_open()
    {
        var reads = 0;
        IEnumerable<CertificatePrint> Prints()
        {
            reads++;
            yield return Print(holder: "甲");
            yield return Print(holder: "乙");
        }
        using var output = new MemoryStream();

        Pdf.Render(Prints(), output);

        reads.ShouldBe(1);
        output.CanWrite.ShouldBeTrue();
        using var document = PdfDocument.Open(output.ToArray());
        document.NumberOfPages.ShouldBe(2);
        document.Information.Title.ShouldBe("职业技能等级证书 S000034020001254000017 等");
    }

    [Fact]
    public void CRT_03_an_empty_list_of_certificates_is_refused()
    {
        using var output = new MemoryStream();

        Should.Throw<ArgumentException>(() => Pdf.Render([], output));
    }

    [Fact]
    public void CRT_03_a_missing_font_fails_at_construction_naming_the_debian_package()
    {
        var error = Should.Throw<InvalidOperationException>(() => new CertificateFonts(["/nonexistent/LXGWWenKai-Regular.ttf"]));

        error.Message.ShouldContain("fonts-lxgw-wenkai");
        error.Message.ShouldContain("请安装");
        error.Message.ShouldContain("/nonexistent/LXGWWenKai-Regular.ttf");
    }

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(350, 490);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.SteelBlue };
            canvas.DrawCircle(175, 180, 90, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
