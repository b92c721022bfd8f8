using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using NodaTime;

namespace Assessment.Filing.Numbering;

/// <summary>A city's serial sequence exists (opened before its first number, so the first assignment can lock it).</summary>
public sealed record FilingNumberSequenceOpened(Guid SequenceId, string ProvinceCode, string CityCode, Instant OpenedAt, Actor By);

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

    public static FilingNumberSequence Create(FilingNumberSequenceOpened e) => new() { Id = e.SequenceId };

    public void Apply(FilingNumberAssigned e) => LastSerial = e.Serial;

    public void Apply(FilingNumberDiscarded e) => Discarded.Add(e.Number);
}

/// <summary>
/// Assigns filing numbers without duplicates or holes. The assignment is appended to the caller's session, so it commits
/// together with the grant or not at all; the sequence stream is locked (SELECT … FOR UPDATE) until then, so concurrent
/// grants in one city queue up and take consecutive serials. Serials only grow: discarded numbers are never reused.
/// </summary>
public sealed class FilingNumberAllocator(IDocumentStore store, IClock clock)
{
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

    /// <summary>Appends the next number of the organization's city to <paramref name="session"/>; the caller commits.</summary>
    public async Task<FilingNumber> AssignAsync(IDocumentSession session, JurisdictionPolicy policy, PolicyCatalog catalog, string organizationArea,
        OrganizationCategory category, Guid organizationId, Actor by, CancellationToken ct = default)
    {
        var (province, city) = CodesFor(policy, catalog, organizationArea);
        var sequenceId = SequenceId(province, city);
        await StreamStarts.EnsureAsync<FilingNumberSequence>(store, sequenceId,
            () => new FilingNumberSequenceOpened(sequenceId, province, city, clock.GetCurrentInstant(), Actor.System), ct);
        var stream = await session.Events.FetchForExclusiveWriting<FilingNumberSequence>(sequenceId, ct);
        var serial = stream.Aggregate!.LastSerial + 1;
        if (serial > 9999)
            throw new BusinessRuleException(new RuleViolation("FIL-24", "filing-number.exhausted", $"市级代码{city}的备案号流水号已用完（9999）。"));
        var number = FilingNumber.Create(category, policy.Filing.Numbering.OrganizationCode, province, city, serial);
        stream.AppendOne(new FilingNumberAssigned(sequenceId, number.Value, serial, organizationId, clock.GetCurrentInstant(), by));
        return number;
    }

    /// <summary>Sends a number to the discard pool inside <paramref name="session"/>; the caller commits.</summary>
    public async Task DiscardAsync(IDocumentSession session, FilingNumber number, string reason, Actor by, CancellationToken ct = default)
    {
        var sequenceId = SequenceId(number.ProvinceCode, number.CityCode);
        var stream = await session.Events.FetchForExclusiveWriting<FilingNumberSequence>(sequenceId, ct);
        if (stream.Aggregate is null || number.Serial > stream.Aggregate.LastSerial)
            throw new BusinessRuleException(new RuleViolation("FIL-24", "filing-number.not-assigned", $"备案号{number}尚未分配，不能作废。"));
        if (stream.Aggregate.Discarded.Contains(number.Value)) return;
        stream.AppendOne(new FilingNumberDiscarded(sequenceId, number.Value, reason, clock.GetCurrentInstant(), by));
    }
}
