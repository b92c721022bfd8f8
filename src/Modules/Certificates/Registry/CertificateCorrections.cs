using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Values;
using NodaTime;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Assessment.Certificates.Registry;

/// <summary>The holder's data as the registry holds it (附件5): name, identity document and employer (所在单位).</summary>
public sealed record CertificateHolder(string Name, int DocumentType, string DocumentNumber, string Employer)
{
    public static CertificateHolder Of(CertificateRow row) => new(row.HolderName, row.DocumentType, row.DocumentNumber, row.Employer);

    /// <summary>The fields (request field names) whose value differs in <paramref name="other"/>.</summary>
    public IReadOnlyList<string> ChangedIn(CertificateHolder other)
    {
        var changed = new List<string>();
        if (Name != other.Name) changed.Add(Fields.HolderName);
        if (DocumentType != other.DocumentType) changed.Add(Fields.DocumentType);
        if (DocumentNumber != other.DocumentNumber) changed.Add(Fields.DocumentNumber);
        if (Employer != other.Employer) changed.Add(Fields.Employer);
        return changed;
    }

    /// <summary>The correctable fields by their request names, with the names people read (the term list).</summary>
    public static class Fields
    {
        public const string HolderName = "holderName";
        public const string DocumentType = "documentType";
        public const string DocumentNumber = "documentNumber";
        public const string Employer = "employer";

        public static readonly IReadOnlyList<SharedKernel.Reference.Term> Names =
            [new(HolderName, "姓名"), new(DocumentType, "证件类型"), new(DocumentNumber, "证件号码"), new(Employer, "所在单位")];
    }
}

public enum CertificateCorrectionStatus { Open, Approved, Rejected, Withdrawn }

/// <summary>A request to correct a certificate's holder data, and the authority's decision on it.</summary>
public sealed record CertificateCorrectionRow(Guid Id, Guid CertificateId, CertificateCorrectionStatus Status, CertificateHolder Previous,
    CertificateHolder Proposed, string Reason, Instant RequestedAt, string RequestedBy, Instant? DecidedAt, string? DecidedBy, string? DecisionReason,
    int? PrintNumber);

/// <summary>
/// Correction requests beside the registry, written in the transaction of the certificate's events (the events keep the
/// history; this table answers the approval queue). At most one open request per certificate, enforced here too.
/// </summary>
public static class CertificateCorrectionTable
{
    public const string Name = "certificates.certificate_correction";

    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName("certificates", "certificate_correction", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<Guid>("certificate_id").NotNull();
        table.AddColumn("state", "text").NotNull();
        table.AddColumn("old_holder_name", "text").NotNull();
        table.AddColumn<int>("old_document_type").NotNull();
        table.AddColumn("old_document_number", "text").NotNull();
        table.AddColumn("old_employer", "text").NotNull();
        table.AddColumn("new_holder_name", "text").NotNull();
        table.AddColumn<int>("new_document_type").NotNull();
        table.AddColumn("new_document_number", "text").NotNull();
        table.AddColumn("new_employer", "text").NotNull();
        table.AddColumn("reason", "text").NotNull();
        table.AddColumn("requested_at", "timestamptz").NotNull();
        table.AddColumn("requested_by", "text").NotNull();
        table.AddColumn("decided_at", "timestamptz");
        table.AddColumn("decided_by", "text");
        table.AddColumn("decision_reason", "text");
        table.AddColumn<int>("approved_print");
        table.Indexes.Add(new IndexDefinition("ux_certificate_correction_open") { IsUnique = true, Predicate = "state = 'Open'" }
            .AgainstColumns("certificate_id"));
        table.Indexes.Add(new IndexDefinition("ix_certificate_correction_certificate").AgainstColumns("certificate_id", "requested_at"));
        table.Indexes.Add(new IndexDefinition("ix_certificate_correction_state").AgainstColumns("state", "requested_at"));
        return table;
    }

    public const string Columns =
        "r.id, r.certificate_id, r.state, r.old_holder_name, r.old_document_type, r.old_document_number, r.old_employer, r.new_holder_name, " +
        "r.new_document_type, r.new_document_number, r.new_employer, r.reason, r.requested_at, r.requested_by, r.decided_at, r.decided_by, " +
        "r.decision_reason, r.approved_print";

