using SiteGen.Cli;

// sitegen: exit 0 built, 1 content errors, 2 usage errors, 70 internal error (caught in Commands.Run, logged to a file).
return Commands.Run(args, Console.Out, Console.Error);
