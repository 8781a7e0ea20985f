using SearchService.Cli;

return CommandLine.Run(args);
