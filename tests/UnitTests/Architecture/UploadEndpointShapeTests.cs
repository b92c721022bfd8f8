using System.Reflection;
using Assessment.SharedKernel;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Assessment.UnitTests.Architecture;

/// <summary>
/// Every upload endpoint (<see cref="AcceptsUploadAttribute"/>) is a use case like any other: <c>Before</c> (access), <c>LoadAsync</c>
/// (the multipart opened once, a spreadsheet read into rows, what the decision needs), <c>Validate</c> (shape and limits) and a
/// <c>Post</c> that only decides — no session, request or form file of its own.
/// </summary>
public class UploadEndpointShapeTests
{
    private static readonly Type[] Forbidden = [typeof(IDocumentSession), typeof(IQuerySession), typeof(HttpRequest), typeof(HttpContext), typeof(IFormFile),
        typeof(IFormFileCollection), typeof(IFormCollection), typeof(Stream)];

    private static readonly string[] Known =
    [
        "ImportCandidatesEndpoint", "ImportResultsEndpoint", "UploadCandidatePhotoEndpoint", "ImportCatalogEndpoint", "AttachMaterialEndpoint",
        "UploadOrganizationSealEndpoint", "UploadCandidatePhotosEndpoint",
    ];

    private static List<(Type Endpoint, MethodInfo Post)> Uploads() =>
        (from type in ModuleBoundaryTests.PlatformAssemblies.SelectMany(a => a.GetTypes())
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            where method.GetCustomAttribute<AcceptsUploadAttribute>() is not null
            select (type, method)).ToList();

    [Fact]
    public void the_upload_endpoints_are_found()
    {
        Uploads().Select(u => u.Endpoint.Name).ShouldBe(Known, ignoreOrder: true);
    }

    [Fact]
    public void an_upload_endpoint_has_before_load_validate_and_a_post_that_only_decides()
    {
        var problems = new List<string>();
        foreach (var (endpoint, post) in Uploads())
        {
            var methods = endpoint.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var name in new[] { "Before", "LoadAsync", "Validate" })
                if (methods.All(m => m.Name != name)) problems.Add($"{endpoint.Name}: no {name}");
            if (post.Name != "Post" || post.GetCustomAttribute<WolverinePostAttribute>() is null) problems.Add($"{endpoint.Name}: the upload is not its Post");
            if (post.ReturnType.IsGenericType && post.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
                problems.Add($"{endpoint.Name}: Post is asynchronous (it should only decide)");
            foreach (var p in post.GetParameters().Where(p => Forbidden.Any(f => f.IsAssignableFrom(p.ParameterType))))
                problems.Add($"{endpoint.Name}: Post takes {p.ParameterType.Name} {p.Name}");
            var load = methods.FirstOrDefault(m => m.Name == "LoadAsync");
            var loaded = load?.ReturnType.GetGenericArguments().SingleOrDefault();
            if (loaded is not null && post.GetParameters().All(p => p.ParameterType != loaded))
                problems.Add($"{endpoint.Name}: Post does not decide on what LoadAsync loaded ({loaded.Name})");
            if (loaded is not null && post.GetParameters().Single(p => p.ParameterType == loaded).GetCustomAttribute<NotBodyAttribute>() is null)
                problems.Add($"{endpoint.Name}: the loaded {loaded.Name} is not marked [NotBody]");
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void access_is_decided_before_the_upload_is_opened_and_opened_before_it_is_validated()
    {
        foreach (var (endpoint, _) in Uploads())
        {
            // Wolverine calls the steps in the order they are declared
            var order = endpoint.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.Name is "Before" or "LoadAsync" or "Validate").OrderBy(m => m.MetadataToken).Select(m => m.Name).ToList();
            order.ShouldBe(["Before", "LoadAsync", "Validate"], endpoint.Name);
        }
    }
}
