using LaunderTrail.Generation;
using LaunderTrail.Generation.Statements;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Generation.Statements;

public sealed class GenerateStatementsCommandTests
{
    [Fact]
    public async Task Generate_with_statements_writes_the_folder_of_the_reference_case_into_the_directory()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lt-statements-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await LaunderTrailProcess.RunAsync(new Dictionary<string, string>(), "generate", "--statements", folder);

            Assert.Equal(0, result.ExitCode);
            var expected = StatementFolder.Files(ReferenceCaseGenerator.Generate(new GenerationOptions()));
            Assert.Equal(expected.Select(f => f.Name).Order(StringComparer.Ordinal),
                Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.All(expected, file => Assert.Equal(file.Bytes, File.ReadAllBytes(Path.Combine(folder, file.Name))));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Statements_and_out_together_are_refused()
    {
        var result = await LaunderTrailProcess.RunAsync(new Dictionary<string, string>(), "generate", "--statements", "x", "--out", "y.jsonl");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--statements and --out cannot be combined", result.Output + result.Errors);
    }
}
