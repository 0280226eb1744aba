using System.Globalization;

namespace LaunderTrail.Tests.Support;

/// <summary>A clock that says what the test tells it, so recorded times (and hashes over them) are repeatable.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public static FixedClock At(string iso) => new(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture));
}
