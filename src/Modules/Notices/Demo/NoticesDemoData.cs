using Assessment.Notices.Notices;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Demo;
using Assessment.SharedKernel.Policies;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Assessment.Notices.Demo;

/// <summary>The Notices module's demo data (embedded mode only): two notices open from today, published by their area's reviewers.</summary>
public sealed class NoticesDemoData(IConfiguration configuration, IClock clock, IWorkingDayCalendar calendar, PolicyCatalog catalog,
    ILogger<NoticesDemoData> logger) : IInitialData
{
    private static readonly (string Area, string Reviewer, NoticeKind Kind, string Subject, string Body)[] Notices =
    [
        ("340200", "wuhu.reviewer", NoticeKind.FilingPublicity, "芜湖市2026年第二批职业技能等级认定评价机构备案公示",
            "经材料审核、技术评估，以下机构拟予备案，现予公示：\n芜湖奇瑞汽车股份有限公司（汽车装调工 三级至五级）\n公示期内如有异议，请在线提出并留下联系方式。"),
        ("450100", "nanning.reviewer", NoticeKind.ResultsPublicity, "南宁家政服务行业协会2026年11月育婴员认定结果公示",
            "本次认定合格人员名单如下（略），公示期内如有异议请在线提出。"),
    ];

    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        if (!DemoData.Enabled(configuration)) return;
        await using var session = store.LightweightSession();
        if (await session.Query<Notice>().AnyAsync(n => n.Subject == Notices[0].Subject, cancellationToken)) return;
        var now = clock.GetCurrentInstant();
        foreach (var n in Notices)
        {
            var policy = catalog.PolicyForArea(n.Area);
            try
            {
                var id = Guid.CreateVersion7();
                var published = NoticeDecider.Publish(id, new Publishing.PublishNotice(n.Kind, n.Subject, n.Body, n.Area), n.Area, policy,
                    calendar.Current, now.Date(), now, DemoData.Named(n.Reviewer).Actor);
                session.Events.StartStream<Notice>(id, published);
            }
            catch (CalendarYearNotLoadedException e)
            {
                logger.LogWarning("Demo notice skipped: {Reason}", e.Message);
            }
        }
        await session.SaveChangesAsync(cancellationToken);
    }
}
