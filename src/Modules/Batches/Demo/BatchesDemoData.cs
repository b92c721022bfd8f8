using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.Batches.Planning;
using Assessment.Batches.Reporting;
using Assessment.Batches.Running;
using Assessment.Batches.Scoring;
using Assessment.Batches.Staffing;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Demo;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Assessment.Batches.Demo;

/// <summary>
/// Demo batches (embedded mode only) in every state across the jurisdictions, under the demo filings the Filing module
/// seeded, produced by the real deciders on back-dated days (never in the future): accepted and reported (Huangshi),
/// results in publicity (Liuzhou, Guangxi), a filed plan with its announcement (Liuzhou, national), suspended after a
/// spot check and a draft (Wuhu, Anhui). The notices they need are asked of the Notices module once the platform runs.
/// </summary>
public sealed class BatchesDemoData(IConfiguration configuration, IWorkingDayCalendar calendar, PolicyCatalog catalog, IOrganizationFilings filings,
    IClock clock, DemoMessages<BatchesDemoData> notices, ILogger<BatchesDemoData> logger) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        if (!DemoData.Enabled(configuration)) return;
        await using var session = store.LightweightSession();
        if (await session.Query<Batch>().AnyAsync(cancellationToken)) return;
        var today = clock.GetCurrentInstant().Date();
        var seeder = new Seeder(session, catalog, calendar.Current, today, notices);
        await seeder.Run("huangshi", filings, BatchStatus.Accepted, f => f.ValidFrom.PlusDays(1), "第一批", logger);
        await seeder.Run("huangshi", filings, BatchStatus.Reported, f => f.ValidFrom.PlusDays(8), "第二批", logger);
        await seeder.Run("liuzhou", filings, BatchStatus.InPublicity, _ => today.PlusDays(-21), "第一批", logger, "guangxi");
        await seeder.Run("liuzhou", filings, BatchStatus.Filed, _ => today.PlusDays(-3), "全国第一批", logger, "national");
        await seeder.Run("wuhu", filings, BatchStatus.Suspended, _ => today.PlusDays(-10), "第一批", logger);
        await seeder.Run("wuhu", filings, BatchStatus.Draft, _ => today, "第二批", logger);
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo batches loaded");
    }

    private sealed class Seeder(IDocumentSession session, PolicyCatalog catalog, WorkingDayCalendar calendar, LocalDate today,
        DemoMessages<BatchesDemoData> notices)
    {
        private int _serial;

        private static Instant At(LocalDate day, int hour = 10) => day.At(new LocalTime(hour, 0)).InZoneLeniently(ChinaTime.Zone).ToInstant();

        public async Task Run(string org, IOrganizationFilings filings, BatchStatus target, Func<OrganizationFiling, LocalDate> start, string title,
            ILogger logger, string? jurisdiction = null)
        {
            var all = await filings.OfOrganizationAsync(session, DemoData.OrganizationId(org));
            var filing = all.FirstOrDefault(f => f.Status == FilingState.Active && (jurisdiction is null || f.Jurisdiction == jurisdiction));
            if (filing is null) return;
            try { Flow(org, all, filing, target, start(filing), title); }
            catch (Exception e) when (e is BusinessRuleException or CalendarYearNotLoadedException)
            {
                logger.LogWarning("Demo batch {Title} of {Organization} skipped: {Reason}", title, org, e.Message);
            }
        }

        private void Flow(string org, IReadOnlyList<OrganizationFiling> all, OrganizationFiling filing, BatchStatus target, LocalDate day,
            string title)
        {
            var person = DemoData.People.Single(p => p.Organization == org && p.Role == Roles.Organization).Actor;
            var layer = catalog.Get(filing.Jurisdiction).CalendarLayer;
            var id = Guid.CreateVersion7();
            title = $"{day.Year}年{title}（{filing.Occupations[0].Name}）";
            var drafted = PlanningDecider.Draft(id, filing.FilingId, title, filing, At(day, 9), person);
            var batch = Batch.Create(drafted);
            session.Events.StartStream<Batch>(id, drafted);
            // the roster as the projection will hold it once these events are saved
            var roster = Roster.Empty;
            Roster Candidates() => roster;
            void Then(object e)
            {
                session.Events.Append(id, e);
                ((dynamic)batch).Apply((dynamic)e);
                roster = roster.With(e);
            }

            var occupation = filing.Occupations[0];
            var level = Math.Min(occupation.LowestLevel, Math.Max(occupation.HighestLevel, 4));
            var exam = calendar.AddWorkingDays(layer, day, 12);
            var site = Eligibility.CityOf(filing.OrganizationAreaCode, catalog);
            Then(PlanningDecider.Change(batch, new ChangeBatchPlan(batch.Version, title, [new PlannedOccupation(occupation.Name, level)],
                ["理论知识", "操作技能"],
                [exam], [new BatchSite($"{filing.OrganizationName}认定考点", "实训楼一层", site)], 280, "按当地价格主管部门公布的收费标准"), filing, At(day, 9), person));
            var staff = StaffList(org, filing, occupation.Name, day);
            Then(StaffingDecider.Assign(batch, new AssignBatchStaff(batch.Version,
                [new StaffPick(staff[0].Id, StaffRole.Examiner), new StaffPick(staff[1].Id, StaffRole.QualitySupervisor),
                    new StaffPick(staff[2].Id, StaffRole.Invigilator)]),
                new StaffingInputs(staff, Candidates()), At(day, 10), person));
            var rows = Names.Select((name, i) => (i + 2, new CandidateInput(name, "201", IdNumber(site, ++_serial), $"{filing.OrganizationName}",
                occupation.Name,
                level.ToString(System.Globalization.CultureInfo.InvariantCulture), null, catalog.AreaName(site)))).ToList();
            Then(CandidatesDecider.Add(batch, rows, TakenDocuments.None, "考生名单.xlsx", At(day, 11), person));
            if (target == BatchStatus.Draft) return;

            var context = new PlanContext(all, catalog, calendar, day);
            var (filed, announcement) = PlanningDecider.File(batch, Candidates(), context, Guid.CreateVersion7(), At(day, 15), person);
            if (announcement is not null) notices.Pending.Add(announcement);
            Then(filed);
            if (target == BatchStatus.Filed) return;
            if (target == BatchStatus.Suspended)
            {
                var inspector = DemoData.People
                                    .FirstOrDefault(p => p.Role == Roles.Inspector && p.Authority is { } a
                                                         && catalog.IsWithin(batch.AreaCode, a))?.Actor
                                ?? DemoData.People.Single(p => p.Role == Roles.Reviewer && p.Authority == batch.ReceivingAuthority).Actor;
                foreach (var e in RunningDecider.SpotCheck(batch, new RecordSpotCheck(batch.Version, "考前资格审核", today.At(new LocalTime(9, 30)),
                             "抽查考生报名材料，发现两名考生工作年限证明缺失，责令暂停并整改。", true), Guid.CreateVersion7(), At(today, 11), inspector))
                    Then(e);
                return;
            }

            if (exam.PlusDays(1) > today) return; // the demo never writes the future
            var results = Candidates().Candidates.Select((c, i) => (i + 1, new ResultEntry(c.Id, i == 4,
                i == 4 ? null : [new ExamSubjectScore("理论知识", 58 + i * 7 % 40), new ExamSubjectScore("操作技能", 65 + i * 5 % 30)]))).ToList();
            Then(ResultsDecider.Record(batch, Candidates(), results, all, catalog, exam, "成绩.xlsx", At(exam, 18), person));
            var (started, notice) = ResultsDecider.StartPublicity(batch, Candidates(), catalog, calendar, exam.PlusDays(1), Guid.CreateVersion7(),
                At(exam.PlusDays(1), 9), person);
            notices.Pending.Add(notice);
            Then(started);
            if (target == BatchStatus.InPublicity) return;

            // as the Notices module reports a window that closed without objections
            var closedOn = started.WindowEnd.PlusDays(1);
            if (closedOn > today) return;
            Then(ResultsDecider.Progress(batch, new NoticeStateChanged(notice.NoticeId, NoticeKind.ResultsPublicity, notice.SubjectReference, 2,
                NoticeStatus.Closed, started.WindowStart, started.WindowEnd, 0, 0, 0), catalog, calendar, At(closedOn, 0))!);
            var reportDay = calendar.AddWorkingDays(layer, closedOn, 2);
            if (reportDay > today) return;
            Then(ReportingDecider.Submit(batch, At(reportDay), person));
            if (target == BatchStatus.Reported) return;
            var reviewer = DemoData.People.Single(p => p.Role == Roles.Reviewer && p.Authority == batch.ReceivingAuthority).Actor;
            var acceptDay = calendar.AddWorkingDays(layer, reportDay, 2);
            if (acceptDay > today) return;
            var (accepted, contract, runs) = ReportingDecider.Accept(batch, Candidates(), "材料齐全，结果真实，同意备案。", At(acceptDay), reviewer);
            Then(accepted);
            notices.Pending.Add(contract);
            notices.Pending.AddRange(runs);
        }

        private List<StaffMember> StaffList(string org, OrganizationFiling filing, string occupation, LocalDate day)
        {
            var person = DemoData.People.Single(p => p.Organization == org && p.Role == Roles.Organization).Actor;
            var area = Eligibility.CityOf(filing.OrganizationAreaCode, catalog);
            return new[] { ("考评", "一级考评员"), ("督导", "内部质量督导员培训合格"), ("监考", "监考人员培训合格") }.Select((r, i) =>
            {
                var registered = new StaffMemberRegistered(Guid.CreateVersion7(), filing.OrganizationId,
                    $"{Surnames[(_serial + i) % Surnames.Length]}{r.Item1}员",
                    201, IdNumber(area, 500 + ++_serial, "19780312"), r.Item2, [occupation], i == 0 ? [1, 2, 3, 4, 5] : [], At(day, 9), person);
                session.Events.StartStream<StaffMember>(registered.StaffId, registered);
                return StaffMember.Create(registered);
            }).ToList();
        }

        private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"];
        private static readonly string[] Names = ["王建华", "李秀兰", "张志强", "刘海燕", "陈国庆", "杨丽娟", "黄晓东", "赵春梅"];

        /// <summary>A resident id number of the area with its GB 11643 check character.</summary>
        private static string IdNumber(string area, int serial, string birth = "19920615")
        {
            var body = $"{area[..4]}02{birth}{serial % 1000:000}";
            int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
            return body + "10X98765432"[sum % 11];
        }
    }
}
