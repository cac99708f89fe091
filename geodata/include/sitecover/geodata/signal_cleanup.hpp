#pragma once
/// @file
/// Staged outputs removed on termination signals. A program that writes through StagedFile
/// (or TableWriter) calls this once at start; afterwards every catchable signal whose default
/// action ends the process (SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGUSR1, SIGUSR2,
/// SIGXFSZ, SIGXCPU, SIGALRM, SIGVTALRM, SIGPROF; those left at their default action, not one
/// ignored or already handled) removes every staging directory of the process and end it with the
/// signal's conventional status (128 + signal number, as the shell reports it), by restoring the
/// default action and raising the signal again. A signal that arrives while finished files are
/// being published is delivered right after the publication, so a published file is always
/// complete.
///
/// SIGKILL and power loss cannot be caught: they may leave hidden `.sitecover-tmp-<pid>-<n>`
/// directories beside the outputs. The next StagedFile in that directory removes those whose
/// process no longer exists (a process id reused since keeps them until it ends).

namespace sitecover::geodata {

/// Installs the handlers (idempotent). Not for programs that handle these signals themselves.
void remove_staged_files_on_signals();

}  // namespace sitecover::geodata
