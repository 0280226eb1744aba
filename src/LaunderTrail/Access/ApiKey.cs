namespace LaunderTrail.Access;

/// <summary>
/// An API key as stored: only the SHA-256 of the secret (the document id), never the secret itself, so a copy
/// of the database lets nobody call the API.
/// </summary>
public sealed class ApiKey
{
    /// <summary>SHA-256 of the secret, Base64Url.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }
    public required ApiRole Role { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}
