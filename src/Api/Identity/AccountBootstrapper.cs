using Assessment.SharedKernel.Events;
using Marten;
using Marten.Schema;
using NodaTime;

namespace Assessment.Api.Identity;

/// <summary>
/// Creates the first administrator from configuration (Bootstrap:AdminUserName / Bootstrap:AdminPassword) when that
/// user name does not exist yet, so a new installation can be administered without touching the database.
/// </summary>
public sealed class AccountBootstrapper(IConfiguration config, IClock clock, ILogger<AccountBootstrapper> logger) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        var userName = config["Bootstrap:AdminUserName"]?.Trim().ToLowerInvariant();
        var password = config["Bootstrap:AdminPassword"];
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)) return;
        if (Passwords.Check(password) is { } problem) throw new InvalidOperationException($"Bootstrap:AdminPassword is too weak: {problem}");
        await using var session = store.LightweightSession();
        if (await session.Query<Account>().AnyAsync(a => a.UserName == userName, cancellationToken)) return;
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Account>(id, new AccountCreated(id, userName, "系统管理员", Roles.Administrator, null, null,
            Passwords.Hash(password), clock.GetCurrentInstant(), Actor.System));
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created bootstrap administrator {UserName}", userName);
    }
}
