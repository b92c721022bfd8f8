using System.Reflection;
using Assessment.SharedKernel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.UnitTests.Architecture;

/// <summary>
/// Issue 16, AUD-04: every endpoint that returns personal data goes through the one rule. An endpoint whose answer carries an
/// identity number or phone, or that serves a personal-data file, is either a list (masked for everyone: listed here) or opens
/// one record / an export and then takes <see cref="PersonalDataReads"/> — the purpose, the rule and the record in one call.
/// A new endpoint that returns personal data fails here until it is one or the other.
/// </summary>
public class PersonalDataEndpointTests
{
    private static readonly Assembly[] Assemblies = [.. ModuleBoundaryTests.Modules, typeof(Assessment.Api.PlatformHost).Assembly];

    /// <summary>Lists: masked for everyone by <see cref="PersonalDataRule.ForList"/> or masking of the view itself.</summary>
    private static readonly HashSet<string> Lists =
    [
        "getBatch", "listCertificates", "listCertificateCorrections", "getCertificateHistory", "listStaffMembers",
        // the objectors' contacts, masked; one objection is opened in full (getObjection)
        "listObjections",
        // the organization's own contact (a published business contact, not a person's data) and the reviewer's screens of it
        "getOrganization", "listOrganizations", "searchDirectory", "getDirectoryEntry",
    ];

    /// <summary>Files that carry identity numbers, photos or phones.</summary>
    private static readonly HashSet<string> PersonalFiles =
    [
        "downloadCandidatePhoto", "downloadCertificateTable", "downloadIssuedCertificateTable", "downloadCertificatePdf", "downloadBatchCertificates",
        "downloadResultsTemplate",
    ];

    private sealed record Endpoint(Type Type, MethodInfo Method, string OperationId);

    private static IEnumerable<Endpoint> Reads() =>
        from type in Assemblies.SelectMany(a => a.GetTypes())
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let route = method.GetCustomAttribute<WolverineGetAttribute>()
        where route is not null
        select new Endpoint(type, method, route.OperationId ?? method.Name);

    private static IEnumerable<Type> Answers(MethodInfo method)
    {
        yield return method.ReturnType;
        foreach (var produces in method.GetCustomAttributes<ProducesResponseTypeAttribute>()) yield return produces.Type;
    }

    private static bool CarriesPersonalData(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true
            && !type.IsGenericType) return false;
        if (type.IsGenericType && type.GetGenericArguments().Any(a => CarriesPersonalData(a, seen))) return true;
        if (type.IsArray) return CarriesPersonalData(type.GetElementType()!, seen);
        // a range's DocumentNumber is the allocation's 文号, an official document's number, not a person's
        if (type == typeof(Assessment.Certificates.Ranges.SerialRangeItem)) return false;
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p =>
            p.Name is "DocumentNumber" or "Phone" or "ContactPhone" or "DeclaredRelations" || CarriesPersonalData(p.PropertyType, seen));
    }

    [Fact]
    public void issue_16_every_endpoint_returning_personal_data_is_a_masked_list_or_asks_the_one_rule_and_records_the_read()
    {
        var problems = new List<string>();
        var found = new List<string>();
        foreach (var e in Reads())
        {
            var personal = PersonalFiles.Contains(e.OperationId) || Answers(e.Method).Any(t => CarriesPersonalData(t, []));
            if (!personal) continue;
            found.Add(e.OperationId);
            if (Lists.Contains(e.OperationId)) continue;
            if (e.Method.GetParameters().All(p => p.ParameterType != typeof(PersonalDataReads)))
                problems.Add($"{e.Type.Name} ({e.OperationId}) returns personal data but neither is a masked list nor takes PersonalDataReads");
        }
        problems.ShouldBeEmpty();
        found.ShouldContain("getCertificate");
        found.ShouldContain("getBatchCandidate");
        found.ShouldContain("getCertificateCorrection");
        // the allow-list holds no stale names
        Lists.Except(found).ShouldBeEmpty();
    }

    /// <summary>Files without personal data (templates, the public directory, summaries, the ledger, filing materials' own checks).</summary>
    private static readonly HashSet<string> OtherFiles =
    [
        "downloadCandidateTemplate", "downloadResultsSummary", "exportBatchLedger", "exportDirectory", "downloadOccupationCatalogTemplate",
        "downloadFilingMaterial", "getFilingReceipt", "downloadOrganizationSeal",
    ];

    [Fact]
    public void issue_16_every_file_a_read_endpoint_serves_is_classified_as_personal_or_not()
    {
        var files = Reads().Where(e => e.Method.GetCustomAttributes<ProducesResponseTypeAttribute>()
            .Any(p => p.Type == typeof(FileContentResult) || p.Type == typeof(FileStreamResult))).Select(e => e.OperationId).ToList();
        files.ShouldNotBeEmpty();
        files.Where(f => !PersonalFiles.Contains(f) && !OtherFiles.Contains(f)).ShouldBeEmpty();
    }

    [Fact]
    public void issue_16_no_module_decides_personal_data_on_its_own()
    {
        // the old per-module rules are gone; only the one rule names who sees personal data in full
        var types = Assemblies.SelectMany(a => a.GetTypes()).ToList();
        types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name == "SeesPersonalData").Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ShouldBeEmpty();
    }
}
