using Alba;
using Assessment.Certificates.Registry;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>The certificate registry as a test reads it: through a Marten session, like the product, or by plain SQL.</summary>
public static class RegistryReads
{
    public static async Task<CertificateRow?> RegistryRowAsync(this IAlbaHost host, Guid certificateId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Registry().FindAsync(certificateId);
    }

    /// <summary>A connection of the test database, for assertions in SQL.</summary>
    public static async Task<NpgsqlConnection> OpenDatabaseAsync(this IAlbaHost host)
    {
        var connection = new NpgsqlConnection(host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Assessment"));
        await connection.OpenAsync();
        return connection;
    }
}
