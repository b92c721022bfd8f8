using NodaTime;

namespace Assessment.Api.Audit;

/// <summary>
/// What one person (or the platform itself) did on one day (Asia/Shanghai): how many events they caused, of which kinds, and
/// the last one's position in the event log. Kept by the asynchronous daemon (<see cref="ActorActivityProjection"/>), so it
/// trails the log by seconds; <see cref="LastSequence"/> says how far.
/// </summary>
public sealed class ActorActivity
{
    /// <summary>"{userId:N}/{yyyy-MM-dd}": one document per actor and day.</summary>
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string? AuthorityCode { get; set; }
    public Guid? OrganizationId { get; set; }
    /// <summary>A <see cref="DateOnly"/>: Marten filters and orders by it (not by a NodaTime value) in SQL.</summary>
    public DateOnly Day { get; set; }
    public int Events { get; set; }
    /// <summary>Event type name → how many of them.</summary>
    public Dictionary<string, int> Kinds { get; set; } = new();
    public long LastSequence { get; set; }

    public static string KeyOf(Guid userId, LocalDate day) => $"{userId:N}/{day:yyyy-MM-dd}";
}
