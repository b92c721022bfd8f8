using Assessment.SharedKernel.Access;
using NodaTime;

namespace Assessment.SharedKernel.Contracts;

/// <summary>The kinds of thing that can wait for someone on the workbench (待我处理), with the names people read.</summary>
public static class WaitingKinds
{
    public const string FilingApplication = "filingApplication";
    public const string ReturnedApplication = "returnedApplication";
    public const string ReportToReview = "batchReportToReview";
    public const string SuspendedBatch = "suspendedBatch";
    public const string ReportDue = "batchReportDue";
    public const string ReturnedReport = "returnedBatchReport";
    public const string CertificateCorrection = "certificateCorrection";
    public const string HaltedIssuance = "haltedIssuance";

    public static readonly IReadOnlyList<Reference.Term> Names =
    [
        new(FilingApplication, "备案申请"), new(ReturnedApplication, "退回的备案申请"), new(ReportToReview, "结果报备审核"),
        new(SuspendedBatch, "暂停的认定批次"), new(ReportDue, "待报备的认定结果"), new(ReturnedReport, "退回的结果报备"),
        new(CertificateCorrection, "证书更正申请"), new(HaltedIssuance, "中止的证书核发"),
    ];

    public static string Name(string kind) => Names.FirstOrDefault(n => n.Code == kind)?.Name ?? kind;
}

/// <summary>
/// One thing waiting for the caller: what it is (<paramref name="Kind"/>), which object (<paramref name="ObjectId"/>) and where the
/// SPA decides on it (<paramref name="Link"/>), what is expected of the caller (Chinese), and the deadline if a rule sets one —
/// counted by the caller of the contract on the calendar of <paramref name="Jurisdiction"/>'s policy.
/// </summary>
public sealed record WaitingItem(string Kind, Guid ObjectId, string Title, string Link, string Expected, LocalDate? DueOn,
    string? DeadlineRule, string Jurisdiction, Instant Since);

/// <summary>
/// A module's published read contract for the workbench: what of its objects waits for the caller now — the objects on which the
/// caller may take the deciding action now, as the module's guard table says — read from its own documents in the caller's session.
/// </summary>
public interface IWaitingItems
{
    /// <summary>At most <paramref name="limit"/> items, those with the nearest deadline first.</summary>
    Task<IReadOnlyList<WaitingItem>> ForAsync(AccessContext caller, Marten.IQuerySession session, int limit, CancellationToken ct = default);
}
