using System.ComponentModel;
using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Wolverine.Configuration;
using Wolverine.Persistence;

namespace Assessment.SharedKernel.Http;

/// <summary>
/// The aggregate an HTTP command decides on, loaded for writing by the id in the route. Unlike Wolverine's
/// <c>[WriteAggregate]</c> it is loaded <b>without</b> the client's version: an unknown id answers the same 404 as a
/// hidden one (the aggregate type's <see cref="DisplayNameAttribute"/> names it), the endpoint's <c>Before</c> decides
/// access (404/403), and only then does the host's version policy compare the version the client sent (409 when
/// stale). The commit still refuses a stream that moved after it was loaded, so the write stays atomic.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class AggregateAttribute : Wolverine.Marten.WriteAggregateAttribute
{
    /// <summary>A version source that resolves to nothing: the stream is fetched without an expected version.</summary>
    public const string NoVersionAtLoad = "__version_checked_after_access";

    public AggregateAttribute(string routeParameter) : base(routeParameter)
    {
        VersionSource = NoVersionAtLoad;
        OnMissing = OnMissing.ProblemDetailsWith404;
        Required = true;
    }

    /// <summary>
    /// False only where the writer never read the object — the public lodging an objection on a notice appends its own
    /// independent event; everywhere else a command carries the version its author saw.
    /// </summary>
    public bool ChecksClientVersion { get; set; } = true;

    public override Variable Modify(IChain chain, ParameterInfo parameter, IServiceContainer container, GenerationRules rules)
    {
        MissingMessage = Problems.Problems.NotFoundDetail(NounOf(parameter.ParameterType));
        return base.Modify(chain, parameter, container, rules);
    }

    /// <summary>What a person calls the aggregate (<c>[DisplayName("备案申请")]</c>), for "… 不存在或您无权查看".</summary>
    public static string NounOf(Type aggregate) =>
        aggregate.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName
        ?? throw new InvalidOperationException($"{aggregate.Name} needs [DisplayName(\"…\")] to name it in 404 answers.");
}
