using System.CommandLine;
using SiteGen.Cli;

// sitegen: exit 0 built, 1 content errors, 2 usage errors.
return Commands.Run(args, Console.Out, Console.Error);
