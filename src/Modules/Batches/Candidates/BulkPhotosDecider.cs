using Assessment.Batches.Batches;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Batches.Candidates;

/// <summary>One file of a bulk photo upload: its name and declared type, and its bytes (null when over the size limit, unread).</summary>
public sealed record BulkPhotoFile(string FileName, string? DeclaredType, long Length, byte[]? Content);

/// <summary>What became of one uploaded file: <c>Status</c> a stable code, <c>StatusName</c> and <c>Message</c> in Chinese.</summary>
public sealed record BulkPhotoFileResult(string FileName, string Status, string StatusName, string Message);

/// <summary>What a bulk upload decided: the per-file results, the events (one per saved photo) and the files to store.</summary>
public sealed record BulkPhotoDecision(IReadOnlyList<BulkPhotoFileResult> Results, IReadOnlyList<CandidatePhotoUploaded> Events,
    IReadOnlyList<CandidatePhotoFile> Stored);

/// <summary>
/// CRT-03 for many candidates at once: each file is named by the candidate's identity number (110101199003071234.jpg) and judged
/// by exactly the rules of one upload (<see cref="CandidatesDecider.Photo"/>); a file that fails is reported, the others are saved.
/// </summary>
public static class BulkPhotosDecider
{
    public const string Saved = "saved", NotInBatch = "not-in-batch", NotImage = "not-image", TooLarge = "too-large",
        Duplicate = "duplicate", Refused = "refused";

    public static BulkPhotoDecision Upload(Batch batch, Roster roster, IReadOnlyList<string> names, IEnumerable<BulkPhotoFile> files,
        Func<Guid> newId, Instant now, Actor by)
    {
        if (batch.Status == BatchStatus.Accepted)
            throw new BusinessRuleException(new RuleViolation("CRT-03", "batch.photo-after-acceptance", "认定结果已审核通过并据此核发证书，不能再更换考生照片。"));
        if (names.Count == 0) throw new BusinessRuleException(new RuleViolation("CRT-03", "batch.photo-empty", "上传的文件中没有照片。"));
        var byNumber = roster.Entries.GroupBy(e => e.DocumentNumber.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First().Id);
        var repeated = names.GroupBy(NumberOf).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var (results, events, stored) = (new List<BulkPhotoFileResult>(), new List<CandidatePhotoUploaded>(), new List<CandidatePhotoFile>());
        foreach (var file in files)
        {
            var number = NumberOf(file.FileName);
            if (repeated.Contains(number))
                results.Add(Result(file, Duplicate, $"本次上传中有多个以“{number}”命名的文件，请只保留一张后重新上传。"));
            else if (!byNumber.TryGetValue(number, out var candidateId))
                results.Add(Result(file, NotInBatch, $"本批次没有证件号码为“{number}”的考生；文件应以考生证件号码命名。"));
            else if (file.Content is null || file.Length > CandidatePhotoImages.MaxBytes)
                results.Add(Result(file, TooLarge, $"照片不超过{CandidatePhotoImages.MaxBytes / 1024 / 1024}MB。"));
            else
                try
                {
                    var photo = new UploadedPhoto(file.FileName, file.DeclaredType, file.Content);
                    var (uploaded, jpeg) = CandidatesDecider.Photo(batch, candidateId, photo, newId(), now, by);
                    events.Add(uploaded);
                    stored.Add(new CandidatePhotoFile
                    {
                        Id = uploaded.PhotoId, BatchId = batch.Id, CandidateId = candidateId, Sha256 = uploaded.Sha256, Content = jpeg,
                    });
                    results.Add(Result(file, Saved, "照片已保存。"));
                }
                catch (BusinessRuleException refused)
                {
                    var rule = refused.Violations[0];
                    results.Add(Result(file, rule.Code is "batch.photo-not-image" or "batch.photo-empty" ? NotImage : Refused, rule.Message));
                }
        }
        return new BulkPhotoDecision(results, events, stored);
    }

    /// <summary>The identity number a file is named by: the name without folder and extension, trimmed, with a capital X.</summary>
    public static string NumberOf(string fileName) => Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/')).Trim().ToUpperInvariant();

    private static BulkPhotoFileResult Result(BulkPhotoFile file, string status, string message) =>
        new(Path.GetFileName(file.FileName.Replace('\\', '/')), status, StatusNames[status], message);

    private static readonly Dictionary<string, string> StatusNames = new()
    {
        [Saved] = "已保存", [NotInBatch] = "本批次无此考生", [NotImage] = "不是图片", [TooLarge] = "文件过大", [Duplicate] = "重复文件",
        [Refused] = "不符合照片要求",
    };
}
