namespace Assessment.SharedKernel.Events;

/// <summary>
/// Who did it. Every event carries one (全程留痕): the user, the role they acted in, and the authority
/// or organization they acted for, and the person's name as people read it (<see cref="DisplayName"/>; events written
/// before it existed fall back to the user name). <see cref="System"/> is used only for the platform's own scheduled work.
/// </summary>
public sealed record Actor(Guid UserId, string UserName, string Role, string? AuthorityCode, Guid? OrganizationId, string? DisplayName = null)
{
    public static readonly Actor System = new(Guid.Empty, "system", Roles.System, null, null, "系统");

    public static Actor Anonymous(string label = "public") => new(Guid.Empty, label, Roles.Public, null, null, label == "public" ? "公众" : label);

    /// <summary>The name to show a person: the display name, else the user name.</summary>
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? UserName : DisplayName;
}

public static class Roles
{
    public const string Organization = "organization";
    public const string Reviewer = "reviewer";
    public const string Expert = "expert";
    public const string Inspector = "inspector";
    public const string Auditor = "auditor";
    public const string Administrator = "administrator";
    /// <summary>A third-party system calling with an API key.</summary>
    public const string ApiClient = "api-client";
    public const string System = "system";
    public const string Public = "public";

    public static readonly IReadOnlyList<string> Assignable =
        [Organization, Reviewer, Expert, Inspector, Auditor, Administrator];

    /// <summary>Roles bound to an authority (and so to a jurisdiction).</summary>
    public static bool NeedsAuthority(string role) => role is Reviewer or Expert or Inspector;

    public static string DisplayName(string role) => role switch
    {
        Organization => "评价机构用户",
        Reviewer => "审核人员",
        Expert => "评估专家",
        Inspector => "督查员",
        Auditor => "审计人员",
        Administrator => "系统管理员",
        ApiClient => "第三方系统",
        System => "系统",
        _ => "公众",
    };
}
