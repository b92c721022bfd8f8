using Assessment.Batches.Candidates;
using Assessment.Batches.Planning;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Batches.Batches;

public static class QueryBatchesEndpoint
{
    /// <summary>Batches the caller may see: an organization its own; an authority those filed in its area and below;
    /// <c>dispatchedToMe</c>: those an inspector was sent to (BAT-04).</summary>
    [Authorize(Policy = ScopePolicies.BatchesRead)]
    [WolverineGet("/api/batches", OperationId = "listBatches", Summary = "查询认定批次")]
    public static async Task<BatchList> Get(AccessContext caller, IQuerySession session, PolicyCatalog catalog,
        BatchStatus? status, bool? dispatchedToMe, int? page, int? pageSize)
    {
        var user = caller.User;
        var query = BatchGuards.VisibleTo(session.Query<Batch>(), user, caller.Access);
        if (status is { } s) query = query.Where(b => b.Status == s);
        if (dispatchedToMe == true)
        {
            var mine = await session.Query<Running.BatchInspections>().Where(i => i.InspectorIds.Contains(user.Id)).Select(i => i.Id).ToListAsync();
            query = query.Where(b => mine.Contains(b.Id));
        }
        var found = await Paging.From(page, pageSize).Of(query.OrderByDescending(b => b.LastChangedAt), b => BatchViews.Item(b, catalog));
        return new BatchList(found.Items, found.Total, found.Page, found.PageSize, BatchGuards.Table.CreationActions(caller));
    }
}

public static class GetBatchEndpoint
{
    /// <summary>One batch with its candidates (personal data masked unless the caller needs it), blocking rules and ledger.</summary>
    [Authorize(Policy = ScopePolicies.BatchesRead)]
    [WolverineGet("/api/batches/{batchId}", OperationId = "getBatch", Summary = "查看认定批次")]
    [ProducesResponseType<BatchView>(200)]
    public static async Task<IResult> Get(Guid batchId, AccessContext caller, IQuerySession session, PolicyCatalog catalog,
        IOrganizationFilings filings, IWorkingDayCalendar calendar, Instant now)
    {
        var batch = await session.LoadAsync<Batch>(batchId);
        if (BatchGuards.Table.IsHidden(batch, caller, out var hidden)) return hidden;
        var context = batch.Status is BatchStatus.Draft or BatchStatus.Filed or BatchStatus.Suspended
            ? new PlanContext(await filings.OfOrganizationAsync(session, batch.OrganizationId), catalog, calendar.Current, now.Date())
            : null;
        var page = new BatchPage(await session.RosterAsync(batchId), await session.LoadAsync<BatchDetails>(batchId),
            await session.LoadAsync<Running.BatchInspections>(batchId));
        return Results.Ok(BatchViews.For(batch, page, caller, catalog, context));
    }
}

public static class ExportLedgerEndpoint
{
    /// <summary>The batch's ledger (工作台账, BAT-10) as .xlsx.</summary>
    [Authorize(Policy = ScopePolicies.BatchesRead)]
    [WolverineGet("/api/batches/{batchId}/ledger", OperationId = "exportBatchLedger", Summary = "导出批次工作台账")]
    [ProducesResponseType<FileContentResult>(200, Spreadsheet.ContentType)]
    public static async Task<IResult> Get(Guid batchId, AccessContext caller, IQuerySession session, PolicyCatalog catalog)
    {
        var batch = await session.LoadAsync<Batch>(batchId);
        if (BatchGuards.Table.IsHidden(batch, caller, out var hidden)) return hidden;
        var details = await session.LoadAsync<BatchDetails>(batchId) ?? new BatchDetails();
        using var content = new MemoryStream();
        await Spreadsheet.WriteAsync(content, "工作台账", ["时间", "事项", "办理人", "单位", "说明", "文件"], details.Ledger.Select(l => new object?[]
        {
            l.At.InZone(ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", null), l.Action, l.ActorName,
            l.ActorRole == Roles.System ? "系统" : l.AuthorityCode is { } a ? catalog.FindAuthority(a)?.Name ?? a : batch.OrganizationName,
            l.Detail, l.Document,
        }));
        return Results.File(content.ToArray(), Spreadsheet.ContentType, $"工作台账（{batch.Title}）.xlsx");
    }
}
