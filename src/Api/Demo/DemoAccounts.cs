using Assessment.Api.Identity;
using Assessment.SharedKernel.Demo;
using Assessment.SharedKernel.Events;
using Marten;
using Marten.Schema;
using NodaTime;

namespace Assessment.Api.Demo;

/// <summary>
/// The demo's accounts (embedded mode only, <c>Demo:Seed=true</c>): one for every role in every jurisdiction, all with
/// <see cref="DemoData.Password"/>. The modules seed their own demo data.
/// </summary>
public sealed class DemoAccounts(IConfiguration configuration, IClock clock, ILogger<DemoAccounts> logger) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        if (!DemoData.Enabled(configuration)) return;
        await using var session = store.LightweightSession();
        if (await session.Query<Account>().AnyAsync(a => a.UserName == "admin", cancellationToken)) return;
        var now = clock.GetCurrentInstant();
        var hash = Passwords.Hash(DemoData.Password);
        foreach (var p in DemoData.People)
        {
            session.Events.StartStream<Account>(p.Id, new AccountCreated(p.Id, p.UserName, p.DisplayName, p.Role, p.Authority,
                p.Actor.OrganizationId, hash, now, Actor.System));
        }
        await session.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Demo accounts loaded: {Accounts} accounts, password {Password}", DemoData.People.Count, DemoData.Password);
    }
}
