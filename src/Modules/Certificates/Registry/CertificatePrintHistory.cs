using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Marten;
using Wolverine.Marten;
using NodaTime;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Assessment.Certificates.Registry;

/// <summary>One print of a certificate: the paper (and the QR link on it) that stood from <paramref name="PrintedAt"/> on.</summary>
public sealed record CertificatePrintRow(Guid CertificateId, int PrintNumber, PrintKind Kind, LocalDate PrintedOn, Instant PrintedAt, string Token,
    string? Reason, string ByName, string ByRole);

/// <summary>
/// The prints of certificates that were printed again (补发, 更正): number, kind, date, who and why, and the QR token each
/// paper carries. A certificate never printed again has no rows here (its one print is its registry row); its first re-print
/// records print 1 from the registry row before it, so the token of every superseded paper stays answerable.
/// </summary>
public static class CertificatePrintTable
{
    public const string Name = "certificates.certificate_print";

    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName("certificates", "certificate_print", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("certificate_id").AsPrimaryKey();
        table.AddColumn<int>("print_number").AsPrimaryKey();
        table.AddColumn("kind", "text").NotNull();
        table.AddColumn("printed_on", "date").NotNull();
        table.AddColumn("printed_at", "timestamptz").NotNull();
        table.AddColumn("token", "text").NotNull();
        table.AddColumn("reason", "text");
        table.AddColumn("by_name", "text").NotNull();
        table.AddColumn("by_role", "text").NotNull();
        table.Indexes.Add(new IndexDefinition("ux_certificate_print_token") { IsUnique = true }.AgainstColumns("token"));
        return table;
    }

    public const string Columns = "certificate_id, print_number, kind, printed_on, printed_at, token, reason, by_name, by_role";

    /// <summary>An instant as a queued SQL command passes it (cast with ?::timestamptz:
    /// Marten would bind a DateTime as timestamp without zone).</summary>
    public static string Timestamp(Instant at) => NodaTime.Text.InstantPattern.ExtendedIso.Format(at);

    /// <summary>
    /// Queues, in the session's transaction, the record of a new print with its token (and of print 1, taken from the registry row
    /// before it changes, if this is the first re-print). Queue it before the registry row's update.
    /// </summary>
    public static void QueueNewPrint(IDocumentOperations operations, Guid certificateId, PrintKind kind, int printNumber, Instant at, string token,
        string reason, Actor by)
    {
        operations.QueueSqlCommand(
            $"insert into {Name} ({Columns}) select id, 1, '{nameof(PrintKind.Original)}', issued_on, issued_at, token, null, organization_name, " +
            $"'{Roles.Organization}' from {CertificateTable.Name} where id = ? and print_number = 1 on conflict do nothing",
            certificateId);
        operations.QueueSqlCommand($"insert into {Name} ({Columns}) values (?, ?, ?, ?::date, ?::timestamptz, ?, ?, ?, ?)",
            certificateId, printNumber, kind.ToString(), at.Date().ToString("yyyy-MM-dd", null), Timestamp(at), token, reason, by.Name, by.Role);
    }
}

/// <summary>
/// A change on a certificate's own stream, as a <c>Post</c> returns it: the stream starts with the certificate's first change after
/// issuance (issuance writes batch streams only), and the event is appended expecting the version the registry row showed (the
/// stream stays one behind the row, whose version 1 is the issuance) — a concurrent change makes Marten refuse (409). The registry
/// row follows through <see cref="CertificateRegistryProjection"/> in the same transaction.
/// </summary>
public sealed record CertificateStream(Guid CertificateId, int RowVersion, object Event) : IMartenOp
{
    public static CertificateStream Append(CertificateRow row, object @event) => new(row.Id, row.Version, @event);

    public void Execute(IDocumentSession session)
    {
        if (RowVersion == 1) session.Events.StartStream(CertificateId, Event);
        else session.Events.Append(CertificateId, RowVersion, Event);
    }
}
