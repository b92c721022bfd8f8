using Assessment.SharedKernel.Contracts;
using Assessment.Api.Identity;
using Assessment.Filing.Organizations;
using Assessment.Notices.Notices;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Values;
using Marten;
using Marten.Schema;
using NodaTime;

namespace Assessment.Api.Demo;

/// <summary>
/// Demo data for the embedded mode (./build.sh run) only: an account for every role in every jurisdiction and a few
/// organizations. Never registered unless Demo:Seed is true. All demo accounts share <see cref="Password"/>.
/// </summary>
public sealed class DemoDataSeeder(IClock clock, IWorkingDayCalendar calendar, PolicyCatalog catalog, ILogger<DemoDataSeeder> logger) : IInitialData
{
    public const string Password = "Demo@2026pass";

    private sealed record DemoAccount(string UserName, string DisplayName, string Role, string? Authority, string? Organization = null);

    private sealed record DemoOrganization(string Key, string Name, string Division, OrganizationCategory Category, OrganizationNature Nature,
        string AreaCode, string Address, string Legal, string Contact, string Phone);

    private static readonly DemoOrganization[] Organizations =
    [
        new("hefei", "合肥新华职业技能培训学校", "340100", OrganizationCategory.S, OrganizationNature.PrivateNonEnterprise, "340100", "合肥市蜀山区长江西路100号", "王建国", "李敏", "0551-65551234"),
        new("wuhu", "芜湖奇瑞汽车股份有限公司", "340200", OrganizationCategory.Y, OrganizationNature.Enterprise, "340200", "芜湖市经济技术开发区长春路8号", "尹同跃", "张伟", "0553-5961234"),
        new("nanning", "广西南宁家政服务行业协会", "450100", OrganizationCategory.S, OrganizationNature.IndustryAssociation, "450100", "南宁市青秀区民族大道88号", "黄丽", "陆芳", "0771-5551234"),
        new("huangshi", "黄石市高级技工学校", "420200", OrganizationCategory.S, OrganizationNature.TechnicalSchool, "420200", "黄石市下陆区团城山路6号", "刘强", "陈静", "0714-6251234"),
        new("daye", "大冶特殊钢有限公司", "420281", OrganizationCategory.Y, OrganizationNature.Enterprise, "420281", "大冶市黄石大道316号", "钱刚", "周洁", "0714-8751234"),
    ];

    private static readonly DemoAccount[] Accounts =
    [
        new("admin", "平台管理员", Roles.Administrator, null),
        new("auditor", "审计员 孙审", Roles.Auditor, null),
        new("national.reviewer", "部鉴定中心 审核员", Roles.Reviewer, "000000"),
        new("anhui.reviewer", "安徽省鉴定中心 审核员", Roles.Reviewer, "340000"),
        new("hefei.reviewer", "合肥市鉴定中心 审核员", Roles.Reviewer, "340100"),
        new("wuhu.reviewer", "芜湖市鉴定中心 审核员", Roles.Reviewer, "340200"),
        new("guangxi.reviewer", "广西鉴定中心 审核员", Roles.Reviewer, "450000"),
        new("nanning.reviewer", "南宁市鉴定中心 审核员", Roles.Reviewer, "450100"),
        new("hubei.reviewer", "湖北省鉴定中心 审核员", Roles.Reviewer, "420000"),
        new("huangshi.reviewer", "黄石市鉴定指导中心 审核员", Roles.Reviewer, "420200"),
        new("daye.reviewer", "大冶市人社局 审核员", Roles.Reviewer, "420281"),
        new("anhui.expert", "评估专家 赵专", Roles.Expert, "340000"),
        new("guangxi.expert", "评估专家 蒙专", Roles.Expert, "450000"),
        new("huangshi.expert", "评估专家 胡专", Roles.Expert, "420200"),
        new("national.expert", "评估专家 国专", Roles.Expert, "000000"),
        new("hefei.inspector", "合肥督查员 钱督", Roles.Inspector, "340100"),
        new("huangshi.inspector", "黄石督查员 吴督", Roles.Inspector, "420200"),
        new("hefei.org", "合肥新华 机构用户", Roles.Organization, null, "hefei"),
        new("wuhu.org", "芜湖奇瑞 机构用户", Roles.Organization, null, "wuhu"),
        new("nanning.org", "南宁家政协会 机构用户", Roles.Organization, null, "nanning"),
        new("huangshi.org", "黄石技工学校 机构用户", Roles.Organization, null, "huangshi"),
        new("daye.org", "大冶特钢 机构用户", Roles.Organization, null, "daye"),
        new("new.org", "待登记机构 用户", Roles.Organization, null, "unregistered"),
    ];

