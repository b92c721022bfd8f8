using Assessment.SharedKernel;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using NodaTime;
using NodaTime.Text;
using Assessment.SharedKernel.Problems;
using Wolverine.Http;

namespace Assessment.Api.Audit;

/// <summary>One person's work on one day as the auditor reads it: name, role, unit (and the organization's id, to open it), how many
/// recorded actions.</summary>
public sealed record ActorActivityEntry(Guid UserId, string Name, string RoleName, string? Unit, LocalDate Day, int Events, int Kinds,
    Guid? OrganizationId);

/// <summary>
/// A page of activity, with how far the activity has been counted (<paramref name="CountedThrough"/>) against the log's last
/// position (<paramref name="LogPosition"/>): the count is kept asynchronously and may trail by seconds.
/// </summary>
public sealed record ActorActivityPage(IReadOnlyList<ActorActivityEntry> Items, long Total, int Page, int PageSize, long CountedThrough,
    long LogPosition);

public static class ListActorActivityEndpoint
{
    /// <summary>The daemon names a projection's one shard after its class.</summary>
    public const string ShardName = nameof(ActorActivityProjection) + ":All";

    /// <summary>AUD-01: who did how much on which day (newest first), of one person (<c>userId</c>) or one day range.</summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/activity", OperationId = "listActorActivity", Summary = "查询人员操作统计")]
    public static async Task<ActorActivityPage> Get(IQuerySession session, IDocumentStore store, PolicyCatalog catalog,
        IOrganizationNames organizations, Guid? userId, string? from, string? to, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        IQueryable<ActorActivity> days = session.Query<ActorActivity>();
        if (userId is { } user) days = days.Where(d => d.UserId == user);
        if (DayOf(from, "from") is { } first) days = days.Where(d => d.Day >= first);
        if (DayOf(to, "to") is { } last) days = days.Where(d => d.Day <= last);
        var list = await paging.Of(days.OrderByDescending(d => d.Day).ThenByDescending(d => d.Events), d => d, ct);
        var orgIds = list.Items.Select(d => d.OrganizationId).OfType<Guid>().Distinct().ToList();
        var names = orgIds.Count == 0 ? new Dictionary<Guid, string>() : await organizations.NamesAsync(orgIds, ct);
        var items = list.Items.Select(d => new ActorActivityEntry(d.UserId, d.Name, Roles.DisplayName(d.Role), UnitOf(d, catalog, names),
            LocalDate.FromDateOnly(d.Day),
            d.Events, d.Kinds.Count, d.OrganizationId)).ToList();
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var counted = progress.FirstOrDefault(p => p.ShardName == ShardName)?.Sequence ?? 0;
        var log = await session.Events.QueryAllRawEvents().AnyAsync(ct) ? await session.Events.QueryAllRawEvents().MaxAsync(e => e.Sequence, ct) : 0;
        return new ActorActivityPage(items, list.Total, list.Page, list.PageSize, counted, log);
    }

    private static DateOnly? DayOf(string? text, string name) => text is null ? null
        : LocalDatePattern.Iso.Parse(text) is { Success: true } r ? r.Value.ToDateOnly()
        : throw new InvalidValueException(name, "invalid-parameter", "请提供yyyy-MM-dd格式的日期。");

    private static string? UnitOf(ActorActivity d, PolicyCatalog catalog, IReadOnlyDictionary<Guid, string> organizations) =>
        d.AuthorityCode is { } a ? catalog.FindAuthority(a)?.Name ?? a
        : d.OrganizationId is { } o ? organizations.GetValueOrDefault(o, "评价机构") : null;
}
