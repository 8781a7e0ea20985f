using Microsoft.Extensions.Options;
using SearchService.Api;

try
{
    var app = SearchApp.Create(args);
    app.Run();
    return 0;
}
catch (OptionsValidationException e)
{
    // A bad setting stops the app with a message naming it, not a stack trace.
    Console.Error.WriteLine($"error: invalid settings: {string.Join(" ", e.Failures)}");
    return 2;
}
catch (InvalidOperationException e) when (e.Message.Contains("configuration value", StringComparison.Ordinal))
{
    Console.Error.WriteLine($"error: invalid settings: {e.Message}");
    return 2;
}

/// <summary>The entry point, visible to the in-memory test host.</summary>
public partial class Program;
