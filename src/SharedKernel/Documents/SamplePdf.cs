using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Assessment.SharedKernel.Documents;

/// <summary>A small but real one-page PDF (it opens in any reader): demo materials and test uploads.</summary>
public static class SamplePdf
{
    /// <param name="label">ASCII text printed on the page (the standard fonts carry no Chinese).</param>
    public static byte[] Create(string label)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText(label, 14, new PdfPoint(56, 760), font);
        return builder.Build();
    }
}
