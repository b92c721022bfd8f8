using Assessment.Notices.Closing;
using Assessment.Notices.Notices;
using Assessment.SharedKernel.Contracts;
using Marten;
using NodaTime;
using Wolverine;

namespace Assessment.Notices.Publishing;

/// <summary>Publishes a notice another module asked for (<see cref="OpenNotice"/>), at most once per notice id.</summary>
public static class OpenNoticeHandler
{
    public static async Task<OutgoingMessages> Handle(OpenNotice command, IDocumentSession session, Instant now)
    {
        if (await session.Events.FetchStreamStateAsync(command.NoticeId) is not null) return [];
        session.Events.StartStream<Notice>(command.NoticeId, new NoticePublished(command.NoticeId, command.Kind, command.Subject, command.Body,
            command.AreaCode, command.Jurisdiction, command.CalendarLayer, command.WindowStart, command.WindowEnd, command.Length,
            command.LengthUnit, command.SubjectReference, command.RequestedAt, command.By));
        return [CloseNoticeWindowHandler.Close(command.NoticeId, command.WindowEnd, now)];
    }
}
