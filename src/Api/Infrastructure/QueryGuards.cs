using System.Collections.Concurrent;
using System.Reflection;
using Assessment.SharedKernel.Problems;
using JasperFx.CodeGeneration.Frames;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Api.Infrastructure;

/// <summary>
/// Enum query values are names, as the OpenAPI document says: <c>?status=Active</c>. Parsing alone would also take
/// <c>?status=-1</c>, <c>?status=1</c> or <c>?status=Active,Draft</c> and silently filter on a value no one means, so
/// anything but one of the names (any case) is a 400 naming the parameter — for every Wolverine endpoint, before it runs.
/// </summary>
public sealed class EnumQueryGuardMiddleware(RequestDelegate next)
{
    private sealed record EnumParameter(string Name, HashSet<string> Names);

    private static readonly ConcurrentDictionary<Endpoint, EnumParameter[]> Parameters = new();

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is { } endpoint && http.Request.QueryString.HasValue)
        {
            foreach (var parameter in Parameters.GetOrAdd(endpoint, EnumParametersOf))
            foreach (var value in http.Request.Query[parameter.Name])
            {
                if (string.IsNullOrEmpty(value) || parameter.Names.Contains(value)) continue;
                var problem = Problems.Validation(parameter.Name, $"参数“{parameter.Name}”的值无效。");
                problem.Detail = $"参数“{parameter.Name}”的值无效。";
                problem.Extensions["code"] = "invalid-parameter";
                http.Response.StatusCode = problem.Status!.Value;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
                return;
            }
        }
        await next(http);
    }

    private static EnumParameter[] EnumParametersOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<HttpChain>() is not { } chain) return [];
        var route = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        return chain.Middleware.OfType<MethodCall>().Append(chain.Method).SelectMany(call => call.Method.GetParameters())
            .Select(p => (Parameter: p, Enum: EnumOf(p.ParameterType)))
            .Where(p => p.Enum is not null && p.Parameter.Name is { } name && !route.Contains(name))
            .Select(p => new EnumParameter(p.Parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Parameter.Name!,
                Enum.GetNames(p.Enum!).ToHashSet(StringComparer.OrdinalIgnoreCase)))
            .DistinctBy(p => p.Name)
            .ToArray();
    }

    private static Type? EnumOf(Type type)
    {
        var single = type.IsArray ? type.GetElementType()! : type;
        single = Nullable.GetUnderlyingType(single) ?? single;
        return single.IsEnum ? single : null;
    }
}
