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

/// <summary>
/// An upload opened for its endpoint's <c>LoadAsync</c>: the form (opened once, <see cref="UploadForms"/>) and, when it carries a
/// file, a decode slot of <see cref="UploadWork"/> held until the request ends (disposed with it), or the 429 when none was free.
/// </summary>
public sealed class OpenedUpload : IDisposable
{
    private readonly IDisposable? slot;

    private OpenedUpload(UploadForm form, IDisposable? slot, ProblemDetails? busy) => (Form, this.slot, Busy) = (form, slot, busy);

    public UploadForm Form { get; }

    public UploadedContent? File => Form.File;

    /// <summary>The 429 (with Retry-After) when no decode slot became free in time.</summary>
    public ProblemDetails? Busy { get; }

    /// <summary>There is a non-empty file and a slot to decode it in.</summary>
    public bool CanDecode => Busy is null && File is { Content.Length: > 0 };

    public static async Task<OpenedUpload> OpenAsync(HttpRequest request, UploadWork work)
    {
        var form = await UploadForms.OpenAsync(request);
        if (form.File is not { Content.Length: > 0 }) return new OpenedUpload(form, null, null);
        var slot = await work.EnterAsync(request.HttpContext.RequestAborted);
        return slot is null ? new OpenedUpload(form, null, UploadWork.Busy(request.HttpContext.Response)) : new OpenedUpload(form, slot, null);
    }

    public void Dispose() => slot?.Dispose();
}

/// <summary>What stops an opened spreadsheet upload once its fields hold: no decode slot (429), a limit (413), an unusable file (400).</summary>
public static class SheetUploads
{
    public static ProblemDetails Problem(OpenedUpload upload, Spreadsheets.SheetRead sheet) =>
        upload.Busy ?? sheet.Refused?.Problem()
        ?? (sheet.Fault is { } fault ? Problems.Problems.Validation("file", fault) : Wolverine.Http.WolverineContinue.NoProblems);
}

public static class ProblemChecks
{
    /// <summary>This problem, or when there is none (<c>WolverineContinue.NoProblems</c>) the next check's.</summary>
    public static ProblemDetails Then(this ProblemDetails problem, Func<ProblemDetails> next) =>
        ReferenceEquals(problem, Wolverine.Http.WolverineContinue.NoProblems) ? next() : problem;
}
