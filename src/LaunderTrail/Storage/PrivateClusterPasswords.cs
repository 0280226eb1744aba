using System.Security.Cryptography;
using System.Text;

namespace LaunderTrail.Storage;

/// <summary>
/// The passwords of the private cluster's logins, in one file of PostgreSQL's password-file format (the format of
/// ~/.pgpass) under the data root, readable and writable by the user running LaunderTrail alone (mode 0600). The
/// connection strings name the file (Npgsql's Passfile), so no password is ever part of one, and
/// <c>PGPASSFILE=&lt;data root&gt;/pgpass psql -h 127.0.0.1 -p &lt;port&gt; -U laundertrail_app laundertrail</c> works too.
/// </summary>
internal sealed class PrivateClusterPasswords
{
    private const string Host = "127.0.0.1";
    private const int RandomBytes = 32;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Dictionary<string, string> passwords;

    private PrivateClusterPasswords(string path, Dictionary<string, string> passwords)
    {
        Path = path;
        this.passwords = passwords;
    }

    public string Path { get; }

    public string For(string role) => passwords[role];

    /// <summary>
    /// Reads the file, adds a fresh password for every role that has none yet and writes it back (atomically, 0600).
    /// A file that others could read is narrowed back to 0600: its passwords are kept, since the server already
    /// knows them and is told them again on every start anyway.
    /// </summary>
    public static PrivateClusterPasswords LoadOrCreate(string path, IReadOnlyList<string> roles)
    {
        var passwords = File.Exists(path) ? Parse(File.ReadAllLines(path)) : new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = roles.Where(role => !passwords.ContainsKey(role)).ToList();
        foreach (var role in missing)
            passwords[role] = NewPassword();

        if (missing.Count > 0)
            Write(path, roles.Select(role => $"{Host}:*:*:{role}:{passwords[role]}"));
        else if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerOnly)
            File.SetUnixFileMode(path, OwnerOnly);

        return new PrivateClusterPasswords(path, passwords);
    }

    /// <summary>Writes a one-line file that only its owner can read, e.g. the superuser's password for initdb.</summary>
    public static void WriteSecretFile(string path, string text) => Write(path, [text]);

    // Base64url has neither ':' nor '\', the two characters the password-file format would need escaped, nor a quote
    // that SQL would.
    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(RandomBytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Dictionary<string, string> Parse(IEnumerable<string> lines)
    {
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var fields = line.Split(':');
            if (fields.Length == 5 && fields[4].Length > 0)
                passwords[fields[3]] = fields[4];
        }

        return passwords;
    }

    // Created under a temporary name with mode 0600 from the start, then renamed: there is never a moment when the
    // file exists with wider permissions or half written.
    private static void Write(string path, IEnumerable<string> lines)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using (var file = new FileStream(temporary, options))
        {
            file.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n"))));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
