namespace Assessment.UnitTests.Architecture;

/// <summary>
/// Issue 16: "no endpoint decides access outside a guard table" — a 403 for access is written only in a guard table (a module's
/// <c>XxxGuards.cs</c>, or the mechanism itself); the sign-in and scope policies of the host answer their own 403s.
/// </summary>
public class AccessAnswerTests
{
    private static readonly string[] Allowed =
    [
        "src/SharedKernel/Access/GuardTable.cs", "src/SharedKernel/Problems/Problems.cs", "src/Api/Identity/AuthSetup.cs",
    ];

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Assessment.sln"))) return dir.FullName;
        throw new InvalidOperationException("Assessment.sln not found above the test assembly.");
    }

    [Fact]
    public void issue_16_only_guard_tables_answer_403_for_access()
    {
        var root = Root();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("Guards.cs", StringComparison.Ordinal) && !Allowed.Contains(f))
            .Where(f => File.ReadAllText(Path.Combine(root, f)).Contains("Problems.Forbidden(", StringComparison.Ordinal))
            .ToList();
        offenders.ShouldBeEmpty();
    }
}
