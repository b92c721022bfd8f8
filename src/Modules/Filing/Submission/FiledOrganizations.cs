using Assessment.Filing.Applications;
using Assessment.Filing.Organizations;
using Marten;

namespace Assessment.Filing.Submission;

/// <summary>What the submission rules read from granted filings (FIL-04 counts, FIL-13 and FIL-10 the organization's own).</summary>
public static class FiledOrganizations
{
    /// <summary>FIL-04: other organizations currently filed in the jurisdiction, per occupation (catalog key).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> PerOccupationAsync(IQuerySession session, FilingApplication application)
    {
        var keys = await session.Query<Filings.FilingRecord>()
            .Where(f => f.Jurisdiction == application.Jurisdiction && f.OrganizationId != application.OrganizationId
                        && (f.Status == Filings.FilingStatus.Active || f.Status == Filings.FilingStatus.Suspended))
            .Select(f => f.OccupationKeys).ToListAsync();
        return keys.SelectMany(k => k.Distinct()).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>FIL-10 [AH]: an enterprise or school holding a filing (anywhere) that covers every occupation and level applied for.</summary>
    public static async Task<bool> FiledForSameOccupationsAsync(IQuerySession session, FilingApplication application, Organization organization)
    {
        if (organization.Nature is not (OrganizationNature.Enterprise or OrganizationNature.TechnicalSchool)
            || application.Occupations.Count == 0) return false;
        var filings = await session.Query<Filings.FilingRecord>()
            .Where(f => f.OrganizationId == application.OrganizationId && f.Status == Filings.FilingStatus.Active).ToListAsync();
        return filings.Any(f => application.Occupations.All(line => f.Occupations.Any(o =>
            o.Name == line.Name && o.HighestLevel <= line.HighestLevel && o.LowestLevel >= line.LowestLevel)));
    }

    /// <summary>The organization's current filing in the jurisdiction, if any (FIL-13; the one a renewal or change names).</summary>
    public static async Task<ExistingFiling?> ExistingAsync(IQuerySession session, FilingApplication application)
    {
        var filings = await session.Query<Filings.FilingRecord>()
            .Where(f => f.OrganizationId == application.OrganizationId && f.Jurisdiction == application.Jurisdiction
                        && (f.Status == Filings.FilingStatus.Active || f.Status == Filings.FilingStatus.Suspended))
            .ToListAsync();
        var filing = application.FilingId is { } id ? filings.FirstOrDefault(f => f.Id == id) : filings.FirstOrDefault();
        return filing is null ? null : new ExistingFiling(filing.Occupations
            .Select(o => new OccupationLine(o.Name, o.Code, o.HighestLevel, o.LowestLevel, false, null, 0, false)).ToList(),
            HasRunCertification: filing.LastCertificationOn is not null);
    }
}
