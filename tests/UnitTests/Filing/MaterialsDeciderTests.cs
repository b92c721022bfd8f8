using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Calendar;
using NodaTime;

namespace Assessment.UnitTests.Filing;

public class MaterialsDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);
    private static readonly PolicyCatalog Catalog = new(PolicyCatalog.LoadShipped(), new WorkingDayCalendar(CalendarData.LoadShipped()).LayerIds);
    private static readonly byte[] Pdf = Assessment.SharedKernel.Documents.SamplePdf.Create("test");
    /// <summary>A real 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static readonly byte[] Zip = "PK\x03\x04 not a pdf"u8.ToArray();

    private static FilingApplication Draft(string jurisdiction = "hubei-huangshi") => ApplicationBuilder.Drafted(jurisdiction, "city", "420281");

    private static string Code(Action act) => Should.Throw<BusinessRuleException>(act).Violations.Single().Code;

    [Fact]
    public void FIL_10_the_type_comes_from_the_content_and_the_sha256_is_recorded()
    {
        var attached = MaterialsDecider.Attach(Draft(), 2, new UploadedFile("证书.png", "image/png", Png), Guid.NewGuid(), Now, Actor.System);
        attached.ContentType.ShouldBe("image/png");
        attached.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)));
        attached.Size.ShouldBe(Png.Length);
        // no declaration at all: the content decides
        MaterialsDecider.Attach(Draft(), 2, new UploadedFile("scan", null, Pdf), Guid.NewGuid(), Now, Actor.System).ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public void FIL_10_a_file_declared_pdf_that_is_something_else_is_refused()
    {
        Code(() => MaterialsDecider.Attach(Draft(), 1, new UploadedFile("表.pdf", "application/pdf", Zip), Guid.NewGuid(), Now, Actor.System))
            .ShouldBe("material.type-not-allowed");
        Code(() => MaterialsDecider.Attach(Draft(), 1, new UploadedFile("表.pdf", "application/pdf", Png), Guid.NewGuid(), Now, Actor.System))
            .ShouldBe("material.content-mismatch");
        Code(() => MaterialsDecider.Attach(Draft(), 1, new UploadedFile("表.pdf", "application/pdf", []), Guid.NewGuid(), Now, Actor.System))
            .ShouldBe("material.empty");
    }

    [Fact]
    public void FIL_10_pledges_are_taken_only_for_the_items_the_policy_allows_and_are_produced_by_a_later_upload()
    {
        var hb = Draft();
        hb.Apply(MaterialsDecider.Pledge(hb, Catalog.Get("hubei-huangshi"), new PledgeMaterial(1, 4, "评估前提交专家证明"), Now, Actor.System));
        Code(() => MaterialsDecider.Pledge(hb, Catalog.Get("hubei-huangshi"), new PledgeMaterial(1, 2, "承诺"), Now, Actor.System))
            .ShouldBe("material.not-pledgeable");
        Code(() => MaterialsDecider.Pledge(Draft("anhui"), Catalog.Get("anhui"), new PledgeMaterial(1, 4, "承诺"), Now, Actor.System))
            .ShouldBe("material.not-pledgeable");

        hb.Apply(new ApplicationSubmitted(hb.Id, new LocalDate(2026, 9, 1), Now, "420200", null, null, [], [], Actor.System));
        Code(() => MaterialsDecider.Attach(hb, 4, new UploadedFile("证明.pdf", null, Pdf), Guid.NewGuid(), Now, Actor.System)).ShouldBe("material.not-editable");
        hb.Apply(new ApplicationAccepted(hb.Id, "420200", null, [], Now, Actor.System));
        var produced = MaterialsDecider.Attach(hb, 4, new UploadedFile("证明.pdf", null, Pdf), Guid.NewGuid(), Now, Actor.System);
        hb.Apply(produced);
        hb.Pledges.Single().ProducedAt.ShouldBe(Now);
        Code(() => MaterialsDecider.Attach(hb, 3, new UploadedFile("方案.pdf", null, Pdf), Guid.NewGuid(), Now, Actor.System)).ShouldBe("material.not-editable");
    }
}

public class FileSnifferTests
{
    [Theory]
    [InlineData("application/pdf", "x.bin", "application/pdf")]
    [InlineData("application/octet-stream", "扫描件", null)]
    [InlineData(null, "证书.JPG", "image/jpeg")]
    [InlineData("application/octet-stream", "方案.pdf", "application/pdf")]
    [InlineData("application/zip", "方案", "application/zip")]
    public void FIL_10_the_declared_type_comes_from_the_content_type_or_the_extension_and_generic_types_claim_nothing(
        string? contentType, string fileName, string? expected) =>
        Assessment.SharedKernel.FileSniffer.Declared(contentType, fileName).ShouldBe(expected);
}
