using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.SharedKernel;

/// <summary>
/// Caps how many uploads are decoded at once (photos, spreadsheets): each is bounded on its own, and this bounds their sum.
/// Sized by <c>Uploads:ConcurrentDecodes</c>; a caller that waits longer than <see cref="Wait"/> is answered 429.
/// </summary>
public sealed class UploadWork(int slots)
{
    public const string SlotsSetting = "Uploads:ConcurrentDecodes";
    public const int DefaultSlots = 2;
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim gate = new(Math.Max(1, slots));

    /// <summary>A slot to release when done, or null when none became free in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        await gate.WaitAsync(Wait, cancellationToken) ? new Slot(gate) : null;

    /// <summary>The 429 for a caller that found no free slot, with Retry-After.</summary>
    public static ProblemDetails Busy(HttpResponse response)
    {
        const int seconds = 10;
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests, Type = Problems.Problems.TypeBase + "too-many-requests", Title = "请求过于频繁",
            Detail = $"服务器正在处理其他上传的文件，请{seconds}秒后再试。",
            Extensions = { ["code"] = "too-many-requests", ["retryAfterSeconds"] = seconds },
        };
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}
