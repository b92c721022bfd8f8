using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Assessment.Certificates.Credentials;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;
using Wolverine.Http;
using Marten;


namespace Assessment.Certificates.Verification;

public static class VerifyCertificateEndpoint
{
    /// <summary>
    /// CRT-04 public verification: certificate number and the holder's name. A number alone reveals nothing (numbers are
    /// sequential): a name that does not match answers "not found", exactly like an unknown number.
    /// </summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicLookup)]
    [WolverineGet("/api/public/certificates/verify", OperationId = "verifyCertificate", Summary = "证书查询验证")]
    [ProducesResponseType<VerificationAnswer>(200)]
    public static async Task<IResult> Get(string? number, string? name, IQuerySession session, PublicCertificates answers, LookupLog log,
        HttpContext http, Instant now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CertificateNumber.TryParse(number, out var parsed)) errors["number"] = ["请填写22位证书编号。"];
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50) errors["name"] = ["请填写持证人姓名。"];
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));
        var row = await session.Registry().FindByNumberAsync(parsed.Value, ct);
        if (row is not null && row.HolderName != name!.Trim()) row = null;
        if (row is not null) await log.RecordAsync(row.Id, row.Number, "number-and-name", Who(http), now);
        return Results.Ok(await answers.AnswerAsync(row, ct));
    }

    internal static string Who(HttpContext http)
    {
        var user = CurrentUser.From(http.User);
        return user.IsAuthenticated ? $"{user.Role}:{user.Id}" : $"ip:{http.Connection.RemoteIpAddress}";
    }
}

/// <summary>
/// What a QR link shows: the certificate, its verifiable credential and the signed offline payload to check, and which print
/// the scanned paper is (<see cref="PrintNumber"/>; the certificate's current one is <c>Certificate.PrintNumber</c>).
/// </summary>
public sealed record LinkAnswer(VerificationResultKind Result, PublicCertificate? Certificate, string? Credential, string? Payload,
    int? PrintNumber = null);

public static class VerifyLinkEndpoint
{
    public const string VcJwt = "application/vc+jwt";

    /// <summary>
    /// The certificate behind a QR link's unguessable token. By content negotiation: with <c>Accept: application/vc+jwt</c> the
    /// current print's verifiable credential itself (the compact JWS, as signed when the print was made: every call answers the
    /// same bytes); otherwise the JSON view with that credential and the offline payload. A superseded or unknown link has no
    /// credential: as vc+jwt it answers 404.
    /// </summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicLookup)]
    [WolverineGet("/api/public/certificates/links/{token}", OperationId = "verifyCertificateLink", Summary = "扫码验证证书")]
    // ASP.NET Core 10 keeps one response type per status code (dotnet/aspnetcore#56177); MediaTypesOperationFilter puts both
    // forms in the document
    [ProducesResponseType<LinkAnswer>(200, "application/json")]
    [ProducesResponseType<string>(200, VcJwt)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string token, IQuerySession session, PublicCertificates answers, SigningKeys keys,
        CertificatesOptions options, LookupLog log, HttpContext http, Instant now, CancellationToken ct)
    {
        var asJws = WantsVcJwt(http.Request);
        http.Response.Headers.Vary = "Accept";
        var row = token.Length is < 16 or > 64 ? null : await session.Registry().FindByTokenAsync(token, ct);
        if (row is null)
        {
            if (asJws) return Results.Problem(Problems.NotFound("证书凭证"));
            // each print carries its own token: a lost or replaced paper answers "superseded", never "valid", while the certificate stands
            if (token.Length is < 16 or > 64 || await session.Registry().FindPrintByTokenAsync(token, ct) is not { } print
                || await session.Registry().FindAsync(print.CertificateId, ct) is not { } current)
                return Results.Ok(new LinkAnswer(VerificationResultKind.NotFound, null, null, null));
            await log.RecordAsync(current.Id, current.Number, "qr-link-superseded", VerifyCertificateEndpoint.Who(http), now);
            var known = await answers.AnswerAsync(current, ct);
            return Results.Ok(new LinkAnswer(
                known.Result == VerificationResultKind.Revoked ? VerificationResultKind.Revoked : VerificationResultKind.Superseded,
                known.Certificate, null, null, print.PrintNumber));
        }
        await log.RecordAsync(row.Id, row.Number, "qr-link", VerifyCertificateEndpoint.Who(http), now);
        var key = await keys.CurrentAsync(ct);
        // a row from before credentials were kept with their print is signed here, still dated by its issue date
        var credential = row.Credential ?? PublicCertificates.Credential(row, key, options);
        if (asJws) return Results.Text(credential, VcJwt);
        var answer = await answers.AnswerAsync(row, ct);
        // the QR payload as signed with the print, like the credential: two calls answer the same bytes
        var payload = row.QrPayload ?? CredentialIssuer.IssueQrPayload(PublicCertificates.Claims(row), key);
        return Results.Ok(new LinkAnswer(answer.Result, answer.Certificate, credential, payload, row.PrintNumber));
    }

