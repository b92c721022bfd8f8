using Assessment.Filing.Organizations;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Demo;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Values;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Assessment.Filing.Demo;

/// <summary>
/// The Filing module's demo data (embedded mode only): the demo organizations and filing applications in every state,
/// granted filings in all four jurisdictions. The publicity notices they need are opened through the Notices module's
/// contract once the platform runs (<see cref="DemoMessages{TModule}"/>).
/// </summary>
public sealed class FilingDemoData(IConfiguration configuration, IClock clock, IWorkingDayCalendar calendar, PolicyCatalog catalog,
    DemoMessages<FilingDemoData> notices, ILogger<FilingDemoData> logger) : IInitialData
{
    private sealed record DemoOrganization(string Key, string Name, string Division, OrganizationCategory Category, OrganizationNature Nature,
        string Address, string Legal, string Contact, string Phone);

    private static readonly DemoOrganization[] Organizations =
    [
        new("hefei", "合肥新华职业技能培训学校", "340100", OrganizationCategory.S, OrganizationNature.PrivateNonEnterprise, "合肥市蜀山区长江西路100号",
            "王建国", "李敏", "0551-65551234"),
        new("wuhu", "芜湖奇瑞汽车股份有限公司", "340200", OrganizationCategory.Y, OrganizationNature.Enterprise, "芜湖市经济技术开发区长春路8号", "尹同跃", "张伟", "0553-5961234"),
        new("nanning", "广西南宁家政服务行业协会", "450100", OrganizationCategory.S, OrganizationNature.IndustryAssociation, "南宁市青秀区民族大道88号",
            "黄丽", "陆芳", "0771-5551234"),
        new("liuzhou", "柳州工程机械股份有限公司", "450200", OrganizationCategory.Y, OrganizationNature.Enterprise, "柳州市柳太路1号", "曾光", "覃宁", "0772-3881234"),
        new("huangshi", "黄石市高级技工学校", "420200", OrganizationCategory.S, OrganizationNature.TechnicalSchool, "黄石市下陆区团城山路6号",
            "刘强", "陈静", "0714-6251234"),
        new("daye", "大冶特殊钢有限公司", "420281", OrganizationCategory.Y, OrganizationNature.Enterprise, "大冶市黄石大道316号", "钱刚", "周洁", "0714-8751234"),
    ];

    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        if (!DemoData.Enabled(configuration)) return;
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Organization>(DemoData.OrganizationId("wuhu"), cancellationToken) is not null) return;
        var now = clock.GetCurrentInstant();
        var serial = 100;
        var organizations = new Dictionary<string, Organization>();
        foreach (var o in Organizations)
        {
            var first17 = $"52{o.Division}MJ{serial++:D7}";
            var id = DemoData.OrganizationId(o.Key);
            var registered = new OrganizationRegistered(id, o.Name, first17 + UnifiedSocialCreditCode.CheckCharacter(first17), o.Nature, o.Category,
                o.Division, o.Address, o.Legal, o.Contact, o.Phone, $"contact@{o.Key}.example.cn", now,
                DemoData.People.Single(p => p.Organization == o.Key).Actor);
            session.Events.StartStream<Organization>(id, registered);
            organizations[o.Key] = Organization.Create(registered);
        }
        try
        {
            var filings = new DemoFilings(session, store, catalog, calendar.Current, organizations, clock.Today());
            await filings.SeedAsync();
            notices.Pending.AddRange(filings.Notices);
        }
        catch (CalendarYearNotLoadedException e)
        {
            logger.LogWarning("Demo filing applications skipped: {Reason}", e.Message);
        }
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo organizations and filing applications loaded");
    }
}
