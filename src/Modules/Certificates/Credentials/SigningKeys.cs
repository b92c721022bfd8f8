using Marten;
using NodaTime;

namespace Assessment.Certificates.Credentials;

/// <summary>The platform's certificate signing key (ES256), stored once for every API process of the deployment.</summary>
public sealed class StoredSigningKey
{
    /// <summary>"current": one key signs at a time; older keys would stay here for verification after a rotation.</summary>
    public string Id { get; set; } = "";
    public string Kid { get; set; } = "";
    public string Pkcs8 { get; set; } = "";
    public Instant CreatedAt { get; set; }
}

/// <summary>
/// Loads the signing key: from <see cref="Issuance.CertificatesOptions.SigningKeyPath"/> (a PKCS#8 file, for deployments that
/// keep keys out of the database) or else from the database, where the first process to need one creates it (an insert that
/// loses the race reloads the winner's key, so all processes sign with the same key).
/// </summary>
public sealed class SigningKeys(IDocumentStore store, Issuance.CertificatesOptions options, IClock clock)
{
    private const string CurrentId = "current";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKey? _current;

    public async Task<SigningKey> CurrentAsync(CancellationToken ct = default)
    {
        if (_current is not null) return _current;
        await _gate.WaitAsync(ct);
        try
        {
            return _current ??= await LoadAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The public keys a verifier accepts (published as a JWKS).</summary>
    public async Task<IReadOnlyList<VerificationKey>> PublishedAsync(CancellationToken ct = default) => [(await CurrentAsync(ct)).PublicKey];

    private async Task<SigningKey> LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPath))
            return SigningKey.FromPkcs8(await File.ReadAllBytesAsync(options.SigningKeyPath, ct));
        for (var attempt = 0; ; attempt++)
        {
            await using (var query = store.QuerySession())
            {
                if (await query.LoadAsync<StoredSigningKey>(CurrentId, ct) is { } stored)
                    return SigningKey.FromPkcs8(Convert.FromBase64String(stored.Pkcs8));
            }
            var key = SigningKey.Generate();
            await using var session = store.LightweightSession();
            session.Insert(new StoredSigningKey
            {
                Id = CurrentId, Kid = key.Kid, Pkcs8 = Convert.ToBase64String(key.ExportPkcs8()), CreatedAt = clock.GetCurrentInstant()
            });
            try
            {
                await session.SaveChangesAsync(ct);
                return key;
            }
            catch (Exception) when (attempt < 3)
            {
                key.Dispose();
            }
        }
    }
}
