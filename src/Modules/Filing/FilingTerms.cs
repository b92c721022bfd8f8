using Assessment.Filing.Applications;
using Assessment.Filing.Directory;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Filings;
using Assessment.Filing.Materials;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel.Reference;
using Assessment.SharedKernel.Values;

namespace Assessment.Filing;

/// <summary>The Filing module's names for its codes.</summary>
public sealed class FilingTerms : ITermProvider
{
    public IReadOnlyDictionary<string, IReadOnlyList<Term>> Terms() => new Dictionary<string, IReadOnlyList<Term>>
    {
        ["applicationStatuses"] = TermLists.Of<ApplicationStatus>(ApplicationNames.Status),
        ["applicationKinds"] = TermLists.Of<ApplicationKind>(ApplicationNames.Kind),
        ["filingStatuses"] = TermLists.Of<FilingStatus>(QueryDirectoryEndpoint.StatusName),
        ["materialItems"] = MaterialItems.Names.Select(i => new Term(i.Key.ToString(), MaterialItems.Name(i.Key))).ToList(),
        ["evaluationSubjects"] = TermLists.Of(EvaluationSubjects.Names),
        ["organizationNatures"] = TermLists.Of<OrganizationNature>(OrganizationNames.Nature),
        ["organizationCategories"] = TermLists.Of<OrganizationCategory>(OrganizationNames.Category),
        ["occupationTypes"] = TermLists.Of<Catalog.OccupationType>(t => t == Catalog.OccupationType.Access ? "准入类" : "技能类"),
        ["evaluatedPopulations"] = TermLists.Of<EvaluatedPopulation>(Submission.ApplicantRules.PopulationName),
    };
}
