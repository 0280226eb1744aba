namespace LaunderTrail.Court;

/// <summary>
/// A read refused because a stored event of the case is not the one recorded (its digest or chain hash does not
/// match) or not in its place (missing, out of order, beyond the case's version). Nothing is traced or answered from
/// such a case; <c>laundertrail verify --case</c> names the same event.
/// </summary>
public sealed class TamperedCaseException(string @case, VerificationFailure failure)
    : Exception($"case {@case}, {failure}; the case's events were altered after they were recorded, so nothing is traced from them")
{
    public string Case { get; } = @case;

    public VerificationFailure Failure { get; } = failure;
}
