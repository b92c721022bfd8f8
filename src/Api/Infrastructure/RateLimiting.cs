using System.Globalization;
using System.Threading.RateLimiting;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Api.Infrastructure;

/// <summary>Configuration section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts per client, right or wrong, per minute (<see cref="SignInThrottle"/>).</summary>
    public int SignInsPerClientPerMinute { get; set; } = 20;

    /// <summary>Failed sign-ins for one user name from one client before each further try waits longer (30 s, doubling).</summary>
    public int SignInFailuresPerAccountAndClient { get; set; } = 5;

    /// <summary>Failed sign-ins from one client, whatever the names, per 15 minutes.</summary>
    public int SignInFailuresPerClient { get; set; } = 30;

    /// <summary>
    /// Failed sign-ins for one user name from all clients together, per 15 minutes: beyond it, a client that already failed
    /// on that name waits after its first failure. Never a lock: a client that has not failed is always let try.
    /// </summary>
    public int SignInFailuresPerAccount { get; set; } = 50;

    public int PublicWritesPerClientPerMinute { get; set; } = 10;

    /// <summary>Public certificate verifications and holder lookups per client (CRT-04 anti-enumeration).</summary>
    public int PublicLookupsPerClientPerMinute { get; set; } = 30;

    /// <summary>Reads of public data per client: the directory, the signing keys and the status lists.</summary>
    public int PublicReadsPerClientPerMinute { get; set; } = 120;
}

/// <summary>ASP.NET Core's rate limiter with the platform's policies; a refusal is a 429 ProblemDetails with Retry-After.</summary>
public static class RateLimiting
{
    public static IServiceCollection AddPlatformRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddSingleton(limits);
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero
                    ? after : TimeSpan.FromMinutes(1);
                return new ValueTask(WriteTooManyRequests(context.HttpContext, retryAfter));
            };
            o.AddPolicy(RateLimitPolicies.PublicWrite,
                http => PerClientPerMinute(http, RateLimitPolicies.PublicWrite, limits.PublicWritesPerClientPerMinute));
            o.AddPolicy(RateLimitPolicies.PublicLookup,
                http => PerClientPerMinute(http, RateLimitPolicies.PublicLookup, limits.PublicLookupsPerClientPerMinute));
            o.AddPolicy(RateLimitPolicies.PublicRead,
                http => PerClientPerMinute(http, RateLimitPolicies.PublicRead, limits.PublicReadsPerClientPerMinute));
        });
        return services;
    }

    /// <summary>The caller's address (behind a reverse proxy, configure forwarded headers so this is the client's).</summary>
    public static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerClientPerMinute(HttpContext http, string policy, int permits) =>
        RateLimitPartition.GetSlidingWindowLimiter(policy + "|" + ClientKey(http), _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0, AutoReplenishment = true,
        });

    public static Task WriteTooManyRequests(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests, Type = Problems.TypeBase + "too-many-requests", Title = "请求过于频繁",
            Detail = $"请求过于频繁，请{seconds}秒后再试。", Extensions = { ["code"] = "too-many-requests", ["retryAfterSeconds"] = seconds },
        };
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}
