using System.Reflection;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.UnitTests.Filing;

/// <summary>
/// Builds a filing application in any state for decider tests, step by step as it happens —
/// <c>ApplicationBuilder.Drafted().WithMaterials().Submitted().Accepted().UnderEvaluation().Scored(90).Concluded().InPublicity()</c>
/// — through the events (and, where a step is a decision, the real deciders).
/// </summary>
public sealed class ApplicationBuilder
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);
    public static readonly LocalDate Today = new(2026, 11, 23);
    public static readonly WorkingDayCalendar Calendar = new(CalendarData.LoadShipped());
    public static readonly PolicyCatalog Policies = new(PolicyCatalog.LoadShipped(), Calendar.LayerIds);
    public static readonly AccountSummary Expert = new(Guid.NewGuid(), "anhui.expert", "赵建国（安徽评估专家）", Roles.Expert, "340000", null);
    public static readonly Actor Reviewer = new(Guid.NewGuid(), "wuhu.reviewer", Roles.Reviewer, "340200", null, "江芜");

    private readonly FilingApplication _application;

    private ApplicationBuilder(FilingApplication application) => _application = application;

    public static ApplicationBuilder Drafted(string jurisdiction = "anhui", string scope = "city", string area = "340200",
        ApplicationKind kind = ApplicationKind.New, Guid? filingId = null) =>
        new(FilingApplication.Create(new ApplicationDrafted(Guid.NewGuid(), Guid.NewGuid(), "测试机构", area, jurisdiction, scope, Now, Actor.System, kind,
            filingId)));

    public FilingApplication Build() => _application;

    public static implicit operator FilingApplication(ApplicationBuilder builder) => builder._application;

    /// <summary>Applies any event, as Marten does when it projects the stream.</summary>
    public ApplicationBuilder Then(object e)
    {
        var apply = typeof(FilingApplication).GetMethod(nameof(FilingApplication.Apply), BindingFlags.Public | BindingFlags.Instance, [e.GetType()])
                    ?? throw new ArgumentException($"FilingApplication does not apply {e.GetType().Name}.");
        apply.Invoke(_application, [e]);
        _application.Version++;
        return this;
    }

    public ApplicationBuilder WithOccupations(int years = 10, int personTimes = 100_000, params OccupationLine[] lines) =>
        Then(new ApplicationDetailsChanged(_application.Id, lines.Length > 0 ? lines : [Line()], years, personTimes, false, [], Actor.System));

    public static OccupationLine Line(string name = "育婴员", int highest = 3, int lowest = 5, int personTimes = 20_000) =>
        new(name, null, highest, lowest, false, null, personTimes, true);

    public ApplicationBuilder WithMaterials(params int[] items)
    {
        foreach (var item in items.Length > 0 ? items : [1, 2, 3, 4, 5, 6])
            Then(new MaterialAttached(_application.Id, Guid.NewGuid(), item, $"{item}.pdf", "application/pdf", 10, "00", Now, Actor.System));
        return this;
    }

    public ApplicationBuilder Submitted(string? handling = null, string? firstReview = null, LocalDate? deadline = null, params RuleViolation[] excepted) =>
        Then(new ApplicationSubmitted(_application.Id, Today, Now, handling ?? _application.AreaCode, firstReview, deadline ?? Today.PlusDays(14),
            excepted.Select(v => new ExceptionRequest(v.RuleId, "理由")).ToList(), excepted, Actor.System));

    public ApplicationBuilder Accepted() =>
        Then(new ApplicationAccepted(_application.Id, _application.HandlingAuthority ?? _application.AreaCode, null, [], Now, Reviewer));

    public ApplicationBuilder UnderEvaluation(params AccountSummary[] experts)
    {
        var assigned = experts.Length > 0 ? experts : [Expert];
        return Then(EvaluationDecider.Assign(_application, Policies.Get(_application.Jurisdiction), assigned,
            new AssignExperts(_application.Version, assigned.Select(e => e.Id).ToList(), null, null), _ => true, Now, Reviewer));
    }

    public static ScoreEvaluation Scores(long version, int score) =>
        new(version, EvaluationSubjects.Names.Keys.Select(s => new SubjectScore(s, score, null)).ToList(), "现场核查正常", true, "同意");

    public ApplicationBuilder Scored(int score = 90, Guid? expert = null) =>
        Then(EvaluationDecider.Score(_application, Scores(_application.Version, score), expert ?? _application.Experts[0].UserId, Now, Actor.System));

    public ApplicationBuilder Concluded(bool passed = true) =>
        Then(EvaluationDecider.Conclude(_application, new ConcludeEvaluation(_application.Version, passed, passed ? "通过" : "未通过"), Now, Reviewer));

    public ApplicationBuilder InPublicity()
    {
        var (started, _) = PublicityDecider.Start(_application, Policies.Get(_application.Jurisdiction), Policies, Calendar,
            new StartPublicity(_application.Version), Today, Now, Reviewer);
        return Then(started);
    }
}
