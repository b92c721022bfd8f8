using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using JasperFx;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace Assessment.Filing.Numbering;

public sealed record FilingNumberAssigned(Guid SequenceId, string Number, int Serial, Guid OrganizationId, Instant AssignedAt, Actor By);

/// <summary>FIL-24: a cancelled number goes to the discard pool and is never assigned again.</summary>
public sealed record FilingNumberDiscarded(Guid SequenceId, string Number, string Reason, Instant DiscardedAt, Actor By);

/// <summary>One serial sequence per province and city code (FIL-24: "serial per city in order").</summary>
public sealed class FilingNumberSequence
{
    public Guid Id { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }

    public int LastSerial { get; set; }
    public List<string> Discarded { get; set; } = [];

    public static FilingNumberSequence Create(FilingNumberAssigned e) => new() { Id = e.SequenceId, LastSerial = e.Serial };

    public void Apply(FilingNumberAssigned e) => LastSerial = e.Serial;

    public void Apply(FilingNumberDiscarded e) => Discarded.Add(e.Number);
}

/// <summary>
/// Assigns filing numbers without duplicates or holes: the next serial is the last one plus one, appended with the
/// stream version it was computed from; a concurrent assignment makes the append fail and the allocator tries again.
/// Serials only grow, so discarded numbers are never reused.
/// </summary>
public sealed class FilingNumberAllocator(IDocumentStore store, IClock clock)
{
    private const int MaxAttempts = 100;

    public static (string ProvinceCode, string CityCode) CodesFor(JurisdictionPolicy policy, PolicyCatalog catalog, string organizationArea)
    {
        var numbering = policy.Filing.Numbering;
        foreach (var authority in catalog.Ancestry(organizationArea))
        {
            if (numbering.CityCodes.TryGetValue(authority.Code, out var city)) return (numbering.ProvinceCode, city);
        }
        throw new BusinessRuleException(new RuleViolation("FIL-24", "filing-number.no-city-code",
            $"{policy.ShortName}的备案号编码方案中没有机构所在地对应的市级代码。"));
    }

    public static Guid SequenceId(string provinceCode, string cityCode) => StreamIds.FromName($"filing-number:{provinceCode}{cityCode}");

    public async Task<FilingNumber> AssignAsync(JurisdictionPolicy policy, PolicyCatalog catalog, string organizationArea,
        OrganizationCategory category, Guid organizationId, Actor by, CancellationToken ct = default)
    {
        var (province, city) = CodesFor(policy, catalog, organizationArea);
        var sequenceId = SequenceId(province, city);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<FilingNumberSequence>(sequenceId, ct);
            var serial = (stream.Aggregate?.LastSerial ?? 0) + 1;
            if (serial > 9999)
                throw new BusinessRuleException(new RuleViolation("FIL-24", "filing-number.exhausted", $"市级代码{city}的备案号流水号已用完（9999）。"));
            var number = FilingNumber.Create(category, policy.Filing.Numbering.OrganizationCode, province, city, serial);
            stream.AppendOne(new FilingNumberAssigned(sequenceId, number.Value, serial, organizationId, clock.GetCurrentInstant(), by));
            try
            {
                await session.SaveChangesAsync(ct);
                return number;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsConcurrencyConflict(e))
            {
                await Task.Delay(Random.Shared.Next(5, 25) * Math.Min(attempt, 5), ct);
            }
        }
    }

    public async Task DiscardAsync(FilingNumber number, string reason, Actor by, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var sequenceId = SequenceId(number.ProvinceCode, number.CityCode);
        var stream = await session.Events.FetchForExclusiveWriting<FilingNumberSequence>(sequenceId, ct);
        if (stream.Aggregate is null || number.Serial > stream.Aggregate.LastSerial)
            throw new BusinessRuleException(new RuleViolation("FIL-24", "filing-number.not-assigned", $"备案号{number}尚未分配，不能作废。"));
        if (stream.Aggregate.Discarded.Contains(number.Value)) return;
        stream.AppendOne(new FilingNumberDiscarded(sequenceId, number.Value, reason, clock.GetCurrentInstant(), by));
        await session.SaveChangesAsync(ct);
    }

    private static bool IsConcurrencyConflict(Exception e) =>
        e is ConcurrencyException or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
        || e.InnerException is not null && IsConcurrencyConflict(e.InnerException);
}
