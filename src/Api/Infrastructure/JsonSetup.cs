using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Assessment.Api.Infrastructure;

public static class JsonSetup
{
    /// <summary>
    /// One JSON shape for HTTP and OpenAPI: camelCase, enums as strings, NodaTime as ISO strings — and strict binding,
    /// as the OpenAPI document promises: unknown or repeated fields, a number sent as a string ("1"), an enum sent as a
    /// number, null for a field that may not be null or inside a list whose items may not be null, and a missing required
    /// field are each a 400 naming the field.
    /// A field is optional exactly where it may be null (or has a default).
    /// </summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.PropertyNameCaseInsensitive = false;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.AllowDuplicateProperties = false;
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
        // ...where a nullable field is optional (as the OpenAPI document says), a non-nullable one required
        o.TypeInfoResolver = (o.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NullableMeansOptional)
            .WithAddedModifier(NullElements.Refuse);
        o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        foreach (var loose in o.Converters.OfType<JsonStringEnumConverter>().ToList()) o.Converters.Remove(loose);
        o.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
    }

    private static void NullableMeansOptional(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
            if (property.IsSetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null) property.IsRequired = false;
    }
}
