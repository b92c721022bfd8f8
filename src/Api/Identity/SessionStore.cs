using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NodaTime;

namespace Assessment.Api.Identity;

/// <summary>
/// A signed-in browser session, kept on the server: the cookie carries only its key. Signing out deletes it, so a
/// copied cookie is worthless afterwards. (Disabling an account or changing its password ends its sessions through the
/// security stamp the cookie validation checks.)
/// </summary>
public sealed class AuthSession
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public byte[] Ticket { get; set; } = [];
    public Instant CreatedAt { get; set; }
    public Instant ExpiresAt { get; set; }
    /// <summary>The same moment, queryable (Marten's LINQ does not compare NodaTime values): to sweep expired sessions.</summary>
    public long ExpiresAtUnixMs { get; set; }
}

/// <remarks>
/// Session lifetimes run on the wall clock (as the cookie handler's own expiry does), never on the business clock that
/// tests and the adjustable e2e clock move.
/// </remarks>
public sealed class MartenTicketStore(IDocumentStore store) : ITicketStore
{
    private static readonly IClock clock = NodaTime.SystemClock.Instance;
    private static readonly Duration DefaultLifetime = Duration.FromHours(8);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var now = clock.GetCurrentInstant();
        var session = new AuthSession
        {
            Id = Guid.CreateVersion7(), AccountId = AccountOf(ticket), Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now, ExpiresAt = ExpiresAt(ticket, now),
        };
        session.ExpiresAtUnixMs = session.ExpiresAt.ToUnixTimeMilliseconds();
        await using var write = store.LightweightSession();
        write.Store(session);
        var nowMs = now.ToUnixTimeMilliseconds();
        write.DeleteWhere<AuthSession>(s => s.ExpiresAtUnixMs < nowMs);
        await write.SaveChangesAsync();
        return session.Id.ToString();
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (!Guid.TryParse(key, out var id)) return;
        await using var write = store.LightweightSession();
        var session = await write.LoadAsync<AuthSession>(id);
        if (session is null) return; // signed out meanwhile: stays signed out
        session.Ticket = TicketSerializer.Default.Serialize(ticket);
        session.ExpiresAt = ExpiresAt(ticket, clock.GetCurrentInstant());
        session.ExpiresAtUnixMs = session.ExpiresAt.ToUnixTimeMilliseconds();
        write.Store(session);
        await write.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!Guid.TryParse(key, out var id)) return null;
        await using var read = store.QuerySession();
        var session = await read.LoadAsync<AuthSession>(id);
        if (session is null || session.ExpiresAt <= clock.GetCurrentInstant()) return null;
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        if (!Guid.TryParse(key, out var id)) return;
        await using var write = store.LightweightSession();
        write.Delete<AuthSession>(id);
        await write.SaveChangesAsync();
    }

    private static Guid AccountOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    private static Instant ExpiresAt(AuthenticationTicket ticket, Instant now) =>
        ticket.Properties.ExpiresUtc is { } expires ? Instant.FromDateTimeOffset(expires) : now + DefaultLifetime;
}
