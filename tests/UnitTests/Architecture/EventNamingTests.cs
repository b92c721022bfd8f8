using System.Reflection;
using Assessment.SharedKernel.Events;

namespace Assessment.UnitTests.Architecture;

/// <summary>
/// Event type names are unique across modules: the event log and its readers (auditors, the transparency log, OpenAPI's schema
/// names) know an event and the values inside it by name alone.
/// </summary>
public class EventNamingTests
{
    /// <summary>Every event (a record carrying an <see cref="Actor"/>) and every platform type inside one, transitively.</summary>
    private static IReadOnlyList<Type> EventTypes()
    {
        var events = ModuleBoundaryTests.PlatformAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t != typeof(Actor) && !t.IsAbstract && t.GetProperties().Any(p => p.PropertyType == typeof(Actor)));
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(events);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type)) continue;
            foreach (var inner in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).SelectMany(p => Unwrap(p.PropertyType)))
                if (inner.Namespace?.StartsWith("Assessment.", StringComparison.Ordinal) == true && !inner.IsEnum) queue.Enqueue(inner);
        }
        return seen.ToList();
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Unwrap(underlying);
        if (type.IsArray) return Unwrap(type.GetElementType()!);
        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap) : [type];
    }

    [Fact]
    public void event_type_names_and_the_values_inside_events_are_unique_across_modules()
    {
        var types = EventTypes();
        types.Count.ShouldBeGreaterThan(50);
        types.GroupBy(t => t.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}").ShouldBeEmpty();
    }
}
