using Assessment.SharedKernel.Hosting;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assessment.Filing.Catalog;

/// <summary>
/// Keeps this process's occupation catalog equal to the shipped one with the last import over it: at start-up before the first
/// request, at once after an import on this node, and every <c>Catalog:RefreshSeconds</c> (10 by default) for an import made on
/// another node — the catalog stream's version says whether anything changed, so an idle refresh reads one row.
/// </summary>
public sealed class OccupationCatalogSync(IDocumentStore store, OccupationCatalog catalog, IConfiguration config,
    ILogger<OccupationCatalogSync> logger) : PeriodicRefresh(config, logger, "Catalog", "the occupation catalog")
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _applied = -1;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try { await RefreshAsync(cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not load the imported occupation catalog; the shipped catalog is used until the next refresh");
        }
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Puts the last import over the shipped catalog, if the catalog stream moved since the last time.</summary>
    public override async Task RefreshAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await using var session = store.QuerySession();
            var version = (await session.Events.FetchStreamStateAsync(ImportedOccupationCatalog.StreamId, ct))?.Version ?? 0;
            if (version == _applied) return;
            var imported = version == 0 ? null : await session.LoadAsync<ImportedOccupationCatalog>(ImportedOccupationCatalog.StreamId, ct);
            catalog.Overlay(imported?.Entries ?? []);
            _applied = imported?.Version ?? 0;
            if (imported is not null)
                logger.LogInformation("Occupation catalog: {Count} imported entries from {File}", imported.Entries.Count, imported.FileName);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>An import this node committed, served at once.</summary>
    public void Applied(long version, IReadOnlyList<CatalogOccupation> entries)
    {
        _lock.Wait();
        try
        {
            catalog.Overlay(entries);
            _applied = version;
        }
        finally
        {
            _lock.Release();
        }
    }
}
