using System.Reflection;
using Marten;
using Npgsql;

namespace Assessment.UnitTests.Architecture;

/// <summary>
/// A use case's <c>Post</c> only decides: it calls a pure decider and returns events and messages; loading happens in
/// <c>LoadAsync</c> and committing in Wolverine's transaction. So no <c>Post</c> takes a Marten session or a connection.
/// </summary>
public class UseCaseShapeTests
{
    /// <summary>
    /// Known exceptions, each with its reason; the list only shrinks.
    /// </summary>
    private static readonly Dictionary<string, string> Exceptions = new()
    {
        ["SignInEndpoint"] = "the cookie is issued from the account as committed, within the throttle's attempt",
        ["ChangeOwnPasswordEndpoint"] = "the new cookie carries the committed account's security stamp",
        ["LoadCalendarYearEndpoint"] = "the in-memory working-day calendar is replaced only after the year is committed",
        ["GrantFilingEndpoint"] = "a new filing takes its city's next number (FilingNumberAllocator) in the same transaction",
        ["CancelFilingEndpoint"] = "a cancelled number is returned to its city's sequence in the same transaction",
    };

    private static readonly Type[] Forbidden = [typeof(IDocumentSession), typeof(IQuerySession), typeof(NpgsqlConnection), typeof(NpgsqlDataSource)];

    private static IEnumerable<MethodInfo> Posts() => ModuleBoundaryTests.PlatformAssemblies.SelectMany(a => a.GetTypes())
        .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Endpoint", StringComparison.Ordinal))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.Name is "Post" or "Put" or "Delete" or "Patch");

    [Fact]
    public void no_post_takes_a_session_or_a_connection()
    {
        var offenders = Posts().Where(m => m.GetParameters().Any(p => Forbidden.Any(f => f.IsAssignableFrom(p.ParameterType))))
            .Select(m => m.DeclaringType!.Name).Distinct().Where(n => !Exceptions.ContainsKey(n)).ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void the_exceptions_are_still_exceptions()
    {
        var withSession = Posts().Where(m => m.GetParameters().Any(p => Forbidden.Any(f => f.IsAssignableFrom(p.ParameterType))))
            .Select(m => m.DeclaringType!.Name).ToHashSet();
        Exceptions.Keys.Where(k => !withSession.Contains(k)).ShouldBeEmpty("an endpoint that no longer takes a session leaves the list");
    }
}
