using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Assessment.Api.Infrastructure;

/// <summary>
/// Every media type an endpoint declares for a status, in the document: ASP.NET Core keeps only one
/// <see cref="ProducesResponseTypeAttribute"/> per status code (dotnet/aspnetcore#56177), so an answer negotiated by
/// <c>Accept</c> (a certificate link as JSON or as <c>application/vc+jwt</c>) would show one of its two forms.
/// </summary>
public sealed class MediaTypesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var declared = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(p => p.Type is not null && p.Type != typeof(void) && p.ContentTypes.Any()).GroupBy(p => p.StatusCode);
        foreach (var status in declared.Where(g => g.Count() > 1))
        {
            if (operation.Responses?.TryGetValue(status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), out var r) != true
                || r is not OpenApiResponse response) continue;
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var form in status)
            foreach (var mediaType in form.ContentTypes)
            {
                if (response.Content.ContainsKey(mediaType)) continue;
                var schema = form.Type == typeof(string)
                    ? new OpenApiSchema { Type = JsonSchemaType.String }
                    : context.SchemaGenerator.GenerateSchema(form.Type!, context.SchemaRepository);
                response.Content[mediaType] = new OpenApiMediaType { Schema = schema };
            }
        }
    }
}
