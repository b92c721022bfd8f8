using Assessment.Filing.Acceptance;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Filings;
using Assessment.Filing.Granting;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.Filing.Submission;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Demo;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Marten;
using NodaTime;

namespace Assessment.Filing.Demo;

/// <summary>
/// Demo filing applications in every state across the four jurisdictions, produced by the real deciders on back-dated
/// days (so granted filings have a finished publicity behind them), with the same events the API would write. The
/// publicity notices are asked of the Notices module as the API asks for them (<see cref="OpenNotice"/>), once the
/// platform runs (<see cref="Notices"/>).
/// </summary>
public sealed class DemoFilings(IDocumentSession session, IDocumentStore store, PolicyCatalog catalog, WorkingDayCalendar calendar,
    IReadOnlyDictionary<string, Organization> organizations, LocalDate today)
{
    public List<OpenNotice> Notices { get; } = [];

    private static readonly byte[] Pdf = SharedKernel.Documents.SamplePdf.Create("Demo material");
    private readonly OccupationCatalog _occupations = OccupationCatalog.LoadShipped();
    private IDocumentSession Session => session;

    private sealed class Flow(FilingApplication application, DemoFilings demo)
    {
        public FilingApplication A { get; } = application;

        public Flow Then(object e)
        {
            demo.Session.Events.Append(A.Id, e);
            ((dynamic)A).Apply((dynamic)e);
            return this;
        }
    }

    private static Instant At(LocalDate day, int hour = 10) => day.At(new LocalTime(hour, 0)).InZoneLeniently(ChinaTime.Zone).ToInstant();

    private Flow Draft(string org, string jurisdiction, string scope, LocalDate day, params OccupationLine[] lines)
    {
        var o = organizations[org];
        var id = Guid.CreateVersion7();
        var drafted = new ApplicationDrafted(id, o.Id, o.Name, o.AreaCode, jurisdiction, scope, At(day, 9), Person(org));
        session.Events.StartStream<FilingApplication>(id, drafted);
        var flow = new Flow(FilingApplication.Create(drafted), this);
        var (populations, mainBusiness, majors, preferences) = Declared(org, jurisdiction);
        flow.Then(new ApplicationDetailsChanged(id, lines, 8, 60_000, true, preferences, Person(org),
            [new EvaluationSite($"{o.Name}评价考点", o.Address)], At(day, 9), populations, mainBusiness, majors));
        foreach (var item in MaterialItems.Names.Keys)
        {
            var attached = MaterialsDecider.Attach(flow.A, item, new UploadedFile($"{MaterialItems.Names[item]}.pdf", FileSniffer.Pdf, Pdf),
                Guid.CreateVersion7(), At(day, 9), Person(org));
            session.Store(new MaterialFile
            {
                Id = attached.MaterialId, ApplicationId = id, ContentType = attached.ContentType, FileName = attached.FileName, Content = Pdf
            });
            flow.Then(attached);
        }
        return flow;
    }

    /// <summary>
    /// What a demo organization declares besides its occupations: whom it evaluates and its main business (FIL-02 [HB]),
    /// its majors (FIL-03 [HB]), the preference flags of the jurisdiction it applies to (FIL-09 [AH][GX]).
    /// </summary>
    private static (List<EvaluatedPopulation>, string?, List<SchoolMajor>, List<string>) Declared(string org, string jurisdiction) =>
        (org, jurisdiction) switch
        {
            ("daye", _) => ([EvaluatedPopulation.OwnStaff, EvaluatedPopulation.DispatchedOrOutsourced], "特殊钢冶炼及压延加工", [], []),
            ("huangshi", _) => ([EvaluatedPopulation.Students, EvaluatedPopulation.ExternalWorkers], null,
                [new SchoolMajor("电气自动化设备安装与维修", ["电工"])], []),
            ("hefei", "anhui") => ([], null, [], ["assessment-station"]),
            ("nanning", "guangxi") => ([], null, [], ["training-tasks"]),
            _ => ([], null, [], []),
        };

    private Flow Submit(Flow f, LocalDate day)
    {
        var a = f.A;
        var policy = catalog.Get(a.Jurisdiction);
        var organization = organizations.Values.Single(o => o.Id == a.OrganizationId);
        var context = new SubmissionContext(catalog, policy, organization.Category, _occupations, day, new Dictionary<string, int>(), null,
            Nature: organization.Nature);
        return f.Then(SubmissionDecider.Decide(a, context, () => FilingRouting.Route(policy, catalog, calendar, a.Scope, a.AreaCode, day), [],
            At(day), Person(Key(a))));
    }

    private string Key(FilingApplication a) => organizations.Single(o => o.Value.Id == a.OrganizationId).Key;

    private Flow Accept(Flow f, LocalDate day)
    {
        if (f.A.FirstReviewAuthority is { } city)
            f.Then(AcceptanceDecider.Forward(f.A, new ForwardApplication(f.A.Version, "初审通过，同意报送。"), At(day, 9), Reviewer(city)));
        return f.Then(AcceptanceDecider.Accept(f.A, new AcceptApplication(f.A.Version, "材料齐全，予以受理。", null), At(day),
            Reviewer(f.A.HandlingAuthority!)));
    }

    private Flow Evaluate(Flow f, LocalDate day, string expert, bool passed = true, bool scored = true)
    {
        var e = DemoData.Named(expert).Actor;
        var account = new AccountSummary(e.UserId, e.UserName, e.Name, Roles.Expert, e.AuthorityCode, null);
        var by = Reviewer(f.A.HandlingAuthority!);
        f.Then(EvaluationDecider.Assign(f.A, catalog.Get(f.A.Jurisdiction), [account], new AssignExperts(f.A.Version, [e.UserId], null, null),
            _ => true, At(day), by));
        if (!scored) return f;
        f.Then(EvaluationDecider.Score(f.A, new ScoreEvaluation(f.A.Version,
            EvaluationSubjects.Names.Keys.Select(s => new SubjectScore(s, passed ? 88 : 55, null)).ToList(),
            passed ? "考场配备视频监控，设施设备与申报一致。" : "考务管理制度缺失，考场不具备视频监控。", passed, passed ? "建议备案。" : "不建议备案。"),
            e.UserId, At(day.PlusDays(2)), e));
        return f.Then(EvaluationDecider.Conclude(f.A, new ConcludeEvaluation(f.A.Version, passed, passed ? "技术评估通过。" : "质量保障措施不足，未通过技术评估。"),
            At(day.PlusDays(3)), by));
    }

    private Flow Publicize(Flow f, LocalDate day)
    {
        var policy = catalog.Get(f.A.Jurisdiction);
        var (started, notice) = PublicityDecider.Start(f.A, policy, catalog, calendar, new StartPublicity(f.A.Version, day, null), day, At(day),
            Reviewer(f.A.HandlingAuthority!));
        Notices.Add(notice);
        return f.Then(started);
    }

    private async Task<Flow> Grant(Flow f)
    {
        var end = f.A.PublicityEnd!.Value;
        var closedAt = At(end.PlusDays(1), 0);
        // as the Notices module reports a window that closed without objections
        f.Then(new PublicityProgressed(f.A.Id, f.A.PublicityNoticeId!.Value, 2, NoticeStatus.Closed, 0, 0, closedAt, Actor.System));
        var day = calendar.AddWorkingDays(catalog.Get(f.A.Jurisdiction).CalendarLayer, end, 1);
        var policy = catalog.Get(f.A.Jurisdiction);
        var organization = organizations[Key(f.A)];
        var by = Reviewer(f.A.HandlingAuthority!);
        var allocator = new FilingNumberAllocator(store, new FixedClock(At(day)));
        var number = await allocator.AssignAsync(session, policy, catalog, organization.AreaCode, organization.Category, organization.Id, by);
        var filingId = Guid.CreateVersion7();
        var granted = GrantDecider.New(f.A, organization, policy, _occupations, number.Value, filingId, day, At(day), by);
        session.Events.StartStream<FilingRecord>(filingId, granted);
        return f.Then(new ApplicationGranted(f.A.Id, filingId, number.Value, granted.ValidFrom, granted.ValidUntil, At(day), by,
            GrantDecider.Basis(f.A)));
    }

    private sealed class FixedClock(Instant at) : IClock
    {
        public Instant GetCurrentInstant() => at;
    }

    private static Actor Person(string organizationKey) =>
        DemoData.People.Single(p => p.Organization == organizationKey && p.Role == Roles.Organization).Actor;

    private static Actor Reviewer(string authority) => DemoData.People.Single(p => p.Role == Roles.Reviewer && p.Authority == authority).Actor;

    private static OccupationLine Line(string name, int highest = 3, int lowest = 5, int personTimes = 12_000) =>
        new(name, null, highest, lowest, false, new LocalDate(2015, 3, 1), personTimes, true);

    /// <summary>Every application state in the four jurisdictions, and granted filings in each of them.</summary>
    public async Task SeedAsync()
    {
        var past = today.PlusDays(-40);
        // Anhui: a granted filing (Wuhu), one under evaluation and one waiting in the Hefei queue
        var wuhu = Accept(Submit(Draft("wuhu", "anhui", "city", past, Line("汽车装调工"), Line("电工", 3, 5)), past), past.PlusDays(2));
        await Grant(Publicize(Evaluate(wuhu, past.PlusDays(4), "anhui.expert"), past.PlusDays(10)));
        Evaluate(Accept(Submit(Draft("hefei", "anhui", "city", today.PlusDays(-10), Line("育婴员")), today.PlusDays(-10)), today.PlusDays(-8)),
            today.PlusDays(-7), "anhui.expert", scored: false);
        Submit(Draft("hefei", "anhui", "city", today.PlusDays(-1), Line("中式烹调师", 3, 5)), today.PlusDays(-1));

        // Guangxi: a granted filing (Liuzhou, filed by the region after Liuzhou's first review), one in publicity now,
        // one accepted, one waiting for Nanning's first review
        var liuzhou = Accept(Submit(Draft("liuzhou", "guangxi", "city", past.PlusDays(-5), Line("工程机械维修工", 3, 5), Line("电工", 3, 5)),
            past.PlusDays(-5)), past);
        await Grant(Publicize(Evaluate(liuzhou, past.PlusDays(3), "guangxi.expert"), past.PlusDays(8)));
        var inPublicity = Accept(Submit(Draft("nanning", "guangxi", "city", today.PlusDays(-20), Line("育婴员", 3, 5)), today.PlusDays(-20)),
            today.PlusDays(-15));
        Publicize(Evaluate(inPublicity, today.PlusDays(-12), "guangxi.expert"), today);
        Accept(Submit(Draft("nanning", "guangxi", "city", today.PlusDays(-6), Line("保育员", 3, 5)), today.PlusDays(-6)), today.PlusDays(-3));
        Submit(Draft("nanning", "guangxi", "city", today, Line("中式烹调师", 3, 5)), today);

        // Hubei/Huangshi (applications only in the April and September windows, FIL-12): granted, passed, rejected
        var september = new LocalDate(today.Year, 9, 1);
        if (september < today)
        {
            var school = Accept(Submit(Draft("huangshi", "hubei-huangshi", "city", september, Line("电工", 3, 5)), september), september.PlusDays(3));
            await Grant(Publicize(Evaluate(school, september.PlusDays(7), "huangshi.expert"), september.PlusDays(14)));
            var steel = Accept(Submit(Draft("daye", "hubei-huangshi", "city", september.PlusDays(1), Line("钢筋工", 3, 5),
                Line("金属材精整工", 3, 5) with
                {
                    Mapping = new("特钢棒材精整工", "本企业特钢棒材精整岗位未列入职业分类大典，工作内容与金属材精整工最相近。"),
                }), september.PlusDays(1)), september.PlusDays(4));
            Evaluate(steel, september.PlusDays(8), "huangshi.expert");
            var failed = Accept(Submit(Draft("daye", "hubei-huangshi", "city", september.PlusDays(2), Line("中式面点师", 3, 5)), september.PlusDays(2)),
                september.PlusDays(4));
            Evaluate(failed, september.PlusDays(8), "huangshi.expert", passed: false);
        }

        // National: a granted national-scope filing (Liuzhou), a draft and a returned application
        var national = Accept(Submit(Draft("liuzhou", "national", "national", past.PlusDays(-10), Line("工程机械维修工", 2, 5, 60_000)), past.PlusDays(-10)),
            past.PlusDays(-6));
        await Grant(Publicize(Evaluate(national, past.PlusDays(-2), "national.expert"), past.PlusDays(6)));
        Draft("hefei", "national", "national", today.PlusDays(-2), Line("育婴员", 3, 5));
        var returned = Submit(Draft("hefei", "national", "national", today.PlusDays(-5), Line("中式面点师", 3, 5)), today.PlusDays(-5));
        returned.Then(AcceptanceDecider.Return(returned.A, new ReturnApplication(returned.A.Version, ["近三年审计报告"], "资产证明不完整，请补充。"),
            At(today.PlusDays(-3)), Reviewer("000000")));
    }
}
