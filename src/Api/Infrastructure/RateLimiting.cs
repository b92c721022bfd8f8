using System.Globalization;
using System.Threading.RateLimiting;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Api.Infrastructure;

/// <summary>Configuration section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public int SignInsPerClientPerMinute { get; set; } = 20;

    /// <summary>Failed sign-ins for one user name from one client, per 15 minutes.</summary>
    public int SignInFailuresPerAccountAndClient { get; set; } = 5;

    /// <summary>Failed sign-ins for one user name from all clients together, per 15 minutes (distributed guessing).</summary>
    public int SignInFailuresPerAccount { get; set; } = 50;

    public int PublicWritesPerClientPerMinute { get; set; } = 10;

    /// <summary>Public certificate verifications and holder lookups per client (CRT-04 anti-enumeration).</summary>
    public int PublicLookupsPerClientPerMinute { get; set; } = 30;
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
            o.AddPolicy(RateLimitPolicies.SignIn, http => PerClientPerMinute(http, RateLimitPolicies.SignIn, limits.SignInsPerClientPerMinute));
            o.AddPolicy(RateLimitPolicies.PublicWrite, http => PerClientPerMinute(http, RateLimitPolicies.PublicWrite, limits.PublicWritesPerClientPerMinute));
            o.AddPolicy(RateLimitPolicies.PublicLookup, http => PerClientPerMinute(http, RateLimitPolicies.PublicLookup, limits.PublicLookupsPerClientPerMinute));
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

/// <summary>
/// Failed sign-ins are throttled per user name and client, and per user name across clients, instead of locking the
/// account: a stranger can no longer lock anyone out, and a user name that does not exist is throttled exactly like one
/// that does, so the answers reveal nothing about which accounts exist.
/// </summary>
public sealed class SignInThrottle(RateLimitOptions limits) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _perAccountAndClient = Failures(limits.SignInFailuresPerAccountAndClient);
    private readonly PartitionedRateLimiter<string> _perAccount = Failures(limits.SignInFailuresPerAccount);

    /// <summary>How long the caller must wait before trying this user name again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string userName, string client)
    {
        foreach (var (limiter, key) in Keys(userName, client))
        {
            using var probe = limiter.AttemptAcquire(key, 0);
            if (!probe.IsAcquired)
                return probe.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : Window / 15;
        }
        return null;
    }

    public void Failed(string userName, string client)
    {
        foreach (var (limiter, key) in Keys(userName, client)) limiter.AttemptAcquire(key).Dispose();
    }

    private IEnumerable<(PartitionedRateLimiter<string>, string)> Keys(string userName, string client)
    {
        var name = userName.Trim().ToLowerInvariant();
        yield return (_perAccountAndClient, name + "|" + client);
        yield return (_perAccount, name);
    }

    private static PartitionedRateLimiter<string> Failures(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = Window, SegmentsPerWindow = 15, QueueLimit = 0, AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _perAccountAndClient.Dispose();
        _perAccount.Dispose();
    }
}
