using JasperFx.Events;
using Marten;

namespace Assessment.SharedKernel.Events;

/// <summary>
/// Opens a sequence stream (filing numbers, certificate serials) once, in its own session before the caller's transaction,
/// so the caller can lock it with <c>FetchForExclusiveWriting</c>; a process opening it at the same moment is no error.
/// </summary>
public static class StreamStarts
{
    public static async Task EnsureAsync<TAggregate>(IDocumentStore store, Guid id, Func<object> opened, CancellationToken ct = default)
        where TAggregate : class
    {
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null) return;
        session.Events.StartStream<TAggregate>(id, opened());
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsStreamCollision(e))
        {
            // opened concurrently elsewhere: fine
        }
    }

    private static bool IsStreamCollision(Exception e) =>
        e is ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
        || e.InnerException is not null && IsStreamCollision(e.InnerException);
}
