using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.SharedKernel.Contracts;

/// <summary>
/// A certification batch of an organization was carried out (sent by the Batches module when a batch's results are
/// filed). The Filing module records it on the organization's filing: FIL-13 asks whether a filed organization has run
/// certification before it may apply for new occupations or levels.
/// </summary>
public sealed record CertificationRunRecorded(Guid OrganizationId, string Jurisdiction, string Occupation, LocalDate RunOn, Actor By);