    /// <summary>Corrections joined to their certificates: the certificate's
    /// columns first (unqualified filters name them), then the request's.</summary>
    public static readonly string Select =
        $"select {string.Join(", ", CertificateTable.Columns.Split(", ").Select(c => "c." + c))}, {Columns} " +
        $"from {Name} r join {CertificateTable.Name} c on c.id = r.certificate_id";

    internal static CertificateCorrectionRow Read(NpgsqlDataReader r, int o) => new(
        r.GetGuid(o), r.GetGuid(o + 1), Enum.Parse<CertificateCorrectionStatus>(r.GetString(o + 2)),
        new CertificateHolder(r.GetString(o + 3), r.GetInt32(o + 4), r.GetString(o + 5), r.GetString(o + 6)),
        new CertificateHolder(r.GetString(o + 7), r.GetInt32(o + 8), r.GetString(o + 9), r.GetString(o + 10)),
        r.GetString(o + 11), Instant(r, o + 12), r.GetString(o + 13), r.IsDBNull(o + 14) ? null : Instant(r, o + 14),
        r.IsDBNull(o + 15) ? null : r.GetString(o + 15), r.IsDBNull(o + 16) ? null : r.GetString(o + 16),
        r.IsDBNull(o + 17) ? null : r.GetInt32(o + 17));

    private static Instant Instant(NpgsqlDataReader r, int i)
        => NodaTime.Instant.FromDateTimeUtc(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));
}

/// <summary>A correction request with the certificate it would change, as read together.</summary>
public sealed record CertificateCorrectionFacts(CertificateCorrectionRow Correction, CertificateRow Certificate);

/// <summary>Reads of the prints and correction requests that sit beside the registry.</summary>
public static class CertificateHistoryReads
{
    private static readonly int CertificateColumnCount = CertificateTable.Columns.Split(", ").Length;

    public static async Task<CertificateCorrectionFacts?> FindCorrectionAsync(this CertificateDatabase database,
        Guid correctionId, CancellationToken ct = default) =>
        (await database.CorrectionsAsync($"{CertificateCorrectionTable.Select} where r.id = $1", ct, correctionId)).FirstOrDefault();

    public static async Task<IReadOnlyList<CertificateCorrectionRow>> CorrectionsOfAsync(this CertificateDatabase database, Guid certificateId,
        CancellationToken ct = default) =>
        (await database.CorrectionsAsync(
            $"{CertificateCorrectionTable.Select} where r.certificate_id = $1 order by r.requested_at desc", ct, certificateId))
        .Select(x => x.Correction).ToList();

    /// <summary>One page of correction requests; <paramref name="where"/> uses $1… for
    /// <paramref name="parameters"/> and may name the certificate's columns.</summary>
    public static async Task<(IReadOnlyList<CertificateCorrectionFacts> Rows, long Total)> PageCorrectionsAsync(
        this CertificateDatabase database, string where, object[] parameters, int page, int size, CancellationToken ct = default)
    {
        var total = await database.ReadAsync(
            $"select count(*) from {CertificateCorrectionTable.Name} r join {CertificateTable.Name} c on c.id = r.certificate_id where {where}",
            parameters, false, async (r, ct) => await r.ReadAsync(ct) ? r.GetInt64(0) : 0, ct);
        var rows = await database.CorrectionsAsync(
            $"{CertificateCorrectionTable.Select} where {where} order by r.requested_at desc, r.id limit {size} offset {(page - 1) * size}",
            ct, parameters);
        return (rows, total);
    }

    /// <summary>A certificate's prints, first to last; one never printed again has only its issuance, told by the registry row.</summary>
    public static async Task<IReadOnlyList<CertificatePrintRow>> PrintsOfAsync(this CertificateDatabase database, CertificateRow row,
        CancellationToken ct = default)
    {
        var prints = await database.PrintsAsync(
            $"select {CertificatePrintTable.Columns} from {CertificatePrintTable.Name} where certificate_id = $1 order by print_number",
            ct, row.Id);
        return prints.Count > 0 ? prints : [new CertificatePrintRow(row.Id, 1, PrintKind.Original, row.IssuedOn, row.IssuedAt, row.Token, null,
            row.OrganizationName, SharedKernel.Events.Roles.Organization)];
    }

