namespace LaunderTrail.Storage;

/// <summary>The private PostgreSQL server could not be prepared; the message carries PostgreSQL's own output.</summary>
public sealed class PrivateClusterException(string message) : Exception(message);
