namespace LaunderTrail.Cli;

/// <summary>Exit codes from sysexits.h, which scripts and CI already understand.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>EX_DATAERR: the input data was incorrect.</summary>
    public const int DataError = 65;

    /// <summary>EX_NOINPUT: an input file did not exist or was not readable.</summary>
    public const int NoInput = 66;

    /// <summary>EX_TEMPFAIL: not yet; the same command later may succeed (facts still being traced).</summary>
    public const int TryAgain = 75;

    /// <summary>A recomputed hash or a regenerated file differs from what was recorded.</summary>
    public const int VerificationFailed = 1;
}
