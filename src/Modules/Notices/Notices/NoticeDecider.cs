using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Notices.Notices;

/// <summary>The decisions on a notice (NTC, FIL-17, BAT-02/06). Pure: state, command, today/now and actor in; events out.</summary>
public static class NoticeDecider
{
    /// <summary>A reviewer's notice for an area: its window on the area's calendar, at least the policy's minimum for its kind.</summary>
    public static NoticePublished Publish(Guid id, Publishing.PublishNotice c, string areaCode, JurisdictionPolicy policy,
        WorkingDayCalendar calendar,
        LocalDate today, Instant now, Actor by)
    {
        var start = c.StartDate ?? today;
        if (start < today)
            throw new BusinessRuleException(new RuleViolation("NTC", "notice.start-in-past", "公告开始日期不能早于今天。"));
        var window = NoticeWindow.Compute(c.Kind, policy, calendar, start, c.Length);
        return new NoticePublished(id, c.Kind, c.Subject.Trim(), c.Body.Trim(), areaCode, policy.Id, policy.CalendarLayer, window.Start, window.End,
            window.Length, window.Unit, c.SubjectReference, now, by);
    }

    /// <summary>Anyone may object while the window is open (FIL-17, BAT-06).</summary>
    public static ObjectionLodged Lodge(Notice n, Objections.LodgeObjection c, Guid objectionId, LocalDate today, Instant now)
    {
        if (n.Status != NoticeStatus.Open || today < n.WindowStart || today > n.WindowEnd)
            throw new BusinessRuleException(new RuleViolation(NoticeWindow.RuleFor(n.Kind), "notice.not-open-for-objections",
                $"该公告的异议期为{n.WindowStart:yyyy-MM-dd}至{n.WindowEnd:yyyy-MM-dd}，当前不在异议期内。"));
        var name = c.Name.Trim();
        return new ObjectionLodged(n.Id, objectionId, name, Blank(c.Phone), Blank(c.Email), c.Content.Trim(), now, Actor.Anonymous(name));
    }

    public static ObjectionResolved Resolve(Notice n, Guid objectionId, Objections.ResolveObjection c, Instant now, Actor by)
    {
        var objection = n.Objections.SingleOrDefault(o => o.Id == objectionId)
                        ?? throw new BusinessRuleException(new RuleViolation("NTC", "objection.not-found", "该公告下没有此异议。"));
        if (!objection.IsOpen)
            throw new BusinessRuleException(new RuleViolation("NTC", "objection.already-resolved", "该异议已处理。"));
        return new ObjectionResolved(n.Id, objectionId, c.Outcome, c.Reason.Trim(), now, by);
    }

    public static NoticeWithdrawn Withdraw(Notice n, Withdrawal.WithdrawNotice c, Instant now, Actor by)
    {
        if (n.Status != NoticeStatus.Open)
            throw new BusinessRuleException(new RuleViolation("NTC", "notice.not-open", "只能撤回公示中的公告。"));
        return new NoticeWithdrawn(n.Id, c.Reason.Trim(), now, by);
    }

    /// <summary>The window has ended by the clock: the notice closes (by the platform). Nothing when it is not due or no longer open.</summary>
    public static IReadOnlyList<object> Close(Notice n, LocalDate today, Instant now) =>
        n.Status != NoticeStatus.Open || today <= n.WindowEnd
            ? []
            : [new NoticeWindowClosed(n.Id, n.OpenObjections, n.UpheldObjections, now, Actor.System)];

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// What the owner of a notice's subject learns after each change (<see cref="NoticeStateChanged"/>): the whole state
/// with the stream version, so messages may arrive in any order. Nothing for a notice without a subject.
/// </summary>
public static class NoticeSignals
{
    public static Wolverine.OutgoingMessages After(Notice before, IEnumerable<object> events)
    {
        var messages = new Wolverine.OutgoingMessages();
        var state = before;
        var version = before.Version;
        foreach (var e in events)
        {
            state = state.With(e);
            version++;
            if (state.SubjectReference is { } subject)
                messages.Add(new NoticeStateChanged(state.Id, state.Kind, subject, version, state.Status, state.WindowStart, state.WindowEnd,
                    state.OpenObjections, state.UpheldObjections, state.Objections.Count(o => o.Outcome == ObjectionOutcome.Dismissed)));
        }
        return messages;
    }
}
