using LaunderTrail.Court;
using Spectre.Console;

namespace LaunderTrail.Cli;

/// <summary>
/// Standard error: progress, notes and errors go here so that standard output carries only the
/// command's result (a report, a key) and can be piped or captured as it is. Messages often quote input (a case
/// number, a file's line): they are written through <see cref="VisibleText"/>, so no control character reaches the
/// terminal.
/// </summary>
public static class Diagnostics
{
    public static readonly IAnsiConsole Console =
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });

    public static bool IsInteractive => !System.Console.IsErrorRedirected;

    public static void Note(string message) => Console.MarkupLineInterpolated($"[grey]{VisibleText.Of(message)}[/]");

    public static void Error(string message) => System.Console.Error.WriteLine(VisibleText.Of(message));
}
