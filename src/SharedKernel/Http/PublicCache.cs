using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Assessment.SharedKernel.Http;

/// <summary>
/// Public reads that change rarely (keys, status lists, the directory): <c>Cache-Control: public, max-age</c> and an ETag
/// hashed from the body, so a client or proxy asking again with <c>If-None-Match</c> gets a 304 without the body.
/// </summary>
public static class PublicCache
{
    /// <summary>Keys and revocation lists: a verifier may hold them five minutes.</summary>
    public const int CredentialsMaxAge = 300;

    /// <summary>The public directory: a minute.</summary>
    public const int DirectoryMaxAge = 60;

    public static IResult Text(HttpContext http, string body, string contentType, int maxAgeSeconds) =>
        Bytes(http, Encoding.UTF8.GetBytes(body), contentType, maxAgeSeconds);

    /// <summary>The value as the host's other JSON answers serialize it.</summary>
    public static IResult Json<T>(HttpContext http, T value, int maxAgeSeconds)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return Bytes(http, JsonSerializer.SerializeToUtf8Bytes(value, options), "application/json; charset=utf-8", maxAgeSeconds);
    }

    public static IResult Bytes(HttpContext http, byte[] body, string contentType, int maxAgeSeconds)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        var response = http.Response.GetTypedHeaders();
        response.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(maxAgeSeconds) };
        response.ETag = etag;
        // a malformed If-None-Match is no match, never an error
        var asked = EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags) ? tags : [];
        return asked.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, contentType);
    }
}
