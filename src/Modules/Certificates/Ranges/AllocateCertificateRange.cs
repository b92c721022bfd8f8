using Assessment.Certificates.Issuance;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Certificates.Ranges;

/// <summary>
/// Allocate serials <see cref="From"/>…<see cref="To"/> (six digits each) of one issue year and level to an organization, under the
/// authority's document, sending the version of that year and level's ranges last read (0 when it has none).
/// </summary>
public sealed record AllocateCertificateRange(Guid OrganizationId, int Year, int Level, string From, string To, string DocumentNumber, string? Reason,
    long Version);

public static class AllocateCertificateRangeEndpoint
{
    public static async Task<RangeAllocation?> LoadAsync(AllocateCertificateRange command, IOrganizationFilings filings, IDocumentSession session,
        PolicyCatalog catalog, CancellationToken ct)
    {
        // an organization gets certificate numbers only under a filing: one without is unknown here
        var filed = await filings.OfOrganizationAsync(session, command.OrganizationId, ct);
        if (filed.Count == 0 || !catalog.IsKnownArea(filed[0].OrganizationAreaCode)) return null;
        var area = filed[0].OrganizationAreaCode;
        var holder = new RangeHolder(command.OrganizationId, filed[0].OrganizationName, area, catalog.PolicyForArea(area));
        // the lock issuance takes too: an allocation waits for a running chunk, and a chunk sees a committed allocation
        var stream = await session.Events.FetchForExclusiveWriting<CertificateSerialSequence>(
            CertificateSerials.SequenceId(holder.OrganizationId, command.Year, command.Level), ct);
        return new RangeAllocation(holder, stream);
    }

    public static ProblemDetails Before(RangeAllocation? allocation, AccessContext caller) => RangeGuards.Check(allocation?.Holder, caller);

    public static ProblemDetails Validate(AllocateCertificateRange c)
    {
        var errors = new Dictionary<string, string[]>();
        if (c.Year is < 2000 or > 2099) errors["year"] = ["发证年度应为2000至2099年。"];
        if (c.Level is < 1 or > 5) errors["level"] = ["职业技能等级应为1至5级。"];
        if (!IsSixDigits(c.From)) errors["from"] = ["起始号应为6位数字，如000001。"];
        if (!IsSixDigits(c.To)) errors["to"] = ["终止号应为6位数字，如000500。"];
        if (string.IsNullOrWhiteSpace(c.DocumentNumber) || c.DocumentNumber.Trim().Length > 100) errors["documentNumber"] = ["请填写分配号段的文号（不超过100字）。"];
        if (c.Reason is { Length: > 500 }) errors["reason"] = ["说明不超过500字。"];
        if (c.Version < 0) errors["version"] = ["版本号不能为负数。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// CRT-01 [AH] (附件5 备注4, 证书编号按省鉴定中心统一分配的号段): the allocating authority gives the organization a range of serials for
    /// a year and level; ranges of one organization, year and level never overlap. Issuance takes serials from the lowest range with
    /// room and halts when they run out. Answers the year and level's ranges with their use.
    /// </summary>
    [Authorize(Roles = Roles.Reviewer + "," + Roles.ApiClient, Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificate-ranges", OperationId = RangeGuards.Allocate, Summary = "分配证书编号号段")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static CertificateSerialRanges Post(AllocateCertificateRange command, RangeAllocation? allocation, AccessContext caller,
        PolicyCatalog catalog, Instant now, Actor by)
    {
        var (holder, stream) = allocation!;
        var id = stream.Id;
        var sequence = stream.Aggregate;
        ExpectedVersion.Check(command.Version, CertificateRangeViews.VersionOf(sequence));
        var allocated = RangeDecider.Allocate(sequence, holder, command, now, by);
        CertificateSerialSequence after;
        if (sequence is null)
        {
            // a first allocation opens the sequence in this transaction; one opened meanwhile makes the commit a 409
            var opened = new CertificateSerialsOpened(id, holder.OrganizationId, command.Year, command.Level, now, by);
            stream.AppendMany(opened, allocated);
            after = CertificateSerialSequence.Create(opened);
            after.Version = 1;
        }
        else
        {
            stream.AppendOne(allocated);
            after = sequence.Copy();
        }
        after.Apply(allocated);
        after.Version++;
        return CertificateRangeViews.Of(after, caller, catalog);
    }

    private static bool IsSixDigits(string? s) => s is { Length: 6 } && s.All(char.IsAsciiDigit);
}

/// <summary>An allocation's holder and its year and level's serial sequence, loaded for exclusive writing.</summary>
public sealed record RangeAllocation(RangeHolder Holder, JasperFx.Events.IEventStream<CertificateSerialSequence> Stream);
