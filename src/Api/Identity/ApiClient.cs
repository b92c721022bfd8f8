using Assessment.SharedKernel.Http;
using System.Security.Cryptography;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Api.Identity;

/// <summary>Scopes a third-party system may be granted.</summary>
public static class ApiScopes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["directory:read"] = "读取评价机构目录",
        ["filing:read"] = "读取备案申请",
        ["filing:write"] = "提交备案申请",
        ["batches:read"] = "读取认定批次（身份证件号码仅限受理部门）",
        ["batches:write"] = "报送认定批次与结果",
        ["certificates:read"] = "查询证书",
        ["certificates:write"] = "办理证书（核发、撤销）",
        ["certificates:verify"] = "批量核验证书（每次最多1000个）",
        ["calendar:read"] = "读取工作日历",
        ["notices:objections"] = "读取公示异议及异议人联系方式（限本辖区）",
    };
}

public sealed record ApiClientRegistered(
    Guid ClientId, string Name, string? AuthorityCode, Guid? OrganizationId, IReadOnlyList<string> Scopes,
    string SecretHash, Instant RegisteredAt, Actor By);

public sealed record ApiClientRevoked(Guid ClientId, string Reason, Actor By);

/// <summary>A third-party system. Its key is shown once; only a SHA-256 of the random secret is stored.</summary>
[System.ComponentModel.DisplayName("第三方系统")]
public sealed class ApiClient
{
    public Guid Id { get; set; }
    /// <summary>
    /// The stream version, sent back by clients (stale → 409). Marten 9.58 fills a snapshot's version only when the
    /// member is a long marked [Version]; the naming convention alone leaves it 0.
    /// </summary>
    [Marten.Schema.Version]
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public string? AuthorityCode { get; set; }
    public Guid? OrganizationId { get; set; }
    public List<string> Scopes { get; set; } = [];
    public string SecretHash { get; set; } = "";
    public Instant RegisteredAt { get; set; }
    public bool Revoked { get; set; }

    public static ApiClient Create(ApiClientRegistered e) => new()
    {
        Id = e.ClientId, Name = e.Name, AuthorityCode = e.AuthorityCode, OrganizationId = e.OrganizationId,
        Scopes = e.Scopes.ToList(), SecretHash = e.SecretHash, RegisteredAt = e.RegisteredAt,
    };

    public void Apply(ApiClientRevoked _) => Revoked = true;
}

/// <summary>A third-party system as administrators and auditors see it: whom it acts for by name, never its key.</summary>
public sealed record ApiClientView(Guid Id, long Version, string Name, string? AuthorityCode, string? AuthorityName, Guid? OrganizationId,
    string? OrganizationName, IReadOnlyList<string> Scopes, Instant RegisteredAt, bool Revoked)
{
    public static ApiClientView From(ApiClient c, PolicyCatalog catalog, IReadOnlyDictionary<Guid, string> organizationNames) =>
        new(c.Id, c.Version, c.Name, c.AuthorityCode, c.AuthorityCode is null ? null : catalog.FindAuthority(c.AuthorityCode)?.Name,
            c.OrganizationId, c.OrganizationId is { } org ? organizationNames.GetValueOrDefault(org, "尚未登记的机构") : null,
            c.Scopes, c.RegisteredAt, c.Revoked);
}

public static class ApiKeys
{
    public const string Header = "X-Api-Key";
    private const string Prefix = "ak_";

    public static (string Key, string SecretHash) Issue(Guid clientId)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return ($"{Prefix}{clientId:N}_{secret}", HashSecret(secret));
    }

    public static bool TryParse(string? key, out Guid clientId, out string secret)
    {
        clientId = Guid.Empty; secret = "";
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length < Prefix.Length + 34) return false;
        var body = key[Prefix.Length..];
        var sep = body.IndexOf('_');
        if (sep != 32 || !Guid.TryParseExact(body[..32], "N", out clientId)) return false;
        secret = body[33..];
        return secret.Length >= 20;
    }

    public static string HashSecret(string secret) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string storedHash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(storedHash), SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}

public sealed record RegisterApiClient(string Name, string? AuthorityCode, Guid? OrganizationId, IReadOnlyList<string> Scopes);

public sealed record ApiClientIssued(Guid Id, string ApiKey, string Note);

public static class RegisterApiClientEndpoint
{
    public static ProblemDetails Validate(RegisterApiClient command, PolicyCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Length > 100) errors["name"] = ["名称不能为空且不超过100个字符。"];
        if ((command.AuthorityCode is null) == (command.OrganizationId is null))
            errors["authorityCode"] = ["第三方系统必须且只能代表一个主管部门或一个评价机构。"];
        else if (command.AuthorityCode is not null && catalog.FindAuthority(command.AuthorityCode) is null)
            errors["authorityCode"] = ["主管部门代码未配置。"];
        if (command.Scopes is null || command.Scopes.Count == 0 || command.Scopes.Any(s => !ApiScopes.All.ContainsKey(s)))
            errors["scopes"] = [$"请从以下权限中选择：{string.Join("、", ApiScopes.All.Keys)}。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>Registers a third-party system and returns its API key once.</summary>
    [Authorize(Roles = Roles.Administrator)]
    [WolverinePost("/api/admin/api-clients", OperationId = "registerApiClient", Summary = "登记第三方系统并签发密钥")]
    [ProducesResponseType<ApiClientIssued>(201)]
    public static (IResult, IStartStream) Post(RegisterApiClient command, Instant now, Actor by)
    {
        var id = Guid.CreateVersion7();
        var (key, hash) = ApiKeys.Issue(id);
        var registered = new ApiClientRegistered(id, command.Name.Trim(), command.AuthorityCode, command.OrganizationId,
            command.Scopes.Distinct().ToList(), hash, now, by);
        var issued = new ApiClientIssued(id, key, "请立即保存该密钥，平台不会再次显示。请求时放在 X-Api-Key 请求头中。");
        return (Results.Created($"/api/admin/api-clients/{id}", issued), MartenOps.StartStream<ApiClient>(id, registered));
    }

}

public static class ListApiClientsEndpoint
{
    [Authorize(Roles = Roles.Administrator + "," + Roles.Auditor)]
    [WolverineGet("/api/admin/api-clients", OperationId = "listApiClients", Summary = "查询第三方系统")]
    public static async Task<IReadOnlyList<ApiClientView>> List(IQuerySession session, PolicyCatalog catalog,
        IOrganizationNames organizations)
    {
        var clients = await session.Query<ApiClient>().OrderBy(c => c.Name).ToListAsync();
        var names = await organizations.NamesAsync(clients.Where(c => c.OrganizationId is not null).Select(c => c.OrganizationId!.Value).ToList());
        return clients.Select(c => ApiClientView.From(c, catalog, names)).ToList();
    }

}

public static class RevokeApiClientEndpoint
{
    public static ProblemDetails Validate(AccountDecision decision) => AccountDecisionChecks.Check(decision);

    [Authorize(Roles = Roles.Administrator)]
    [WolverinePost("/api/admin/api-clients/{clientId}/revoke", OperationId = "revokeApiClient", Summary = "吊销第三方系统密钥")]
    [EmptyResponse]
    public static Events Revoke(AccountDecision decision, [Aggregate("clientId")] ApiClient client, Actor by) =>
        client.Revoked
            ? throw new BusinessRuleException(new RuleViolation("AUTH", "api-client.already-revoked", "该第三方系统密钥已吊销。"))
            : [new ApiClientRevoked(client.Id, decision.Reason.Trim(), by)];
}
