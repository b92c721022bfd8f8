using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Wolverine.Tracking;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>CRT-01 [AH]: certificate serials from ranges the provincial center allocates; issuance halts where they end and resumes.</summary>
public class CertificateRangeTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<BatchJourney> AnhuiBatch(string tag)
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, tag).Participants();
        var batch = await new BatchJourney(Host, Given, App, filing, tag).Filed("340200");
        await batch.Draft();
        return batch;
    }

    private async Task<JsonObject> Resume(BatchJourney b, Caller caller, long version, HttpStatusCode status = HttpStatusCode.OK)
    {
        JsonObject result = null!;
        await Host.ExecuteAndWaitAsync(async () =>
            result = await b.Send(caller, $"/api/certificate-issuances/{b.BatchId}/resume", new { version }, status));
        return result;
    }

    private async Task<List<string>> Numbers(BatchJourney b) =>
        (await Given.Get<JsonObject>(b.Organization, $"/api/certificates?batchId={b.BatchId}&pageSize=100"))["items"]!.AsArray()
        .Select(i => i!["number"]!.GetValue<string>()).Order().ToList();

    private static IEnumerable<string> Expected(BatchJourney b, params int[] serials) =>
        serials.Select(s => $"{b.Batch["filingNumber"]!.GetValue<string>()}{b.Today.Year % 100:D2}4{s:D6}");

    private static (string RuleId, string Code) Rule(JsonObject problem) =>
        (problem["rules"]![0]!["ruleId"]!.GetValue<string>(), problem["rules"]![0]!["code"]!.GetValue<string>());

    private static (int Done, int Total, string Status) Progress(JsonObject p) =>
        (p["done"]!.GetValue<int>(), p["total"]!.GetValue<int>(), p["status"]!.GetValue<string>());

    [Fact]
    public async Task CRT_01_an_anhui_issuance_halts_where_its_ranges_end_and_resumes_after_the_provincial_center_allocates_more()
    {
        var b = await AnhuiBatch("rng");
        var province = await Given.Reviewer("rng.province", "340000");
        await b.Accepted("甲一", "乙二", "丙三", "丁四", "戊五");

        // no range at all: halted before the first certificate, saying which level lacks one and who allocates
        var progress = await b.Issuance(b.Organization);
        Progress(progress).ShouldBe((0, 5, "Halted"));
        progress["haltedRule"]!.GetValue<string>().ShouldBe("CRT-01");
        progress["haltedReason"]!.GetValue<string>().ShouldBe($"本机构{b.Today.Year}年四级/中级工证书尚未分配编号号段，请安徽省职业技能鉴定指导中心分配号段后恢复发证。");
        progress["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["resumeIssuance"]);
        Rule(await Resume(b, b.Organization, progress["version"]!.GetValue<long>(), HttpStatusCode.UnprocessableEntity))
            .ShouldBe(("CRT-01", "certificate.no-serial-range"));
        (await Numbers(b)).ShouldBeEmpty();

        // a range too small for the batch: two certificates, then halted again at its end
        var allocated = await b.AllocateRange(province, "000001", "000002");
        allocated["ranges"]!.AsArray().Single()!["remaining"]!.GetValue<int>().ShouldBe(2);
        allocated["nextSerial"]!.GetValue<string>().ShouldBe("000001");
        allocated["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["allocateCertificateRange"]);
        await Resume(b, b.Organization, progress["version"]!.GetValue<long>());
        progress = await b.Issuance(b.Organization);
        Progress(progress).ShouldBe((2, 5, "Halted"));
        progress["haltedReason"]!.GetValue<string>().ShouldContain("四级/中级工证书编号号段已用完（000001–000002）");
        (await Numbers(b)).ShouldBe(Expected(b, 1, 2));
        Rule(await Resume(b, b.Organization, progress["version"]!.GetValue<long>(), HttpStatusCode.UnprocessableEntity))
            .ShouldBe(("CRT-01", "certificate.serial-ranges-exhausted"));

        // the usage moved on since the allocation was answered: its version is stale; an overlapping range is refused
        await b.AllocateRange(province, "000003", "000010", status: HttpStatusCode.Conflict, version: allocated["version"]!.GetValue<long>());
        Rule(await b.AllocateRange(province, "000002", "000005", status: HttpStatusCode.UnprocessableEntity))
            .ShouldBe(("CRT-01", "certificate.range-overlaps"));
        (await b.AllocateRange(province, "12345", "000005", status: HttpStatusCode.BadRequest))["errors"]!["from"].ShouldNotBeNull();
        await b.AllocateRange(province, "000003", "000010");

        await Resume(b, b.Organization, progress["version"]!.GetValue<long>() + 1, HttpStatusCode.Conflict);
        await Resume(b, b.Organization, progress["version"]!.GetValue<long>());
        Progress(await b.Issuance(b.Organization)).ShouldBe((5, 5, "Completed"));
        (await Numbers(b)).ShouldBe(Expected(b, 1, 2, 3, 4, 5)); // in order, no duplicates, no holes inside the ranges

        var ranges = (await b.Ranges(province))!;
        ranges["ranges"]!.AsArray().Select(r => (r!["from"]!.GetValue<string>(), r["used"]!.GetValue<int>(), r["remaining"]!.GetValue<int>()))
            .ShouldBe([("000001", 2, 0), ("000003", 3, 5)]);
        (ranges["allocated"]!.GetValue<int>(), ranges["used"]!.GetValue<int>(), ranges["nextSerial"]!.GetValue<string>()).ShouldBe((10, 5, "000006"));
        ranges["ranges"]![1]!["documentNumber"]!.GetValue<string>().ShouldBe("皖职鉴〔2026〕8号");
        ranges["ranges"]![1]!["allocatedByAuthority"]!.GetValue<string>().ShouldBe("340000");

        var done = await b.Issuance(b.Organization);
        done["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["downloadBatchCertificates", "downloadIssuedCertificateTable"]);
        Rule(await Resume(b, b.Organization, done["version"]!.GetValue<long>(), HttpStatusCode.UnprocessableEntity))
            .ShouldBe(("CRT-02", "issuance.not-halted"));
    }

    [Fact]
    public async Task CRT_05_ranges_and_resuming_belong_to_the_organization_and_the_authorities_over_it_others_get_404_and_a_stale_version_409()
    {
        var b = await AnhuiBatch("rbola");
        var province = await Given.Reviewer("rbola.province", "340000");
        await b.AllocateRange(province, "000001", "000001");
        await b.Accepted("甲一", "乙二");
        var progress = await b.Issuance(b.Organization);
        Progress(progress).ShouldBe((1, 2, "Halted"));
        var version = progress["version"]!.GetValue<long>();

        var (stranger, _) = await Given.Organization("rbola.other", "340200", "另一家评价中心", serial: 7);
        var guangxi = await Given.Reviewer("rbola.gx", "450000");
        var hefei = await Given.Reviewer("rbola.hefei", "340100");
        foreach (var caller in new[] { stranger, guangxi, hefei })
        {
            await Host.Scenario(s => { s.As(caller); s.Get.Url($"/api/certificate-issuances/{b.BatchId}"); s.StatusCodeShouldBe(404); });
            await b.Send(caller, $"/api/certificate-issuances/{b.BatchId}/resume", new { version = version + 5 }, HttpStatusCode.NotFound); // hidden before stale
            (await Given.Get<JsonObject>(caller, "/api/certificate-ranges"))["items"]!.AsArray().ShouldBeEmpty();
        }
        // another province's or another city's reviewer cannot see the organization; an organization is no authority
        await b.AllocateRange(guangxi, "000002", "000010", status: HttpStatusCode.NotFound, version: 99);
        await b.AllocateRange(hefei, "000002", "000010", status: HttpStatusCode.NotFound, version: 99);
        await b.AllocateRange(stranger, "000002", "000010", status: HttpStatusCode.Forbidden, version: 1);
        // who sees it but is not the provincial center may not allocate (the national center, the city)
        var national = await Given.Reviewer("rbola.national", "000000");
        (await b.AllocateRange(national, "000002", "000010", status: HttpStatusCode.Forbidden, version: 2))["detail"]!.GetValue<string>()
            .ShouldContain("安徽省职业技能鉴定指导中心");
        await b.AllocateRange(b.Reviewer, "000002", "000010", status: HttpStatusCode.Forbidden, version: 2);
        await b.AllocateRange(province, "000002", "000010", status: HttpStatusCode.Conflict, version: 0);

        // the organization sees its ranges without the allocation; the city center over the batch may resume it too
        var own = (await b.Ranges(b.Organization))!;
        own["actions"]!.AsArray().ShouldBeEmpty();
        own["remaining"]!.GetValue<int>().ShouldBe(0);
        (await b.Issuance(b.Reviewer))["actions"]!.AsArray().Select(a => a!.GetValue<string>())
            .ShouldBe(["resumeIssuance", "downloadBatchCertificates", "downloadIssuedCertificateTable"]);
        await Resume(b, b.Reviewer, version - 1, HttpStatusCode.Conflict);
        Rule(await Resume(b, b.Reviewer, version, HttpStatusCode.UnprocessableEntity)).ShouldBe(("CRT-01", "certificate.serial-ranges-exhausted"));
        await b.AllocateRange(province, "000002", "000002");
        await Resume(b, b.Reviewer, version);
        Progress(await b.Issuance(b.Organization)).ShouldBe((2, 2, "Completed"));
        (await Numbers(b)).ShouldBe(Expected(b, 1, 2));
    }

    [Fact]
    public async Task CRT_01_outside_anhui_serials_are_counted_from_000001_as_before_and_no_range_is_allocated()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Guangxi, "rgx").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "rgx") { Site = "450100" }.Filed("450000");
        await b.Draft();
        Rule(await b.AllocateRange(b.Reviewer, "000001", "000100", status: HttpStatusCode.UnprocessableEntity))
            .ShouldBe(("CRT-01", "certificate.ranges-not-used"));

        await b.Accepted("甲一", "乙二");
        Progress(await b.Issuance(b.Organization)).ShouldBe((2, 2, "Completed"));
        (await Numbers(b)).ShouldBe(Expected(b, 1, 2));
        (await b.Ranges(b.Reviewer)).ShouldBeNull();
    }
}
