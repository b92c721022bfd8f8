using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Recording;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.SharedKernel.Privacy;

/// <summary>
/// AUD-04: every answer that shows personal data in full goes through <see cref="RevealAsync"/>: it asks the one rule
/// (<see cref="PersonalDataRule"/>), requires the stated purpose (400 without) and records the read — off the request path, in
/// bulk, each read one <see cref="PersonalDataConsulted"/> event (its own stream), never dropped.
/// </summary>
public sealed class PersonalDataReads(IDocumentStore store, ILogger<PersonalDataReads> logger)
    : BackgroundRecorder<PersonalDataConsulted>(10_000, logger)
{
    public const string Schema = "privacy";

    /// <summary>
    /// What the caller gets of one record or export over <paramref name="holder"/>'s data. Full: the request must state its purpose
    /// (else <paramref name="problem"/> is the 400) and the read is handed to the log before the answer goes out. Masked or none: nothing recorded.
    /// </summary>
    public async Task<(PersonalDataView View, ProblemDetails? Problem)> RevealAsync(AccessContext caller, HttpRequest request,
        PersonalDataHolder holder,
        string operation, string operationName, IReadOnlyList<PersonalField> fields, ReadScope scope, CancellationToken ct)
    {
        var view = PersonalDataRule.ForOneRecord(caller, holder);
        if (view != PersonalDataView.Full) return (view, null);
        if (!StatedPurpose.TryRead(request, out var purpose, out var problem)) return (view, problem);
        var relation = PersonalDataRule.RelationOf(caller.User, holder, caller.Access);
        await RecordAsync(new PersonalDataConsulted(Guid.CreateVersion7(), caller.User.ToActor(), relation, purpose, operation, operationName,
            fields, scope, caller.Now), ct);
        return (view, null);
    }

    protected override async Task WriteAsync(IReadOnlyList<PersonalDataConsulted> records, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        foreach (var read in records) session.Events.StartStream<PersonalDataReadRecord>(read.ReadId, read);
        await session.SaveChangesAsync(ct);
    }
}
