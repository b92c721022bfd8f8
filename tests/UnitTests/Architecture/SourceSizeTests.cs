namespace Assessment.UnitTests.Architecture;

/// <summary>
/// A source file is at most 250 lines and a line at most 150 characters (server and SPA; the generated API types excepted), so
/// files stay short without growing wide. Every file complies (the list of exceptions the rule started with, issue 17, is gone).
/// </summary>
public class SourceSizeTests
{
    private const int MaxLines = 250;
    private const int MaxWidth = 150;

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Assessment.sln"))) return dir.FullName;
        throw new InvalidOperationException("Assessment.sln not found above the test assembly.");
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "client", "src"), "*.ts*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => f != "client/src/api/schema.d.ts");

    /// <summary>Lines, and lines wider than the limit (counted in UTF-16 characters, as editors count a Chinese character as one).</summary>
    private static (int Lines, int Wide) Measure(string path)
    {
        var lines = File.ReadAllLines(path);
        return (lines.Length, lines.Count(l => l.Length > MaxWidth));
    }

    [Fact]
    public void source_files_stay_within_250_lines_and_150_characters_a_line()
    {
        var root = Root();
        var problems = new List<string>();
        foreach (var file in SourceFiles(root))
        {
            var (lines, wide) = Measure(Path.Combine(root, file));
            if (lines > MaxLines || wide > 0) problems.Add($"{file}: {lines} lines, {wide} lines over {MaxWidth} characters");
        }
        problems.ShouldBeEmpty();
    }
}
