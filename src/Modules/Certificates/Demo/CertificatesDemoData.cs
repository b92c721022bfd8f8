using Assessment.Certificates.Issuance;
using Assessment.Certificates.Ranges;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Demo;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Assessment.Certificates.Demo;

/// <summary>
/// Demo number ranges (embedded mode only): the provincial center (吴皖) has allocated this year's 四级 and 三级 ranges to 芜湖奇瑞
/// (CRT-01 [AH]), through the real decider, so 证书号段 shows them and an Anhui batch accepted in the demo is numbered from them.
/// </summary>
public sealed class CertificatesDemoData(IConfiguration configuration, PolicyCatalog catalog, IOrganizationFilings filings, IClock clock,
    ILogger<CertificatesDemoData> logger) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        if (!DemoData.Enabled(configuration)) return;
        await using var session = store.LightweightSession();
        if (await session.Query<CertificateSerialSequence>().AnyAsync(s => s.AreaCode != null, cancellationToken)) return;
        var organization = DemoData.OrganizationId("wuhu");
        var filed = await filings.OfOrganizationAsync(session, organization, cancellationToken);
        if (filed.Count == 0 || !catalog.IsKnownArea(filed[0].OrganizationAreaCode)) return;
        var holder = new RangeHolder(organization, filed[0].OrganizationName, filed[0].OrganizationAreaCode,
            catalog.PolicyForArea(filed[0].OrganizationAreaCode));
        var now = clock.GetCurrentInstant();
        var year = now.InZone(SharedKernel.ChinaTime.Zone).Year;
        var by = DemoData.Named("anhui.reviewer").Actor;
        foreach (var (level, to) in new[] { (4, "000500"), (3, "000200") })
        {
            var id = CertificateSerials.SequenceId(organization, year, level);
            var allocated = RangeDecider.Allocate(null, holder,
                new AllocateCertificateRange(organization, year, level, "000001", to, $"皖职鉴〔{year}〕3号", "年度证书编号号段", 0), now, by);
            session.Events.StartStream<CertificateSerialSequence>(id,
                new CertificateSerialsOpened(id, organization, year, level, now, by), allocated);
        }
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo certificate number ranges loaded");
    }
}
