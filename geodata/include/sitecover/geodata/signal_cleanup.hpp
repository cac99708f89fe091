#pragma once
/// @file
/// Staged outputs removed on termination signals. A program that writes through StagedFile
/// (or TableWriter) calls this once at start; afterwards SIGINT, SIGTERM, SIGHUP and SIGPIPE
/// remove every staging directory of the process and end it with the signal's conventional
/// status (128 + signal number, as the shell reports it), by restoring the default action and
/// raising the signal again. A signal that arrives while finished files are being published
/// is delivered right after the publication, so a published file is always complete.
///
/// SIGKILL and power loss cannot be caught: they may leave hidden `.sitecover-tmp-*`
/// directories beside the outputs (see the README).

namespace sitecover::geodata {

/// Installs the handlers (idempotent). Not for programs that handle these signals themselves.
void remove_staged_files_on_signals();

}  // namespace sitecover::geodata
