using System.Security.Claims;
using Assessment.Filing.Acceptance;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Drafting;
using Assessment.Filing.Filings;
using Assessment.Filing.Granting;
using Assessment.Filing.Lifecycle;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.Filing.Submission;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Evaluation;

/// <summary>FIL-16 subjects: 基本条件, 人员配备, 考场及设施设备, 评价流程, 管理制度, 质量保障.</summary>
public static class EvaluationSubjects
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["basics"] = "基本条件",
        ["staffing"] = "人员配备",
        ["sites-equipment"] = "考场及设施设备",
        ["process"] = "评价流程",
        ["rules"] = "管理制度",
        ["quality"] = "质量保障",
    };
}
