using System.Security.Claims;
using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Marten;


namespace Assessment.Certificates.Verification;

public sealed record CertificateQuery(string Number, string Name);

/// <summary>Up to 1,000 certificates to verify in one call, each by number and holder name.</summary>
public sealed record VerifyCertificates(IReadOnlyList<CertificateQuery> Items);

public sealed record VerifiedCertificate(string Number, VerificationResultKind Result, PublicCertificate? Certificate);

public static class VerifyCertificatesEndpoint
{
    public const int MaxItems = 1_000;

    /// <summary>The registry rows of the numbers asked for, in one query (numbers that do not parse are the validation's 400).</summary>
    public static async Task<RegisteredNumbers> LoadAsync(VerifyCertificates c, IQuerySession session, CancellationToken ct)
    {
        var numbers = c.Items.Select(q => CertificateNumber.TryParse(q.Number, out var n) ? n.Value : null).OfType<string>().Distinct().ToList();
        return new RegisteredNumbers(numbers.Count == 0 ? new Dictionary<string, CertificateRow>()
            : (await session.Registry().FindByNumbersAsync(numbers, ct)).ToDictionary(r => r.Number));
    }

    public static ProblemDetails Validate(VerifyCertificates c)
    {
        if (c.Items.Count is 0 or > MaxItems) return Problems.Validation("items", $"每次核验1至{MaxItems}个证书。");
        var bad = c.Items.Select((q, i) => (q, i))
            .FirstOrDefault(x => !CertificateNumber.TryParse(x.q.Number, out _) || string.IsNullOrWhiteSpace(x.q.Name));
        return bad.q is not null ? Problems.Validation($"items[{bad.i}]", "请填写22位证书编号和持证人姓名。") : WolverineContinue.NoProblems;
    }

    /// <summary>CRT-04 for third-party systems (API key with <c>certificates:verify</c>): each answer as the public page gives it.</summary>
    [Authorize(Roles = SharedKernel.Events.Roles.ApiClient, Policy = ScopePolicies.CertificatesVerify)]
    [WolverinePost("/api/certificates/verifications", OperationId = "verifyCertificates", Summary = "批量核验证书")]
    public static async Task<IReadOnlyList<VerifiedCertificate>> Post(VerifyCertificates c, RegisteredNumbers registered, PublicCertificates answers,
        LookupLog log, HttpContext http, Instant now, CancellationToken ct)
    {
        var numbers = c.Items.Select(q => CertificateNumber.Parse(q.Number).Value).ToList();
        var rows = registered.ByNumber;
        var who = VerifyCertificateEndpoint.Who(http);
        var results = new List<VerifiedCertificate>(c.Items.Count);
        for (var i = 0; i < c.Items.Count; i++)
        {
            var row = rows.GetValueOrDefault(numbers[i]);
            if (row is not null && row.HolderName != c.Items[i].Name.Trim()) row = null;
            if (row is not null) await log.RecordAsync(row.Id, row.Number, "api-batch", who, now);
            var answer = await answers.AnswerAsync(row, ct);
            results.Add(new VerifiedCertificate(numbers[i], answer.Result, answer.Certificate));
        }
        return results;
    }
}

/// <summary>The registry's certificates among the numbers a verifier asked for, by number.</summary>
public sealed record RegisteredNumbers(IReadOnlyDictionary<string, CertificateRow> ByNumber);
