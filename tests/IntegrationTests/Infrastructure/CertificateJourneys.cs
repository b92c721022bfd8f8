using System.Text.Json.Nodes;
using Assessment.SharedKernel.Values;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>Certificates issued through the whole journey: an Anhui batch filed, its number range allocated, its results accepted.</summary>
public static class CertificateJourneys
{
    public static async Task<BatchJourney> AcceptedAnhuiBatch(AppFixture app, Scenarios given, string tag, params string[] names)
    {
        var filing = await new FilingJourney(app.Host, given, app, Jurisdiction.Anhui, tag).Participants();
        var batch = await new BatchJourney(app.Host, given, app, filing, tag).Filed("340200");
        await batch.Draft();
        // CRT-01 [AH]: serials come from the range the provincial center allocated
        await batch.AllocateRange(await given.Reviewer($"{tag}.province", "340000"), "000001", "000100");
        await batch.Accepted(names);
        return batch;
    }

    public static async Task<JsonArray> Certificates(Scenarios given, Caller caller, Guid batchId) =>
        (await given.Get<JsonObject>(caller, $"/api/certificates?batchId={batchId}&pageSize=100"))["items"]!.AsArray();

    /// <summary>
    /// The certificate issued to <paramref name="holderName"/> in a list of certificates, which shows every caller the holder's
    /// name masked (AUD-04: 张小三 → 张*三); <c>GET /api/certificates/{id}</c> shows it in full to those the rule allows.
    /// </summary>
    public static JsonObject OfHolder(this JsonArray certificates, string holderName) =>
        certificates.Single(c => c!["holderName"]!.GetValue<string>() == Masking.Name(holderName))!.AsObject();
}
