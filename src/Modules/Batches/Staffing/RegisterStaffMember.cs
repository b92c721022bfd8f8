using Assessment.SharedKernel.Access;
using System.Security.Claims;
using Assessment.Batches.Batches;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Staffing;

/// <summary>
/// A person for the organization's roster; <paramref name="Occupations"/> and <paramref name="Levels"/> (1 = 一级 … 5 = 五级)
/// are what they may examine (BAT-05).
/// </summary>
public sealed record RegisterStaffMember(string Name, int DocumentType, string DocumentNumber, string Qualification,
    IReadOnlyList<string> Occupations,
    IReadOnlyList<int> Levels);

/// <summary>Whether the person's identity document is on the organization's roster already.</summary>
public sealed record RosterEntry(bool Exists);

public static class RegisterStaffMemberEndpoint
{
    public static ProblemDetails Before(AccessContext caller) => StaffGuards.Table.CheckCreation(StaffGuards.Register, caller);

    public static ProblemDetails Validate(RegisterStaffMember c)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Trim().Length > 50) errors["name"] = ["请填写姓名（不超过50字）。"];
        try { IdentityDocument.Create(c.DocumentType, c.DocumentNumber); }
        catch (InvalidValueException e) { errors[e.Field == "documentType" ? "documentType" : "documentNumber"] = [e.Message]; }
        if (string.IsNullOrWhiteSpace(c.Qualification) || c.Qualification.Length > 200) errors["qualification"] = ["请填写资格（如考评员证书编号、职业技能等级，不超过200字）。"];
        if (c.Occupations.Count > 50 || c.Occupations.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > 100))
            errors["occupations"] = ["可考评的职业（工种）每项不超过100字，最多50项。"];
        if (c.Levels.Count > 5 || c.Levels.Any(l => l is < 1 or > 5)) errors["levels"] = ["可考评的等级为一级至五级。"];
        if (c.Occupations.Count > 0 && c.Levels.Count == 0) errors["levels"] = ["请选择可考评的等级。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    public static async Task<RosterEntry> LoadAsync(RegisterStaffMember c, ClaimsPrincipal principal, IQuerySession session)
    {
        var organization = CurrentUser.From(principal).OrganizationId;
        var number = IdentityDocument.Create(c.DocumentType, c.DocumentNumber).Number;
        return new RosterEntry(await session.Query<StaffMember>().AnyAsync(s => s.OrganizationId == organization && s.DocumentNumber == number));
    }

    /// <summary>Add a person to the organization's roster of examiners, supervisors and invigilators (BAT-05).</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches/staff", OperationId = StaffGuards.Register, Summary = "登记工作人员")]
    public static (CreationResponse<Guid>, IStartStream) Post(RegisterStaffMember c, RosterEntry existing, Instant now, Actor by)
    {
        // BAT-05 is checked per person: one identity document is one roster entry; the unique index settles a race (409 alike)
        if (existing.Exists) throw new ConflictException(StaffMember.AlreadyOnRoster, UniqueKeys.DuplicateCode);
        var id = Guid.CreateVersion7();
        var document = IdentityDocument.Create(c.DocumentType, c.DocumentNumber);
        var registered = new StaffMemberRegistered(id, by.OrganizationId!.Value, c.Name.Trim(), document.TypeCode, document.Number,
            c.Qualification.Trim(), c.Occupations.Select(o => o.Trim()).Distinct().ToList(), c.Levels.Distinct().Order().ToList(), now, by);
        return (new CreationResponse<Guid>($"/api/batches/staff/{id}", id), MartenOps.StartStream<StaffMember>(id, registered));
    }
}
