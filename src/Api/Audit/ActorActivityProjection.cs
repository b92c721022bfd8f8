using System.Collections.Concurrent;
using System.Reflection;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Assessment.Api.Audit;

/// <summary>
/// Counts every event of the log into <see cref="ActorActivity"/> by its actor (every event carries one, 全程留痕) and day.
/// Asynchronous: the daemon applies each slice of the log once, with the documents and its progress in one transaction —
/// which is what lets a second API process take over (HotCold) without counting an event twice.
/// </summary>
public sealed class ActorActivityProjection : IProjection
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ActorProperties = new();

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var slice = events.Select(e => (Event: e, Actor: ActorOf(e.Data) ?? Actor.System)).ToList();
        var keys = slice.Select(x => ActorActivity.KeyOf(x.Actor.UserId, DayOf(x.Event))).Distinct().ToArray();
        var known = (await operations.LoadManyAsync<ActorActivity>(cancellation, keys)).ToDictionary(d => d.Id);
        foreach (var (e, actor) in slice)
        {
            var day = DayOf(e);
            var key = ActorActivity.KeyOf(actor.UserId, day);
            if (!known.TryGetValue(key, out var activity))
            {
                activity = new ActorActivity { Id = key, UserId = actor.UserId, Day = day.ToDateOnly() };
                known[key] = activity;
            }
            activity.UserName = actor.UserName;
            activity.Name = actor.Name;
            activity.Role = actor.Role;
            activity.AuthorityCode = actor.AuthorityCode;
            activity.OrganizationId = actor.OrganizationId;
            activity.Events++;
            activity.Kinds[e.EventTypeName] = activity.Kinds.GetValueOrDefault(e.EventTypeName) + 1;
            activity.LastSequence = Math.Max(activity.LastSequence, e.Sequence);
        }
        operations.Store(known.Values.ToArray());
    }

    private static NodaTime.LocalDate DayOf(IEvent e) =>
        NodaTime.Instant.FromDateTimeOffset(e.Timestamp).Date();

    /// <summary>The event's <see cref="Actor"/> property (its name differs: Actor, Reader, By …), found once per event type.</summary>
    public static Actor? ActorOf(object data) =>
        ActorProperties.GetOrAdd(data.GetType(), t => t.GetProperties().FirstOrDefault(p => p.PropertyType == typeof(Actor)))
            ?.GetValue(data) as Actor;
}
