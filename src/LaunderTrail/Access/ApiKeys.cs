using Marten;

namespace LaunderTrail.Access;

/// <summary>Issues, lists, revokes and recognises API keys, stored as Marten documents.</summary>
public sealed class ApiKeys(IDocumentStore documents, TimeProvider clock)
{
    /// <returns>The secret, to be shown once, or null when an active key already has this name.</returns>
    public async Task<string?> AddAsync(string name, ApiRole role, CancellationToken ct = default)
    {
        await using var session = documents.LightweightSession();
        if (await session.Query<ApiKey>().AnyAsync(k => k.Name == name && k.RevokedAt == null, ct))
            return null;
        var secret = ApiKeySecret.New();
        session.Store(new ApiKey { Id = ApiKeySecret.Hash(secret), Name = name, Role = role, CreatedAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>Every key, revoked ones too, by name then creation time.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default)
    {
        await using var session = documents.QuerySession();
        var keys = await session.Query<ApiKey>().ToListAsync(ct);
        return keys.OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.CreatedAt).ToList();
    }

    /// <returns>Whether an active key of that name was revoked.</returns>
    public async Task<bool> RevokeAsync(string name, CancellationToken ct = default)
    {
        await using var session = documents.LightweightSession();
        var active = await session.Query<ApiKey>().Where(k => k.Name == name && k.RevokedAt == null).ToListAsync(ct);
        foreach (var key in active)
        {
            key.RevokedAt = clock.GetUtcNow();
            session.Store(key);
        }

        await session.SaveChangesAsync(ct);
        return active.Count > 0;
    }

    /// <summary>The active key with this secret, or null.</summary>
    public async Task<ApiKey?> FindAsync(string secret, CancellationToken ct = default)
    {
        await using var session = documents.QuerySession();
        var key = await session.LoadAsync<ApiKey>(ApiKeySecret.Hash(secret), ct);
        return key is { IsActive: true } ? key : null;
    }
}
