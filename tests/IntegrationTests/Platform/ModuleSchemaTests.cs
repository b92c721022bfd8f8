using Assessment.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.IntegrationTests.Platform;

/// <summary>
/// Each module writes only its own schema: every document type (aggregate snapshot, projection, read model) Marten stores is
/// kept in the schema of the module that declares it (the SQL a module writes is checked in the unit tests' ModuleSqlTests).
/// </summary>
public class ModuleSchemaTests(AppFixture app) : IntegrationTest(app)
{
    /// <summary>The schema each assembly's documents live in; the host's own documents in the few schemas it owns.</summary>
    private static readonly Dictionary<string, string[]> SchemasOf = new()
    {
        ["Assessment.Filing"] = ["filing"],
        ["Assessment.Batches"] = ["batches"],
        ["Assessment.Notices"] = ["notices"],
        ["Assessment.Certificates"] = ["certificates"],
        ["Assessment.Supervision"] = ["supervision"],
        ["Assessment.SharedKernel"] = ["privacy"],
        ["Assessment.Api"] = ["identity", "audit", "platform"],
    };

    [Fact]
    public void every_document_type_lives_in_the_schema_of_the_module_that_declares_it()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var mappings = store.Options.AllKnownDocumentTypes().Where(m => m.DocumentType.Namespace?.StartsWith("Assessment.") == true).ToList();
        mappings.Count.ShouldBeGreaterThan(10);
        var strays = mappings
            .Select(m => (Type: m.DocumentType, Assembly: m.DocumentType.Assembly.GetName().Name!, Schema: m.DatabaseSchemaName))
            .Where(m => !SchemasOf.TryGetValue(m.Assembly, out var allowed) || !allowed.Contains(m.Schema))
            .Select(m => $"{m.Type.FullName} ({m.Assembly}) is stored in schema '{m.Schema}'");
        strays.ShouldBeEmpty();
    }
}
