using Assessment.SharedKernel;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Api.Privacy;

/// <summary>
/// One read of personal data as the auditor sees it: who (name, role, unit and relation to the data), when, why, through which
/// operation, which fields, and whose data (masked) or which scope with its row count.
/// </summary>
public sealed record PersonalDataReadEntry(Guid Id, Instant At, Guid ReaderId, string ReaderName, string ReaderRoleName, string? ReaderUnit,
    string RelationName, string PurposeName, string Operation, string OperationName, IReadOnlyList<string> Fields, string ScopeKind, Guid ScopeId,
    string ScopeTitle, string? PersonName, string? PersonDocumentNumber, int RowCount, Guid? ReaderOrganizationId, Guid? BatchId);

public static class ListPersonalDataReadsEndpoint
{
    /// <summary>
    /// AUD-04: the read log for auditors, newest first — of one person (<c>documentNumber</c>, with <c>documentType</c>, 201 by
    /// default: reads of their record and exports over the batches they were entered in) or by one reader (<c>readerId</c>).
    /// </summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/personal-data-reads", OperationId = "listPersonalDataReads", Summary = "查询个人信息查阅记录")]
    public static async Task<Paged<PersonalDataReadEntry>> Get(IQuerySession session, PolicyCatalog catalog, IOrganizationNames organizations,
        ICandidateCases candidates, string? documentNumber, int? documentType, Guid? readerId, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        IQueryable<PersonalDataReadRecord> reads = session.Query<PersonalDataReadRecord>();
        if (!string.IsNullOrWhiteSpace(documentNumber))
        {
            var document = IdentityDocument.Create(documentType ?? (int)IdentityDocumentType.ResidentIdCard, documentNumber);
            var key = ConsultedPerson.PersonKey(document.TypeCode, document.Number);
            var batches = (await candidates.BatchesOfAsync(session, document.TypeCode, document.Number, ct)).ToArray();
            reads = reads.Where(r => r.PersonKey == key || (r.PersonKey == null && r.BatchId.IsOneOf(batches)));
        }
        if (readerId is { } reader) reads = reads.Where(r => r.ReaderId == reader);
        var list = await paging.Of(reads.OrderByDescending(r => r.At), r => r, ct);
        var orgIds = list.Items.Select(r => r.ReaderOrganization).OfType<Guid>().Distinct().ToList();
        var names = orgIds.Count == 0 ? new Dictionary<Guid, string>() : await organizations.NamesAsync(orgIds, ct);
        return new Paged<PersonalDataReadEntry>(list.Items.Select(r => Entry(r, catalog, names)).ToList(), list.Total, list.Page, list.PageSize);
    }

    private static PersonalDataReadEntry Entry(PersonalDataReadRecord r, PolicyCatalog catalog, IReadOnlyDictionary<Guid, string> organizations)
    {
        var unit = r.ReaderAuthority is { } a ? catalog.FindAuthority(a)?.Name ?? a
            : r.ReaderOrganization is { } o ? organizations.GetValueOrDefault(o, "评价机构") : null;
        var purpose = r.Purpose == ReadPurpose.Other && r.PurposeNote is { } note ? $"其他：{note}" : StatedPurpose.Names[r.Purpose];
        return new PersonalDataReadEntry(r.Id, r.At, r.ReaderId, r.ReaderName, Roles.DisplayName(r.ReaderRole), unit,
            PersonalDataRule.RelationNames[r.Relation], purpose, r.Operation, r.OperationName, r.Fields.Select(f => PersonalFields.Names[f]).ToList(),
            r.ScopeKind, r.ScopeId, r.ScopeTitle, r.PersonMaskedName, r.PersonMaskedNumber, r.RowCount, r.ReaderOrganization,
            r.BatchId == Guid.Empty ? null : r.BatchId);
    }
}
