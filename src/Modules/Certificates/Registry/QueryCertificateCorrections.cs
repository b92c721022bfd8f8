using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Marten;

namespace Assessment.Certificates.Registry;

public static class QueryCertificateCorrectionsEndpoint
{
    /// <summary>
    /// Correction requests on the certificates the caller may see, newest first: the authorities' approval queue
    /// (<c>status=Open</c>) and an organization's own requests.
    /// </summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificate-corrections", OperationId = "listCertificateCorrections", Summary = "查询证书更正申请")]
    public static async Task<Paged<CertificateCorrectionItem>> Get(AccessContext caller, IQuerySession session,
        CertificateCorrectionStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var parameters = new List<object>();
        var where = new List<string> { CertificateAccess.Filter(caller.User, caller.Access, parameters) };
        if (status is { } s) { parameters.Add(s.ToString()); where.Add($"r.state = ${parameters.Count}"); }
        var paging = Paging.From(page, pageSize);
        var (rows, total) = await session.Registry().PageCorrectionsAsync(string.Join(" and ", where), parameters.ToArray(), paging.Page,
            paging.Size, ct);
        return new Paged<CertificateCorrectionItem>(rows.Select(r => CertificateCorrectionViews.Item(r.Correction, r.Certificate, caller,
                PersonalDataRule.ForList(caller, r.Certificate.Holder()))).ToList(),
            total, paging.Page, paging.Size);
    }
}

/// <summary>One print of a certificate: which, why, when and by whom; <see cref="Current"/> marks the paper that stands now.</summary>
public sealed record CertificatePrintItem(int PrintNumber, PrintKind Kind, LocalDate PrintedOn, Instant PrintedAt, string? Reason, string ByName,
    string ByRole,
    bool Current);

/// <summary>A certificate's prints (首次核发, 补发, 更正) and its correction requests with their decisions.</summary>
public sealed record CertificateHistory(Guid CertificateId, IReadOnlyList<CertificatePrintItem> Prints,
    IReadOnlyList<CertificateCorrectionItem> Corrections);

public static class GetCertificateHistoryEndpoint
{
    /// <summary>The print history and correction requests of one certificate (personal
    /// data masked: a request is opened on its own to compare in full).</summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificates/{certificateId}/history", OperationId = "getCertificateHistory", Summary = "证书打印与更正记录")]
    [ProducesResponseType<CertificateHistory>(200)]
    public static async Task<IResult> Get(Guid certificateId, AccessContext caller, IQuerySession session, CancellationToken ct)
    {
        var row = await session.Registry().FindAsync(certificateId, ct);
        if (CertificateGuards.Table.IsHidden(row, caller, out var hidden)) return hidden;
        var prints = await session.Registry().PrintsOfAsync(row, ct);
        var corrections = await session.Registry().CorrectionsOfAsync(row.Id, ct);
        return Results.Ok(new CertificateHistory(row.Id,
            prints.Select(p => new CertificatePrintItem(p.PrintNumber, p.Kind, p.PrintedOn, p.PrintedAt, p.Reason, p.ByName, p.ByRole,
                p.PrintNumber == row.PrintNumber)).ToList(),
            corrections.Select(c => CertificateCorrectionViews.Item(c, row, caller, PersonalDataRule.ForList(caller, row.Holder()))).ToList()));
    }
}

public static class GetCertificateCorrectionEndpoint
{
    /// <summary>
    /// One correction request, the holder data before and as proposed in full for those the personal-data rule allows (the reviewer
    /// who decides compares them; AUD-04: purpose stated in <c>X-Read-Purpose</c>, the read recorded), masked for the others.
    /// </summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificate-corrections/{correctionId}", OperationId = "getCertificateCorrection", Summary = "查看证书更正申请")]
    [ProducesResponseType<CertificateCorrectionItem>(200)]
    public static async Task<IResult> Get(Guid correctionId, AccessContext caller, IQuerySession session, PersonalDataReads reads,
        HttpRequest request, CancellationToken ct)
    {
        var facts = await session.Registry().FindCorrectionAsync(correctionId, ct);
        if (CertificateCorrectionGuards.Table.IsHidden(facts, caller, out var hidden)) return hidden;
        var row = facts.Certificate;
        var scope = new ReadScope("certificate-correction", correctionId, row.BatchId, $"证书{row.Number}的更正申请", row.Person(), 1);
        var (view, problem) = await reads.RevealAsync(caller, request, row.Holder(), "getCertificateCorrection", "查看证书更正申请",
            PersonalFields.Holder, scope, ct);
        return problem is not null ? Results.Problem(problem) : Results.Ok(CertificateCorrectionViews.Item(facts.Correction, row, caller, view));
    }
}
