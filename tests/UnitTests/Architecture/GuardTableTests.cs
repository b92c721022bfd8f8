using System.Reflection;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Wolverine.Http;

namespace Assessment.UnitTests.Architecture;

/// <summary>
/// Issue 16: who may act on an object is decided by its guard table. These tests keep it so for every aggregate that has
/// moved onto a guard table: each command on it names a guarded operation id, and its <c>Before</c> asks the table
/// (an <see cref="AccessContext"/>, no hand-made ClaimsPrincipal checks).
/// </summary>
public class GuardTableTests
{
    private static readonly Assembly[] Assemblies = [.. ModuleBoundaryTests.Modules, typeof(Assessment.Api.PlatformHost).Assembly];

    public static IReadOnlyList<IGuardTable> Tables() =>
        Assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => typeof(IGuardTable).IsAssignableFrom(f.FieldType))
            .Select(f => (IGuardTable)f.GetValue(null)!)
            .ToList();

    private sealed record Command(Type Endpoint, MethodInfo Method, string OperationId, Type Aggregate);

    /// <summary>Every HTTP write that loads an aggregate with [Aggregate] (a command on an existing stream).</summary>
    private static IEnumerable<Command> Commands() =>
        from type in Assemblies.SelectMany(a => a.GetTypes())
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let route = method.GetCustomAttributes().OfType<WolverineHttpMethodAttribute>().FirstOrDefault()
        where route is not null && route is not WolverineGetAttribute
        let aggregate = method.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<AggregateAttribute>() is not null)
        where aggregate is not null
        select new Command(type, method, route.OperationId ?? method.Name, aggregate.ParameterType);

    [Fact]
    public void an_operation_id_is_guarded_by_one_table_only()
    {
        var tables = Tables();
        tables.Count.ShouldBeGreaterThan(0);
        // an operation on an object is guarded once; a creation once too — it may also be offered on a related object (a renewal
        // application drafted from its filing: FilingGuards.DraftFrom, ApplicationGuards.Draft)
        tables.SelectMany(t => t.OperationIds.Except(t.CreationOperationIds)).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key)
            .ShouldBeEmpty();
        tables.SelectMany(t => t.CreationOperationIds).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }

    [Fact]
    public void every_command_on_a_guarded_aggregate_names_a_guarded_operation_and_asks_the_table_in_before()
    {
        var tables = Tables();
        var guardedTypes = tables.Select(t => t.ObjectType).ToHashSet();
        var commands = Commands().Where(c => guardedTypes.Contains(c.Aggregate)).ToList();
        commands.ShouldNotBeEmpty();
        var problems = new List<string>();
        foreach (var c in commands)
        {
            var table = tables.Single(t => t.ObjectType == c.Aggregate);
            if (!table.OperationIds.Contains(c.OperationId)) problems.Add($"{c.Endpoint.Name}: '{c.OperationId}' is not in the {table.ObjectName} guard table");
            var before = c.Endpoint.GetMethod("Before", BindingFlags.Public | BindingFlags.Static);
            if (before is null || before.GetParameters().All(p => p.ParameterType != typeof(AccessContext)))
                problems.Add($"{c.Endpoint.Name}: Before does not ask the guard table (no AccessContext parameter)");
            if (before is not null && before.GetParameters().Any(p => p.ParameterType == typeof(System.Security.Claims.ClaimsPrincipal)))
                problems.Add($"{c.Endpoint.Name}: Before reads the ClaimsPrincipal itself");
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void every_guarded_operation_is_an_endpoint()
    {
        var operationIds = Assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttributes().OfType<WolverineHttpMethodAttribute>().FirstOrDefault()?.OperationId)
            .OfType<string>().ToHashSet();
        Tables().SelectMany(t => t.OperationIds).Where(id => !operationIds.Contains(id)).ShouldBeEmpty();
    }
}
