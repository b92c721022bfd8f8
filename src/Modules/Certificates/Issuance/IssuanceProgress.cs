using System.Security.Claims;
using Assessment.Certificates.Registry;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Certificates.Issuance;

/// <summary>How far a batch's issuance got (done / total), for the progress bar and for systems polling it.</summary>
public sealed record IssuanceProgress(Guid BatchId, string BatchTitle, string OrganizationName, int Total, int Done, IssuanceStatus Status,
    string? HaltedRule, string? HaltedReason, LocalDate LastExamDay, Instant AcceptedAt, Instant StartedAt, Instant? CompletedAt, long Version);

public static class IssuanceViews
{
    public static bool CanSee(AcceptedBatch batch, CurrentUser user, AccessControl access) =>
        user.Role != Roles.Expert && access.CanSee(user, new ResourceScope(batch.AreaCode, batch.OrganizationId));

    /// <summary>Whether <paramref name="user"/> may have the batch's certificates with identity numbers (PDFs, 附件5), as for one certificate.</summary>
    public static bool SeesPersonalData(AcceptedBatch batch, CurrentUser user, AccessControl access) =>
        CanSee(batch, user, access) && (user.Role == Roles.Auditor || user.OrganizationId == batch.OrganizationId
                                        || user.Role is Roles.Reviewer or Roles.ApiClient && user.AuthorityCode is not null);

    public static IssuanceProgress Of(AcceptedBatch batch, BatchIssuance? issuance) => new(batch.Id, batch.Title, batch.OrganizationName,
        issuance?.Total ?? batch.QualifiedCount, issuance?.Done ?? 0, issuance?.Status ?? IssuanceStatus.Running, issuance?.HaltedRule,
        issuance?.HaltedReason, batch.LastExamDay, batch.AcceptedAt, issuance?.StartedAt ?? batch.ReceivedAt, issuance?.CompletedAt, issuance?.Version ?? 0);
}

public static class ListIssuancesEndpoint
{
    /// <summary>Accepted batches and their certificate issuance, newest first (CRT-02).</summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificate-issuances", OperationId = "listIssuances", Summary = "查询证书核发进度")]
    public static async Task<Paged<IssuanceProgress>> Get(ClaimsPrincipal principal, IQuerySession session, AccessControl access, int? page, int? pageSize)
    {
        var user = CurrentUser.From(principal);
        var query = session.Query<AcceptedBatch>().AsQueryable();
        if (user.Role == Roles.Expert) query = query.Where(b => b.Id == Guid.Empty);
        else if (user.OrganizationId is { } org) query = query.Where(b => b.OrganizationId == org);
        else if (access.VisibleAreas(user) is { } areas) query = query.Where(b => areas.Contains(b.AreaCode));
        var paging = Paging.From(page, pageSize);
        var batches = await paging.Of(query.OrderByDescending(b => b.AcceptedAt), b => b);
        var issuances = (await session.LoadManyAsync<BatchIssuance>(batches.Items.Select(b => BatchIssuance.StreamFor(b.Id)))).ToDictionary(i => i.BatchId);
        return new Paged<IssuanceProgress>(batches.Items.Select(b => IssuanceViews.Of(b, issuances.GetValueOrDefault(b.Id))).ToList(),
            batches.Total, batches.Page, batches.PageSize);
    }
}

public static class GetIssuanceEndpoint
{
    /// <summary>One batch's issuance progress.</summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificate-issuances/{batchId}", OperationId = "getIssuance", Summary = "查看证书核发进度")]
    [ProducesResponseType<IssuanceProgress>(200)]
    public static async Task<IResult> Get(Guid batchId, ClaimsPrincipal principal, IQuerySession session, AccessControl access)
    {
        var batch = await session.LoadAsync<AcceptedBatch>(batchId);
        if (batch is null || !IssuanceViews.CanSee(batch, CurrentUser.From(principal), access)) return Results.Problem(Problems.NotFound("证书核发"));
        return Results.Ok(IssuanceViews.Of(batch, await session.LoadAsync<BatchIssuance>(BatchIssuance.StreamFor(batchId))));
    }
}

/// <summary>Resume a halted issuance (e.g. after the authority allocated a new number range), sending the version last read.</summary>
public sealed record ResumeIssuance(long Version);

public static class ResumeIssuanceEndpoint
{
    public static async Task<AcceptedBatch?> LoadAsync(Guid batchId, IQuerySession session) => await session.LoadAsync<AcceptedBatch>(batchId);

    public static ProblemDetails Before(AcceptedBatch? batch, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (batch is null || !IssuanceViews.CanSee(batch, user, access)) return Problems.NotFound("证书核发");
        return user.OrganizationId == batch.OrganizationId ? WolverineContinue.NoProblems : Problems.Forbidden("只有发证的评价机构可以继续核发（CRT-05）。");
    }

    /// <summary>CRT-02: the organization carries on a halted issuance; numbering goes on from where it stopped.</summary>
    [Authorize(Roles = CertificateAccess.OrganizationRoles, Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificate-issuances/{batchId}/resume", OperationId = "resumeIssuance", Summary = "继续核发证书")]
    public static async Task<(IssuanceProgress, IssueNextCertificates)> Post(ResumeIssuance c, AcceptedBatch? batch, IDocumentSession session, Instant now, Actor by)
    {
        var stream = await session.Events.FetchForWriting<BatchIssuance>(BatchIssuance.StreamFor(batch!.Id));
        ExpectedVersion.Check(c.Version, stream.CurrentVersion ?? 0);
        if (stream.Aggregate is not { Status: IssuanceStatus.Halted } issuance)
            throw new BusinessRuleException(new RuleViolation("CRT-02", "issuance.not-halted", "该批次的证书核发没有中止，无需继续。"));
        var resumed = new IssuanceResumed(batch.Id, now, by);
        stream.AppendOne(resumed);
        issuance = new BatchIssuance { Id = issuance.Id, BatchId = issuance.BatchId, Total = issuance.Total, Done = issuance.Done, Status = IssuanceStatus.Running, StartedAt = issuance.StartedAt,
            Version = issuance.Version + 1 };
        return (IssuanceViews.Of(batch, issuance), new IssueNextCertificates(batch.Id, by));
    }
}
