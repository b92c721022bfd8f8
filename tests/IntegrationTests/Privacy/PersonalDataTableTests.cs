using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Values;

namespace Assessment.IntegrationTests.Privacy;

/// <summary>
/// Issue 16, AUD-04, BAT-09: every endpoint that returns personal data, called by every role and relation — full, masked or
/// nothing as the one rule's table says — and for each answer in full exactly one read record with its purpose, none otherwise.
/// </summary>
public class PersonalDataTableTests(AppFixture app) : IntegrationTest(app)
{
    private enum Gets { Full, Masked, Refused, Hidden, SignInFirst }

    // role × relation → what one record / a PDF / an export gives (README "Personal data")
    private static readonly (string Caller, Gets Record, Gets Export)[] Table =
    [
        ("own organization", Gets.Full, Gets.Full),
        ("receiving authority", Gets.Full, Gets.Full),
        ("auditor", Gets.Full, Gets.Full),
        ("organization's system", Gets.Full, Gets.Full),
        ("receiving authority's system", Gets.Full, Gets.Full),
        ("authority above (province)", Gets.Masked, Gets.Refused),
        ("authority above (nation)", Gets.Masked, Gets.Refused),
        ("province's system", Gets.Masked, Gets.Refused),
        ("inspector of the receiving authority", Gets.Masked, Gets.Refused),
        ("administrator", Gets.Masked, Gets.Refused),
        ("another city", Gets.Hidden, Gets.Hidden),
        ("other organization", Gets.Hidden, Gets.Hidden),
        ("expert", Gets.Hidden, Gets.Hidden),
        ("anonymous", Gets.SignInFirst, Gets.SignInFirst),
    ];

    [Fact]
    public async Task issue_16_AUD_04_every_personal_data_endpoint_answers_each_role_and_relation_as_the_table_says_and_each_full_answer_is_one_read()
    {
        var w = await PersonalDataWorld.BuildAsync(App, Given);
        w.Callers.Keys.Order().ShouldBe(Table.Select(t => t.Caller).Order(), "every caller of the world is in the table");
        var b = w.Batch;
        // one record: the JSON names the person; the exports carry the numbers in a file
        (string Url, string Operation, bool Record, Func<JsonObject, (string Name, string Number)>? Person)[] endpoints =
        [
            ($"/api/certificates/{w.CertificateId}", "getCertificate", true, j => (Text(j, "holderName"), Text(j, "documentNumber"))),
            ($"/api/batches/{b.BatchId}/candidates/{w.CandidateId}", "getBatchCandidate", false, j => (Text(j, "name"), Text(j, "documentNumber"))),
            ($"/api/certificate-corrections/{w.CorrectionId}", "getCertificateCorrection", true,
                j => (j["previous"]!["name"]!.GetValue<string>(), j["previous"]!["documentNumber"]!.GetValue<string>())),
            ($"/api/certificates/{w.CertificateId}/pdf", "downloadCertificatePdf", false, null),
            ($"/api/batches/{b.BatchId}/report/certificates", "downloadCertificateTable", false, null),
            ($"/api/certificate-issuances/{b.BatchId}/certificate-table", "downloadIssuedCertificateTable", false, null),
            ($"/api/certificate-issuances/{b.BatchId}/pdfs", "downloadBatchCertificates", false, null),
        ];
        var seen = (await ReadLog.AllAsync(App)).Select(r => r.Id).ToHashSet();
        foreach (var (callerName, record, export) in Table)
        {
            var caller = w.Callers[callerName];
            foreach (var (url, operation, opensMasked, person) in endpoints)
            {
                // the candidate endpoint, PDFs and exports have no masked form: those without full access are refused
                var expected = person is not null && (opensMasked || record != Gets.Masked) ? record : export;
                var result = await Host.Scenario(s =>
                {
                    s.As(caller);
                    s.Get.Url(url);
                    s.StatusCodeShouldBe(expected switch
                    {
                        Gets.Full or Gets.Masked => HttpStatusCode.OK,
                        Gets.Refused => HttpStatusCode.Forbidden,
                        Gets.Hidden => HttpStatusCode.NotFound,
                        _ => HttpStatusCode.Unauthorized,
                    });
                });
                var because = $"{callerName} → {operation}";
                if (person is not null && expected is Gets.Full or Gets.Masked)
                {
                    var (name, number) = person((await result.ReadAsJsonAsync<JsonObject>())!);
                    name.ShouldBe(expected == Gets.Full ? w.FullName : Masking.Name(w.FullName), because);
                    number.ShouldBe(expected == Gets.Full ? w.FullNumber : Masking.Document(w.FullNumber), because);
                }
                if (expected == Gets.Full && person is null) await OpenedFileHoldsThePerson(result, operation, w, because);
                var added = (await ReadLog.AllAsync(App)).Where(r => seen.Add(r.Id)).ToList();
                added.Count.ShouldBe(expected == Gets.Full ? 1 : 0, because);
                if (expected == Gets.Full)
                {
                    var read = added[0];
                    (read.Operation, read.Purpose).ShouldBe((operation, ReadPurpose.Review), because);
                    read.Fields.ShouldContain(PersonalField.IdentityNumber, because);
                    if (person is not null) read.PersonKey.ShouldBe(ConsultedPerson.PersonKey(201, w.FullNumber), because);
                    else if (operation != "downloadCertificatePdf") (read.BatchId, read.RowCount).ShouldBe((b.BatchId, 2), because);
                }
            }
        }
    }

