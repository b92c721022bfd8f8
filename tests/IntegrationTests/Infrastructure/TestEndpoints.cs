using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Wolverine.Http;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>Endpoints that exist only in the test host.</summary>
public static class TestEndpoints
{
    [AllowAnonymous, ExcludeFromDescription]
    [WolverineGet("/api/test/unexpected-failure")]
    public static string Fail() => throw new InvalidOperationException("secret internal detail: connection to 10.0.0.1 failed");
}
