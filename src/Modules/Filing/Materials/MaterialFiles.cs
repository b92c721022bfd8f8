namespace Assessment.Filing.Materials;

/// <summary>The stored bytes of one material (FIL-10), kept in the database with the application's events.</summary>
public sealed class MaterialFile
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string ContentType { get; set; } = "";
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>FIL-10 material items.</summary>
public static class MaterialItems
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<int, string> Names = new Dictionary<int, string>
    {
        [1] = "基本情况表",
        [2] = "法人证书复印件",
        [3] = "工作方案及质量控制措施",
        [4] = "专家技能证明",
        [5] = "场地、设备及资产证明",
        [6] = "信用报告或诚信承诺书",
    };

    /// <summary>[AH] an already-filed enterprise or school asking for the same occupations and levels sends only (1) and (6).</summary>
    public static readonly IReadOnlyList<int> Simplified = [1, 6];

    public static string Name(int item) => $"（{item}）{Names[item]}";
}

public sealed record UploadedFile(string FileName, string? DeclaredType, byte[] Content);
