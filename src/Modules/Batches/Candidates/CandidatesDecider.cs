using Assessment.Batches.Batches;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using NodaTime;

namespace Assessment.Batches.Candidates;

public static class CandidatesDecider
{
    public const int MaxCandidates = 50_000;

    /// <summary>All or nothing: any faulty row refuses every row, listing each (BAT-09).</summary>
    public static CandidatesAdded Add(Batch batch, IReadOnlyList<(int Row, CandidateInput Input)> rows, TakenDocuments taken,
        string? sourceFile, Instant now, Actor by)
    {
        RequireDraft(batch);
        var (accepted, errors) = CandidateRows.Check(batch, rows, taken, Guid.CreateVersion7);
        if (errors.Count > 0) throw RowErrors.Refuse(errors);
        if (accepted.Count == 0) throw new BusinessRuleException(new RuleViolation("BAT-09", "batch.no-candidate-rows", "文件中没有考生数据。"));
        if (batch.CandidateCount + accepted.Count > MaxCandidates)
            throw new BusinessRuleException(new RuleViolation("BAT-09", "batch.too-many-candidates", $"一个批次最多{MaxCandidates}名考生。"));
        return new CandidatesAdded(batch.Id, accepted, sourceFile, now, by);
    }

    /// <summary>The rows of an imported sheet (the candidate template's columns), all or nothing as <see cref="Add"/>.</summary>
    public static CandidatesAdded Import(Batch batch, IReadOnlyList<SheetRow> rows, TakenDocuments taken, string fileName,
        Instant now, Actor by) =>
        Add(batch, rows.Select(r => (r.Row, new CandidateInput(r.Cell("姓名"), r.Cell("证件类型"), r.Cell("证件号码"), r.Cell("所在单位"),
            r.Cell("职业名称"), r.Cell("职业技能等级"), r.Cell("联系电话"), r.Cell("考生所在地市")))).ToList(), taken, fileName, now, by);

    public static CandidateRemoved Remove(Batch batch, Guid candidateId, Instant now, Actor by)
    {
        RequireDraft(batch);
        return batch.HasCandidate(candidateId)
            ? new CandidateRemoved(batch.Id, candidateId, now, by)
            : throw new BusinessRuleException(new RuleViolation("BAT-09", "batch.candidate-unknown", "本批次没有该考生。"));
    }

    /// <summary>
    /// CRT-03: a candidate's 2-inch photo, judged by its content (JPEG or PNG whatever it claims, well-formed, of a printable
    /// size) and normalized to what the certificate prints. Possible until the results report is accepted: certificates are
    /// issued from the accepted batch, so later photos would never reach them.
    /// </summary>
    public static (CandidatePhotoUploaded Uploaded, byte[] Jpeg) Photo(Batch batch, Guid candidateId, UploadedPhoto photo, Guid photoId, Instant now,
        Actor by)
    {
        if (batch.Status == BatchStatus.Accepted)
            throw new BusinessRuleException(new RuleViolation("CRT-03", "batch.photo-after-acceptance", "认定结果已审核通过并据此核发证书，不能再更换考生照片。"));
        if (!batch.HasCandidate(candidateId))
            throw new BusinessRuleException(new RuleViolation("BAT-09", "batch.candidate-unknown", "本批次没有该考生。"));
        if (photo.Content.Length == 0)
            throw new BusinessRuleException(new RuleViolation("CRT-03", "batch.photo-empty", "上传的照片为空。"));
        var actual = FileSniffer.Sniff(photo.Content);
        if (actual is not (FileSniffer.Jpeg or FileSniffer.Png))
            throw new BusinessRuleException(new RuleViolation("CRT-03", "batch.photo-not-image", $"“{photo.FileName}”不是JPEG或PNG图片。"));
        if (photo.DeclaredType is { } declared && declared != actual)
            throw new BusinessRuleException(new RuleViolation("CRT-03", "batch.photo-content-mismatch",
                $"“{photo.FileName}”声明为{Describe(declared)}，实际内容是{Describe(actual)}，请上传真实照片。"));
        if (!UploadedFiles.IsWellFormed(photo.Content, actual) || CandidatePhotoImages.Dimensions(photo.Content) is not (var width, var height))
            throw Malformed(photo, actual);
        if (width < CandidatePhotoImages.MinWidth || height < CandidatePhotoImages.MinHeight
            || width > CandidatePhotoImages.MaxSide || height > CandidatePhotoImages.MaxSide)
            throw new BusinessRuleException(new RuleViolation("CRT-03", "batch.photo-dimensions",
                $"照片为{width}×{height}像素；二寸照片应不小于{CandidatePhotoImages.MinWidth}×{CandidatePhotoImages.MinHeight}像素，" +
                $"长边不超过{CandidatePhotoImages.MaxSide}像素。"));
        var pixelLimit = CandidatePhotoImages.PixelLimit(photo.Content);
        if ((long)width * height > pixelLimit)
            throw new BusinessRuleException(new RuleViolation("CRT-03", "batch.photo-too-many-pixels",
                $"照片为{width}×{height}像素（{(long)width * height / 10_000}万像素），超过{pixelLimit / 10_000}万像素的上限" +
                (pixelLimit < CandidatePhotoImages.MaxPixels ? "（PNG图片；JPEG不超过1600万像素）" : "") + "；二寸照片无需这么大，请缩小后上传。"));
        var jpeg = CandidatePhotoImages.Normalize(photo.Content)
                   ?? throw Malformed(photo, actual);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg));
        return (new CandidatePhotoUploaded(batch.Id, candidateId, photoId, sha, CandidatePhotoImages.Width, CandidatePhotoImages.Height, jpeg.Length,
            UploadedFiles.SafeName(photo.FileName, actual), now, by), jpeg);
    }

    private static BusinessRuleException Malformed(UploadedPhoto photo, string actual) =>
        new(new RuleViolation("CRT-03", "batch.photo-malformed", $"“{photo.FileName}”无法作为{Describe(actual)}打开，文件已损坏。"));

    private static string Describe(string type) => type switch
    {
        FileSniffer.Png => "PNG图片",
        FileSniffer.Jpeg => "JPEG图片",
        FileSniffer.Pdf => "PDF",
        _ => type,
    };

    private static void RequireDraft(Batch batch)
    {
        if (batch.Status != BatchStatus.Draft)
            throw new BusinessRuleException(new RuleViolation("BAT-01", "batch.plan-already-filed", "认定计划已报备，不能再调整考生。"));
    }
}

public static class RowErrors
{
    /// <summary>Every faulty row, nothing written (422 with <c>rows</c>).</summary>
    public static BusinessRuleException Refuse(IReadOnlyList<CandidateRowError> rows) =>
        new(new RuleViolation("BAT-09", "batch.rows-invalid",
                $"有{rows.Count}处错误{(rows.Count > MaxListed ? $"（列出前{MaxListed}处）" : "")}，未写入任何数据；请修改后重新提交。"),
            rows.Take(MaxListed).Cast<object>().ToList());

    public const int MaxListed = 1000;
}
