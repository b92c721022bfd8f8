using Assessment.Notices.Notices;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Notices.Reading;

public static class ListObjectionsEndpoint
{
    /// <summary>
    /// A notice's objections, the objectors' names and contacts masked as in every list (AUD-04): for the reviewers of the notice's
    /// area and the areas above, auditors, and such an authority's systems holding the notices:objections scope (403 others).
    /// </summary>
    [Authorize(Policy = ScopePolicies.NoticeObjectionsRead)]
    [WolverineGet("/api/notices/{noticeId}/objections", OperationId = NoticeGuards.ListObjections, Summary = "查看异议")]
    [ProducesResponseType<List<Objection>>(200)]
    public static async Task<IResult> Get(Guid noticeId, AccessContext caller, IQuerySession session, CancellationToken ct)
    {
        var notice = await session.LoadAsync<Notice>(noticeId, ct);
        if (NoticeGuards.Table.Denies(NoticeGuards.ListObjections, notice, caller, out var denied)) return denied;
        return Results.Ok(notice.Objections.Select(o => Masked(o, PersonalDataView.Masked)).ToList());
    }

    public static Objection Masked(Objection o, PersonalDataView view)
    {
        if (view == PersonalDataView.Full) return o.Copy();
        var copy = o.Copy();
        copy.Name = Masking.Name(o.Name);
        copy.Phone = Masking.Phone(o.Phone);
        copy.Email = Masking.Email(o.Email);
        return copy;
    }
}

public static class GetObjectionEndpoint
{
    /// <summary>
    /// One objection with the objector's name and contacts in full, for the authority that published the notice and auditors (the
    /// one personal-data rule); AUD-04: the purpose stated in <c>X-Read-Purpose</c>, the read recorded.
    /// </summary>
    [Authorize(Policy = ScopePolicies.NoticeObjectionsRead)]
    [WolverineGet("/api/notices/{noticeId}/objections/{objectionId}", OperationId = NoticeGuards.GetObjection, Summary = "查看异议人联系方式")]
    [ProducesResponseType<Objection>(200)]
    public static async Task<IResult> Get(Guid noticeId, Guid objectionId, AccessContext caller, IQuerySession session, PersonalDataReads reads,
        HttpRequest request, CancellationToken ct)
    {
        var notice = await session.LoadAsync<Notice>(noticeId, ct);
        if (NoticeGuards.Table.Denies(NoticeGuards.GetObjection, notice, caller, out var denied)) return denied;
        if (notice.Objections.FirstOrDefault(o => o.Id == objectionId) is not { } objection) return Results.Problem(Problems.NotFound("异议"));
        var scope = new ReadScope("objection", objectionId, Guid.Empty, $"{notice.Subject}·异议", null, 1);
        var (view, problem) = await reads.RevealAsync(caller, request, notice.ObjectorsData(), NoticeGuards.GetObjection, "查看异议人联系方式",
            [PersonalField.Name, PersonalField.Phone, PersonalField.Email], scope, ct);
        return problem is not null ? Results.Problem(problem) : Results.Ok(ListObjectionsEndpoint.Masked(objection, view));
    }
}
