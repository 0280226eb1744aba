namespace LaunderTrail.Tracing;

/// <summary>
/// Numbers names (accounts, lots, products) in the order they are first met, so that tracing keeps its tallies in arrays
/// indexed by number instead of hashing the same strings again for every fact. Met in recording order, the
/// numbering is the same on every run.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
    private readonly List<string> names = [];

    public int Count => names.Count;

    public string this[int number] => names[number];

    public int NumberOf(string name)
    {
        if (!numbers.TryGetValue(name, out var number))
        {
            number = names.Count;
            numbers.Add(name, number);
            names.Add(name);
        }
        return number;
    }
}
