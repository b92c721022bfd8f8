namespace Assessment.UnitTests.Architecture;

/// <summary>
/// A source file is at most 250 lines and a line at most 150 characters (server and SPA; the generated API types excepted).
/// Files that were over when the rule came are listed in <c>source-size-baseline.tsv</c> with what they had: they may only
/// shrink, and leave the list once they comply. Every other file complies now.
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

    private static Dictionary<string, (int Lines, int Wide)> Baseline(string root) =>
        File.ReadAllLines(Path.Combine(root, "tests", "UnitTests", "Architecture", "source-size-baseline.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => (int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void source_files_stay_within_250_lines_and_150_characters_a_line_and_the_old_ones_only_shrink()
    {
        var root = Root();
        var baseline = Baseline(root);
        var problems = new List<string>();
        foreach (var file in SourceFiles(root))
        {
            var (lines, wide) = Measure(Path.Combine(root, file));
            var complies = lines <= MaxLines && wide == 0;
            if (baseline.TryGetValue(file, out var was))
            {
                if (complies) problems.Add($"{file} complies now: remove it from source-size-baseline.tsv");
                else if (lines > Math.Max(MaxLines, was.Lines) || wide > was.Wide)
                    problems.Add($"{file} grew: {lines} lines ({was.Lines} listed), {wide} wide lines ({was.Wide} listed)");
            }
            else if (!complies) problems.Add($"{file}: {lines} lines, {wide} lines over {MaxWidth} characters");
        }
        problems.AddRange(baseline.Keys.Where(f => !File.Exists(Path.Combine(root, f))).Select(f => $"{f} is gone: remove it from the list"));
        problems.ShouldBeEmpty();
    }
}
