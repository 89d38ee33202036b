using System.Runtime.InteropServices;
using LeadScoring.Cli;

// Ctrl+C, SIGTERM and SIGHUP stop the run as usual, but first delete the temporary files of outputs not yet
// moved into place, so that an interrupted run leaves neither a partial output nor a stray temporary file.
// (SIGKILL cannot be caught: it can leave a temporary file, never a partial output.)
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => OutputFile.DeleteUncommitted());
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => OutputFile.DeleteUncommitted());
using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => OutputFile.DeleteUncommitted());

return CommandLine.Run(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Out, Console.Error, TimeProvider.System, errorIsTerminal: !Console.IsErrorRedirected);
