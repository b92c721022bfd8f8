using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Certificates.Issuance;

/// <summary>Resume a halted issuance (e.g. after the authority allocated a new number range), sending the version last read.</summary>
public sealed record ResumeIssuance(long Version);

/// <summary>What resuming decides on: the batch, its issuance (loaded for writing), the candidate it stopped at with that level's
/// serial sequence for this year, and where the batch's jurisdiction takes serials from.</summary>
public sealed record ResumeFacts(AcceptedBatch Batch, IEventStream<BatchIssuance> Issuance, QualifiedCandidate? Next,
    CertificateSerialSequence? Sequence,
    SerialSource Source)
{
    public IssuanceOfBatch Subject => new(Batch, Issuance.Aggregate);
}

public static class ResumeIssuanceEndpoint
{
    public static async Task<ResumeFacts?> LoadAsync(Guid batchId, IDocumentSession session, PolicyCatalog catalog, Instant now, CancellationToken ct)
    {
        // everything the decision reads, read in the transaction its event commits in
        await session.BeginTransactionAsync(ct);
        var batch = await session.LoadAsync<AcceptedBatch>(batchId);
        if (batch is null) return null;
        var stream = await session.Events.FetchForWriting<BatchIssuance>(BatchIssuance.StreamFor(batchId));
        if (stream.Aggregate is not { } issuance) return null;
        var next = (await QualifiedCandidateTable.SliceAsync((Npgsql.NpgsqlConnection)session.Connection!, batchId, issuance.Done, 1, ct))
            .FirstOrDefault();
        var sequence = next is null
            ? null
            : await session.LoadAsync<CertificateSerialSequence>(
                CertificateSerials.SequenceId(batch.OrganizationId, now.InZone(SharedKernel.ChinaTime.Zone).Year, next.Level));
        return new ResumeFacts(batch, stream, next, sequence, SerialSource.Of(catalog.Get(batch.Jurisdiction)));
    }

    public static ProblemDetails Before(ResumeFacts? facts, AccessContext caller) =>
        IssuanceGuards.Table.Check(IssuanceGuards.Resume, facts?.Subject, caller);

    /// <summary>
    /// CRT-02: carry on a halted issuance from where it stopped — once the level it numbers next has serials again (CRT-01 [AH]:
    /// a new range allocated). Answers the progress; the rest is issued in the background.
    /// </summary>
    [Authorize(Roles = CertificateAccess.OrganizationRoles + "," + Roles.Reviewer, Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificate-issuances/{batchId}/resume", OperationId = IssuanceGuards.Resume, Summary = "恢复发证")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static (IssuanceProgress, IssueNextCertificates) Post(ResumeIssuance command, ResumeFacts? facts, AccessContext caller, Instant now,
        Actor by)
    {
        var issuance = facts!.Issuance.Aggregate!;
        ExpectedVersion.Check(command.Version, issuance.Version);
        var resumed = IssuanceDecider.Resume(issuance, facts.Next, facts.Sequence, facts.Source, now, by);
        facts.Issuance.AppendOne(resumed);
        var progress = IssuanceViews.Of(facts.Batch, issuance, caller) with
        {
            Status = IssuanceStatus.Running, HaltedRule = null, HaltedReason = null, Version = issuance.Version + 1, Actions = [],
        };
        return (progress, new IssueNextCertificates(facts.Batch.Id, by));
    }
}
