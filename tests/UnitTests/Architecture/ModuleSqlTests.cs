using System.Text.RegularExpressions;

namespace Assessment.UnitTests.Architecture;

/// <summary>
/// Each module writes only its own schema: the SQL in a module's source names no other module's schema (modules read each other
/// through the read contracts in SharedKernel/Contracts, never through each other's tables).
/// </summary>
public partial class ModuleSqlTests
{
    private static readonly Dictionary<string, string> SchemaOfModule = new()
    {
        ["Filing"] = "filing", ["Batches"] = "batches", ["Notices"] = "notices", ["Certificates"] = "certificates", ["Supervision"] = "supervision",
    };

    /// <summary>"schema.table" inside a string literal, lower case as SQL is written here (C# namespaces are capitalised).</summary>
    [GeneratedRegex("""\b(filing|batches|notices|certificates|supervision|identity|privacy|audit)\.[a-z_]+""")]
    private static partial Regex SchemaQualifiedName();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Assessment.sln"))) return dir.FullName;
        throw new InvalidOperationException("Assessment.sln not found above the test assembly.");
    }

    [Fact]
    public void a_modules_sql_names_only_its_own_schema()
    {
        var root = Root();
        var offenders = new List<string>();
        foreach (var (module, schema) in SchemaOfModule)
        {
            var files = Directory.EnumerateFiles(Path.Combine(root, "src", "Modules", module), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
            foreach (var file in files)
            foreach (var literal in StringLiteral().Matches(File.ReadAllText(file)).Select(m => m.Value))
            foreach (Match name in SchemaQualifiedName().Matches(literal))
                if (name.Groups[1].Value != schema) offenders.Add($"{Path.GetRelativePath(root, file)}: {name.Value}");
        }
        offenders.ShouldBeEmpty();
    }
}
