using SearchService.Cli;

return await CommandLine.RunAsync(args);
