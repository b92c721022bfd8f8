using System.Collections.Concurrent;

namespace Assessment.SharedKernel.Problems;

/// <summary>
/// Uniqueness the database guarantees — a unique index, or a stream whose id is the natural key — with what its violation tells a
/// person. A read-then-write check answers the common case early; when requests race past it, the commit fails on the index or the
/// stream and the host answers the same 409 from here, never a 500.
/// </summary>
public static class UniqueKeys
{
    public const string DuplicateCode = "duplicate";

    public const string GenericDetail = "该记录与已有记录重复。";

    private static readonly ConcurrentDictionary<string, (string Detail, string Code)> Keys = new(StringComparer.Ordinal);

    /// <summary>Declares a unique index by its name (lower case, as PostgreSQL reports it) and returns the name for the index definition.</summary>
    public static string Index(string name, string detail, string code = DuplicateCode)
    {
        Keys[name] = (detail, code);
        return name;
    }

    /// <summary>Declares that a second start of a <typeparamref name="TAggregate"/> stream is a duplicate, not a stale version.</summary>
    public static void Stream<TAggregate>(string detail, string code = DuplicateCode) => Keys[StreamKey(typeof(TAggregate))] = (detail, code);

    /// <summary>The answer for a violated unique index: the declared one, or a generic duplicate.</summary>
    public static (string Detail, string Code) ForIndex(string? constraint) =>
        constraint is not null && Keys.TryGetValue(constraint, out var key) ? key : (GenericDetail, DuplicateCode);

    /// <summary>The answer for a stream started twice, when its aggregate was declared with <see cref="Stream{TAggregate}"/>.</summary>
    public static (string Detail, string Code)? ForStream(Type? aggregate) =>
        aggregate is not null && Keys.TryGetValue(StreamKey(aggregate), out var key) ? key : null;

    private static string StreamKey(Type aggregate) => "stream:" + aggregate.FullName;
}
