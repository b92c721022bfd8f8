using System.Globalization;
using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.Batches.Planning;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Batches.Scoring;

/// <summary>One candidate's result as entered: absent, or a score (0–100) for each subject of the batch.</summary>
public sealed record ResultEntry(Guid CandidateId, bool Absent, IReadOnlyList<ExamSubjectScore>? Scores);

/// <summary>Results, their publicity (BAT-06) and how an objection reopens them.</summary>
public static class ResultsDecider
{
    private static readonly string[] AbsentWords = ["是", "缺考", "Y", "y", "1"];

    /// <summary>The results template's columns for <paramref name="batch"/>: 证件号码, 姓名, one per subject, 缺考.</summary>
    public static IReadOnlyList<string> SheetColumns(Batch batch) => ["证件号码", "姓名", .. batch.Subjects, "缺考"];

    /// <summary>
    /// An imported results sheet (BAT-06), all or nothing: each row names a candidate of the batch by 证件号码 and gives a number
    /// per subject (none needed when 缺考 says 是/缺考/Y/1); every faulty row is listed, then the entries are recorded as typed ones.
    /// </summary>
    public static ResultsRecorded Import(Batch batch, Roster roster, IReadOnlyList<SheetRow> rows, IReadOnlyList<OrganizationFiling> filings,
        PolicyCatalog catalog,
        LocalDate today, string fileName, Instant now, Actor by)
    {
        var byNumber = roster.Candidates.ToDictionary(c => c.DocumentNumber);
        var errors = new List<CandidateRowError>();
        var entries = new List<(int, ResultEntry)>();
        foreach (var row in rows)
        {
            var number = (row.Cell("证件号码") ?? "").Trim().ToUpperInvariant();
            if (!byNumber.TryGetValue(number, out var candidate))
            {
                errors.Add(new(row.Row, "证件号码", "BAT-06", $"本批次没有证件号码为“{number}”的考生。"));
                continue;
            }
            var absent = AbsentWords.Contains((row.Cell("缺考") ?? "").Trim());
            var scores = new List<ExamSubjectScore>();
            foreach (var subject in batch.Subjects)
            {
                var text = (row.Cell(subject) ?? "").Trim();
                if (absent && text.Length == 0) continue;
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var score))
                    scores.Add(new ExamSubjectScore(subject, score));
                else errors.Add(new(row.Row, subject, "BAT-06", $"{subject}成绩“{text}”不是数字。"));
            }
            entries.Add((row.Row, new ResultEntry(candidate.Id, absent, scores)));
        }
        if (errors.Count > 0) throw RowErrors.Refuse(errors);
        return Record(batch, roster, entries, filings, catalog, today, fileName, now, by);
    }

    public static ResultsRecorded Record(Batch batch, Roster roster, IReadOnlyList<(int Row, ResultEntry Entry)> entries,
        IReadOnlyList<OrganizationFiling> filings,
        PolicyCatalog catalog, LocalDate today, string? sourceFile, Instant now, Actor by)
    {
        if (batch.Status is not (BatchStatus.Filed or BatchStatus.ResultsRecorded))
            throw new BusinessRuleException(new RuleViolation("BAT-06", "batch.results-not-open",
                batch.Status == BatchStatus.Suspended ? "批次已暂停，不能录入成绩。" : "当前阶段不能录入或修改成绩。"));
        if (batch.FirstExamDay is { } first && today < first)
            throw new BusinessRuleException(new RuleViolation("BAT-06", "batch.results-before-exam", $"认定日（{first:yyyy-MM-dd}）前不能录入成绩。"));
        var filing = Eligibility.Check(batch, filings, catalog).Where(v => v.Code is "batch.filing-not-active" or "batch.filing-unknown").ToList();
        if (filing.Count > 0) throw new BusinessRuleException(filing);

        var errors = new List<CandidateRowError>();
        var results = new List<CandidateResult>();
        var seen = new HashSet<Guid>();
        var candidates = roster.Candidates.ToDictionary(c => c.Id);
        foreach (var (row, e) in entries)
        {
            var before = errors.Count;
            var candidate = candidates.GetValueOrDefault(e.CandidateId);
            if (candidate is null) { errors.Add(new(row, "证件号码", "BAT-06", "本批次没有该考生。")); continue; }
            if (!seen.Add(candidate.Id)) { errors.Add(new(row, "证件号码", "BAT-06", $"考生{candidate.Name}的成绩重复。")); continue; }
            var scores = (e.Scores ?? []).ToList();
            if (!e.Absent)
            {
                foreach (var subject in batch.Subjects)
                {
                    var s = scores.Where(x => x.Subject == subject).ToList();
                    if (s.Count != 1) errors.Add(new(row, subject, "BAT-06", $"请填写考生{candidate.Name}的{subject}成绩。"));
                    else if (s[0].Score is < 0 or > 100) errors.Add(new(row, subject, "BAT-06", $"{subject}成绩应为0至100分。"));
                }
                foreach (var extra in scores.Where(x => !batch.Subjects.Contains(x.Subject)))
                    errors.Add(new(row, extra.Subject, "BAT-06", $"“{extra.Subject}”不是本批次的认定科目。"));
            }
            if (errors.Count == before)
                results.Add(new CandidateResult(candidate.Id, e.Absent, e.Absent ? [] : scores,
                    !e.Absent && scores.All(s => s.Score >= BatchSubjects.PassMark)));
        }
        if (errors.Count > 0) throw RowErrors.Refuse(errors);
        if (results.Count == 0) throw new BusinessRuleException(new RuleViolation("BAT-06", "batch.no-result-rows", "没有成绩数据。"));
        return new ResultsRecorded(batch.Id, results, sourceFile, now, by);
    }

    public static (ResultsPublicityStarted Started, OpenNotice Notice) StartPublicity(Batch batch, Roster roster, PolicyCatalog catalog,
        WorkingDayCalendar calendar,
        LocalDate start, Guid noticeId, Instant now, Actor by)
    {
        if (batch.Status != BatchStatus.ResultsRecorded)
            throw new BusinessRuleException(new RuleViolation("BAT-06", "batch.results-not-ready", "请先录入全部考生的成绩。"));
        var missing = batch.CandidateCount - batch.Counted(CandidateMarks.Scored);
        if (missing > 0)
            throw new BusinessRuleException(new RuleViolation("BAT-06", "batch.results-incomplete", $"还有{missing}名考生没有成绩（缺考也须记录）。"));
        var policy = catalog.Get(batch.Jurisdiction);
        var window = NoticeWindow.Compute(NoticeKind.ResultsPublicity, policy, calendar, start, null);
        var authority = batch.ReceivingAuthority!;
        var notice = new OpenNotice(noticeId, NoticeKind.ResultsPublicity, $"{batch.OrganizationName}{batch.Title}职业技能等级认定结果公示",
            PublicityBody(batch, roster, window), authority, policy.Id, policy.CalendarLayer, window.Start, window.End, window.Length, window.Unit,
            PlanningDecider.Subject(batch.Id), now, by);
        return (new ResultsPublicityStarted(batch.Id, noticeId, window.Start, window.End, window.Length, window.Unit, now, by), notice);
    }

    /// <summary>Keeps the batch in step with its results notice; a clean close starts the BAT-07 report deadline.</summary>
    public static object? Progress(Batch? batch, NoticeStateChanged m, PolicyCatalog catalog, WorkingDayCalendar calendar, Instant now)
    {
        if (batch is null || batch.Status != BatchStatus.InPublicity || batch.PublicityNoticeId != m.NoticeId
            || m.NoticeVersion <= batch.PublicityNoticeVersion) return null;
        if (m.Status == NoticeStatus.Withdrawn)
            return new ResultsReopened(batch.Id, m.NoticeId, "结果公示已撤回，请核实成绩后重新公示。", now, Actor.System);
        if (m.UpheldObjections > 0)
            return new ResultsReopened(batch.Id, m.NoticeId, $"公示期间异议成立（{m.UpheldObjections}件），请核实更正成绩后重新公示。", now, Actor.System);
        var clean = m.Status == NoticeStatus.Closed && m.OpenObjections == 0;
        LocalDate? due = null;
        if (clean)
        {
            var layer = catalog.PolicyForArea(batch.ReceivingAuthority!).CalendarLayer;
            try { due = calendar.AddWorkingDays(layer, m.WindowEnd, catalog.Get(batch.Jurisdiction).Batches.ResultsReportWorkingDays); }
            catch (CalendarYearNotLoadedException) { due = null; } // counted once the administrator loads that year's notice; never guessed
        }
        return new ResultsPublicityProgressed(batch.Id, m.NoticeId, m.NoticeVersion, m.Status == NoticeStatus.Closed, m.OpenObjections,
            m.UpheldObjections, clean, due, now, Actor.System);
    }

    private static string PublicityBody(Batch batch, Roster roster, Window window)
    {
        var text = new System.Text.StringBuilder();
        var days = string.Join("、", batch.ExamDays.Select(d => d.ToString("yyyy-MM-dd", null)));
        text.AppendLine($"{batch.OrganizationName}（备案编号{batch.FilingNumber}）于{days}组织的职业技能等级认定，经考核合格人员如下，现予公示：");
        var passed = roster.Qualified();
        foreach (var c in passed.OrderBy(c => c.OccupationKey).ThenBy(c => c.Level))
        {
            var occupation = batch.Occupations.First(o => o.Key == c.OccupationKey && o.Level == c.Level);
            var level = SkillLevel.FromNumber(c.Level).FullName;
            text.AppendLine($"{Masking.Name(c.Name)}　{Masking.Document(c.DocumentNumber)}　{occupation.Name}　{level}");
        }
        var unit = window.Unit == PublicityUnits.WorkingDays ? "个工作日" : "天";
        text.AppendLine($"公示期：{window.Start:yyyy-MM-dd}至{window.End:yyyy-MM-dd}（{window.Length}{unit}）。对公示结果有异议的，请在公示期内提出。");
        return text.ToString();
    }
}
