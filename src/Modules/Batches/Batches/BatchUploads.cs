using Assessment.SharedKernel;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Batches.Batches;

/// <summary>
/// The fields every batch upload (multipart: <c>version</c>, <c>file</c>) carries, checked in the house order after access
/// (the endpoint's <c>Before</c>, 404/403): the fields (400), then the version the client read (409).
/// </summary>
public static class BatchUploads
{
    public static ProblemDetails Check(UploadForm form, Batch batch)
    {
        if (!form.IsMultipart) return UploadForm.NotMultipartProblem();
        if (form.Integer("version") is not (>= 1 and var version)) return Problems.Validation("version", "请提供读取时的版本号。");
        if (form.File is not { Content.Length: > 0 }) return Problems.Validation("file", "请选择要导入的文件。");
        ExpectedVersion.Check(version, batch.Version);
        return WolverineContinue.NoProblems;
    }
}
