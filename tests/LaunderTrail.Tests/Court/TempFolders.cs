namespace LaunderTrail.Tests.Court;

/// <summary>Temporary folders for bundles, removed when the test is done.</summary>
internal sealed class TempFolders : IDisposable
{
    private readonly List<string> _folders = [];

    public string Create()
    {
        var folder = Directory.CreateTempSubdirectory("laundertrail-bundle-").FullName;
        _folders.Add(folder);
        return folder;
    }

    public void Dispose()
    {
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
    }
}