    [Fact]
    public async Task issue_16_BAT_09_lists_show_everyone_masked_data_and_record_no_read()
    {
        var w = await PersonalDataWorld.BuildAsync(App, Given);
        var reads = (await ReadLog.AllAsync(App)).Count;
        foreach (var callerName in new[] { "own organization", "receiving authority", "auditor", "authority above (province)", "organization's system" })
        {
            var caller = w.Callers[callerName];
            var roster = (await Given.Get<JsonObject>(caller, $"/api/batches/{w.Batch.BatchId}"))["candidates"]!.AsArray();
            roster.Select(c => Text(c!, "documentNumber")).ShouldAllBe(n => n.Contains("**********"), callerName);
            roster.Select(c => Text(c!, "name")).ShouldContain(Masking.Name(w.FullName), callerName);
            var certificates = (await Given.Get<JsonObject>(caller, $"/api/certificates?batchId={w.Batch.BatchId}"))["items"]!.AsArray();
            certificates.Select(c => Text(c!, "documentNumber")).ShouldAllBe(n => n.Contains("**********"), callerName);
            var corrections = (await Given.Get<JsonObject>(caller, "/api/certificate-corrections"))["items"]!.AsArray();
            corrections.Select(c => c!["previous"]!["documentNumber"]!.GetValue<string>()).ShouldAllBe(n => n.Contains("**********"), callerName);
            var history = await Given.Get<JsonObject>(caller, $"/api/certificates/{w.CertificateId}/history");
            history["corrections"]!.AsArray().Select(c => c!["proposed"]!["name"]!.GetValue<string>()).ShouldAllBe(n => n.Contains('*'), callerName);
        }
        (await ReadLog.AllAsync(App)).Count.ShouldBe(reads);
        var staff = await Given.Get<JsonArray>(w.Batch.Organization, "/api/batches/staff");
        staff.Select(s => Text(s!, "documentNumber")).ShouldAllBe(n => n.Contains("**********"));
    }

    private static string Text(JsonNode node, string property) => node[property]!.GetValue<string>();

    /// <summary>What the user gets: the PDF is a PDF, the zip holds a PDF per certificate, the sheet names the person in full.</summary>
    private static async Task OpenedFileHoldsThePerson(Alba.IScenarioResult result, string operation, PersonalDataWorld w, string because)
    {
        using var file = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(file);
        var bytes = file.ToArray();
        switch (operation)
        {
            case "downloadCertificatePdf":
                System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-", because);
                break;
            case "downloadBatchCertificates":
                using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes)))
                    zip.Entries.Count(e => e.Name.EndsWith(".pdf", StringComparison.Ordinal)).ShouldBe(2, because);
                break;
            default:
                var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
                rows.Select(r => r["证件号码"]?.ToString()).ShouldContain(w.FullNumber, because);
                rows.Select(r => r["姓名"]?.ToString()).ShouldContain(w.FullName, because);
                break;
        }
    }
}
