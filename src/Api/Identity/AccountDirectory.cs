using Assessment.SharedKernel.Identity;
using Marten;

namespace Assessment.Api.Identity;

public sealed class AccountDirectory(IDocumentStore store) : IAccountDirectory
{
    public async Task<IReadOnlyList<AccountSummary>> ActiveInRoleAsync(string role, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var accounts = await session.Query<Account>().Where(a => a.Role == role && !a.Disabled).OrderBy(a => a.UserName).ToListAsync(ct);
        return accounts.Select(Summary).ToList();
    }

    public async Task<AccountSummary?> FindActiveAsync(Guid id, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var account = await session.LoadAsync<Account>(id, ct);
        return account is null || account.Disabled ? null : Summary(account);
    }

    private static AccountSummary Summary(Account a) => new(a.Id, a.UserName, a.DisplayName, a.Role, a.AuthorityCode, a.OrganizationId);
}
