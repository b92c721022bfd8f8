using Assessment.SharedKernel.Contracts;
using Marten;
using NodaTime;

namespace Assessment.Filing.Filings;

/// <summary>Records a certification run on the organization's current filing in that jurisdiction (FIL-13).</summary>
public static class CertificationRunRecordedHandler
{
    public static async Task Handle(CertificationRunRecorded message, IDocumentSession session, Instant now)
    {
        var filings = await session.Query<FilingRecord>()
            .Where(f => f.OrganizationId == message.OrganizationId && f.Jurisdiction == message.Jurisdiction
                        && (f.Status == FilingStatus.Active || f.Status == FilingStatus.Suspended))
            .Select(f => f.Id).ToListAsync();
        foreach (var id in filings)
            session.Events.Append(id, new FilingCertificationRun(id, message.Occupation, message.RunOn, now, message.By));
    }
}
