using System.Security.Cryptography;
using Assessment.Filing.Applications;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Filing.Materials;

/// <summary>FIL-10 decisions on materials. Pure: state and file in, event out.</summary>
public static class MaterialsDecider
{
    public static MaterialAttached Attach(FilingApplication a, int item, UploadedFile file, Guid materialId, Instant now, Actor by)
    {
        var producingPledge = a.Pledges.Any(p => p.Item == item && p.ProducedAt is null)
                              && a.Status is ApplicationStatus.Accepted or ApplicationStatus.UnderEvaluation;
        if (!a.IsEditable && !producingPledge)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-editable", "申请已提交，只能补交承诺后补的材料。"));
        if (file.Content.Length == 0)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.empty", "上传的文件为空。"));
        if (file.Content.Length > MaterialItems.MaxBytes)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.too-large", $"单个文件不超过{MaterialItems.MaxBytes / 1024 / 1024}MB。"));
        var actual = FileSniffer.Sniff(file.Content);
        if (actual is null)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.type-not-allowed",
                $"“{file.FileName}”不是PDF或图片（PNG、JPEG）文件。"));
        if (file.DeclaredType is { } declared && declared != actual)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.content-mismatch",
                $"“{file.FileName}”声明为{Describe(declared)}，实际内容是{Describe(actual)}，请上传真实文件。"));
        if (!UploadedFiles.IsWellFormed(file.Content, actual))
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.malformed",
                $"“{file.FileName}”无法作为{Describe(actual)}打开，文件已损坏或并非真实的{Describe(actual)}。"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        return new MaterialAttached(a.Id, materialId, item, UploadedFiles.SafeName(file.FileName, actual), actual, file.Content.Length, sha, now, by);
    }

    public static MaterialRemoved Remove(FilingApplication a, Guid materialId, Instant now, Actor by)
    {
        if (!a.IsEditable)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-editable", "申请已提交，不能删除材料。"));
        if (a.Materials.All(m => m.Id != materialId))
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-found", "该申请没有此材料。"));
        return new MaterialRemoved(a.Id, materialId, now, by);
    }

    public static MaterialPledged Pledge(FilingApplication a, JurisdictionPolicy policy, PledgeMaterial c, Instant now, Actor by)
    {
        if (!a.IsEditable)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-editable", "申请已提交，不能再作承诺。"));
        if (!policy.Filing.PledgeableMaterials.Contains(c.Item))
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-pledgeable",
                policy.Filing.PledgeableMaterials.Count == 0
                    ? $"{policy.ShortName}不实行告知承诺，材料须在申请时提交。"
                    : $"{policy.ShortName}可承诺后补的材料为：{string.Join("、", policy.Filing.PledgeableMaterials.Select(MaterialItems.Name))}。"));
        return new MaterialPledged(a.Id, c.Item, c.Pledge.Trim(), now, by);
    }

    private static string Describe(string type) => type switch
    {
        FileSniffer.Pdf => "PDF",
        FileSniffer.Png => "PNG图片",
        FileSniffer.Jpeg => "JPEG图片",
        _ => type,
    };
}
