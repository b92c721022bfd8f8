using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Assessment.Api.Infrastructure;

public static class JsonSetup
{
    /// <summary>One JSON shape for HTTP, Marten and OpenAPI: camelCase, enums as strings, NodaTime as ISO strings.</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        if (!o.Converters.OfType<JsonStringEnumConverter>().Any()) o.Converters.Add(new JsonStringEnumConverter());
    }
}
