using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;

namespace Assessment.Certificates.Issuance;

/// <summary>Where serials come from under a jurisdiction's policy (CRT-01): counted by the system, or taken from the ranges an
/// authority (<paramref name="Allocator"/>) allocated.</summary>
public sealed record SerialSource(bool FromRanges, string? Allocator)
{
    public static readonly SerialSource Counted = new(false, null);

    public static SerialSource Of(JurisdictionPolicy policy) =>
        policy.Certificates.SerialsFromAllocatedRanges ? new SerialSource(true, policy.Certificates.RangeAllocator(policy)?.Name) : Counted;
}

/// <summary>
/// The serials one sequence (organization, year, level) can still give, in the order CRT-01 takes them: counted on from the last
/// up to 999999, or — from allocated ranges — the next unused serial of the lowest range with room. Pure: it works on a copy of
/// the sequence's state and records the runs it handed out, for the <see cref="CertificateSerialsTaken"/> events.
/// </summary>
public sealed class SerialPool
{
    public const int MaxSerial = 999_999;

    private readonly SerialSource _source;
    private readonly int _year;
    private readonly int _level;
    private readonly List<AllocatedSerialRange> _ranges;
    private readonly List<(int From, int To)> _taken = [];
    private int _last;

    private SerialPool(SerialSource source, int year, int level, int last, IEnumerable<AllocatedSerialRange> ranges)
    {
        (_source, _year, _level, _last) = (source, year, level, last);
        _ranges = ranges.OrderBy(r => r.From).ToList();
    }

    /// <param name="sequence">The sequence as read (null: never opened, nothing taken, no range).</param>
    public static SerialPool Of(CertificateSerialSequence? sequence, SerialSource source, int year, int level) =>
        new(source, year, level, sequence?.Last ?? 0, sequence?.Ranges ?? []);

    /// <summary>The next serial, or null when none is left (then <see cref="Exhausted"/> says why).</summary>
    public int? Take()
    {
        int serial;
        if (!_source.FromRanges)
        {
            if (_last >= MaxSerial) return null;
            serial = _last + 1;
        }
        else
        {
            var index = _ranges.FindIndex(r => r.Last < r.To);
            if (index < 0) return null;
            serial = _ranges[index].Last + 1;
            _ranges[index] = _ranges[index] with { Last = serial };
        }
        _last = Math.Max(_last, serial);
        if (_taken.Count > 0 && _taken[^1].To == serial - 1) _taken[^1] = (_taken[^1].From, serial);
        else _taken.Add((serial, serial));
        return serial;
    }

    /// <summary>Whether <see cref="Take"/> would give a serial, without taking it.</summary>
    public bool HasRoom => _source.FromRanges ? _ranges.Any(r => r.Last < r.To) : _last < MaxSerial;

    /// <summary>The serials handed out, as contiguous runs in the order taken.</summary>
    public IReadOnlyList<(int From, int To)> Taken => _taken;

    /// <summary>CRT-01: why no serial is left for this year and level, naming the level and who allocates more.</summary>
    public RuleViolation Exhausted()
    {
        var level = SkillLevel.FromNumber(_level).FullName;
        if (!_source.FromRanges)
            return new RuleViolation("CRT-01", "certificate.serials-exhausted", $"本机构{_year}年{level}证书流水号已用完（999999）。");
        var allocator = _source.Allocator ?? "主管部门";
        return _ranges.Count == 0
            ? new RuleViolation("CRT-01", "certificate.no-serial-range",
                $"本机构{_year}年{level}证书尚未分配编号号段，请{allocator}分配号段后恢复发证。")
            : new RuleViolation("CRT-01", "certificate.serial-ranges-exhausted",
                $"本机构{_year}年{level}证书编号号段已用完（{string.Join("、", _ranges.Select(r => Format(r.From, r.To)))}），请{allocator}分配新的号段后恢复发证。");
    }

    /// <summary>000001–000100</summary>
    public static string Format(int from, int to) => $"{from:D6}–{to:D6}";
}
