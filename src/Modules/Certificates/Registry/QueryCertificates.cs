using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Marten;


namespace Assessment.Certificates.Registry;

public static class QueryCertificatesEndpoint
{
    /// <summary>Certificates the caller may see, newest first; <c>q</c> matches a number or a holder's name, <c>batchId</c> one batch.</summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificates", OperationId = "listCertificates", Summary = "查询证书")]
    public static async Task<Paged<CertificateItem>> Get(AccessContext caller, IQuerySession session,
        Guid? batchId, string? q, CertificateStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var parameters = new List<object>();
        var where = new List<string> { CertificateAccess.Filter(caller.User, caller.Access, parameters) };
        if (batchId is { } b) { parameters.Add(b); where.Add($"batch_id = ${parameters.Count}"); }
        if (status is { } s) { parameters.Add(s.ToString()); where.Add($"status = ${parameters.Count}"); }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            parameters.Add(text.ToUpperInvariant());
            var number = parameters.Count;
            parameters.Add(text);
            where.Add($"(number = ${number} or holder_name = ${parameters.Count})");
        }
        var paging = Paging.From(page, pageSize);
        var (rows, total) = await session.Registry().PageAsync(string.Join(" and ", where), parameters.ToArray(), paging.Page, paging.Size, ct);
        return new Paged<CertificateItem>(rows.Select(r => CertificateViews.Item(r, caller, PersonalDataRule.ForList(caller, r.Holder()))).ToList(),
            total, paging.Page, paging.Size);
    }
}

public static class GetCertificateEndpoint
{
    /// <summary>
    /// One certificate: the holder's name and identity number in full for those the personal-data rule allows (AUD-04: the request
    /// states its purpose in <c>X-Read-Purpose</c>, 400 without, and the read is recorded), masked for the others.
    /// </summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificates/{certificateId}", OperationId = "getCertificate", Summary = "查看证书")]
    [ProducesResponseType<CertificateItem>(200)]
    public static async Task<IResult> Get(Guid certificateId, AccessContext caller, IQuerySession session, PersonalDataReads reads,
        IOrganizationFilings filings, HttpRequest request, CancellationToken ct)
    {
        var row = await session.Registry().FindAsync(certificateId, ct);
        if (CertificateGuards.Table.IsHidden(row, caller, out var hidden)) return hidden;
        var (view, problem) = await reads.RevealAsync(caller, request, row.Holder(), "getCertificate", "查看证书", PersonalFields.Holder,
            row.Scope(), ct);
        if (problem is not null) return Results.Problem(problem);
        // the application that granted the filing, for the page's link to it
        var filing = (await filings.OfOrganizationAsync(session, row.OrganizationId, ct)).FirstOrDefault(f => f.FilingId == row.FilingId);
        return Results.Ok(CertificateViews.Item(row, caller, view) with { ApplicationId = filing?.ApplicationId });
    }
}
