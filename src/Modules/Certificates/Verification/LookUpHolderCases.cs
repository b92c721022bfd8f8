using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Certificates.Verification;

/// <summary>
/// A person follows their own case: identity document (<paramref name="DocumentType"/> a 附件5 code, 201 居民身份证 when
/// omitted) and their name exactly as the organization entered it. Sent in the body: an identity number never stands in a URL.
/// </summary>
public sealed record LookUpHolderCases(string DocumentNumber, string Name, int? DocumentType = null);

public enum HolderCaseResult { Found, NotFound }

/// <summary>The certificate of a case once issued: its number and whether it stands (revoked with the date).</summary>
public sealed record HolderCaseCertificate(string Number, LocalDate IssuedOn, CertificateStatus Status, LocalDate? RevokedOn);

/// <summary>
/// One batch the person sat and where it stands: exam days, the result once publicized (BAT-06; never a score), the results
/// publicity, the report (BAT-07) and the certificate (CRT-01). <paramref name="Certificate"/> is null until issued.
/// </summary>
public sealed record HolderCase(string OrganizationName, string BatchTitle, string Occupation, int Level, string LevelName,
    IReadOnlyList<LocalDate> ExamDays,
    bool Suspended, CandidateOutcome? Outcome, ResultsPublicityState Publicity, LocalDate? PublicityStart, LocalDate? PublicityEnd,
    ResultsReportState Report, LocalDate? ReportedOn, HolderCaseCertificate? Certificate);

/// <summary>
/// The answer: the name masked as verification shows it, never the identity number; not found is one answer whatever did not match.
/// <paramref name="Consultations"/> (AUD-04): when, why and what of the person's data staff read in full — never who.
/// </summary>
public sealed record HolderCaseAnswer(HolderCaseResult Result, string? HolderName, IReadOnlyList<HolderCase> Cases,
    IReadOnlyList<Consultation> Consultations)
{
    public static readonly HolderCaseAnswer NotFound = new(HolderCaseResult.NotFound, null, [], []);
}

public static class LookUpHolderCasesEndpoint
{
    /// <summary>
    /// The person's cases, certificates and consultations, read whatever matched: skipping a read for "not found" would make a known
    /// identity number with a wrong name answer faster (a document that does not parse is the validation's 400).
    /// </summary>
    public static async Task<HolderCaseFacts> LoadAsync(LookUpHolderCases c, ICandidateCases candidates, IQuerySession session,
        CancellationToken ct)
    {
        IdentityDocument document;
        try { document = Document(c); }
        catch (InvalidValueException) { return HolderCaseFacts.None; }
        var cases = await candidates.OfPersonAsync(session, document.TypeCode, document.Number, (c.Name ?? "").Trim(), ct);
        var certificates = (await session.Registry().OfHolderAsync(document.Number, ct)).ToDictionary(r => (r.BatchId, r.CandidateId));
        // the same query whatever matched: a known number with a wrong name reads no more of the log than an unknown one
        var consultations = await PersonalDataConsultations.OfPersonAsync(session,
            cases.Count > 0 ? ConsultedPerson.PersonKey(document.TypeCode, document.Number) : "-", cases.Select(x => x.BatchId).ToList(),
            cases.Where(x => x.Outcome == CandidateOutcome.Qualified).Select(x => x.BatchId).ToList(), ct);
        return new HolderCaseFacts(cases, certificates, consultations);
    }

    public static ProblemDetails Validate(LookUpHolderCases c)
    {
        var errors = new Dictionary<string, string[]>();
        try { Document(c); }
        catch (InvalidValueException e) { errors[e.Field == "documentType" ? "documentType" : "documentNumber"] = [e.Message]; }
        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Trim().Length > 50) errors["name"] = ["请填写姓名（不超过50字）。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// The holder's own case lookup: each batch the person sat, where its results publicity and report stand, the result once
    /// publicized and the certificate once issued. Identity document and name must both match, otherwise the answer is the same
    /// "not found" as for an unknown person. Throttled per client like verification; every answer that shows a case is recorded.
    /// </summary>
    [AllowAnonymous]
    [ReadOnlyRequest]
    [EnableRateLimiting(RateLimitPolicies.PublicLookup)]
    [WolverinePost("/api/public/cases/lookup", OperationId = "lookUpHolderCases", Summary = "证书办理进度查询")]
    public static async Task<HolderCaseAnswer> Post(LookUpHolderCases c, HolderCaseFacts facts, LookupLog log, HttpContext http, Instant now)
    {
        var (cases, certificates, consultations) = (facts.Cases, facts.Certificates, facts.Consultations);
        if (cases.Count == 0) return HolderCaseAnswer.NotFound;
        var name = c.Name.Trim();
        var who = VerifyCertificateEndpoint.Who(http);
        var answers = new List<HolderCase>(cases.Count);
        foreach (var x in cases)
        {
            var row = certificates.GetValueOrDefault((x.BatchId, x.CandidateId));
            await log.RecordCaseAsync(x.BatchId, x.CandidateId, row?.Id, row?.Number, "identity-and-name", who, now);
            answers.Add(new HolderCase(x.OrganizationName, x.BatchTitle, x.Occupation, x.Level, SkillLevel.FromNumber(x.Level).FullName, x.ExamDays,
                x.Suspended, x.Outcome, x.Publicity, x.PublicityStart, x.PublicityEnd, x.Report, x.ReportedOn,
                row is null ? null : new HolderCaseCertificate(row.Number, row.IssuedOn, row.Status, row.RevokedOn)));
        }
        return new HolderCaseAnswer(HolderCaseResult.Found, Masking.Name(name), answers, consultations);
    }

    private static IdentityDocument Document(LookUpHolderCases c) =>
        IdentityDocument.Create(c.DocumentType ?? (int)IdentityDocumentType.ResidentIdCard, c.DocumentNumber);
}

/// <summary>What the holder's case lookup reads: the person's cases, their certificates by (batch, candidate) and consultations.</summary>
public sealed record HolderCaseFacts(IReadOnlyList<CandidateCase> Cases,
    IReadOnlyDictionary<(Guid BatchId, Guid CandidateId), CertificateRow> Certificates, IReadOnlyList<Consultation> Consultations)
{
    public static readonly HolderCaseFacts None = new([], new Dictionary<(Guid, Guid), CertificateRow>(), []);
}
