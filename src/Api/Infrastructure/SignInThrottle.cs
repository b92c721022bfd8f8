using NodaTime;

namespace Assessment.Api.Infrastructure;

/// <summary>
/// Slows down guessing without ever locking an account. Counted per client address and user name (after a few failures
/// each further try waits longer: 30 s, 1 min, 2 min … at most 15 min), per address across names (failures and all
/// attempts), never per user name alone: someone who has not failed from their own address always gets their password
/// checked. A user name under distributed guessing only shortens the free tries of addresses that already failed on it.
/// An unknown user name is throttled exactly like one that exists. Times come from the platform clock, so the wait a
/// refusal names is the real one.
/// </summary>
public sealed class SignInThrottle(RateLimitOptions limits, IClock clock)
{
    public static readonly Duration Window = Duration.FromMinutes(15);
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly Duration FirstDelay = Duration.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Streak> _pairs = [];
    private readonly Dictionary<string, Log> _addressFailures = [];
    private readonly Dictionary<string, Log> _addressAttempts = [];
    private readonly Dictionary<string, Log> _nameFailures = [];
    private Instant _swept;

    /// <summary>Lets an attempt go ahead (counting it), or says how long the caller must really wait.</summary>
    public bool TryBegin(string userName, string client, out TimeSpan retryAfter)
    {
        var now = clock.GetCurrentInstant();
        var (name, pair) = Keys(userName, client);
        lock (_gate)
        {
            Sweep(now);
            var wait = Max(
                Get(_addressAttempts, client, now).WaitBelow(limits.SignInsPerClientPerMinute, Minute, now),
                Get(_addressFailures, client, now).WaitBelow(limits.SignInFailuresPerClient, Window, now),
                PairWait(Get(_pairs, pair, now), Get(_nameFailures, name, now), now));
            retryAfter = wait.ToTimeSpan();
            if (wait > Duration.Zero) return false;
            _addressAttempts[client].Add(now, limits.SignInsPerClientPerMinute);
            _pairs[pair].InFlight++;
            return true;
        }
    }

    /// <summary>Ends an attempt <see cref="TryBegin"/> let through: a failure counts, a success clears that address's streak.</summary>
    public void End(string userName, string client, bool failed)
    {
        var now = clock.GetCurrentInstant();
        var (name, pair) = Keys(userName, client);
        lock (_gate)
        {
            var streak = Get(_pairs, pair, now);
            streak.InFlight = Math.Max(0, streak.InFlight - 1);
            if (!failed)
            {
                streak.Failures = 0;
                return;
            }
            streak.Failures++;
            streak.Last = now;
            Get(_addressFailures, client, now).Add(now, limits.SignInFailuresPerClient);
            Get(_nameFailures, name, now).Add(now, limits.SignInFailuresPerAccount);
        }
    }

    private Duration PairWait(Streak streak, Log nameFailures, Instant now)
    {
        if (streak.Failures > 0 && now - streak.Last >= Window) streak.Failures = 0;
        var underAttempt = nameFailures.WaitBelow(limits.SignInFailuresPerAccount, Window, now);
        var free = underAttempt > Duration.Zero ? 1 : limits.SignInFailuresPerAccountAndClient;
        if (streak.Failures + streak.InFlight < free) return Duration.Zero;
        // an attempt still running from here decides the streak first
        if (streak.InFlight > 0) return Duration.FromSeconds(1);
        var excess = Math.Min(streak.Failures - free, 5);
        var delay = Duration.Min(FirstDelay * (1L << excess), Window);
        var byDelay = streak.Last + delay - now;
        // when the guessing elsewhere ebbs, the usual free tries come back
        return streak.Failures < limits.SignInFailuresPerAccountAndClient ? Duration.Min(byDelay, underAttempt) : byDelay;
    }

    private static (string Name, string Pair) Keys(string userName, string client)
    {
        var name = userName.Trim().ToLowerInvariant();
        return (name, client + "|" + name);
    }

    private static T Get<T>(Dictionary<string, T> map, string key, Instant now) where T : Entry, new()
    {
        if (!map.TryGetValue(key, out var entry) || entry.Last > now) map[key] = entry = new T { Last = now };
        return entry;
    }

    private static Duration Max(params Duration[] waits) => waits.Aggregate(Duration.Zero, Duration.Max);

    /// <summary>Forgets what no longer counts, so guessing with ever new names cannot fill the memory.</summary>
    private void Sweep(Instant now)
    {
        if (now - _swept < Minute && _pairs.Count + _nameFailures.Count < 100_000) return;
        _swept = now;
        Prune(_pairs, now);
        Prune(_addressFailures, now);
        Prune(_addressAttempts, now);
        Prune(_nameFailures, now);
    }

    private static void Prune<T>(Dictionary<string, T> map, Instant now) where T : Entry
    {
        foreach (var (key, entry) in map)
            if (entry.Idle && (entry.Last > now || now - entry.Last >= Window)) map.Remove(key);
    }

    private abstract class Entry
    {
        public Instant Last { get; set; }
        public virtual bool Idle => true;
    }

    private sealed class Streak : Entry
    {
        public int Failures { get; set; }
        public int InFlight { get; set; }
        public override bool Idle => InFlight == 0;
    }

    /// <summary>The instants of the most recent events, at most as many as the limit (older ones decide nothing).</summary>
    private sealed class Log : Entry
    {
        private readonly Queue<Instant> _times = new();

        public void Add(Instant at, int limit)
        {
            _times.Enqueue(at);
            while (_times.Count > Math.Max(1, limit)) _times.Dequeue();
            Last = at;
        }

        /// <summary>How long until fewer than <paramref name="limit"/> events lie within the window.</summary>
        public Duration WaitBelow(int limit, Duration window, Instant now)
        {
            while (_times.Count > 0 && (now - _times.Peek() >= window || _times.Peek() > now)) _times.Dequeue();
            return _times.Count < limit ? Duration.Zero : _times.ElementAt(_times.Count - limit) + window - now;
        }
    }
}
