using Assessment.Filing.Applications;
using Assessment.SharedKernel.Contracts;
using Marten;
using NodaTime;

namespace Assessment.Filing.Publicity;

/// <summary>Keeps an application's publicity in step with its notice (objections lodged/resolved, closing, withdrawal).</summary>
public static class NoticeStateChangedHandler
{
    public static async Task Handle(NoticeStateChanged message, IDocumentSession session, Instant now)
    {
        if (message.Kind != NoticeKind.FilingPublicity || PublicityDecider.ApplicationOf(message.SubjectReference) is not { } applicationId) return;
        var stream = await session.Events.FetchForWriting<FilingApplication>(applicationId);
        if (PublicityDecider.Progress(stream.Aggregate, message, now) is { } progressed) stream.AppendOne(progressed);
    }
}