    /// <summary>Two notices open from today (skipped when the calendar does not cover their windows).</summary>
    private void SeedNotices(IDocumentSession session, Instant now)
    {
        var reviewer = new Actor(Guid.Empty, "wuhu.reviewer", Roles.Reviewer, "340200", null);
        var notices = new[]
        {
            (Area: "340200", Kind: NoticeKind.FilingPublicity, Subject: "芜湖市2026年第二批职业技能等级认定评价机构备案公示",
             Body: "经材料审核、技术评估，以下机构拟予备案，现予公示：\n芜湖奇瑞汽车股份有限公司（汽车装调工 三级至五级）\n公示期内如有异议，请在线提出并留下联系方式。"),
            (Area: "450100", Kind: NoticeKind.ResultsPublicity, Subject: "南宁家政服务行业协会2026年11月育婴员认定结果公示",
             Body: "本次认定合格人员名单如下（略），公示期内如有异议请在线提出。"),
        };
        foreach (var n in notices)
        {
            var policy = catalog.PolicyForArea(n.Area);
            try
            {
                var window = NoticeWindow.Compute(n.Kind, policy, calendar.Current, clock.Today(), null);
                var id = Guid.CreateVersion7();
                session.Events.StartStream<Notice>(id, new NoticePublished(id, n.Kind, n.Subject, n.Body, n.Area, policy.Id,
                    policy.CalendarLayer, window.Start, window.End, window.Length, window.Unit, null, now,
                    n.Area == "340200" ? reviewer : Actor.System));
            }
            catch (CalendarYearNotLoadedException e)
            {
                logger.LogWarning("Demo notice skipped: {Reason}", e.Message);
            }
        }
    }

    public static Guid OrganizationId(string key) => StreamIds.FromName("demo-organization:" + key);

    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<Account>().AnyAsync(a => a.UserName == "admin", cancellationToken))
        {
            logger.LogInformation("Demo data already present");
            return;
        }
        var now = clock.GetCurrentInstant();
        var hash = Passwords.Hash(Password);
        var people = new Dictionary<string, Actor>();
        foreach (var a in Accounts)
        {
            var id = Guid.CreateVersion7();
            people[a.Organization ?? a.UserName] = new Actor(id, a.UserName, a.Role, a.Authority, a.Organization is null ? null : OrganizationId(a.Organization));
            session.Events.StartStream<Account>(id, new AccountCreated(id, a.UserName, a.DisplayName, a.Role, a.Authority,
                a.Organization is null ? null : OrganizationId(a.Organization), hash, now, Actor.System));
        }
        var serial = 100;
        var organizations = new Dictionary<string, Organization>();
        foreach (var o in Organizations)
        {
            var first17 = $"52{o.Division}MJ{serial++:D7}";
            var credit = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
            var id = OrganizationId(o.Key);
            var registered = new OrganizationRegistered(id, o.Name, credit, o.Nature, o.Category, o.AreaCode,
                o.Address, o.Legal, o.Contact, o.Phone, $"contact@{o.Key}.example.cn", now, Actor.System);
            session.Events.StartStream<Organization>(id, registered);
            organizations[o.Key] = Organization.Create(registered);
        }
        SeedNotices(session, now);
        try
        {
            await new DemoFilings(session, store, catalog, calendar.Current, organizations, people, clock.Today()).SeedAsync();
        }
        catch (CalendarYearNotLoadedException e)
        {
            logger.LogWarning("Demo filings skipped: {Reason}", e.Message);
        }
        await session.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Demo data loaded: {Accounts} accounts (password {Password}), {Organizations} organizations",
            Accounts.Length, Password, Organizations.Length);
    }
}
