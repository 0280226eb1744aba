using LaunderTrail.Cli;

return await LaunderTrailApp.RunAsync(args);
