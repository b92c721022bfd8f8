using System.Reflection;
using Marten;
using Npgsql;
using Wolverine.Http;

namespace Assessment.UnitTests.Architecture;

/// <summary>
/// A command's <c>Post</c> decides and returns what happened (events, messages): it never writes to the database itself, so no
/// <c>Post</c> of the Certificates module takes a session, a connection or a data source — what the decision needs is loaded in
/// <c>LoadAsync</c>, and the registry follows the events through its inline projection.
/// </summary>
public class CommandPostTests
{
    private static readonly Type[] DatabaseHandles = [typeof(IQuerySession), typeof(NpgsqlConnection), typeof(NpgsqlDataSource)];

    private static IEnumerable<MethodInfo> Posts(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where method.Name == "Post" && method.GetCustomAttributes().OfType<WolverineHttpMethodAttribute>().Any()
        select method;

    [Fact]
    public void no_certificates_post_takes_a_session_a_connection_or_a_data_source()
    {
        var posts = Posts(typeof(Assessment.Certificates.CertificatesModule).Assembly).ToList();
        posts.ShouldNotBeEmpty();
        var offenders = posts
            .SelectMany(m => m.GetParameters()
                .Where(p => DatabaseHandles.Any(h => h.IsAssignableFrom(p.ParameterType)))
                .Select(p => $"{m.DeclaringType!.Name}.{m.Name}({p.ParameterType.Name} {p.Name})"))
            .ToList();
        offenders.ShouldBeEmpty();
    }
}
