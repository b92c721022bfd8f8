using Assessment.Batches.Batches;
using Marten.Events.Aggregation;

namespace Assessment.Batches.Running;

/// <summary>
/// BAT-04: the inspectors dispatched to a batch, kept apart from what its page shows everyone (an inspection is not announced
/// to the organization it checks); the inspector's list ("my spot checks") queries it.
/// </summary>
public sealed class BatchInspections
{
    public Guid Id { get; set; }
    public List<InspectorDispatch> Dispatches { get; set; } = [];
    public List<Guid> InspectorIds { get; set; } = [];
}

public sealed class BatchInspectionsProjection : SingleStreamProjection<BatchInspections, Guid>
{
    public static BatchInspections Create(InspectorDispatched e) => Apply(e, new BatchInspections { Id = e.BatchId });

    public static BatchInspections Apply(InspectorDispatched e, BatchInspections view)
    {
        view.Dispatches.Add(new InspectorDispatch(e.InspectorId, e.InspectorName, e.Step, e.On));
        if (!view.InspectorIds.Contains(e.InspectorId)) view.InspectorIds.Add(e.InspectorId);
        return view;
    }
}