    /// <summary>
    /// Whether the request prefers application/vc+jwt: listed with a weight above zero and at least that of any JSON it accepts
    /// (application/json, application/*, */*). No Accept, or a browser's, answers JSON.
    /// </summary>
    public static bool WantsVcJwt(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted is not { Count: > 0 }) return false;
        double Weight(Func<string, bool> matches) =>
            accepted.Where(a => matches(a.MediaType.Value ?? "")).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var jws = Weight(m => m.Equals(VcJwt, StringComparison.OrdinalIgnoreCase));
        var json = Weight(m => m is "*/*" or "application/*" || m.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        return jws > 0 && jws >= json;
    }
}

public static class CredentialUrls
{
    public static string Issuer(CertificatesOptions options) => options.PublicBaseUrl.TrimEnd('/');

    public static int ListOf(int statusIndex) => statusIndex / BitstringStatusList.MinimumLength;

    public static string StatusList(CertificatesOptions options, int statusIndex) =>
        $"{Issuer(options)}/api/public/certificates/status-lists/{ListOf(statusIndex)}";
}

public static class PublicKeysEndpoint
{
    /// <summary>The keys certificates are signed with (JWKS): a verifier app checks QR payloads and credentials offline.</summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicRead)]
    [WolverineGet("/api/public/certificates/jwks", OperationId = "getCertificateKeys", Summary = "证书验签公钥")]
    [ProducesResponseType<JsonObject>(200, "application/jwk-set+json")]
    public static async Task<IResult> Get(SigningKeys keys, HttpContext http, CancellationToken ct)
    {
        var set = new JsonObject { ["keys"] = new JsonArray((await keys.PublishedAsync(ct)).Select(k => (JsonNode)k.ToJwk()).ToArray()) };
        return PublicCache.Text(http, set.ToJsonString(), "application/jwk-set+json", PublicCache.CredentialsMaxAge);
    }
}

public static class StatusListEndpoint
{
    /// <summary>W3C Bitstring Status List (revocation) as a signed credential (application/vc+jwt); bit n is certificate status index n.</summary>
    /// <summary>
    /// The last list signed per list id, with what it says: ES256 signatures differ at each signing, so an unchanged list
    /// is answered with the same body (and ETag) until a revocation or a new key changes it.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Issuer, int ListId), (string Encoded, string Kid, string Body)> Signed = new();

    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicRead)]
    [WolverineGet("/api/public/certificates/status-lists/{listId}", OperationId = "getCertificateStatusList", Summary = "证书撤销状态列表")]
    [ProducesResponseType<string>(200, "application/vc+jwt")]
    public static async Task<IResult> Get(int listId, IQuerySession session, SigningKeys keys, CertificatesOptions options, Instant now,
        HttpContext http, CancellationToken ct)
    {
        if (listId is < 0 or > 10_000) return Results.Problem(Problems.NotFound("状态列表"));
        var from = listId * BitstringStatusList.MinimumLength;
        var revoked = await session.Registry().RevokedIndexesAsync(from, from + BitstringStatusList.MinimumLength, ct);
        var encoded = BitstringStatusList.Encode(revoked.Select(i => i - from));
        var key = await keys.CurrentAsync(ct);
        var issuer = CredentialUrls.Issuer(options);
        if (!Signed.TryGetValue((issuer, listId), out var last) || last.Encoded != encoded || last.Kid != key.Kid)
        {
            var credential = BitstringStatusList.StatusListCredential(encoded, CredentialUrls.StatusList(options, from), issuer, now);
            last = (encoded, key.Kid, BitstringStatusList.IssueVcJwt(credential, key));
            Signed[(issuer, listId)] = last;
        }
        return PublicCache.Text(http, last.Body, "application/vc+jwt", PublicCache.CredentialsMaxAge);
    }
}
