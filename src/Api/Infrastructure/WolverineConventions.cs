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

/// <summary>
/// The conventions every endpoint of every module gets without code of its own:
/// <list type="bullet">
/// <item><c>Instant now</c> (the platform's <see cref="IClock"/>, so tests move time) and <c>Actor by</c> (who is calling)
/// as parameters of endpoints, <c>Instant now</c> of message handlers too;</item>
/// <item>a literal JSON <c>null</c> body is a 400;</item>
/// <item>access before shape: an endpoint's <c>Before</c> (404/403) must run before its <c>Validate</c> (400);</item>
/// <item>the version the client sent is compared after access (<see cref="AggregateAttribute"/>): 404 first, then 409;</item>
/// <item>the ProblemDetails answers an endpoint can give are declared for OpenAPI from its shape.</item>
/// </list>
/// </summary>
public static class WolverineConventions
{
    public static void Apply(WolverineHttpOptions opts)
    {
        opts.AddParameterHandlingStrategy<RequestValuesStrategy>();
        opts.AddPolicy<RejectNullBodyPolicy>();
        opts.AddPolicy<AccessBeforeShapePolicy>();
        opts.AddPolicy<VersionAfterAccessPolicy>();
        opts.AddPolicy<ProblemResponsesPolicy>();
    }
}

/// <summary>What the generated code calls to build request values.</summary>
public static class RequestValues
{
    public static Actor ActorOf(ClaimsPrincipal principal) => CurrentUser.From(principal).ToActor();

    public static CurrentUser UserOf(ClaimsPrincipal principal) => CurrentUser.From(principal);

    public static Assessment.SharedKernel.Access.AccessContext AccessOf(ClaimsPrincipal principal, AccessControl access, IClock clock) =>
        new(CurrentUser.From(principal), access, clock.GetCurrentInstant());
}

/// <summary>Any <see cref="Instant"/> a message handler asks for is "now" on the platform's clock.</summary>
public sealed class ClockNowSource : IVariableSource
{
    public bool Matches(Type type) => type == typeof(Instant);

    public Variable Create(Type type)
    {
        var call = new MethodCall(typeof(IClock), nameof(IClock.GetCurrentInstant));
        call.ReturnVariable!.OverrideName("now");
        return call.ReturnVariable;
    }
}

/// <summary>
/// HTTP endpoints: <c>Instant now</c>, <c>Actor</c>, <c>CurrentUser</c> and <c>AccessContext</c> parameters, one shared variable each per endpoint (a
/// <c>Before</c> and a <c>Post</c> asking for the same value get the same one). Any other <see cref="Instant"/> parameter
/// is refused at start-up, so a query value can never silently become "now".
/// </summary>
public sealed class RequestValuesStrategy : IParameterStrategy
{
    public bool TryMatch(HttpChain chain, IServiceContainer container, ParameterInfo parameter, out Variable? variable)
    {
        variable = null;
        if (parameter.ParameterType == typeof(Actor))
        {
            variable = Shared(chain, typeof(Actor)) ?? Named(new MethodCall(typeof(RequestValues), nameof(RequestValues.ActorOf)), "actor");
            return true;
        }
        if (parameter.ParameterType == typeof(CurrentUser))
        {
            variable = Shared(chain, typeof(CurrentUser))
                ?? Named(new MethodCall(typeof(RequestValues), nameof(RequestValues.UserOf)), "currentUser");
            return true;
        }
        if (parameter.ParameterType == typeof(Assessment.SharedKernel.Access.AccessContext))
        {
            variable = Shared(chain, typeof(Assessment.SharedKernel.Access.AccessContext))
                       ?? Named(new MethodCall(typeof(RequestValues), nameof(RequestValues.AccessOf)), "caller");
            return true;
        }
        if (parameter.ParameterType == typeof(Instant))
        {
            if (parameter.Name != "now")
                throw new InvalidOperationException(
                    $"{chain}: an Instant parameter must be named 'now' (the current time); take other instants as strings.");
            variable = Shared(chain, typeof(Instant)) ?? new ClockNowSource().Create(typeof(Instant));
            return true;
        }
        return false;
    }

    private static Variable? Shared(HttpChain chain, Type type) =>
        chain.Middleware.SelectMany(f => f.Creates).FirstOrDefault(v => v.VariableType == type);

    private static Variable Named(MethodCall call, string name)
    {
        call.ReturnVariable!.OverrideName(name);
        return call.ReturnVariable;
    }
}
