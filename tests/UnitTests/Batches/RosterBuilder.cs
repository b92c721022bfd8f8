using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;

namespace Assessment.UnitTests.Batches;

/// <summary>Decider tests' batches: the snapshot and its roster evolved from the same events, as the inline projections keep them.</summary>
public static class RosterBuilder
{
    public static Roster Apply(this Batch batch, Roster roster, params object[] events)
    {
        foreach (var e in events)
        {
            ((dynamic)batch).Apply((dynamic)e);
            roster = roster.With(e);
        }
        return roster;
    }
}
