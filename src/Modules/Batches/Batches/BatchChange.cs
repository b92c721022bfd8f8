namespace Assessment.Batches.Batches;

/// <summary>
/// What a command on a batch answers: the batch and its version after the change. Never the batch itself — it holds
/// candidates' identity numbers and phones, which the caller may not be entitled to (BAT-09); screens read GET /api/batches/{id}.
/// </summary>
public sealed record BatchChange(Guid Id, long Version)
{
    public static BatchChange After(Batch batch, int events = 1) => new(batch.Id, batch.Version + events);
}
