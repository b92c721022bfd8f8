using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Assessment.Api.Infrastructure;

/// <summary>
/// Refuses <c>null</c> inside a list whose items may not be null (<c>"scopes":[null]</c>) while the object holding the list
/// is read, naming the item (<c>scopes[0]</c>) — a 400 before any endpoint sees it. Items declared nullable
/// (<c>string?[]</c>) may be null. Value-type items need nothing: System.Text.Json already refuses null for them.
/// </summary>
internal static class NullElements
{
    public static void Refuse(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var lists = type.Properties.Where(p => p.Get is not null && ItemsMayNotBeNull(p)).ToList();
        if (lists.Count == 0) return;
        var earlier = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var list in lists)
            {
                if (list.Get!(value) is not IEnumerable items) continue;
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null) throw new NullElementException(list.Name, index);
                    index++;
                }
            }
        };
    }

    private static bool ItemsMayNotBeNull(JsonPropertyInfo property)
    {
        var type = property.PropertyType;
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) || IsDictionary(type)) return false;
        var nullability = property.AttributeProvider switch
        {
            PropertyInfo p => new NullabilityInfoContext().Create(p),
            FieldInfo f => new NullabilityInfoContext().Create(f),
            _ => null,
        };
        var item = nullability?.ElementType ?? (nullability?.GenericTypeArguments is [var only] ? only : null);
        return item is { ReadState: NullabilityState.NotNull } && !item.Type.IsValueType;
    }

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
                                                   && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));
}

/// <summary>Worded like System.Text.Json's own null refusal, so the 400 names the item as it names fields.</summary>
internal sealed class NullElementException(string property, int index) : JsonException("The JSON value doesn't allow null values.")
{
    public override string Message => $"The JSON value doesn't allow null values. Path: {(Path is null or "$" ? "$" : Path)}.{property}[{index}]";
}
