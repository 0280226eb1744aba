using LaunderTrail.Court;

namespace LaunderTrail.Flows;

/// <summary>
/// A case whose read model could not be brought up to date (its figures overflow decimal arithmetic, say): named,
/// with a short reason a reader may see, and left out, so that it never keeps the other cases from being read.
/// </summary>
public sealed record UnreadableCase(string Case, string Reason, Exception Failure)
{
    /// <summary>
    /// Whether the failure is the case's own (its events, its figures), so that skipping the case is right; a failure
    /// of the database or the machine is not, and is left to whoever retries.
    /// </summary>
    public static bool IsAboutTheCase(Exception failure) => failure is TamperedCaseException or ArithmeticException;

    /// <summary>A reason to show a reader: what kind of failure, never the exception's own text.</summary>
    public static string ReasonOf(Exception failure) => failure switch
    {
        RefusedCaseException refused => refused.Reason,
        TamperedCaseException tampered =>
            $"its recorded events fail the integrity check at {tampered.Failure.Place}, so nothing is traced from them",
        OverflowException => "its figures cannot be computed: an amount overflows decimal arithmetic",
        ArithmeticException => "its figures cannot be computed: an arithmetic error",
        _ => "its figures could not be read",
    };
}
