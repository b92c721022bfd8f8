using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;

namespace Assessment.Batches.Batches;

/// <summary>
/// Who may see and act on a batch. Seen: the organization its own (drafts included); a draft is nobody else's business;
/// authorities the batches filed in their area and below; experts have no part in batches (hidden = 404). The organization
/// runs the batch; the receiving authority's reviewers decide on it; inspectors and reviewers over its area check it (BAT-04).
/// "When" mirrors the deciders' status rules so a view offers only steps the decider would take.
/// </summary>
public static class BatchGuards
{
    public const string ChangePlan = "changeBatchPlan";
    public const string AssignStaff = "assignBatchStaff";
    public const string AddCandidate = "addBatchCandidate";
    public const string ImportCandidates = "importBatchCandidates";
    public const string RemoveCandidate = "removeBatchCandidate";
    public const string FilePlan = "fileBatchPlan";
    public const string RecordResults = "recordBatchResults";
    public const string ImportResults = "importBatchResults";
    public const string StartPublicity = "startResultsPublicity";
    public const string SubmitReport = "submitResultsReport";
    public const string UploadPhoto = "uploadCandidatePhoto";
    public const string UploadPhotos = "uploadCandidatePhotos";
    public const string AcceptReport = "acceptResultsReport";
    public const string ReturnReport = "returnResultsReport";
    public const string Resume = "resumeBatch";
    public const string SubmitRectification = "submitBatchRectification";
    public const string ReturnRectification = "returnBatchRectification";
    public const string SpotCheck = "recordBatchSpotCheck";
    public const string DispatchInspector = "dispatchBatchInspector";

    /// <summary>Personal data in full (BAT-09, AUD-04): one candidate opened, a photo, 附件5 — as the one rule says.</summary>
    public const string GetCandidate = "getBatchCandidate";
    public const string DownloadPhoto = "downloadCandidatePhoto";
    public const string DownloadCertificateTable = "downloadCertificateTable";

    /// <summary>A new batch: offered on the list (<see cref="BatchList"/>) to the organization (under one of its own filings, BAT-03).</summary>
    public const string Draft = "draftBatch";

    /// <summary>The organization's own users, and third-party systems acting for an organization (with the batches scopes).</summary>
    public const string OrganizationRoles = Roles.Organization + "," + Roles.ApiClient;

    private const string OnlyOwner = "只有组织认定的评价机构可以办理。";
    private const string OnlyReceiving = "该批次由其他主管部门受理。";
    private const string OnlySupervising = "只有主管部门的督查员或审核人员可以记录抽查。";

    public static readonly GuardTable<Batch> Table = new GuardTable<Batch>("认定批次", (b, c) => Sees(b, c.User, c.Access))
        .Creation(Draft, c => c.User.OrganizationId is not null, "只有评价机构可以组织认定。")
        .Operation(ChangePlan, Owns, OnlyOwner, IsDraft)
        .Operation(AssignStaff, Owns, OnlyOwner, IsDraft)
        .Operation(AddCandidate, Owns, OnlyOwner, IsDraft)
        .Operation(ImportCandidates, Owns, OnlyOwner, IsDraft)
        .Operation(RemoveCandidate, Owns, OnlyOwner, IsDraft)
        .Operation(FilePlan, Owns, OnlyOwner, IsDraft)
        .Operation(RecordResults, Owns, OnlyOwner, ResultsOpen)
        .Operation(ImportResults, Owns, OnlyOwner, ResultsOpen)
        .Operation(StartPublicity, Owns, OnlyOwner, (b, _) => b.Status == BatchStatus.ResultsRecorded)
        .Operation(SubmitReport, Owns, OnlyOwner, (b, _) => b.Status == BatchStatus.Publicized)
        // CRT-03: photos until the report is accepted (the certificates are issued from the accepted batch)
        .Operation(UploadPhoto, Owns, OnlyOwner, (b, _) => b.Status != BatchStatus.Accepted)
        .Operation(UploadPhotos, Owns, OnlyOwner, (b, _) => b.Status != BatchStatus.Accepted && b.CandidateCount > 0)
        .Operation(AcceptReport, Receives, OnlyReceiving, (b, _) => b.Status == BatchStatus.Reported)
        .Operation(ReturnReport, Receives, OnlyReceiving, (b, _) => b.Status == BatchStatus.Reported)
        .Operation(Resume, Receives, OnlyReceiving, (b, _) => b.Status == BatchStatus.Suspended)
        .Operation(SubmitRectification, Owns, OnlyOwner, (b, _) => b.Status == BatchStatus.Suspended && !b.RectificationPending)
        .Operation(ReturnRectification, Receives, OnlyReceiving, (b, _) => b.Status == BatchStatus.Suspended && b.RectificationPending)
        .Operation(SpotCheck, (b, c) => c.Access.CanDecideFor(c.User, b.AreaCode), OnlySupervising, Running)
        .Operation(DispatchInspector, Receives, OnlyReceiving, Running)
        .Operation(GetCandidate, SeesInFull, OnlyFullPersonalData, HasCandidates)
        .Operation(DownloadPhoto, SeesInFull, OnlyFullPersonalData, (b, _) => b.Any(CandidateMarks.Photographed))
        .Operation(DownloadCertificateTable, SeesInFull, OnlyFullPersonalData, (b, _) => b.Any(CandidateMarks.Passed));

    private const string OnlyFullPersonalData = "考生的身份证件号码、联系电话和照片属于个人信息，仅评价机构、受理该批次的主管部门和审计人员可以查看（BAT-09、AUD-04）。";

    private static bool SeesInFull(Batch b, AccessContext c) => PersonalDataRule.ForOneRecord(c, b.Holder()) == PersonalDataView.Full;

    private static bool HasCandidates(Batch b, AccessContext _) => b.CandidateCount > 0;

    /// <summary>The visibility rule; the batch list applies the same rule as a query (QueryBatchesEndpoint).</summary>
    public static bool Sees(Batch batch, CurrentUser user, AccessControl access)
    {
        if (!access.CanSee(user, batch.AccessScope())) return false;
        if (user.OrganizationId is not null) return true;
        if (batch.Status == BatchStatus.Draft) return false;
        return user.Role != Roles.Expert;
    }

    /// <summary><see cref="Sees"/> as a query, for lists.</summary>
    public static IQueryable<Batch> VisibleTo(IQueryable<Batch> batches, CurrentUser user, AccessControl access)
    {
        if (user.OrganizationId is { } org) return batches.Where(b => b.OrganizationId == org);
        if (user.Role == Roles.Expert) return batches.Where(b => b.Id == Guid.Empty);
        batches = batches.Where(b => b.Status != BatchStatus.Draft);
        return access.VisibleAreas(user) is { } areas ? batches.Where(b => areas.Contains(b.AreaCode)) : batches;
    }

    private static bool Owns(Batch b, AccessContext c) => c.User.OrganizationId == b.OrganizationId;

    private static bool Receives(Batch b, AccessContext c) => c.User.Role == Roles.Reviewer && c.User.AuthorityCode == b.ReceivingAuthority;

    private static bool IsDraft(Batch b, AccessContext _) => b.Status == BatchStatus.Draft;

    /// <summary>BAT-06: results from the first exam day until the publicity starts.</summary>
    private static bool ResultsOpen(Batch b, AccessContext c) =>
        b.Status == BatchStatus.ResultsRecorded || b.Status == BatchStatus.Filed && b.FirstExamDay <= c.Today;

    private static bool Running(Batch b, AccessContext _) => b.Status is not (BatchStatus.Draft or BatchStatus.Accepted);
}
