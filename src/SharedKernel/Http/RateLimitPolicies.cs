namespace Assessment.SharedKernel.Http;

/// <summary>
/// Named rate-limiting policies an endpoint opts into with <c>[EnableRateLimiting(RateLimitPolicies.PublicWrite)]</c>;
/// the host defines them (per client, 429 ProblemDetails with Retry-After).
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Anonymous writes by the public: objections now, complaints and verification requests later.</summary>
    public const string PublicWrite = "public-write";

    /// <summary>Public certificate lookups per client (CRT-04): numbers are sequential, so lookups are throttled against enumeration.</summary>
    public const string PublicLookup = "public-lookup";

    /// <summary>Public data anyone may read and caches may keep (directory, signing keys, status lists): generous, yet bounded.</summary>
    public const string PublicRead = "public-read";
}
