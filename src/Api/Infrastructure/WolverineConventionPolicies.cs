using System.Reflection;
using System.Security.Claims;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using JasperFx.Core.Reflection;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Assessment.Api.Infrastructure;

/// <summary>A literal JSON <c>null</c> body answers 400, right after it is read and before anything uses it.</summary>
public sealed class RejectNullBodyPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (!chain.HasRequestType || chain.RequestType!.IsValueType || chain.IsFormData) continue;
            var index = chain.Middleware.FindIndex(f => f.Creates.Any(v => v.VariableType == chain.RequestType));
            if (index < 0) continue;
            var body = chain.Middleware[index].Creates.First(v => v.VariableType == chain.RequestType);
            chain.Middleware.Insert(index + 1, new RejectNullBodyFrame(body));
        }
    }
}

public sealed class RejectNullBodyFrame(Variable body) : AsyncFrame
{
    private Variable? _httpContext;

    public override IEnumerable<Variable> FindVariables(IMethodVariables chain)
    {
        yield return body;
        _httpContext = chain.FindVariable(typeof(HttpContext));
        yield return _httpContext;
    }

    public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
    {
        writer.WriteComment("A literal JSON null body");
        writer.Write($"BLOCK:if ({body.Usage} == null)");
        writer.Write($"await {typeof(HttpBodyProblems).FullNameInCode()}.{nameof(HttpBodyProblems.WriteNullBody)}({_httpContext!.Usage});");
        writer.Write(method.ToExitStatement());
        writer.FinishBlock();
        Next?.GenerateCode(method, writer);
    }
}

public static class HttpBodyProblems
{
    public static Task WriteNullBody(HttpContext http) =>
        Results.Problem(new ProblemDetails
        {
            Status = 400, Type = Problems.TypeBase + "bad-request", Title = "请求格式不正确",
            Detail = "请求体不能为 null，请提交 JSON 对象。", Extensions = { ["code"] = "null-body" },
        }).ExecuteAsync(http);
}

/// <summary>
/// An endpoint's <c>Before</c> methods (access, 404/403) must run before its <c>Validate</c> methods (shape, 400), so
/// that someone who may not see an object learns nothing about the fields it would take. Wolverine calls them in the
/// order they are declared; an endpoint that declares <c>Validate</c> first stops the host at start-up.
/// </summary>
public sealed class AccessBeforeShapePolicy : IHttpPolicy
{
    private static readonly string[] ValidateNames = ["Validate", "ValidateAsync"];
    private static readonly string[] BeforeNames = ["Before", "BeforeAsync"];

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var handlerType = chain.Method.HandlerType;
            bool Implied(Frame f, string[] names) => f is MethodCall call && call.HandlerType == handlerType && names.Contains(call.Method.Name);
            var lastBefore = chain.Middleware.FindLastIndex(f => Implied(f, BeforeNames));
            var firstValidate = chain.Middleware.FindIndex(f => Implied(f, ValidateNames));
            if (lastBefore >= 0 && firstValidate >= 0 && firstValidate < lastBefore)
                throw new InvalidOperationException(
                    $"{handlerType.Name}: declare Before (access) before Validate (shape), so access is decided first.");
        }
    }
}

/// <summary>
/// For an endpoint deciding on an <see cref="AggregateAttribute"/> aggregate: its command must carry the version the
/// client read (<c>long Version</c>), compared with the stream's after every Before/Validate/Load step (409 when
/// stale). An endpoint without one is a start-up error, so no command on an existing stream skips the check.
/// </summary>
public sealed class VersionAfterAccessPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var aggregate = chain.Method.Method.GetParameters()
                .FirstOrDefault(p => p.GetCustomAttribute<AggregateAttribute>() is { ChecksClientVersion: true });
            if (aggregate is null) continue;
            var versionProperty = chain.RequestType?.GetProperty("Version");
            if (versionProperty?.PropertyType != typeof(long))
                throw new InvalidOperationException(
                    $"{chain}: a command on an existing stream ([Aggregate] {aggregate.Name}) must carry 'long Version', "
                    + "the version the client read.");
            var body = chain.Middleware.SelectMany(f => f.Creates).First(v => v.VariableType == chain.RequestType);
            var streamType = typeof(IEventStream<>).MakeGenericType(aggregate.ParameterType);
            var stream = chain.Middleware.SelectMany(f => f.Creates).FirstOrDefault(v => v.VariableType == streamType)
                         ?? throw new InvalidOperationException($"{chain}: found no loaded stream for {aggregate.ParameterType.Name}.");
            chain.Middleware.Add(new ExpectedVersionFrame(body, stream));
        }
    }
}

public sealed class ExpectedVersionFrame(Variable body, Variable stream) : SyncFrame
{
    public override IEnumerable<Variable> FindVariables(IMethodVariables chain)
    {
        yield return body;
        yield return stream;
    }

    public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
    {
        writer.WriteComment("The version the client read, checked after access (404 before 409)");
        writer.Write($"{typeof(ExpectedVersion).FullNameInCode()}.{nameof(ExpectedVersion.Check)}"
            + $"({body.Usage}.Version, {stream.Usage}.StartingVersion ?? 0);");
        Next?.GenerateCode(method, writer);
    }
}

/// <summary>
/// Declares for OpenAPI what an endpoint can answer, from its shape: the ProblemDetails statuses, and for a command that
/// answers with its aggregate (<c>UpdatedAggregate</c>) the aggregate's type.
/// </summary>
public sealed class ProblemResponsesPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var parameters = chain.Method.Method.GetParameters();
            var returned = chain.Method.Method.ReturnType;
            if (returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>)) returned = returned.GetGenericArguments()[0];
            var answersAggregate = returned == typeof(Wolverine.Marten.UpdatedAggregate)
                                   || returned.IsGenericType && returned.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal)
                                   && returned.GetGenericArguments().Contains(typeof(Wolverine.Marten.UpdatedAggregate));
            if (answersAggregate && parameters.FirstOrDefault(p => p.GetCustomAttribute<AggregateAttribute>() is not null) is { } aggregate)
                chain.Metadata.Produces(StatusCodes.Status200OK, aggregate.ParameterType, "application/json");
            var attributes = parameters.SelectMany(p => p.GetCustomAttributes()).ToArray();
            var route = chain.RoutePattern?.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            var isCommand = chain.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE");
            // a POST that only reads decides no business rule
            var decides = isCommand && chain.Method.Method.GetCustomAttribute<ReadOnlyRequestAttribute>() is null;
            if (chain.HasRequestType || chain.IsFormData || isCommand || parameters.Any(p => IsQueryValue(p, route)))
                chain.Metadata.ProducesProblem(StatusCodes.Status400BadRequest);
            if (route.Count > 0 || attributes.OfType<Wolverine.Persistence.IDataRequirement>().Any())
                chain.Metadata.ProducesProblem(StatusCodes.Status404NotFound);
            if (attributes.OfType<AggregateAttribute>().Any(a => a.ChecksClientVersion))
                chain.Metadata.ProducesProblem(StatusCodes.Status409Conflict);
            if (decides) chain.Metadata.ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static bool IsQueryValue(ParameterInfo p, HashSet<string> route)
    {
        if (route.Contains(p.Name!) || p.Name == "now") return false;
        var t = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        return t == typeof(string) || t.IsEnum || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>));
    }
}