    /// <summary>The print whose QR code carries <paramref name="token"/>, if that token was ever printed.</summary>
    public static async Task<CertificatePrintRow?> FindPrintByTokenAsync(this CertificateDatabase database, string token,
        CancellationToken ct = default) =>
        (await database.PrintsAsync($"select {CertificatePrintTable.Columns} from {CertificatePrintTable.Name} where token = $1", ct, token))
            .FirstOrDefault();

    private static Task<List<CertificateCorrectionFacts>> CorrectionsAsync(this CertificateDatabase database, string sql,
        CancellationToken ct, params object[] parameters) =>
        database.ReadAsync(sql, parameters, false, async (reader, ct) =>
        {
            var rows = new List<CertificateCorrectionFacts>();
            while (await reader.ReadAsync(ct))
                rows.Add(new CertificateCorrectionFacts(CertificateCorrectionTable.Read(reader, CertificateColumnCount),
                    CertificateDatabase.Read(reader)));
            return rows;
        }, ct);

    private static Task<List<CertificatePrintRow>> PrintsAsync(this CertificateDatabase database, string sql, CancellationToken ct,
        params object[] parameters) =>
        database.ReadAsync(sql, parameters, true, async (reader, ct) =>
        {
            var rows = new List<CertificatePrintRow>();
            while (await reader.ReadAsync(ct))
                rows.Add(new CertificatePrintRow(reader.GetGuid(0), reader.GetInt32(1), Enum.Parse<PrintKind>(reader.GetString(2)),
                    CertificateDatabase.Date(reader.GetFieldValue<DateOnly>(3)),
                    Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8)));
            return rows;
        }, ct);
}

/// <summary>Holder data as the caller may see it: in full for those who may see personal data, masked for the others.</summary>
public sealed record CertificateHolderView(string Name, int DocumentType, string DocumentTypeName, string DocumentNumber, string Employer)
{
    public static CertificateHolderView Of(CertificateHolder h, bool full) => new(full ? h.Name : Masking.Name(h.Name), h.DocumentType,
        IdentityDocumentTypes.Names.TryGetValue((IdentityDocumentType)h.DocumentType, out var name)
            ? name
            : h.DocumentType.ToString(System.Globalization.CultureInfo.InvariantCulture),
        full ? h.DocumentNumber : Masking.Document(h.DocumentNumber), h.Employer);
}

/// <summary>
/// A correction request as its organization and the authorities see it. <see cref="Version"/> is the certificate's version:
/// the decision is a change of the certificate and sends it.
/// </summary>
public sealed record CertificateCorrectionItem(Guid Id, Guid CertificateId, string CertificateNumber, string OrganizationName, string Occupation,
    string LevelName, string BatchTitle, CertificateStatus CertificateStatus, CertificateCorrectionStatus Status, CertificateHolderView Previous,
    CertificateHolderView Proposed, IReadOnlyList<string> ChangedFields, string Reason, Instant RequestedAt, string RequestedBy, Instant? DecidedAt,
    string? DecidedBy, string? DecisionReason, int? PrintNumber, bool PersonalDataMasked, int Version, IReadOnlyList<string> Actions);

public static class CertificateCorrectionViews
{
    /// <summary>The request with the decisions the caller may take now (<see cref="CertificateCorrectionGuards"/>).</summary>
    public static CertificateCorrectionItem Item(CertificateCorrectionRow r, CertificateRow c, AccessContext caller, PersonalDataView view)
    {
        var full = view == PersonalDataView.Full;
        return new CertificateCorrectionItem(r.Id, c.Id, c.Number, c.OrganizationName, c.Occupation, SkillLevel.FromNumber(c.Level).FullName,
            c.BatchTitle,
            c.Status, r.Status, CertificateHolderView.Of(r.Previous, full), CertificateHolderView.Of(r.Proposed, full),
            r.Previous.ChangedIn(r.Proposed),
            r.Reason, r.RequestedAt, r.RequestedBy, r.DecidedAt, r.DecidedBy, r.DecisionReason, r.PrintNumber, !full, c.Version,
            CertificateCorrectionGuards.Table.Actions(new CertificateCorrectionFacts(r, c), caller));
    }
}
