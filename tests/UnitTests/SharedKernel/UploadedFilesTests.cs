using System.Text;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Documents;

namespace Assessment.UnitTests.SharedKernel;

public class UploadedFilesTests
{
    [Fact]
    public void a_real_pdf_is_well_formed_and_html_behind_a_pdf_signature_is_not()
    {
        UploadedFiles.IsWellFormed(SamplePdf.Create("ok"), FileSniffer.Pdf).ShouldBeTrue();
        UploadedFiles.IsWellFormed(Encoding.UTF8.GetBytes("%PDF-1.7\n<html><script>x</script></html>"), FileSniffer.Pdf).ShouldBeFalse();
        UploadedFiles.IsWellFormed(Encoding.UTF8.GetBytes("%PDF-"), FileSniffer.Pdf).ShouldBeFalse();
    }

    [Fact]
    public void a_jpeg_must_end_where_a_jpeg_ends() =>
        UploadedFiles.IsWellFormed([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], FileSniffer.Jpeg).ShouldBeFalse();

    [Theory]
    [InlineData("evil.html", "application/pdf", "evil.pdf")]
    [InlineData("photo.PNG.exe", "image/png", "photo.PNG.png")]
    [InlineData("/etc/passwd", "application/pdf", "passwd.pdf")]
    [InlineData("bad\u202Egpj.exe", "image/jpeg", "badgpj.jpg")]
    [InlineData("\"quoted\";name.pdf", "application/pdf", "quotedname.pdf")]
    [InlineData("...", "application/pdf", "文件.pdf")]
    [InlineData("𠮷野家.pdf", "application/pdf", "𠮷野家.pdf")]
    public void a_stored_name_has_no_path_no_control_or_bidirectional_characters_and_the_sniffed_extension(string declared, string type, string stored) =>
        UploadedFiles.SafeName(declared, type).ShouldBe(stored);
}
