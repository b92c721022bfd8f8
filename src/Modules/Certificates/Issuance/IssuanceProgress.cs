using Assessment.Certificates.Registry;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
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
    string? HaltedRule, string? HaltedReason, LocalDate LastExamDay, Instant AcceptedAt, Instant StartedAt, Instant? CompletedAt, long Version,
    IReadOnlyList<string> Actions);

public static class IssuanceViews
{
    /// <summary>The progress with the operations the caller may take now (<see cref="IssuanceGuards"/>).</summary>
    public static IssuanceProgress Of(AcceptedBatch batch, BatchIssuance? issuance, AccessContext caller)
    {
        var status = issuance?.Status ?? IssuanceStatus.Running;
        return new IssuanceProgress(batch.Id, batch.Title, batch.OrganizationName, issuance?.Total ?? batch.QualifiedCount,
            issuance?.Done ?? 0, status,
            issuance?.HaltedRule, issuance?.HaltedReason, batch.LastExamDay, batch.AcceptedAt, issuance?.StartedAt ?? batch.ReceivedAt,
            issuance?.CompletedAt,
            issuance?.Version ?? 0, IssuanceGuards.Table.Actions(new IssuanceOfBatch(batch, issuance), caller));
    }
}

public static class ListIssuancesEndpoint
{
    /// <summary>Accepted batches and their certificate issuance, newest first (CRT-02).</summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificate-issuances", OperationId = "listIssuances", Summary = "查询证书核发进度")]
    public static async Task<Paged<IssuanceProgress>> Get(AccessContext caller, IQuerySession session, int? page, int? pageSize)
    {
        var (user, access) = (caller.User, caller.Access);
        // IssuanceGuards.Sees as a query
        var query = session.Query<AcceptedBatch>().AsQueryable();
        if (user.Role == Roles.Expert) query = query.Where(b => b.Id == Guid.Empty);
        else if (user.OrganizationId is { } org) query = query.Where(b => b.OrganizationId == org);
        else if (access.VisibleAreas(user) is { } areas) query = query.Where(b => areas.Contains(b.AreaCode));
        var paging = Paging.From(page, pageSize);
        var batches = await paging.Of(query.OrderByDescending(b => b.AcceptedAt), b => b);
        var issuances = (await session.LoadManyAsync<BatchIssuance>(batches.Items.Select(b => BatchIssuance.StreamFor(b.Id))))
            .ToDictionary(i => i.BatchId);
        return new Paged<IssuanceProgress>(batches.Items.Select(b => IssuanceViews.Of(b, issuances.GetValueOrDefault(b.Id), caller)).ToList(),
            batches.Total, batches.Page, batches.PageSize);
    }
}

public static class GetIssuanceEndpoint
{
    /// <summary>One batch's issuance progress.</summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificate-issuances/{batchId}", OperationId = "getIssuance", Summary = "查看证书核发进度")]
    [ProducesResponseType<IssuanceProgress>(200)]
    public static async Task<IResult> Get(Guid batchId, AccessContext caller, IQuerySession session)
    {
        var issuance = await IssuanceOfBatch.LoadAsync(session, batchId);
        if (IssuanceGuards.Table.IsHidden(issuance, caller, out var hidden)) return hidden;
        return Results.Ok(IssuanceViews.Of(issuance.Batch, issuance.Issuance, caller));
    }
}
