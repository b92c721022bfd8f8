using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using Wolverine.Http;

namespace Assessment.Api.Calendar;

/// <summary>An administrator loaded (or corrected) one year of a calendar layer from the yearly notice.</summary>
public sealed record CalendarYearLoaded(string LayerId, int Year, IReadOnlyList<LocalDate> Off, IReadOnlyList<LocalDate> Work, string Source,
    Actor By);

public sealed record WorkingDayAnswer(string Jurisdiction, string CalendarLayer, LocalDate Date, bool IsWorkingDay);

public sealed record AddWorkingDaysAnswer(string Jurisdiction, string CalendarLayer, LocalDate From, int WorkingDays, LocalDate Result);

public sealed record CalendarLayerView(string Id, string Name, string? Parent, IReadOnlyList<CalendarYearView> Years);

public sealed record CalendarYearView(int Year, string Source, IReadOnlyList<LocalDate> Off, IReadOnlyList<LocalDate> Work);

/// <summary>Public answers of the one working-day calendar, by jurisdiction (its policy names the calendar layer).</summary>
public static class CalendarQueryEndpoints
{
    [AllowAnonymous]
    [WolverineGet("/api/calendar/{jurisdiction}/working-day", OperationId = "isWorkingDay", Summary = "查询某日是否工作日")]
    [ProducesResponseType<WorkingDayAnswer>(200)]
    public static IResult IsWorkingDay(string jurisdiction, string? date, PolicyCatalog catalog, IWorkingDayCalendar calendar)
    {
        if (catalog.Find(jurisdiction) is not { } policy) return Results.Problem(Problems.NotFound("辖区"));
        if (ParseDate(date, "date") is not { } d) return Results.Problem(Problems.Validation("date", "请提供yyyy-MM-dd格式的日期。"));
        return Results.Ok(new WorkingDayAnswer(policy.Id, policy.CalendarLayer, d, calendar.Current.IsWorkingDay(policy.CalendarLayer, d)));
    }

    [AllowAnonymous]
    [WolverineGet("/api/calendar/{jurisdiction}/add-working-days", OperationId = "addWorkingDays", Summary = "计算若干工作日后的日期")]
    [ProducesResponseType<AddWorkingDaysAnswer>(200)]
    public static IResult AddWorkingDays(string jurisdiction, string? from, int? days, PolicyCatalog catalog, IWorkingDayCalendar calendar)
    {
        if (catalog.Find(jurisdiction) is not { } policy) return Results.Problem(Problems.NotFound("辖区"));
        var errors = new Dictionary<string, string[]>();
        var start = ParseDate(from, "from");
        if (start is null) errors["from"] = ["请提供yyyy-MM-dd格式的起算日期。"];
        if (days is null or < 0 or > 366) errors["days"] = ["工作日数应为0至366之间的整数。"];
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));
        var result = calendar.Current.AddWorkingDays(policy.CalendarLayer, start!.Value, days!.Value);
        return Results.Ok(new AddWorkingDaysAnswer(policy.Id, policy.CalendarLayer, start.Value, days.Value, result));
    }

    [AllowAnonymous]
    [WolverineGet("/api/calendar/layers", OperationId = "listCalendarLayers", Summary = "查询工作日历")]
    public static IReadOnlyList<CalendarLayerView> Layers(IWorkingDayCalendar calendar) =>
        calendar.Current.LayerIds.Order().Select(id => calendar.Current.Layer(id)).Select(l => new CalendarLayerView(
            l.Id, l.Name, l.Parent, l.Years.Select(y => new CalendarYearView(y.Year, y.Source, y.Off, y.Work)).ToList())).ToList();

    private static LocalDate? ParseDate(string? text, string _) =>
        text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } r ? r.Value : null;
}

public sealed record LoadCalendarYear(int Year, IReadOnlyList<string> Off, IReadOnlyList<string> Work, string Source);

/// <summary>
/// Loads a new year's holiday notice (every November) into a layer, validated, recorded as an event; who may: <see cref="CalendarGuards"/>.
/// </summary>
public static class LoadCalendarYearEndpoint
{
    [Authorize(Roles = Roles.Administrator + "," + Roles.Reviewer)]
    [WolverinePost("/api/admin/calendar/{layerId}/years", OperationId = CalendarGuards.LoadYear, Summary = "载入一年的节假日安排")]
    [ProducesResponseType<CalendarYearView>(200)]
    public static async Task<IResult> Post(string layerId, LoadCalendarYear request, IDocumentSession session,
        IWorkingDayCalendar calendar, PolicyCatalog catalog, CalendarSync sync, ILogger<CalendarSync> logger, AccessContext caller, Actor by,
        CancellationToken ct)
    {
        var layer = calendar.Current.HasLayer(layerId) ? CalendarLayerAccess.Of(calendar.Current.Layer(layerId), catalog) : null;
        if (CalendarGuards.Table.Denies(CalendarGuards.LoadYear, layer, caller, out var denied)) return denied;
        CalendarYear year;
        try
        {
            year = new CalendarYear(request.Year, CalendarData.ExpandAll(request.Off ?? []), CalendarData.ExpandAll(request.Work ?? []),
                request.Source?.Trim() ?? "");
        }
        catch (InvalidValueException e)
        {
            return Results.Problem(Problems.Validation(e.Field, e.Message));
        }
        var errors = CalendarData.Validate(year);
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));

        session.Events.Append(StreamIds.FromName("calendar:" + layerId),
            new CalendarYearLoaded(layerId, year.Year, year.Off, year.Work, year.Source, by));
        await session.SaveChangesAsync(ct);
        // this node answers with the year at once; the others take it from the log within Calendar:RefreshSeconds — and so does
        // this one if the refresh fails now: the year is committed, the answer says so
        try { await sync.RefreshAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The calendar year {Year} of {Layer} is loaded; this node applies it at its next refresh", year.Year, layerId);
        }
        return Results.Ok(new CalendarYearView(year.Year, year.Source, year.Off, year.Work));
    }
}
